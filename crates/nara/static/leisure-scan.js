// The leisure bank's scan page: where the browser can read QR codes (BarcodeDetector) and has a
// camera, a button opens the camera and fills in the label's code. Without it the code is typed;
// the page works the same either way.
(function () {
  'use strict';
  var form = document.getElementById('skanna');
  var input = document.getElementById('kod');
  if (!form || !input || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
    return;
  }
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary';
  button.textContent = form.getAttribute('data-camera-label') || 'Kamera';
  var video = document.createElement('video');
  video.setAttribute('playsinline', '');
  video.setAttribute('aria-hidden', 'true');
  video.muted = true;
  video.hidden = true;
  form.appendChild(button);
  form.appendChild(video);
  button.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      var look = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length > 0) {
            stream.getTracks().forEach(function (track) { track.stop(); });
            input.value = codes[0].rawValue;
            form.submit();
          } else {
            window.requestAnimationFrame(look);
          }
        }, function () { window.requestAnimationFrame(look); });
      };
      look();
    }, function () {
      // No camera or no permission: typing the code is still there.
      button.hidden = true;
    });
  });
})();
