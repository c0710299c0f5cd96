import type { NoticeView, OutcomeView, QuestionView, RatingRow, TrailItem } from '../../flow/viewTypes.js';
import type { Composed, ComposedView, ControlButton } from '../../interaction/composeView.js';
import { LABELS } from '../../interaction/product.js';
import { esc, join } from './html.js';
import { renderFeedback, renderHandoff, renderSafety, submit as button } from './renderFollowUp.js';
import { renderTopics } from './renderFaq.js';

/** What a rendered consult needs besides its view: where its buttons post and with which token. */
export interface WebRenderContext {
  consultId: string;
  /** The session's CSRF token, sent back with every click. */
  csrf: string;
  /** A short explanation of why the last click changed nothing (already product wording). */
  notice?: string;
}

const OUTCOME_KIND_LABEL: Record<OutcomeView['outcomeKind'], string> = {
  recommendation: 'Recommendation',
  exclusion: 'Out of scope',
  emergency: 'Emergency',
  result: 'Result',
};

function trailItems(trail: TrailItem[]): string[] {
  return trail.map((t) => join([
    '<li>',
    `<span class="trail-q">${esc(t.question)}</span>`,
    `<span class="trail-a">${esc(t.answer)}</span>`,
    t.canChange && button(`change:${t.questionId}`, LABELS.change, 'btn-link', ` aria-label="Change: ${esc(t.question)}"`),
    '</li>',
  ]));
}

/** Above a question: the answers so far, open. */
function renderTrail(trail: TrailItem[]): string {
  if (trail.length === 0) return '';
  return join([
    '<section class="trail" aria-labelledby="trail-heading">',
    '<h2 id="trail-heading" class="section-label">Your answers</h2>',
    '<ol>', ...trailItems(trail), '</ol>',
    '</section>',
  ]);
}

/** Under an outcome: the answers fold into one line that opens, so a phone shows the outcome first. */
function renderTrailSummary(trail: TrailItem[]): string {
  if (trail.length === 0) return '';
  return join([
    '<details class="trail trail-summary">',
    `<summary>Your answers (${trail.length})</summary>`,
    '<ol>', ...trailItems(trail), '</ol>',
    '</details>',
  ]);
}

function renderQuestion(v: QuestionView): string {
  const q = v.question;
  return join([
    `<section id="question:${esc(q.id)}" class="card question" aria-labelledby="current-heading">`,
    `<p class="eyebrow">Question ${esc(v.number)} · ${esc(q.label)}</p>`,
    `<h2 id="current-heading" tabindex="-1">${esc(q.prompt)}</h2>`,
    `<p class="help">${esc(q.help)}</p>`,
    '<div class="options" role="group" aria-labelledby="current-heading">',
    ...q.options.map((o) => button(`answer:${q.id}:${o.id}`, o.label, 'btn-option')),
    '</div>',
    '</section>',
  ]);
}

/** A slug for styling a rating badge, e.g. `usually-appropriate`. */
function ratingClass(rating: string): string {
  return `rating rating-${rating.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

function renderRatings(rows: RatingRow[]): string {
  if (rows.length === 0) return '';
  const body = rows.map((r) => join([
    '<tr>',
    `<th scope="row">${esc(r.study)}${r.note ? `<span class="note">${esc(r.note)}</span>` : ''}</th>`,
    `<td data-label="Rating"><span class="${ratingClass(r.rating)}">${esc(r.rating)}</span></td>`,
    `<td data-label="Radiation">${esc(r.radiation)}</td>`,
    '</tr>',
  ]));
  return join([
    '<table class="ratings">',
    '<caption>Appropriateness ratings</caption>',
    '<thead><tr><th scope="col">Study</th><th scope="col">Rating</th><th scope="col">Radiation</th></tr></thead>',
    '<tbody>', ...body, '</tbody>',
    '</table>',
  ]);
}

/** A text block with a copy button; the button is hidden until the script can make it work. */
function copyable(id: string, heading: string, text: string, tag: 'p' | 'pre', buttonLabel: string): string {
  return join([
    `<div class="copyable">`,
    `<div class="copyable-head"><h3 id="${id}-heading">${esc(heading)}</h3>`,
    `<button type="button" class="btn-copy" data-copy="${id}" aria-describedby="${id}-heading" hidden>${esc(buttonLabel)}</button></div>`,
    `<${tag} id="${id}" class="copy-text">${esc(text)}</${tag}>`,
    '</div>',
  ]);
}

/** What to do first (title, urgency, order line, then the actions), and the detail after them. */
function renderOutcome(v: Composed<OutcomeView>, controls: string): string {
  return join([
    `<section id="outcome:${esc(v.outcomeId)}" class="card outcome outcome-${v.outcomeKind}" aria-labelledby="current-heading">`,
    `<p class="eyebrow eyebrow-${v.outcomeKind}">${OUTCOME_KIND_LABEL[v.outcomeKind]}</p>`,
    `<h2 id="current-heading" tabindex="-1">${esc(v.title)}</h2>`,
    `<p class="statement">${esc(v.statement)}</p>`,
    renderSafety(v),
    v.handoff?.prominent && renderHandoff(v.handoff),
    v.urgency && `<p class="urgency urgency-${v.urgency.level}"><strong>${esc(v.urgency.label)}</strong> ${esc(v.urgency.text)}</p>`,
    v.orderLine && copyable('order-line', 'Order', v.orderLine, 'p', 'Copy order'),
    controls,
    v.details.length > 0 && join(['<ul class="details">', ...v.details.map((d) => `<li>${esc(d)}</li>`), '</ul>']),
    renderRatings(v.ratings),
    v.pitfalls.length > 0 && join(['<h3>Pitfalls</h3>', '<ul class="pitfalls">', ...v.pitfalls.map((p) => `<li>${esc(p)}</li>`), '</ul>']),
    v.parentGuide && join(['<h3>Related guidance</h3>', `<p class="parent-guide">${esc(v.parentGuide)}</p>`]),
    copyable('chart-note', 'Chart note', v.chartNote, 'pre', 'Copy note'),
    `<p class="sources">Source: ${esc(v.attribution)}</p>`,
    v.sources.length > 0 && `<p class="sources">Sections: ${v.sources.map(esc).join('; ')}</p>`,
    `<p class="disclaimer">${esc(v.disclaimer)}</p>`,
    renderFeedback(v.feedback),
    !v.handoff?.prominent && renderHandoff(v.handoff),
    '</section>',
  ]);
}

function renderNotice(v: NoticeView): string {
  return join([
    `<section id="notice:${esc(v.notice)}" class="card notice" aria-labelledby="current-heading">`,
    `<h2 id="current-heading" tabindex="-1">${esc(v.text)}</h2>`,
    '</section>',
  ]);
}

/** The page's order: what moves the consult forward first, then the quieter controls. */
const WEB_ORDER: ControlButton['action'][] = ['record_result', 'new_consult', 'back', 'restart', 'cancel'];

/** The composed view's control buttons (labels from src/interaction), primary actions first. */
function renderControls(buttons: ControlButton[]): string {
  const primary = buttons.find((b) => b.emphasis === 'primary')?.action ?? 'new_consult';
  const cls = (b: ControlButton) => (b.emphasis === 'danger' ? 'btn-quiet' : b.action === primary ? 'btn-primary' : 'btn-secondary');
  const shown = [...buttons].sort((a, b) => WEB_ORDER.indexOf(a.action) - WEB_ORDER.indexOf(b.action)).map((b) => button(`control:${b.action}`, b.label, cls(b)));
  return shown.length === 0 ? '' : join(['<div class="controls">', ...shown, '</div>']);
}

function renderBody(view: ComposedView): string {
  switch (view.kind) {
    case 'question': return join([renderTrail(view.trail), renderQuestion(view), renderControls(view.buttons)]);
    case 'outcome': return join([renderOutcome(view, renderControls(view.buttons)), renderTrailSummary(view.trail)]);
    case 'notice': return join([renderNotice(view), renderControls(view.buttons)]);
  }
}

/**
 * Renders a consult's view as an HTML fragment: one form whose buttons post the click they stand
 * for, stamped with the consult id and the step the view was drawn at (so stale clicks are caught).
 */
export function renderWeb(view: ComposedView, ctx: WebRenderContext): string {
  return join([
    `<form method="post" action="/web/click" class="consult-form" data-enhance="consult" data-step="${esc(view.step)}">`,
    `<input type="hidden" name="csrf" value="${esc(ctx.csrf)}">`,
    `<input type="hidden" name="consultId" value="${esc(ctx.consultId)}">`,
    `<input type="hidden" name="step" value="${esc(view.step)}">`,
    ctx.notice && `<p class="flash" role="alert">${esc(ctx.notice)}</p>`,
    renderBody(view),
    '</form>',
    // A form of its own (forms cannot nest): related topics post to the FAQ like its own buttons.
    view.kind === 'outcome' && renderTopics('Related questions', view.related, { csrf: ctx.csrf, consultId: ctx.consultId }),
  ]);
}
