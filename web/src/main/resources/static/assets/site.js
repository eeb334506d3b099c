// The portal's one script. Pages work without it; it adds the CSRF token to htmx requests and keyboard support
// to the supplier-name suggestions (a combobox: ArrowDown/ArrowUp move, Enter opens, Escape closes). No eval, no
// inline handlers (the CSP forbids both).
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && event.detail.verb !== 'get') {
      event.detail.headers[meta.getAttribute('data-header') || 'X-CSRF-TOKEN'] = meta.getAttribute('content');
    }
  });

  function options() {
    var list = document.getElementById('suggestions');
    return list && !list.hidden ? Array.prototype.slice.call(list.querySelectorAll('[role="option"]')) : [];
  }

  function select(input, index) {
    var all = options();
    all.forEach(function (option, i) {
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      option.classList.toggle('active', i === index);
    });
    if (index >= 0 && all[index]) {
      input.setAttribute('aria-activedescendant', all[index].id);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function close(input) {
    var list = document.getElementById('suggestions');
    if (list) {
      list.hidden = true;
    }
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  document.addEventListener('htmx:afterSwap', function () {
    var input = document.getElementById('q');
    var list = document.getElementById('suggestions');
    if (input && list) {
      input.setAttribute('aria-expanded', list.hidden ? 'false' : 'true');
    }
  });

  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (!input || input.id !== 'q') {
      return;
    }
    var all = options();
    var current = all.findIndex(function (o) { return o.getAttribute('aria-selected') === 'true'; });
    if (event.key === 'ArrowDown' && all.length) {
      event.preventDefault();
      select(input, (current + 1) % all.length);
    } else if (event.key === 'ArrowUp' && all.length) {
      event.preventDefault();
      select(input, current <= 0 ? all.length - 1 : current - 1);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      var link = all[current].querySelector('a');
      if (link) {
        window.location.assign(link.getAttribute('href'));
      }
    } else if (event.key === 'Escape') {
      close(input);
    }
  });
})();

// "Copy" beside a read-only code box (My badges): the box stays selectable without JavaScript
(function () {
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-copy]');
    if (!button) {
      return;
    }
    var box = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById('copy-status');
    if (!box) {
      return;
    }
    box.focus();
    box.select();
    var done = function () {
      if (status) {
        status.textContent = '';
        status.textContent = status.getAttribute('data-copied');
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
      document.execCommand('copy');
      done();
    }
  });
})();
