/// <reference types="fhir" />
import { FEEDBACK_REASONS, REASON_LABELS } from '../../consult/feedbackOptions.js';
import type { Content } from '../../flow/parseContent.js';
import type { OutcomeView, RatingRow } from '../../flow/viewTypes.js';
import type { CdsRules } from './cdsRules.js';
import type { Card } from './cdsSchemas.js';
import type { DraftOrder, OrderDecision } from './decideOrders.js';

/** FHIR R4 types come from @types/fhir (its `fhir4` namespace). */
type ServiceRequest = fhir4.ServiceRequest;

/** What one card needs besides the decision: the pathway's data and the ids and link of this response. */
export interface CardInput {
  decision: OrderDecision;
  /** The outcome view with the safety parts composed (withFollowUp), exactly as chat shows it. */
  view: OutcomeView;
  rules: CdsRules;
  content: Content;
  /** Card and suggestion uuids: only cards that take feedback carry them. */
  ids?: { card: string; suggestion: string };
  /** The web consult to open from the card; absent when the web page is off. */
  consultUrl?: string;
}

/** Fills `{name}` placeholders of cds.yaml wording. */
export const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
/** Table cells must not break the Markdown row. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The card's source: the article, who reviewed it and when, and the ACR criteria it summarises. */
export function cardSource(rules: CdsRules, content: Content): Card['source'] {
  const { criteria } = content.rules;
  const { article } = criteria;
  return {
    label: fill(rules.card.sourceLabel, {
      article: article.title, reviewed: article.reviewed, reviewer: article.reviewer, criteria: criteria.name, variant: criteria.variant,
    }),
    topic: { system: rules.card.topicSystem, code: content.flow.id, display: content.flow.title },
  };
}

/** The ratings table: the outcome's rows, plus the ordered study's own row when it is rated but not among them. */
function ratingRows(view: OutcomeView, orderedProcedure: string | undefined, content: Content): RatingRow[] {
  const rows = [...view.ratings];
  const p = content.rules.procedures.procedures.find((x) => x.id === orderedProcedure);
  if (p && !rows.some((r) => r.procedureId === p.id)) rows.push({ procedureId: p.id, study: p.name, rating: p.rating, radiation: p.radiation });
  return rows;
}

function detailFor(input: CardInput, recommendation: boolean): string {
  const { view, rules, content, decision } = input;
  const kind = rules.kinds.find((k) => k.id === decision.study.kind)!;
  const parts = [`**${view.statement}**`, ...view.details];
  if (view.safetyNotice) parts.unshift(`**${view.safetyNotice}**`);
  if (recommendation) {
    const rows = ratingRows(view, kind.procedure, content);
    parts.push([
      `**${rules.card.ratingsHeading}**`, '',
      '| Study | Rating | Radiation |', '| --- | --- | --- |',
      ...rows.map((r) => `| ${cell(r.study)} | ${cell(r.rating)} | ${cell(r.radiation)} |`),
    ].join('\n'));
    const why = content.rules.faq.entries.find((e) => e.id === kind.whyNot);
    if (why) parts.push(`**${rules.card.whyNotHeading}** (${kind.label}) ${why.answer}`);
  }
  if (view.pitfalls.length) parts.push(view.pitfalls.map((p) => `- ${p}`).join('\n'));
  if (recommendation) parts.push(rules.card.scope);
  parts.push(`_${view.disclaimer}_`);
  return parts.join('\n\n');
}

/** The MRI order that replaces the draft: same patient, encounter, requester, reason and priority; the region's codes. */
export function replacementOrder(rules: CdsRules, order: DraftOrder, region: string, study: string): ServiceRequest {
  const recommended = rules.kinds.find((k) => k.recommended)!.id;
  const coding = rules.codes.filter((c) => c.kind === recommended && c.region === region)
    .map((c) => ({ system: c.system, code: c.code, display: c.display }));
  return {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: order.intent as ServiceRequest['intent'],
    code: { ...(coding.length ? { coding } : {}), text: study },
    subject: order.subject,
    ...(order.encounter ? { encounter: order.encounter } : {}),
    ...(order.requester ? { requester: order.requester } : {}),
    ...(order.reasonCode ? { reasonCode: order.reasonCode } : {}),
    ...(order.priority ? { priority: order.priority as ServiceRequest['priority'] } : {}),
  };
}

/** The override reasons: the same enumerated list as the chat's "Ordering something else" reasons. */
export function overrideReasons(rules: CdsRules): NonNullable<Card['overrideReasons']> {
  return FEEDBACK_REASONS.map((code) => ({ system: rules.card.overrideReasonSystem, code, display: REASON_LABELS[code] }));
}

/**
 * One card for a decided order: a recommendation outcome is a `warning` with the replacing
 * suggestion; an exclusion is `info` and an emergency `critical`, with the outcome's own text.
 */
export function renderCdsCard(input: CardInput): Card {
  const { view, rules, content, decision, ids, consultUrl } = input;
  const recommendation = view.outcomeKind === 'recommendation';
  const links: Card['links'] = consultUrl ? [{ label: rules.card.link, url: consultUrl, type: 'absolute' }] : undefined;
  const base = { source: cardSource(rules, content), ...(links ? { links } : {}) };
  if (!recommendation) {
    return {
      ...(ids ? { uuid: ids.card } : {}),
      summary: view.title,
      indicator: view.outcomeKind === 'emergency' ? 'critical' : 'info',
      detail: detailFor(input, false),
      ...base,
    };
  }
  const best = view.ratings[0];
  const order = replacementOrder(rules, decision.order, decision.study.region, best.study);
  const actions: NonNullable<Card['suggestions']>[number]['actions'] = [
    ...(decision.order.id ? [{ type: 'delete' as const, description: rules.card.removeDraft, resourceId: `ServiceRequest/${decision.order.id}` }] : []),
    { type: 'create' as const, description: fill(rules.card.createOrder, { study: best.study }), resource: order as unknown as { resourceType: string } },
  ];
  return {
    ...(ids ? { uuid: ids.card } : {}),
    summary: fill(rules.card.summary, { study: best.study, rating: best.rating }),
    indicator: 'warning',
    detail: detailFor(input, true),
    ...base,
    suggestions: [{ label: fill(rules.card.suggestion, { study: best.study }), ...(ids ? { uuid: ids.suggestion } : {}), isRecommended: true, actions }],
    selectionBehavior: 'at-most-one',
    overrideReasons: overrideReasons(rules),
  };
}
