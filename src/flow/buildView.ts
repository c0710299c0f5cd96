import { CANCELLED } from './buildMachine.js';
import type { PersistedConsult } from './engine.js';
import type { Content } from './parseContent.js';
import type { OutcomeData, Rules } from './schema.js';
import type { Controls, CriteriaInfo, OutcomeView, RatingRow, TrailItem, View } from './viewTypes.js';

export type * from './viewTypes.js';

const NO_CONTROLS: Controls = { back: false, restart: false, cancel: false, recordResult: false, newConsult: true };

/**
 * Fills `{study}` and `{urgency}` from the answers. The loader guarantees an outcome using
 * `{urgency}` is only reached after the urgency question, so a missing value is a bug, not a guess.
 */
export function fillTemplate(text: string, vars: { study?: string; urgency?: string }): string {
  if (text.includes('{urgency}') && !vars.urgency) throw new Error(`no urgency answer to fill "${text}"`);
  return text
    .replaceAll('{study}', vars.study ?? 'MRI of the spine area of interest')
    .replaceAll('{urgency}', vars.urgency ?? '');
}

/** The answer to one question, if given. */
function answerTo(consult: PersistedConsult, questionId: string): string | undefined {
  return consult.context.answers.find((a) => a.questionId === questionId)?.optionId;
}

/**
 * The study wording and urgency that the answers select (region and neurologic status). The
 * urgency comes from the scale the outcome names (`urgency: true` is the main one).
 */
function answerDerived(content: Content, consult: PersistedConsult, outcome: OutcomeData) {
  const { regions, urgency } = content.rules;
  const region = regions.regions.find((r) => r.when === answerTo(consult, regions.question));
  const scale = outcome.urgency === true ? urgency.rules : outcome.urgency ? urgency.scales[outcome.urgency] ?? [] : [];
  const urgent = scale.find((r) => r.when === answerTo(consult, urgency.question));
  return { study: region?.study, urgency: urgent };
}

/** Who wrote and reviewed the guidance, and whose ratings they are (the footer and chart note). */
function attribution(criteria: Rules['criteria']): string {
  const { title, reviewed, reviewer } = criteria.article;
  return `"${title}", reviewed ${reviewed} by ${reviewer}: a summary of the ${criteria.name} (${criteria.variant}). The appropriateness ratings are the ACR's.`;
}

/** The trail of answers, labelled for people. */
function buildTrail(content: Content, consult: PersistedConsult, canChange: boolean): TrailItem[] {
  return consult.context.answers.map((a) => {
    const q = content.flow.questions.find((x) => x.id === a.questionId);
    const o = q?.options.find((x) => x.id === a.optionId);
    return { questionId: a.questionId, question: q?.label ?? a.questionId, optionId: a.optionId, answer: o?.label ?? a.optionId, canChange };
  });
}

/** Derives what a channel shows for a persisted consult. */
export function buildView(content: Content, consult: PersistedConsult): View {
  const { flow, rules } = content;
  if (consult.flowId !== flow.id || consult.flowVersion !== flow.version) {
    return {
      kind: 'notice', notice: 'flow-changed', step: consult.context.step, controls: NO_CONTROLS,
      text: 'The guidance behind this consult has been updated since it started, so it cannot continue. Start a new consult to use the current guidance.',
    };
  }
  if (consult.value === CANCELLED) {
    return { kind: 'notice', notice: 'cancelled', step: consult.context.step, controls: NO_CONTROLS, text: 'Consult cancelled.' };
  }
  const criteria: CriteriaInfo = { name: rules.criteria.name, variant: rules.criteria.variant, reviewDate: rules.criteria.reviewDate };
  const base = { flowId: flow.id, flowVersion: flow.version, step: consult.context.step, criteria };
  const question = flow.questions.find((q) => q.id === consult.value);
  if (question) {
    return {
      ...base,
      kind: 'question',
      number: consult.context.answers.length + 1,
      trail: buildTrail(content, consult, true),
      controls: { back: consult.context.answers.length > 0, restart: true, cancel: true, recordResult: false, newConsult: false },
      question: {
        id: question.id, label: question.label, prompt: question.prompt, help: question.help,
        options: question.options.map((o) => ({ id: o.id, label: o.label })),
      },
    };
  }
  const outcome = rules.outcomes.outcomes.find((o) => o.id === consult.value)!;
  return buildOutcome(content, consult, outcome, base);
}

function buildOutcome(
  content: Content,
  consult: PersistedConsult,
  outcome: OutcomeData,
  base: Pick<OutcomeView, 'flowId' | 'flowVersion' | 'step' | 'criteria'>,
): OutcomeView {
  const { rules } = content;
  const { study, urgency } = answerDerived(content, consult, outcome);
  const vars = { study, urgency: urgency?.label };
  const fill = (t: string) => fillTemplate(t, vars);
  const open = outcome.recordResult;
  const ratings: RatingRow[] = outcome.procedures.map((id) => {
    const p = rules.procedures.procedures.find((x) => x.id === id)!;
    return { procedureId: p.id, study: fill(p.name), rating: p.rating, radiation: p.radiation, ...(p.note ? { note: p.note } : {}) };
  });
  const trail = buildTrail(content, consult, open);
  const view: OutcomeView = {
    ...base,
    kind: 'outcome',
    outcomeId: outcome.id,
    outcomeKind: outcome.kind,
    title: fill(outcome.title),
    statement: fill(outcome.statement.text),
    details: outcome.details.map((d) => fill(d.text)),
    ratings,
    ...(urgency ? { urgency: { level: urgency.level, label: urgency.label, text: [urgency.text, ...urgency.also.map((a) => a.text)].join(' ') } } : {}),
    ...(outcome.orderLine ? { orderLine: fill(outcome.orderLine) } : {}),
    pitfalls: outcome.pitfalls.map((id) => rules.pitfalls.pitfalls.find((p) => p.id === id)!.text),
    ...(outcome.parentGuide ? { parentGuide: rules.criteria.parentGuide } : {}),
    trail,
    chartNote: '',
    disclaimer: rules.criteria.disclaimer,
    // Headings such as "This workflow is NOT for:" read badly in a list with their colon.
    sources: [...new Set([outcome.statement.source.section, ...outcome.details.map((d) => d.source.section)].map((h) => h.replace(/:\s*$/, '')))],
    attribution: attribution(rules.criteria),
    related: outcome.related.map((id) => ({ faqId: id, title: rules.faq.entries.find((e) => e.id === id)!.question })),
    controls: { back: open, restart: open, cancel: open, recordResult: open, newConsult: true },
  };
  view.chartNote = chartNote(view);
  return view;
}

/** A note to paste into the chart: source, outcome, every rating, urgency and answers; never patient details. */
export function chartNote(v: Omit<OutcomeView, 'chartNote'>): string {
  const lines = [
    `Imaging decision support. Source: ${v.attribution}`,
    `${v.outcomeKind === 'recommendation' ? 'Recommendation' : 'Outcome'}: ${v.statement}`,
  ];
  if (v.ratings.length) lines.push(`Ratings (ACR): ${v.ratings.map((r) => `${r.study} - ${r.rating}, radiation ${r.radiation}`).join('; ')}.`);
  if (v.urgency) lines.push(`Urgency: ${v.urgency.label}.`);
  lines.push(`Answers: ${v.trail.map((t) => `${t.question}: ${t.answer}`).join('; ')}.`);
  lines.push(v.disclaimer);
  return lines.join('\n');
}
