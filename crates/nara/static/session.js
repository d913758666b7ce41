// Enhancement only: two minutes before an idle session ends, say so in a live region and offer
// the "stay signed in" button; when it has ended, reload so the page no longer shows data.
// Without JavaScript the session bar already states the time the session ends.
(function () {
  'use strict';
  var bar = document.querySelector('[data-session-ends-in]');
  var warning = document.getElementById('session-warning');
  if (!bar || !warning) { return; }
  var secondsLeft = parseInt(bar.getAttribute('data-session-ends-in'), 10);
  if (!(secondsLeft > 0)) { return; }
  var warnAt = Math.max(secondsLeft - 120, 0);
  window.setTimeout(function () {
    warning.hidden = false;
    var button = warning.querySelector('button');
    if (button) { button.focus(); }
  }, warnAt * 1000);
  window.setTimeout(function () { window.location.reload(); }, (secondsLeft + 2) * 1000);
}());
