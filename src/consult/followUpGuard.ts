import { isBound, refusalAudit, type Actor } from './binding.js';
import type { EngineLookup } from './engineLookup.js';
import type { OutcomeView } from '../flow/viewTypes.js';
import { auditRow, type ConsultRecord, type ConsultStore, type FollowUp } from '../store/types.js';
import type { FollowUpReject } from './followUpText.js';

/** What a follow-up press did: the saved consult, or why nothing changed. */
export type FollowUpResult =
  | { ok: true; record: ConsultRecord }
  | { ok: false; reason: FollowUpReject; record?: ConsultRecord };

/** Shared by feedback and hand-off: the store, the pathways (for the outcome view), the clock. */
export interface FollowUpDeps {
  store: ConsultStore;
  pathways: EngineLookup;
  now: () => Date;
  /** Called with each audited follow-up event name (counters, metrics). */
  onEvent?: (event: string) => void;
}

/** A consult that passed the checks, with its outcome view. */
export interface Checked {
  record: ConsultRecord;
  outcome: OutcomeView;
}

/**
 * The consult rules for buttons drawn on an outcome: the consult exists, the presser is bound to it
 * (its owner, through its channel and workspace; a refusal is audited), it has not expired, its
 * guidance is current, the button's step is the consult's step, and it rests on an outcome.
 */
export async function checkOutcomePress(
  deps: FollowUpDeps, press: { consultId: string; actor: Actor; step: number }, action: string,
): Promise<{ ok: true; checked: Checked } | { ok: false; reason: FollowUpReject; record?: ConsultRecord }> {
  const record = await deps.store.get(press.consultId);
  if (!record) return { ok: false, reason: 'not-found' };
  const no = (reason: FollowUpReject) => ({ ok: false as const, reason, record });
  if (!isBound(record, press.actor)) {
    await deps.store.addAudit(refusalAudit(record, press.actor, action, deps.now()));
    return no('not-owner');
  }
  const { step } = press;
  if (record.status === 'expired' || (record.status === 'active' && record.expiresAt <= deps.now())) return no('expired');
  const engine = deps.pathways.engine(record.flowId);
  if (!engine || record.flowVersion !== engine.content.flow.version) return no('flow-changed');
  if (step !== record.step) return no('stale');
  const view = engine.view(record.snapshot);
  if (view.kind !== 'outcome') return no(record.status === 'cancelled' ? 'cancelled' : 'invalid');
  return { ok: true, checked: { record, outcome: view } };
}

/**
 * Saves new follow-up state against the loaded version, with its audit row (or none). Returns
 * false when another save won; callers re-run their checks on the fresh consult.
 */
export async function saveFollowUp(
  deps: FollowUpDeps, record: ConsultRecord, followUp: FollowUp, event: string | null, userId: string,
): Promise<ConsultRecord | undefined> {
  const now = deps.now();
  const next: ConsultRecord = { ...record, followUp, updatedAt: now };
  const audit = event === null ? null : auditRow(record, userId, event, now);
  if (!(await deps.store.update(next, record.version, audit))) return undefined;
  if (event) deps.onEvent?.(event);
  return { ...next, version: record.version + 1 };
}

/** Runs a load-check-save attempt again when a concurrent save won (bounded; the last answer stands). */
export async function withRetry(attempt: () => Promise<FollowUpResult | 'conflict'>): Promise<FollowUpResult> {
  for (let i = 0; i < 4; i++) {
    const result = await attempt();
    if (result !== 'conflict') return result;
  }
  return { ok: false, reason: 'stale' };
}
