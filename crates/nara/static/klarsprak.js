// Plain-language hints as staff type: the text of a field with a hints region
// (data-klarsprak-for) is sent to POST /api/v1/klarsprak a moment after typing stops, and the
// region shows the same lines the server shows on save. Without the script the hints still
// come with every save. Several regions may load the script; it runs once.
(function () {
  'use strict';
  if (window.naraKlarsprak || !window.fetch) {
    return;
  }
  window.naraKlarsprak = true;
  var WAIT_MS = 800;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function lines(region, report) {
    if (report.lix === null || report.lix === undefined) {
      return [];
    }
    var band = region.getAttribute('data-band-' + report.lix_band) || '';
    var out = [fill(region.getAttribute('data-lix'), { lix: Math.round(report.lix), band: band })];
    var seen = {};
    report.bureaucratic.forEach(function (hit) {
      var key = hit.text.toLowerCase();
      if (!seen[key] && Object.keys(seen).length < 8) {
        seen[key] = true;
        out.push(fill(region.getAttribute('data-word'), { word: hit.text, plain: hit.plain }));
      }
    });
    if (report.long_sentences === 1) {
      out.push(region.getAttribute('data-long-one'));
    } else if (report.long_sentences > 1) {
      out.push(fill(region.getAttribute('data-long-other'), { count: report.long_sentences }));
    }
    return out;
  }

  function show(region, report) {
    var texts = lines(region, report);
    region.textContent = '';
    if (texts.length === 0) {
      return;
    }
    var title = document.createElement('p');
    title.className = 'plain-hints__title';
    title.textContent = region.getAttribute('data-title');
    var list = document.createElement('ul');
    list.className = 'plain-hints__list';
    texts.forEach(function (text) {
      var item = document.createElement('li');
      item.textContent = text;
      list.appendChild(item);
    });
    region.appendChild(title);
    region.appendChild(list);
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-klarsprak-for]'), function (region) {
    var field = document.getElementById(region.getAttribute('data-klarsprak-for'));
    if (!field) {
      return;
    }
    var timer = null;
    var asked = 0;
    field.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var mine = ++asked;
        window.fetch('/api/v1/klarsprak', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: field.value })
        }).then(function (response) {
          return response.ok ? response.json() : null;
        }).then(function (report) {
          // Only the answer to the latest text counts.
          if (report && mine === asked) {
            show(region, report);
          }
        }).catch(function () {});
      }, WAIT_MS);
    });
  });
})();
