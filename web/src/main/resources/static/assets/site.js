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

// "Copy" beside a read-only code box (My badges) or a claim's code (My claims): the text stays selectable without
// JavaScript
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
    var text = 'value' in box ? box.value : box.textContent;
    if ('select' in box) {
      box.focus();
      box.select();
    } else {
      window.getSelection().selectAllChildren(box);
    }
    var done = function () {
      if (status) {
        status.textContent = '';
        status.textContent = status.getAttribute('data-copied');
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { document.execCommand('copy'); done(); });
    } else {
      document.execCommand('copy');
      done();
    }
  });
})();

// ---- Self-assessment wizard (templates/assessment) ----
// Works without this: the section form saves everything with one button. Here: the character count of text answers,
// and a message in the question's status (and the live region) when an htmx autosave could not reach the portal.
(function () {
  'use strict';
  document.addEventListener('input', function (event) {
    var box = event.target;
    if (!box || !box.classList || !box.classList.contains('counted')) {
      return;
    }
    var count = document.getElementById(box.getAttribute('data-count'));
    if (count) {
      count.textContent = count.textContent.replace(/^\d+/, String(Array.from(box.value).length));
    }
  });

  function failed(event) {
    var fieldset = event.detail && event.detail.elt && event.detail.elt.closest && event.detail.elt.closest('fieldset.question');
    var source = document.getElementById('save-failed');
    if (!fieldset || !source) {
      return;
    }
    var status = fieldset.querySelector('.q-status');
    var message = source.getAttribute('data-message');
    if (status) {
      var old = status.querySelector('.save-failed');
      if (old) {
        old.remove();
      }
      var line = document.createElement('p');
      line.className = 'save-failed errors';
      line.textContent = message;
      status.appendChild(line);
    }
    var announcer = document.getElementById('announcer');
    if (announcer) {
      announcer.textContent = message;
    }
  }
  document.addEventListener('htmx:responseError', failed);
  document.addEventListener('htmx:sendError', failed);

  // A search update (a filter ticked, the sort changed) that could not be shown in place — the directory not
  // answering, too many requests, a link that expired, the network gone — loads the same search as a whole page,
  // which says what went wrong and what to do, instead of leaving the old results under the new filters.
  function searchFailed(event) {
    var detail = event.detail || {};
    var elt = detail.elt;
    var path = detail.pathInfo && (detail.pathInfo.finalRequestPath || detail.pathInfo.requestPath);
    if (!elt || elt.id !== 'search-form' || !path || path.indexOf('/search?') !== 0 && path !== '/search') {
      return;
    }
    window.location.assign(path);
  }
  document.addEventListener('htmx:responseError', searchFailed);
  document.addEventListener('htmx:sendError', searchFailed);
})();

// ---- Staying signed in while typing in a long form ----
// The portal's session and Keycloak's end after 30 minutes without a request. Someone writing an offer or a company
// profile for longer would lose it when sending it; so while they type in a form marked data-keep-signed-in, the
// portal is told at most once per that many seconds (the answer does not matter: a session that ended says so when
// the form is sent).
(function () {
  'use strict';
  var last = Date.now();
  document.addEventListener('input', function (event) {
    var form = event.target && event.target.closest && event.target.closest('form[data-keep-signed-in]');
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (!form || !meta || !window.fetch) {
      return;
    }
    var every = 1000 * (parseInt(form.getAttribute('data-keep-signed-in'), 10) || 240);
    if (Date.now() - last < every) {
      return;
    }
    last = Date.now();
    var headers = {};
    headers[meta.getAttribute('data-header') || 'X-CSRF-TOKEN'] = meta.getAttribute('content');
    window.fetch('/account/keep-signed-in', {method: 'POST', headers: headers, credentials: 'same-origin', redirect: 'manual'})
      .catch(function () { /* offline: the form says so when sent */ });
  });
})();

// ---- A long form sent after the sessions ended ----
// Someone who stopped typing for longer than the idle timeouts (a meeting, lunch) and then sends the form is asked to
// sign in again and comes back to the page the form was on; the form itself cannot be replayed. So when such a form
// is sent, what was typed is kept in this tab's sessionStorage; if the portal answered that sending with sign-in, it
// set the cookie form-sent, and the page the person comes back to gets the fields back, with a note saying so. Every
// page deletes both, so what was kept is only ever put back on the page right after that sign-in. Hidden fields (the
// version the form was based on), files and passwords are neither kept nor put back.
(function () {
  'use strict';
  var KEY = 'esg-form-sent';
  var COOKIE = 'form-sent';
  var storage;
  try {
    storage = window.sessionStorage;
  } catch (blocked) {
    return;
  }
  if (!storage) {
    return;
  }

  function kept(element) {
    return element.name && !element.disabled && ['hidden', 'file', 'password', 'submit', 'button', 'reset', 'image']
      .indexOf(element.type) < 0;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.matches || !form.matches('form[data-keep-signed-in]')) {
      return;
    }
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!kept(element)) {
        return;
      }
      if (element.type === 'checkbox' || element.type === 'radio') {
        fields.push([element.name, element.value, element.checked]);
      } else if (element.type === 'select-multiple') {
        fields.push([element.name, Array.prototype.filter.call(element.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; })]);
      } else {
        fields.push([element.name, element.value]);
      }
    });
    try {
      storage.setItem(KEY, JSON.stringify({page: location.pathname, action: form.getAttribute('action'), at: Date.now(), fields: fields}));
    } catch (full) {
      // storage full or refused: the form is sent as before
    }
  }, true);

  var sent = null;
  try {
    sent = JSON.parse(storage.getItem(KEY) || 'null');
  } catch (unreadable) {
    sent = null;
  }
  storage.removeItem(KEY);
  var signedInAgain = document.cookie.split(/;\s*/).indexOf(COOKIE + '=1') >= 0;
  if (signedInAgain) {
    document.cookie = COOKIE + '=; Max-Age=0; Path=/; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
  }
  if (!signedInAgain || !sent || sent.page !== location.pathname || !(Date.now() - sent.at < 2 * 3600 * 1000)
      || !Array.isArray(sent.fields)) {
    return;
  }
  var form = Array.prototype.filter.call(document.querySelectorAll('form[data-keep-signed-in]'), function (f) {
    return f.getAttribute('action') === sent.action;
  })[0];
  if (!form) {
    return;
  }
  var seen = {};
  var restored = 0;
  Array.prototype.forEach.call(form.elements, function (element) {
    if (!kept(element)) {
      return;
    }
    var mine = sent.fields.filter(function (field) { return Array.isArray(field) && field[0] === element.name; });
    if (element.type === 'checkbox' || element.type === 'radio') {
      var match = mine.filter(function (field) { return field[1] === element.value; })[0];
      if (match) {
        element.checked = match[2] === true;
        restored++;
      }
    } else if (element.type === 'select-multiple') {
      if (mine[0] && Array.isArray(mine[0][1])) {
        Array.prototype.forEach.call(element.options, function (o) { o.selected = mine[0][1].indexOf(o.value) >= 0; });
        restored++;
      }
    } else {
      var nth = seen[element.name] || 0;
      seen[element.name] = nth + 1;
      var value = mine[nth] && mine[nth][1];
      var fits = typeof value === 'string' && !element.readOnly && (element.type !== 'select-one'
        || Array.prototype.some.call(element.options, function (o) { return o.value === value; }));
      if (fits) {
        element.value = value;
        restored++;
        var count = element.classList.contains('counted') && document.getElementById(element.getAttribute('data-count'));
        if (count) {
          count.textContent = count.textContent.replace(/^\d+/, String(Array.from(element.value).length));
        }
      }
    }
  });
  if (!restored) {
    return;   // nothing of it fits the form as it is now (say, read-only meanwhile): no note that says otherwise
  }
  var note = document.createElement('p');
  note.className = 'notice form-sent-again';
  note.setAttribute('role', 'status');
  note.setAttribute('tabindex', '-1');
  note.textContent = form.getAttribute('data-sent-again') || '';
  form.insertBefore(note, form.firstChild);   // inside: as wide as the form
  note.focus();
})();

// After an autosave answered, the question's inputs say whether they are invalid (their messages are in its status)
document.addEventListener('htmx:afterSettle', function (event) {
  'use strict';
  var status = event.detail && event.detail.elt;
  if (!status || !status.classList || !status.classList.contains('q-status')) {
    return;
  }
  var id = status.id.replace(/^st-/, '');
  var fieldset = document.getElementById('q-' + id);
  if (!fieldset) {
    return;
  }
  ['value', 'reason'].forEach(function (field) {
    var invalid = !!document.getElementById('err-' + id + '-' + field);
    fieldset.querySelectorAll(field === 'reason' ? 'textarea[name$=".reason"]' : '[name$=".answer"]').forEach(function (input) {
      if (invalid) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    });
  });
});
