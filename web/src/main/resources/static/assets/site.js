// The portal's one script. Pages work without it; it only adds the CSRF token to htmx requests and keyboard
// support for suggestion lists. No eval, no inline handlers (the CSP forbids both).
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers[meta.getAttribute('data-header') || 'X-CSRF-TOKEN'] = meta.getAttribute('content');
    }
  });
})();
