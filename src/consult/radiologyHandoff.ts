import type { HandoffState } from '../store/types.js';
import { checkOutcomePress, saveFollowUp, withRetry, type Checked, type FollowUpDeps, type FollowUpResult } from './followUpGuard.js';
import type { FollowUpReject } from './followUpText.js';

/** The owner's "Ask radiology" press. */
export interface HandoffPress {
  consultId: string;
  step: number;
  userId: string;
}

/** A radiologist's "I'll take it" press on the radiology post. */
export interface ClaimPress {
  consultId: string;
  userId: string;
  /** Display name where the platform gives one. */
  userName?: string;
}

/**
 * Checks an "Ask radiology" press before anything is posted: owner only, current step, an
 * outcome, a configured channel, and not already sent (a repeat is a silent duplicate).
 */
export async function checkHandoff(
  deps: FollowUpDeps, press: HandoffPress, radiology: boolean,
): Promise<{ ok: true; checked: Checked } | { ok: false; reason: FollowUpReject; record?: Checked['record'] }> {
  const check = await checkOutcomePress(deps, press.consultId, press.userId, press.step, true);
  if (!check.ok) return check;
  if (check.checked.record.followUp?.handoff) return { ok: false, reason: 'duplicate', record: check.checked.record };
  if (!radiology) return { ok: false, reason: 'no-radiology', record: check.checked.record };
  return check;
}

/**
 * Saves the hand-off once the summary is posted (audited `handoff:requested`), with the handles the
 * channel needs to update the post and reply to the consult later. Re-checked under the version.
 */
export function confirmHandoff(
  deps: FollowUpDeps, press: HandoffPress, refs: { postRef: string; originRef?: string },
): Promise<FollowUpResult> {
  return withRetry(async () => {
    const check = await checkHandoff(deps, press, true);
    if (!check.ok) return check;
    const { record, outcome } = check.checked;
    const handoff: HandoffState = {
      requestedBy: press.userId, requestedAt: deps.now().toISOString(), outcomeId: outcome.outcomeId,
      postRef: refs.postRef, ...(refs.originRef ? { originRef: refs.originRef } : {}),
    };
    const saved = await saveFollowUp(deps, record, { ...record.followUp, handoff }, 'handoff:requested', press.userId);
    return saved ? { ok: true, record: saved } : 'conflict';
  });
}

/**
 * Records who took a hand-off (audited `handoff:claimed`). Anyone may claim, but only once: a
 * second claimer is refused politely, the same claimer pressing again is a silent duplicate.
 */
export function claimHandoff(deps: FollowUpDeps, press: ClaimPress): Promise<FollowUpResult> {
  return withRetry(async () => {
    const record = await deps.store.get(press.consultId);
    if (!record) return { ok: false, reason: 'not-found' };
    const handoff = record.followUp?.handoff;
    if (!handoff) return { ok: false, reason: 'invalid', record };
    if (handoff.claimedBy) return { ok: false, reason: handoff.claimedBy === press.userId ? 'duplicate' : 'already-claimed', record };
    const claimed: HandoffState = {
      ...handoff, claimedBy: press.userId, claimedAt: deps.now().toISOString(),
      ...(press.userName ? { claimedByName: press.userName.slice(0, 128) } : {}),
    };
    const saved = await saveFollowUp(deps, record, { ...record.followUp, handoff: claimed }, 'handoff:claimed', press.userId);
    return saved ? { ok: true, record: saved } : 'conflict';
  });
}
