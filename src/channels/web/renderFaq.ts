import type { FaqTopic, FaqView } from '../../flow/viewTypes.js';
import { esc, join } from './html.js';

/** What the FAQ box needs besides the answer: the token and the consult the page shows. */
export interface FaqRenderContext {
  csrf: string;
  /** The consult shown beside the FAQ, so a no-script answer page keeps it in view. */
  consultId?: string;
}

function hiddenFields(ctx: FaqRenderContext): string {
  return join([
    `<input type="hidden" name="csrf" value="${esc(ctx.csrf)}">`,
    ctx.consultId && `<input type="hidden" name="consultId" value="${esc(ctx.consultId)}">`,
  ]);
}

/** Topic buttons: each posts the topic id, never free text. */
export function renderTopics(heading: string, topics: FaqTopic[], ctx: FaqRenderContext): string {
  if (topics.length === 0) return '';
  return join([
    `<form method="post" action="/web/faq" class="faq-topics" data-enhance="faq">`,
    hiddenFields(ctx),
    `<h4>${esc(heading)}</h4>`,
    '<ul>',
    ...topics.map((t) => `<li><button type="submit" name="topic" value="${esc(t.faqId)}" class="btn-link">${esc(t.title)}</button></li>`),
    '</ul>',
    '</form>',
  ]);
}

/** The FAQ's fixed notices (identifier reminder, consult offer), if any. */
const notices = (lines: string[] | undefined) => (lines ?? []).map((l) => `<p class="notice">${esc(l)}</p>`);

/** Renders one FAQ reply; the element carries `faq:<faqId>` (or `faq:none`) like the chat channels. */
export function renderFaqAnswer(view: FaqView, ctx: FaqRenderContext): string {
  switch (view.kind) {
    case 'faq':
      return join([
        `<article id="faq:${esc(view.faqId)}" class="faq-answer">`,
        `<h3>${esc(view.question)}</h3>`,
        `<p>${esc(view.answer)}</p>`,
        `<p class="sources">Source: ${esc(view.section)}</p>`,
        ...notices(view.notices),
        renderTopics('Related', view.related, ctx),
        '</article>',
      ]);
    case 'faq-none':
      return join([
        '<article id="faq:none" class="faq-answer">',
        `<p>${esc(view.text)}</p>`,
        ...notices(view.notices),
        renderTopics('Closest topics', view.suggestions, ctx),
        '</article>',
      ]);
    case 'help':
      return join([
        '<article id="faq:help" class="faq-answer">',
        `<h3>${esc(view.title)}</h3>`,
        ...view.paragraphs.map((p) => `<p>${esc(p)}</p>`),
        `<p class="disclaimer">${esc(view.disclaimer)}</p>`,
        '</article>',
      ]);
  }
}

/** The "ask a question" box: a labelled text field; `answer` is the reply to show under it, if any. */
export function renderFaqBox(ctx: FaqRenderContext, answer?: FaqView): string {
  return join([
    '<section class="card faq" aria-labelledby="faq-heading">',
    '<h2 id="faq-heading">Ask a question</h2>',
    '<form method="post" action="/web/faq" data-enhance="faq">',
    hiddenFields(ctx),
    '<label for="faq-text">Your question about this guidance</label>',
    '<div class="faq-row">',
    '<input id="faq-text" name="text" type="text" maxlength="300" autocomplete="off" required aria-describedby="faq-hint">',
    '<button type="submit" class="btn-primary">Ask</button>',
    '</div>',
    '<p id="faq-hint" class="hint">No patient details, please. Questions are not stored.</p>',
    '</form>',
    `<div id="faq-result" aria-live="polite">${answer ? renderFaqAnswer(answer, ctx) : ''}</div>`,
    '</section>',
  ]);
}
