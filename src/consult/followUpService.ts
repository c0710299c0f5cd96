import type { FlowEngine } from '../flow/engine.js';
import type { View } from '../flow/viewTypes.js';
import type { ConsultRecord, ConsultStore } from '../store/types.js';
import { recordFeedback, type FeedbackPress } from './consultFeedback.js';
import type { FollowUpDeps, FollowUpResult } from './followUpGuard.js';
import { withFollowUp } from './followUpView.js';
import { checkHandoff, claimHandoff, confirmHandoff, type ClaimPress, type HandoffPress } from './radiologyHandoff.js';
import { ContentError } from '../flow/parseContent.js';

export type { FollowUpResult } from './followUpGuard.js';

/** Service settings. */
export interface FollowUpServiceOptions {
  store: ConsultStore;
  engine: FlowEngine;
  now?: () => Date;
  /** Told each audited follow-up event (e.g. a Prometheus counter); the built-in counts run regardless. */
  onEvent?: (event: string) => void;
}

/**
 * Feedback on recommendations and the radiology hand-off, beside (never inside) the flow machine.
 * Channels call it for `feedback`, `handoff` and `claim` presses and to decorate outcome views.
 */
export class FollowUpService {
  private readonly deps: FollowUpDeps;

  constructor(private readonly opts: FollowUpServiceOptions) {
    const rules = opts.engine.content.rules;
    const known = new Set(rules.outcomes.outcomes.map((o) => o.id));
    const { followup } = rules;
    const named = [...followup.noPaging.outcomes, ...followup.askRadiology.prominentOn, ...followup.feedback.outcomes];
    const unknown = named.filter((id) => !known.has(id));
    if (unknown.length) throw new ContentError(`rules followup.yaml names unknown outcomes: ${[...new Set(unknown)].join(', ')}`);
    this.deps = {
      store: opts.store, engine: opts.engine, now: opts.now ?? (() => new Date()),
      onEvent: (event) => opts.onEvent?.(event),
    };
  }

  /** The view a channel should draw for `record`: the flow's view plus feedback, hand-off and safety wording. */
  view(record: ConsultRecord, radiology: boolean, base: View = this.opts.engine.view(record.snapshot)): View {
    return withFollowUp(base, { rules: this.opts.engine.content.rules.followup, followUp: record.followUp, radiology });
  }

  /** The outcome's chart note: the summary posted to radiology (answers, outcome, criteria; no patient details). */
  summary(record: ConsultRecord): string | undefined {
    const view = this.opts.engine.view(record.snapshot);
    return view.kind === 'outcome' ? view.chartNote : undefined;
  }

  /** A press of "Ordering ..." or of a reason. */
  feedback(press: FeedbackPress): Promise<FollowUpResult> {
    return recordFeedback(this.deps, this.opts.engine.content.rules.followup.feedback.outcomes, press);
  }

  /** Checks "Ask radiology" before the channel posts anything. */
  async checkHandoff(press: HandoffPress, radiology: boolean): Promise<FollowUpResult> {
    const check = await checkHandoff(this.deps, press, radiology);
    return check.ok ? { ok: true, record: check.checked.record } : check;
  }

  /** Saves (and audits) the hand-off once its summary is posted. */
  confirmHandoff(press: HandoffPress, refs: { postRef: string; originRef?: string }): Promise<FollowUpResult> {
    return confirmHandoff(this.deps, press, refs);
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
