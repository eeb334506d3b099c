/*! ESG One e-badge widget. Usage:
 *  <script src="https://<esg-one>/widget/badge.js" data-badge-id="bdg-..." async></script>
 *  Optional: data-lang="en" | "zh-Hant" (default: the page's language, then the browser's).
 * Renders inside a Shadow DOM (the page's CSS cannot reach in, ours cannot leak out), checks the badge's status
 * live and shows "not valid" as soon as the badge is revoked, suspended or expired, or cannot be checked. */
(function () {
  'use strict';

  var TEXT = {
    'en': {
      checking: 'Checking…', verified: 'Verified', notValid: 'Not valid', until: 'Valid until',
      unavailable: 'Cannot be verified right now', notAllowed: 'Verify this badge on ESG One',
      unknown: 'No such badge', link: 'Verify this badge at ESG One',
      VALID: 'Valid', EXPIRED: 'Expired', SUSPENDED: 'Suspended', REVOKED: 'Revoked', UNKNOWN: 'Unknown', INVALID: 'Not valid'
    },
    'zh-Hant': {
      checking: '驗證中…', verified: '已驗證', notValid: '無效', until: '有效期至',
      unavailable: '暫時無法驗證', notAllowed: '請在 ESG One 驗證此徽章',
      unknown: '並無此徽章', link: '在 ESG One 驗證此徽章',
      VALID: '有效', EXPIRED: '已過期', SUSPENDED: '已暫停', REVOKED: '已撤銷', UNKNOWN: '不明', INVALID: '無效'
    }
  };

  var CSS = [
    ':host{all:initial;display:inline-block;vertical-align:middle;contain:content}',
    'a{all:unset;box-sizing:border-box;display:flex;align-items:stretch;width:320px;min-height:88px;cursor:pointer;',
    'border:2px solid #6e7781;border-radius:10px;background:#f3f4f6;overflow:hidden;',
    'font:14px/1.35 system-ui,-apple-system,"Segoe UI","Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;color:#1b1f23}',
    'a:focus-visible{outline:3px solid #0969da;outline-offset:2px}',
    '.mark{flex:0 0 64px;display:flex;flex-direction:column;align-items:center;justify-content:center;',
    'background:#6e7781;color:#fff;font-weight:700;font-size:14px;line-height:1.1}',
    '.mark .sym{font-size:22px;margin-top:4px}',
    '.body{flex:1;padding:8px 12px;display:flex;flex-direction:column;justify-content:center;min-width:0}',
    '.name{font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}',
    '.holder{color:#4a525a;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}',
    '.state{font-weight:700;font-size:12px;margin-top:2px;color:#a4161a}',
    'a.valid{border-color:#0b6b2f;background:#fff}a.valid .mark{background:#0b6b2f}a.valid .state{color:#0b6b2f}',
    'a.invalid .name,a.invalid .holder{text-decoration:line-through;text-decoration-thickness:1px}',
    'a.pending .state{color:#4a525a}'
  ].join('');

  function pickLang(value) {
    var v = String(value || '').toLowerCase();
    return v.indexOf('zh') === 0 ? 'zh-Hant' : 'en';
  }

  function el(tag, cls) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    return e;
  }

  function formatDate(iso, lang) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return ''; }
    try {
      return d.toLocaleDateString(lang === 'zh-Hant' ? 'zh-Hant-HK' : 'en-HK', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Hong_Kong' });
    } catch (e) {
      return iso.substring(0, 10);
    }
  }

  function mount(script) {
    if (script.getAttribute('data-esg-mounted')) { return; }
    script.setAttribute('data-esg-mounted', '1');
    var id = script.getAttribute('data-badge-id') || '';
    var src = new URL(script.src, document.baseURI);
    var base = src.origin + src.pathname.replace(/\/widget\/badge\.js$/, '');
    var lang = pickLang(script.getAttribute('data-lang') || document.documentElement.lang || navigator.language);
    var t = TEXT[lang];

    var host = document.createElement('esg-one-badge');
    host.setAttribute('data-badge-id', id);
    host.setAttribute('data-status', 'PENDING');
    script.parentNode.insertBefore(host, script.nextSibling);
    var root = host.attachShadow({ mode: 'open' });
    var style = el('style');
    style.textContent = CSS;
    root.appendChild(style);

    var card = el('a', 'pending');
    card.href = base + '/badges/' + encodeURIComponent(id) + '?lang=' + lang;
    card.target = '_blank';
    card.rel = 'noopener';
    card.setAttribute('lang', lang);
    var mark = el('span', 'mark');
    mark.setAttribute('aria-hidden', 'true');
    mark.appendChild(document.createTextNode('ESG One'));
    var sym = el('span', 'sym');
    sym.textContent = '…';
    mark.appendChild(sym);
    var body = el('span', 'body');
    var name = el('span', 'name');
    var holder = el('span', 'holder');
    var state = el('span', 'state');
    state.setAttribute('role', 'status');
    state.textContent = t.checking;
    name.textContent = 'ESG One e-Badge';
    body.appendChild(name);
    body.appendChild(holder);
    body.appendChild(state);
    card.appendChild(mark);
    card.appendChild(body);
    root.appendChild(card);

    // the server says how often to ask (pollSeconds in every answer); until then, and at most, every 30 s
    var pollMs = 30000;
    var timer = null;

    function show(kind, statusCode, stateText) {
      card.className = kind;
      sym.textContent = kind === 'valid' ? '✔' : kind === 'pending' ? '…' : '✖';
      state.textContent = stateText;
      host.setAttribute('data-status', statusCode);
      host.setAttribute('data-valid', kind === 'valid' ? 'true' : 'false');
      card.setAttribute('aria-label', name.textContent + ' — ' + holder.textContent + ' — ' + stateText + '. ' + t.link);
    }

    function render(data) {
      if (data.name) { name.textContent = data.name[lang === 'zh-Hant' ? 'zhHant' : 'en'] || data.name.en || ''; }
      if (data.holder && data.holder.name) { holder.textContent = data.holder.name[lang === 'zh-Hant' ? 'zhHant' : 'en'] || ''; }
      if (data.pollSeconds > 0) { pollMs = Math.min(50, Math.max(1, data.pollSeconds)) * 1000; }
      if (data.allowed === false) {
        show('invalid', 'NOT_ALLOWED', t.notAllowed);
      } else if (data.valid === true && data.status === 'VALID') {
        show('valid', 'VALID', '✔ ' + t.verified + ' · ' + t.until + ' ' + formatDate(data.validUntil, lang));
      } else if (data.status === 'UNKNOWN') {
        show('invalid', 'UNKNOWN', '✖ ' + t.notValid + ' — ' + t.unknown);
      } else {
        show('invalid', String(data.status || 'INVALID'), '✖ ' + t.notValid + ' — ' + (t[data.status] || t.INVALID));
      }
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(check, pollMs);
    }

    function check() {
      var url = base + '/widget/badges/' + encodeURIComponent(id) + '/status';
      fetch(url, { mode: 'cors', credentials: 'omit', cache: 'no-cache', headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
        .then(render, function () {
          // fail closed: a badge whose status cannot be checked is not shown as valid
          show('invalid', 'UNAVAILABLE', '✖ ' + t.unavailable);
        })
        .then(schedule, schedule);
    }

    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') { check(); }
    });
    check();
  }

  function mountAll() {
    var scripts = document.querySelectorAll('script[data-badge-id]');
    for (var i = 0; i < scripts.length; i++) {
      if (/\/widget\/badge\.js(\?.*)?$/.test(scripts[i].src)) { mount(scripts[i]); }
    }
  }

  if (document.currentScript && document.currentScript.getAttribute('data-badge-id')) {
    mount(document.currentScript);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();
