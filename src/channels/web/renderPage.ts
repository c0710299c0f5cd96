import type { CriteriaInfo } from '../../flow/viewTypes.js';
import { LABELS, PRODUCT } from '../../interaction/product.js';
import { esc, join } from './html.js';

/** The parts of a full page; `main` and `aside` are already-rendered HTML. */
export interface PageParts {
  /** The document title's first part, e.g. the current question. */
  title: string;
  /** The flow's title, shown as the page's h1. */
  flowTitle: string;
  criteria: CriteriaInfo;
  disclaimer: string;
  main: string;
  aside?: string;
  /** Text alternative for the flow diagram; no diagram section when undefined. */
  diagramAlt?: string;
}

/** Wraps rendered parts in the page shell: one stylesheet and one deferred script, both local. */
export function renderPage(p: PageParts): string {
  return join([
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(p.title)} · ${esc(PRODUCT.name)}</title>`,
    '<link rel="icon" href="/favicon.ico" type="image/png">',
    '<link rel="stylesheet" href="/web/style.css">',
    '<script src="/web/app.js" defer></script>',
    '</head>',
    '<body>',
    '<a class="skip-link" href="#main">Skip to the consult</a>',
    '<header class="topbar">',
    '<div class="wrap topbar-inner">',
    `<a class="brand" href="/">${esc(PRODUCT.name)}</a>`,
    // The review date is the summarising article's, not the ACR's (each outcome names the article).
    `<p class="criteria">Summary of the ${esc(p.criteria.name)} · <span>article reviewed ${esc(p.criteria.reviewDate)}</span></p>`,
    '</div>',
    '</header>',
    '<div class="wrap">',
    '<p id="status" class="visually-hidden" role="status" aria-live="polite"></p>',
    `<div class="layout${p.aside ? '' : ' single'}">`,
    // The h1 sits inside main so every piece of content is in a landmark.
    `<main id="main" tabindex="-1">\n<h1>${esc(p.flowTitle)}</h1>\n${p.main}\n</main>`,
    p.aside && `<aside id="aside" aria-label="Help and history">\n${p.aside}\n</aside>`,
    '</div>',
    p.diagramAlt !== undefined && join([
      '<section class="card diagram" aria-labelledby="diagram-heading">',
      '<h2 id="diagram-heading">How the consult decides</h2>',
      '<p class="muted">Questions run down the left; each answer leads to the next question or to an outcome. A dashed arrow reopens a consult when a later result is in.</p>',
      `<a class="diagram-link" href="/web/flow.svg"><img src="/web/flow.svg" alt="${esc(p.diagramAlt)}" width="776"></a>`,
      '<p><a class="btn-secondary" href="/web/flow.svg">Open the diagram full size</a></p>',
      '</section>',
    ]),
    '<footer class="footer">',
    `<p>${esc(p.criteria.name)} — ${esc(p.criteria.variant)}. ${esc(p.disclaimer)}</p>`,
    '<p>Runs on this server only. Never enter patient identifiers.</p>',
    '<p class="footer-links"><a href="/privacy">Privacy</a> <a href="/terms">Terms of use</a></p>',
    '</footer>',
    '</div>',
    '</body>',
    '</html>',
  ]);
}

/** A consult in the "your consults" list. */
export interface RecentItem {
  id: string;
  title: string;
  status: string;
  updatedAt: Date;
}

/** One start form; `pathwayId` names the pathway when several are installed. */
function startForm(csrf: string, label: string, pathwayId?: string): string {
  return join([
    '<form method="post" action="/web/start" data-enhance="consult">',
    `<input type="hidden" name="csrf" value="${esc(csrf)}">`,
    pathwayId && `<input type="hidden" name="pathway" value="${esc(pathwayId)}">`,
    `<button type="submit" class="btn-primary btn-large">${esc(label)}</button>`,
    '</form>',
  ]);
}

/** The landing panel: a start button (one per pathway when several are installed). */
export function renderLanding(pathways: Array<{ id: string; title: string }>, csrf: string, notice?: string): string {
  const [only] = pathways;
  return join([
    '<section class="card start" aria-labelledby="start-heading">',
    notice && `<p class="flash" role="alert">${esc(notice)}</p>`,
    `<h2 id="start-heading" tabindex="-1">${esc(LABELS.startConsult)}</h2>`,
    ...(pathways.length === 1
      ? [`<p>A few button questions lead to the guidance for: ${esc(only.title)}. Nothing you answer identifies a patient.</p>`, startForm(csrf, LABELS.startConsult)]
      : ['<p>Choose the pathway that fits; a few button questions lead to its guidance. Nothing you answer identifies a patient.</p>',
        ...pathways.map((p) => startForm(csrf, p.title, p.id))]),
    '</section>',
  ]);
}

/** This browser's recent consults, as links; empty when there are none. */
export function renderRecent(items: RecentItem[]): string {
  if (items.length === 0) return '';
  return join([
    '<section class="card recent" aria-labelledby="recent-heading">',
    '<h2 id="recent-heading">Your recent consults</h2>',
    '<ul>',
    ...items.map((i) => `<li><a href="/consult/${esc(i.id)}">${esc(i.title)}</a> <span class="muted">${esc(i.status)}, ${esc(i.updatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC</span></li>`),
    '</ul>',
    '</section>',
  ]);
}

/** A full page for a refused or failed request: says what happened and how to go on. */
export function renderErrorPage(heading: string, text: string, parts: Omit<PageParts, 'title' | 'main' | 'aside' | 'diagramAlt'>): string {
  return renderPage({
    ...parts,
    title: heading,
    main: join([
      '<section class="card notice" aria-labelledby="current-heading">',
      `<h2 id="current-heading" tabindex="-1">${esc(heading)}</h2>`,
      `<p>${esc(text)}</p>`,
      '<p><a class="btn-secondary" href="/">Go to the start page</a></p>',
      '</section>',
    ]),
  });
}
