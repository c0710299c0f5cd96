import { BRAND_COLOUR } from '../../config/brand.js';

/**
 * The page's one stylesheet: system fonts only (the page must work offline), visible focus,
 * text contrast of at least 4.5:1 on every background used.
 */
export const WEB_STYLES = `
*,*::before,*::after{box-sizing:border-box}
:root{--ink:#1b2430;--muted:#4f5b6b;--line:#d8dee6;--bg:#f3f5f8;--card:#fff;--accent:${BRAND_COLOUR};--accent-ink:#fff;--accent-dark:#0b5159;--focus:#f2b705;--radius:10px}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.5;color:var(--ink);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
h1{font-size:1.35rem;line-height:1.3;margin:1.25rem 0 1rem}
h2{font-size:1.2rem;line-height:1.35;margin:.25rem 0 .5rem}
h3{font-size:1rem;margin:1.25rem 0 .4rem}
h4{font-size:.9rem;margin:.75rem 0 .25rem;color:var(--muted)}
:focus-visible{outline:3px solid #0f2a4a;outline-offset:2px;box-shadow:0 0 0 6px var(--focus);border-radius:4px}
.topbar :focus-visible{outline-color:var(--focus);box-shadow:none}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip-link{position:absolute;left:.5rem;top:-3rem;background:var(--card);padding:.5rem 1rem;border-radius:6px;z-index:2}
.skip-link:focus{top:.5rem}
.wrap{max-width:1140px;margin:0 auto;padding:0 1.25rem}
.topbar{background:var(--accent);color:#fff}
.topbar-inner{display:flex;align-items:center;justify-content:space-between;gap:1rem;min-height:3.25rem;flex-wrap:wrap}
.brand{color:#fff;font-weight:700;font-size:1.05rem;text-decoration:none;letter-spacing:.01em}
.brand::before{content:"";display:inline-block;width:.7rem;height:.7rem;border-radius:50%;background:#7fc4a0;margin-right:.5rem;vertical-align:.05rem}
.criteria{margin:0;font-size:.85rem;color:#dbe6f3}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:1.5rem;align-items:start}
.layout.single{grid-template-columns:minmax(0,1fr)}
@media (max-width:900px){.layout{grid-template-columns:minmax(0,1fr)}}
main:focus{outline:none}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1.25rem 1.4rem;margin-bottom:1.25rem;box-shadow:0 1px 2px rgba(16,24,40,.05)}
aside .card{padding:1rem 1.1rem}
aside h2{font-size:1.05rem}
.muted,.hint,.sources{color:var(--muted)}
.hint,.sources{font-size:.85rem}
.eyebrow{margin:0;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.06em;color:var(--accent)}
.help{color:var(--muted);margin:.25rem 0 1rem}
button,.btn-secondary{font:inherit;cursor:pointer}
.options{display:grid;gap:.6rem}
.btn-option{text-align:left;min-height:2.9rem;padding:.6rem 1rem;border:1.5px solid #9fb3cc;border-radius:8px;background:#f7faff;color:var(--ink);font-weight:600}
.btn-option:hover{background:#e8f0fb;border-color:var(--accent)}
.btn-primary{background:var(--accent);color:var(--accent-ink);border:1px solid var(--accent);border-radius:8px;padding:.55rem 1.1rem;font-weight:600}
.btn-primary:hover{background:var(--accent-dark)}
.btn-large{font-size:1.05rem;padding:.7rem 1.4rem}
.btn-secondary{display:inline-block;background:#fff;color:var(--accent);border:1px solid #9fb3cc;border-radius:8px;padding:.55rem 1.1rem;font-weight:600;text-decoration:none}
.btn-secondary:hover{background:#f0f5fc}
.btn-quiet{background:none;border:1px solid transparent;color:#8c1d18;border-radius:8px;padding:.55rem .9rem;text-decoration:underline}
.btn-link{background:none;border:none;padding:0 .15rem;color:var(--accent);text-decoration:underline;font-size:.9rem;text-align:left}
.btn-copy{background:#fff;border:1px solid #9fb3cc;color:var(--accent);border-radius:6px;padding:.2rem .7rem;font-size:.85rem;font-weight:600}
button[disabled]{opacity:.6;cursor:progress}
.controls{display:flex;flex-wrap:wrap;gap:.6rem;margin:0 0 1.25rem}
.flash{background:#fff6d6;border:1px solid #e5c65a;border-radius:8px;padding:.6rem .9rem;margin:0 0 1rem}
.trail{margin:0 0 1rem;padding:.75rem 1rem;border:1px dashed var(--line);border-radius:var(--radius);background:#fafbfc}
.section-label{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 .35rem}
.trail ol{margin:0;padding-left:1.3rem;display:grid;gap:.2rem}
.trail li{font-size:.92rem}
.trail-q{color:var(--muted)}
.trail-q::after{content:":"}
.trail-a{font-weight:600;margin:0 .5rem 0 .3rem}
.outcome{border-left:6px solid #2e7d4f}
.outcome-exclusion{border-left-color:#7a8594}
.outcome-emergency{border-left-color:#b3261e;background:#fff8f7}
.eyebrow-emergency{color:#b3261e}
.outcome-emergency h2{color:#8c1d18}
.outcome-result{border-left-color:#2a7287}
.statement{font-size:1.05rem;font-weight:600}
.urgency{border-radius:8px;padding:.6rem .9rem;background:#fff4df;border:1px solid #e3b860}
.urgency-emergent{background:#fdecea;border-color:#e08f88}
.urgency strong{margin-right:.35rem}
.details,.pitfalls{padding-left:1.2rem}
.ratings{width:100%;border-collapse:collapse;margin:1rem 0;font-size:.92rem}
.ratings caption{text-align:left;font-weight:700;padding-bottom:.4rem}
.ratings th,.ratings td{border-bottom:1px solid var(--line);padding:.5rem .5rem;text-align:left;vertical-align:top}
.ratings thead th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.ratings tbody th{font-weight:600}
.note{display:block;font-weight:400;color:var(--muted);font-size:.85rem}
.rating{display:inline-block;border-radius:999px;padding:.1rem .6rem;font-size:.82rem;font-weight:700;white-space:nowrap}
.rating-usually-appropriate{background:#e3f2e8;color:#1e5c36}
.rating-may-be-appropriate{background:#fdf1d2;color:#6b4e00}
.rating-usually-not-appropriate{background:#fbe5e3;color:#8c1d18}
.copyable{margin:1rem 0}
.copyable-head{display:flex;align-items:center;justify-content:space-between;gap:1rem}
.copyable-head h3{margin:0}
.copy-text{margin:.4rem 0 0;padding:.7rem .9rem;background:#f6f8fa;border:1px solid var(--line);border-radius:8px;font-size:.9rem}
pre.copy-text{white-space:pre-wrap;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.82rem}
.disclaimer{font-size:.85rem;color:var(--muted);border-top:1px solid var(--line);padding-top:.75rem;margin-bottom:0}
.faq label{display:block;font-weight:600;margin-bottom:.3rem;font-size:.92rem}
.faq-row{display:flex;gap:.5rem}
.faq-row input{flex:1;min-width:0;font:inherit;padding:.5rem .7rem;border:1.5px solid #8a9bb0;border-radius:8px}
.faq-answer{margin-top:1rem;padding-top:.75rem;border-top:1px solid var(--line);font-size:.95rem}
.faq-answer h3{margin-top:0}
.faq-topics ul,.recent ul{list-style:none;padding:0;margin:0;display:grid;gap:.35rem}
.recent li{font-size:.9rem}
.recent .muted{display:block;font-size:.8rem}
.diagram{text-align:center}
.diagram h2,.diagram p{text-align:left}
.diagram-link{display:block}
.diagram img{max-width:100%;height:auto}
.footer{color:var(--muted);font-size:.85rem;padding:1rem 0 2rem}
.footer-links a{margin-right:1.25rem}
.trail-summary{margin:0 0 1.25rem}
.trail-summary summary{cursor:pointer;font-weight:600;color:var(--ink);display:flex;align-items:center;min-height:44px}
.trail-summary[open] summary{margin-bottom:.4rem}
.outcome .controls{margin:1rem 0 .5rem}
/* Tap targets of at least 44x44 px (WCAG 2.2 AAA 2.5.5), on every screen. */
button,.btn-secondary{min-height:44px;min-width:44px}
.btn-secondary{display:inline-flex;align-items:center}
.btn-link{padding:0 .5rem}
.btn-copy{padding:.4rem .9rem}
.faq-row input{min-height:44px}
.skip-link,.brand,.recent a,.footer-links a{display:inline-flex;align-items:center;min-height:44px}
/* Phone: one column, ratings as stacked cards, nothing wider than the screen. */
@media (max-width:640px){
  .wrap{padding:0 .75rem}
  .card{padding:1rem}
  h1{font-size:1.15rem;margin:.75rem 0}
  .ratings thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  .ratings,.ratings tbody,.ratings tr,.ratings th,.ratings td{display:block;width:100%}
  .ratings tr{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;margin-bottom:.6rem}
  .ratings th,.ratings td{border:0;padding:.15rem 0}
  .ratings td::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
  .controls button{flex:1 1 auto}
  .copyable-head{flex-wrap:wrap}
}
`;

/**
 * Progressive enhancement: posts forms with fetch and swaps in the server-rendered result (no
 * reload), moves focus to the new heading, announces it, and turns on the copy buttons.
 */
export const WEB_SCRIPT = `(function () {
  'use strict';
  var status = document.getElementById('status');
  function announce(text) {
    if (!status) return;
    status.textContent = '';
    setTimeout(function () { status.textContent = text; }, 60);
  }
  function copyText(btn) {
    var el = document.getElementById(btn.getAttribute('data-copy'));
    if (!el) return;
    var label = btn.textContent;
    function done() { btn.textContent = 'Copied'; announce('Copied to the clipboard'); setTimeout(function () { btn.textContent = label; }, 1500); }
    function fallback() {
      var range = document.createRange(); range.selectNodeContents(el);
      var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
      try { document.execCommand('copy'); done(); } catch (e) { announce('Select the text and copy it'); }
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(el.textContent).then(done, fallback);
    else fallback();
  }
  function wire(root) {
    root.querySelectorAll('button[data-copy]').forEach(function (btn) { btn.hidden = false; });
  }
  function swap(doc, id) {
    var next = doc.getElementById(id), cur = document.getElementById(id);
    if (next && cur) cur.innerHTML = next.innerHTML;
    return Boolean(next && cur);
  }
  document.addEventListener('click', function (ev) {
    var btn = ev.target.closest && ev.target.closest('button[data-copy]');
    if (btn) copyText(btn);
  });
  document.addEventListener('submit', function (ev) {
    var form = ev.target, mode = form.getAttribute('data-enhance');
    if (!mode || !window.fetch || !window.DOMParser) return;
    ev.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    if (ev.submitter && ev.submitter.name) body.append(ev.submitter.name, ev.submitter.value);
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (res) { return res.text().then(function (html) { return { res: res, html: html }; }); })
      .then(function (r) {
        var doc = new DOMParser().parseFromString(r.html, 'text/html');
        if (mode === 'faq' && r.res.ok && swap(doc, 'faq-result')) {
          wire(document.getElementById('faq-result'));
          var answer = document.querySelector('#faq-result .faq-answer');
          announce(answer ? answer.textContent.trim().slice(0, 300) : '');
          buttons.forEach(function (b) { b.disabled = false; });
          form.removeAttribute('aria-busy');
          return;
        }
        document.title = doc.title;
        swap(doc, 'main');
        swap(doc, 'aside');
        if (r.res.ok && r.res.url && r.res.url !== location.href && mode === 'consult') history.pushState(null, '', r.res.url);
        wire(document);
        var heading = document.getElementById('current-heading') || document.getElementById('start-heading');
        if (heading) { heading.focus(); announce(heading.textContent); }
      })
      .catch(function () {
        buttons.forEach(function (b) { b.disabled = false; });
        form.removeAttribute('aria-busy');
        announce('Could not reach the server. Nothing was changed; try again.');
      });
  });
  window.addEventListener('popstate', function () { location.reload(); });
  wire(document);
})();
`;
