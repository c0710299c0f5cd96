import type { HandoffState } from '../store/types.js';
import { refusalAudit, sameWorkspace, type Actor } from './binding.js';
import { checkOutcomePress, saveFollowUp, withRetry, type FollowUpDeps, type FollowUpResult } from './followUpGuard.js';

/** The owner's "Ask radiology" press. */
export interface HandoffPress {
  consultId: string;
  step: number;
  actor: Actor;
}

/** A radiologist's "I'll take it" press on the radiology post. */
export interface ClaimPress {
  consultId: string;
  actor: Actor;
  /** Display name where the platform gives one. */
  userName?: string;
}

/** How long a reservation holds before a new press may take it over (an instance that died mid-post). */
export const RESERVATION_MS = 60_000;

/**
 * Reserves the hand-off before anything is posted: owner only, current step, an outcome, a
 * configured destination, and not already sent or being sent. The reservation is a version-checked
 * save, so of two presses (on one instance or two) exactly one gets it; the other is a silent duplicate.
 */
export function reserveHandoff(deps: FollowUpDeps, press: HandoffPress, radiology: boolean): Promise<FollowUpResult> {
  return withRetry(async () => {
    const check = await checkOutcomePress(deps, press, 'handoff');
    if (!check.ok) return check;
    const { record, outcome } = check.checked;
    const held = record.followUp?.handoff;
    const lapsed = held?.reserved && deps.now().getTime() - Date.parse(held.requestedAt) > RESERVATION_MS;
    if (held && !lapsed) return { ok: false, reason: 'duplicate', record };
    if (!radiology) return { ok: false, reason: 'no-radiology', record };
    const handoff: HandoffState = { requestedBy: press.actor.userId, requestedAt: deps.now().toISOString(), outcomeId: outcome.outcomeId, reserved: true };
    const saved = await saveFollowUp(deps, record, { ...record.followUp, handoff }, null, press.actor.userId);
    return saved ? { ok: true, record: saved } : 'conflict';
  });
}

/**
 * Completes a reserved hand-off once its summary is posted (audited `handoff:requested`), with the
 * handles the channel needs to update the post and reply to the consult later.
 */
export function confirmHandoff(deps: FollowUpDeps, press: HandoffPress, refs: { postRef: string; originRef?: string }): Promise<FollowUpResult> {
  return withRetry(async () => {
    const record = await deps.store.get(press.consultId);
    const held = record?.followUp?.handoff;
    if (!record || !held?.reserved || held.requestedBy !== press.actor.userId) return { ok: false, reason: 'stale', ...(record ? { record } : {}) };
    const { reserved: _reserved, ...rest } = held;
    const handoff: HandoffState = { ...rest, postRef: refs.postRef, ...(refs.originRef ? { originRef: refs.originRef } : {}) };
    const saved = await saveFollowUp(deps, record, { ...record.followUp, handoff }, 'handoff:requested', press.actor.userId);
    return saved ? { ok: true, record: saved } : 'conflict';
  });
}

/** Releases a reservation whose post failed, so the owner can try again; nothing was sent, so nothing is audited. */
export function releaseHandoff(deps: FollowUpDeps, press: HandoffPress): Promise<FollowUpResult> {
  return withRetry(async () => {
    const record = await deps.store.get(press.consultId);
    if (!record?.followUp?.handoff?.reserved) return { ok: false, reason: 'stale', ...(record ? { record } : {}) };
    const { handoff: _released, ...followUp } = record.followUp;
    const saved = await saveFollowUp(deps, record, followUp, null, press.actor.userId);
    return saved ? { ok: true, record: saved } : 'conflict';
  });
}

/**
 * Records who took a hand-off (audited `handoff:claimed`). Anyone in the consult's channel and
 * workspace may claim, but only once: a second claimer is refused politely, the same claimer
 * pressing again is a silent duplicate; a press from another channel or workspace is refused and audited.
 */
export function claimHandoff(deps: FollowUpDeps, press: ClaimPress): Promise<FollowUpResult> {
  return withRetry(async () => {
    const record = await deps.store.get(press.consultId);
    if (!record) return { ok: false, reason: 'not-found' };
    if (!sameWorkspace(record, press.actor)) {
      await deps.store.addAudit(refusalAudit(record, press.actor, 'claim', deps.now()));
      return { ok: false, reason: 'invalid', record };
    }
    const handoff = record.followUp?.handoff;
    if (!handoff || handoff.reserved) return { ok: false, reason: 'invalid', record };
    const { userId } = press.actor;
    if (handoff.claimedBy) return { ok: false, reason: handoff.claimedBy === userId ? 'duplicate' : 'already-claimed', record };
    const claimed: HandoffState = {
      ...handoff, claimedBy: userId, claimedAt: deps.now().toISOString(),
      ...(press.userName ? { claimedByName: press.userName.slice(0, 128) } : {}),
    };
    const saved = await saveFollowUp(deps, record, { ...record.followUp, handoff: claimed }, 'handoff:claimed', userId);
    return saved ? { ok: true, record: saved } : 'conflict';
  });
}
