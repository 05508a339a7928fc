// The check-in page (events/registrations/check_in.html).
(function () {
  // The phone camera reads the QR code where the browser has the BarcodeDetector API; the code box and
  // the name search work everywhere.
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
  var section = document.getElementById("scan");
  section.hidden = false;
  var video = document.getElementById("scan-video");
  var input = document.querySelector("#code-form input[name=code]");
  var form = document.getElementById("code-form");
  document.getElementById("scan-start").addEventListener("click", function () {
    var detector = new BarcodeDetector({formats: ["qr_code"]});
    navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}}).then(function (stream) {
      video.srcObject = stream;
      video.play();
      var busy = false;
      var timer = setInterval(function () {
        if (busy) { return; }
        busy = true;
        detector.detect(video).then(function (codes) {
          busy = false;
          if (codes.length) {
            clearInterval(timer);
            stream.getTracks().forEach(function (track) { track.stop(); });
            input.value = codes[0].rawValue;
            form.submit();
          }
        }).catch(function () { busy = false; });
      }, 300);
    });
  });
})();
