import type { z } from 'zod';
import type { FlowEngine, PersistedConsult } from '../../flow/engine.js';
import type { OutcomeView } from '../../flow/viewTypes.js';
import type { CdsRules } from './cdsRules.js';
import { INFECTION_FLAG } from './cdsRules.js';
import { ServiceRequestSchema, type CodeableConceptSchema, type OrderContext } from './cdsSchemas.js';
import { readFlags, recogniseStudy, type Study } from './recogniseOrder.js';

/** A draft ServiceRequest as read from the request. */
export type DraftOrder = z.infer<typeof ServiceRequestSchema>;
type CodeableConcept = z.infer<typeof CodeableConceptSchema>;

/** A spine imaging order for suspected infection that gets a card, with the consult the flow reached. */
export interface OrderDecision {
  order: DraftOrder;
  study: Study;
  snapshot: PersistedConsult;
  view: OutcomeView;
}

/** Why a draft order got no card (for metrics and the debug log; never patient data). */
export type Skip = 'not-spine-imaging' | 'no-infection' | 'recommended-study' | 'recommended-also-ordered';

/** A draft order's decision, or why it was skipped. */
export type Decision = { ok: true; decision: OrderDecision } | { ok: false; skip: Skip };

/**
 * The draft ServiceRequests (`all`) and those to check (`checked`): order-select looks at its
 * selections only, order-sign at every draft. A malformed ServiceRequest is a `problem` (400).
 */
export function draftOrders(context: OrderContext): { all: DraftOrder[]; checked: DraftOrder[]; problem?: string } {
  const orders: DraftOrder[] = [];
  const entries = context.draftOrders.entry ?? [];
  for (const [i, entry] of entries.entries()) {
    if (entry.resource.resourceType !== 'ServiceRequest') continue;
    const parsed = ServiceRequestSchema.safeParse(entry.resource);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { all: [], checked: [], problem: `context.draftOrders.entry.${i}.resource.${issue.path.join('.')}: ${issue.message}` };
    }
    orders.push(parsed.data);
  }
  if (!context.selections) return { all: orders, checked: orders };
  const selected = new Set(context.selections);
  return { all: orders, checked: orders.filter((o) => o.id !== undefined && selected.has(`ServiceRequest/${o.id}`)) };
}

/** Answers the flow's questions from the request's facts and the order's region (cds.yaml `answers`). */
export function answersFor(rules: CdsRules, flags: ReadonlySet<string>, study: Pick<Study, 'region'>): Map<string, string> {
  const answers = new Map<string, string>();
  for (const a of rules.answers) {
    if ('fromOrder' in a) answers.set(a.question, study.region);
    else answers.set(a.question, a.flag && a.flagOption && flags.has(a.flag) ? a.flagOption : a.option);
  }
  return answers;
}

/** Runs the flow with the answers until it reaches an outcome; undefined if an answer is missing. */
export function runFlow(engine: FlowEngine, answers: Map<string, string>): PersistedConsult | undefined {
  let snapshot = engine.start();
  while (!engine.outcomeId(snapshot)) {
    const optionId = answers.get(snapshot.value);
    if (!optionId) return undefined;
    const step = engine.apply(snapshot, { type: 'ANSWER', questionId: snapshot.value, optionId });
    if (!step.ok) return undefined;
    snapshot = step.next;
  }
  return snapshot;
}

/** Decides one draft order: recognise the study, read the facts, run the flow, and keep the outcome view. */
export function decideOrder(engine: FlowEngine, rules: CdsRules, order: DraftOrder, siblings: readonly DraftOrder[], conditions: readonly CodeableConcept[]): Decision {
  const study = recogniseStudy(rules, order.code);
  if (!study) return { ok: false, skip: 'not-spine-imaging' };
  const flags = readFlags(rules, [...(order.reasonCode ?? []), ...conditions]);
  if (!flags.has(INFECTION_FLAG)) return { ok: false, skip: 'no-infection' };
  const recommended = rules.kinds.find((k) => k.recommended)!.id;
  if (study.kind === recommended) return { ok: false, skip: 'recommended-study' };
  const alsoOrdered = siblings.some((o) => {
    const s = o !== order ? recogniseStudy(rules, o.code) : undefined;
    return s?.kind === recommended && s.region === study.region;
  });
  if (alsoOrdered) return { ok: false, skip: 'recommended-also-ordered' };
  const snapshot = runFlow(engine, answersFor(rules, flags, study));
  if (!snapshot) throw new Error('cds.yaml answers do not lead the flow to an outcome');
  const view = engine.view(snapshot);
  if (view.kind !== 'outcome') throw new Error('the flow ended on something other than an outcome');
  return {
    ok: true,
    decision: { order, study, snapshot, view },
  };
}
