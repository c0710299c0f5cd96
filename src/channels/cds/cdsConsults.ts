import { createHash, randomUUID } from 'node:crypto';
import { FEEDBACK_REASONS, type FeedbackReason } from '../../consult/feedbackOptions.js';
import type { FollowUpService } from '../../consult/followUpService.js';
import type { FlowEngine } from '../../flow/engine.js';
import { auditRow, type ConsultRecord, type ConsultStore } from '../../store/types.js';
import type { CdsRules } from './cdsRules.js';
import type { FeedbackRequest } from './cdsSchemas.js';
import type { OrderDecision } from './decideOrders.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A stable UUID-shaped id derived from a seed (the suggestion's uuid is derived from its card's). */
export function derivedUuid(seed: string): string {
  const h = sha256(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The suggestion uuid on a card, so feedback can name it without it being stored. */
export const suggestionId = (cardId: string) => derivedUuid(`suggestion:${cardId}`);

/** Who and where a hook call came from, reduced to what may be stored: no patient data, only hashes. */
export interface CallOrigin {
  /** The CDS client's issuer (or "local" for an unauthenticated development call). */
  workspace: string;
  /** context.userId (a Practitioner reference), hashed with the issuer. */
  userId: string;
  /** The hook call's hookInstance, hashed: the only trace of it that is kept. */
  hookInstance: string;
}

/** Pseudonymises a hook call's user and hookInstance before anything is stored. */
export function callOrigin(workspace: string, userId: string, hookInstance: string): CallOrigin {
  return { workspace, userId: `cds:${sha256(`${workspace}\n${userId}`).slice(0, 32)}`, hookInstance: sha256(hookInstance) };
}

/** Storage for the consults behind CDS cards that take feedback. */
export interface CdsConsultDeps {
  store: ConsultStore;
  followUp: FollowUpService;
  ttlHours: number;
  now: () => Date;
}

/**
 * Saves the consult a warning card stands for, with its `start` audit row (already resting on the
 * outcome), and returns its id: the card's uuid. Nothing of the patient is stored.
 */
export async function saveCardConsult(deps: CdsConsultDeps, engine: FlowEngine, origin: CallOrigin, decision: OrderDecision): Promise<ConsultRecord> {
  const now = deps.now();
  const { snapshot } = decision;
  const record: ConsultRecord = {
    id: randomUUID(), flowId: snapshot.flowId, flowVersion: snapshot.flowVersion, channel: 'cds',
    workspace: origin.workspace, conversation: origin.hookInstance, messageRef: null, ownerId: origin.userId,
    snapshot, step: snapshot.context.step, status: engine.status(snapshot), outcomeId: decision.view.outcomeId,
    version: 0, lastEventKey: null, createdAt: now, updatedAt: now, expiresAt: new Date(now.getTime() + deps.ttlHours * 3_600_000),
  };
  await deps.store.create(record, { ...auditRow(record, origin.userId, 'start', now), fromStep: 0 });
  return record;
}

/** What became of one feedback entry. */
export type FeedbackResult = 'recorded' | 'already-recorded' | 'unknown-card' | 'unknown-suggestion' | 'not-recorded';

/**
 * Records one CDS feedback entry as chat feedback on the card's consult: `accepted` is "ordering as
 * recommended"; `overridden` is "ordering something else" with the chosen override reason, or
 * "other" when none (or one of the EHR's own) was given. The user's comment is never read or kept.
 */
export async function recordCdsFeedback(
  deps: CdsConsultDeps, service: { flowId: string; rules: CdsRules }, workspace: string, entry: FeedbackRequest['feedback'][number],
): Promise<FeedbackResult> {
  const { rules } = service;
  const record = /^[0-9a-f-]{36}$/.test(entry.card) ? await deps.store.get(entry.card) : undefined;
  // Another client's (or another service's) card is reported exactly like a card that does not exist.
  if (!record || record.channel !== 'cds' || record.workspace !== workspace || record.flowId !== service.flowId) return 'unknown-card';
  if (entry.outcome === 'accepted' && !entry.acceptedSuggestions!.some((s) => s.id === suggestionId(record.id))) return 'unknown-suggestion';
  const coded = entry.overrideReason?.reason;
  const reason: FeedbackReason | undefined = entry.outcome === 'accepted' ? undefined
    : coded?.system === rules.card.overrideReasonSystem && (FEEDBACK_REASONS as readonly string[]).includes(coded.code ?? '')
      ? (coded.code as FeedbackReason) : 'other';
  const result = await deps.followUp.feedback({
    consultId: record.id, step: record.step, actor: { channel: 'cds', workspace, userId: record.ownerId },
    choice: entry.outcome === 'accepted' ? 'as_recommended' : 'something_else', ...(reason ? { reason } : {}),
  });
  if (result.ok) return 'recorded';
  return result.reason === 'duplicate' || result.reason === 'already-recorded' ? 'already-recorded' : 'not-recorded';
}
