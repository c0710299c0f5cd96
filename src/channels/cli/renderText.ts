import type { FaqView, OutcomeView, QuestionView } from '../../flow/viewTypes.js';
import type { Composed, ComposedView } from '../../interaction/composeView.js';

const rule = '-'.repeat(60);

function renderQuestion(v: Composed<QuestionView>): string {
  const lines = v.trail.map((t) => `  ${t.question}: ${t.answer}`);
  if (lines.length) lines.unshift('Answers so far:');
  lines.push('', `Q${v.number}. ${v.question.prompt}`, `    ${v.question.help}`);
  v.question.options.forEach((o, i) => lines.push(`  ${i + 1}) ${o.label}`));
  const keys = [v.controls.back && 'b = back', 'r = restart', 'q = quit'].filter(Boolean);
  lines.push(`  (${keys.join(', ')})`);
  return lines.join('\n');
}

/** The feedback choices (f1, f2, ...) or reasons (r1, r2, ...) as the terminal offers them. */
function feedbackLines(v: OutcomeView): string[] {
  const f = v.feedback;
  if (!f) return [];
  if (f.recorded) return ['', f.recorded];
  if (f.reasons.length) return ['', 'Why something else?', ...f.reasons.map((r, i) => `  r${i + 1}) ${r.label}`)];
  return ['', 'What are you ordering?', ...f.choices.map((c, i) => `  f${i + 1}) ${c.label}`)];
}

/** Where the text is shown: the interactive consult asks for the next step itself. */
export interface TextOptions { interactive?: boolean }

function renderOutcome(v: Composed<OutcomeView>, opts: TextOptions): string {
  const title = v.outcomeKind === 'emergency' ? `!!! EMERGENCY: ${v.title.toUpperCase()} !!!` : v.title.toUpperCase();
  const lines = [rule, title, rule, v.statement];
  if (v.safetyNotice) lines.push('', `!! ${v.safetyNotice}`);
  lines.push(...v.details.map((d) => `- ${d}`));
  if (v.urgency) lines.push('', `Urgency: ${v.urgency.label}. ${v.urgency.text}`);
  if (v.ratings.length) {
    lines.push('', 'Ratings (ACR):');
    for (const r of v.ratings) lines.push(`  ${r.study} | ${r.rating} | radiation ${r.radiation}${r.note ? ` | ${r.note}` : ''}`);
  }
  if (v.orderLine) lines.push('', 'Order line:', `  ${v.orderLine}`);
  if (v.pitfalls.length) lines.push('', 'Pitfalls:', ...v.pitfalls.map((p) => `  ! ${p}`));
  if (v.parentGuide) lines.push('', v.parentGuide);
  lines.push('', 'Answers:', ...v.trail.map((t) => `  ${t.question}: ${t.answer}`));
  lines.push('', 'Note for the chart:', ...v.chartNote.split('\n').map((l) => `  ${l}`));
  if (v.related.length) lines.push('', 'Related questions (ask with npm run faq):', ...v.related.map((r) => `  - ${r.title}`));
  lines.push('', `Source: ${v.attribution}`, v.disclaimer);
  lines.push(...feedbackLines(v));
  const reopen = v.buttons.find((b) => b.action === 'record_result');
  if (reopen && !opts.interactive) lines.push('', `${reopen.label}: run the same command later with the result's answers added to --answers.`);
  return lines.join('\n');
}

function renderFaq(v: FaqView): string {
  switch (v.kind) {
    case 'faq':
      return [v.question, v.answer, `Source: ${v.section}`, ...(v.notices ?? []), ...(v.related.length ? [`Related: ${v.related.map((r) => r.title).join(' | ')}`] : [])].join('\n');
    case 'faq-none':
      return [v.text, ...(v.notices ?? []), ...v.suggestions.map((s) => `  - ${s.title}`)].join('\n');
    case 'help':
      return [v.title, ...v.paragraphs, `${v.criteria.name}; reviewed ${v.criteria.reviewDate}.`, v.disclaimer].join('\n');
  }
}

/** Renders any view as plain terminal text; pure. */
export function renderText(view: ComposedView | FaqView, opts: TextOptions = {}): string {
  switch (view.kind) {
    case 'question': return renderQuestion(view);
    case 'outcome': return renderOutcome(view, opts);
    case 'notice': return view.text;
    default: return renderFaq(view);
  }
}
