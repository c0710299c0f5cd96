import type { ConsultRecord, ConsultStore } from '../store/types.js';
import { recordFeedback, type FeedbackPress } from './consultFeedback.js';
import type { EngineLookup } from './engineLookup.js';
import type { FollowUpDeps, FollowUpResult } from './followUpGuard.js';
import { claimHandoff, confirmHandoff, releaseHandoff, reserveHandoff, type ClaimPress, type HandoffPress } from './radiologyHandoff.js';

export type { FollowUpResult } from './followUpGuard.js';

/** Service settings. */
export interface FollowUpServiceOptions {
  store: ConsultStore;
  /** The installed pathways (their followup.yaml rules were checked when they were installed). */
  pathways: EngineLookup;
  now?: () => Date;
  /** Told each audited follow-up event (e.g. a Prometheus counter); the built-in counts run regardless. */
  onEvent?: (event: string) => void;
}

/**
 * Feedback on recommendations and the radiology hand-off, beside (never inside) the flow machine.
 * Presses of `feedback`, `handoff` and `claim` come here; src/interaction/composeView.ts draws them.
 */
export class FollowUpService {
  private readonly deps: FollowUpDeps;

  constructor(private readonly opts: FollowUpServiceOptions) {
    this.deps = {
      store: opts.store, pathways: opts.pathways, now: opts.now ?? (() => new Date()),
      onEvent: (event) => opts.onEvent?.(event),
    };
  }

  /** The outcome's chart note: the summary posted to radiology (answers, outcome, criteria; no patient details). */
  summary(record: ConsultRecord): string | undefined {
    const view = this.opts.pathways.engine(record.flowId)?.view(record.snapshot);
    return view?.kind === 'outcome' ? view.chartNote : undefined;
  }

  /** A press of "Ordering ..." or of a reason. */
  feedback(press: FeedbackPress): Promise<FollowUpResult> {
    return recordFeedback(this.deps, press);
  }

  /** Reserves "Ask radiology" (version-checked) before the channel posts anything. */
  reserveHandoff(press: HandoffPress, radiology: boolean): Promise<FollowUpResult> {
    return reserveHandoff(this.deps, press, radiology);
  }

  /** Saves (and audits) the reserved hand-off once its summary is posted. */
  confirmHandoff(press: HandoffPress, refs: { postRef: string; originRef?: string }): Promise<FollowUpResult> {
    return confirmHandoff(this.deps, press, refs);
  }

  /** Gives the reservation back after a failed post, so a retry can work. */
  releaseHandoff(press: HandoffPress): Promise<FollowUpResult> {
    return releaseHandoff(this.deps, press);
  }

  /** "I'll take it" on the radiology post. */
  claim(press: ClaimPress): Promise<FollowUpResult> {
    return claimHandoff(this.deps, press);
  }

  /** A workspace's saved radiology destination (e.g. a Teams tenant's channel reference as JSON). */
  radiologyDestination(channel: 'teams', workspace: string): Promise<string | undefined> {
    return this.opts.store.getSetting(`${channel}.radiology_channel.${workspace}`);
  }

  /** Saves a workspace's radiology destination, replacing any earlier one; never another tenant's. */
  setRadiologyDestination(channel: 'teams', workspace: string, value: string): Promise<void> {
    return this.opts.store.setSetting(`${channel}.radiology_channel.${workspace}`, value, this.deps.now());
  }
}
