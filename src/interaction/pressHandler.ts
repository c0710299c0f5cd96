import { canSee, isBound, type Actor } from '../consult/binding.js';
import type { ClickData } from '../consult/clickData.js';
import type { ConsultService } from '../consult/consultService.js';
import { followUpRejectionText, type FollowUpReject } from '../consult/followUpText.js';
import type { FollowUpService } from '../consult/followUpService.js';
import { rejectionText, type RejectReason, type ReplyStyle } from '../consult/rejections.js';
import type { ConsultRecord } from '../store/types.js';
import type { ChannelPort, Delivered, Effect, Press } from './effects.js';
import { HANDOFF_TEXT } from './handoffText.js';
import type { Pathways } from './pathways.js';

/** What the press handler needs from the core. */
export interface PressHandlerDeps {
  service: ConsultService;
  followUp: FollowUpService;
  pathways: Pathways;
}

/** The port's part the handler reads: how to word refusals and what the channel can do. */
type PortInfo = Pick<ChannelPort, 'style' | 'capabilities'>;
type Refusal = { reason: FollowUpReject; record?: ConsultRecord };

/** Said when a start press comes from nowhere a consult can live. */
export const UNKNOWN_PATHWAY = 'A consult cannot be started from here; nothing was started.';

/**
 * The one press handler: every channel hands it a decoded press and delivers the effects it
 * returns. Owner, channel and workspace binding, stale and duplicate presses, feedback and the
 * radiology hand-off are decided here, the same for Slack, Teams, the web page and the terminal.
 */
export class PressHandler {
  constructor(private readonly deps: PressHandlerDeps) {}

  /** What a press does, as effects for the channel to deliver. */
  async handle(press: Press, port: PortInfo): Promise<Effect[]> {
    const { data } = press;
    switch (data.action) {
      case 'start': return this.start(press, data.pathwayId);
      case 'new_consult': return this.newConsult(press, data);
      case 'feedback': return this.feedback(press, data, port.style);
      case 'handoff': return this.handoff(press, data, port);
      case 'claim': return this.claim(press, data, port.style);
      default: return this.step(press, data, port.style);
    }
  }

  private async start(press: Press, pathwayId: string | undefined): Promise<Effect[]> {
    const { pathways, service } = this.deps;
    // A name that is no installed pathway is treated as no name: with one pathway nothing changes.
    const id = pathwayId && pathways.get(pathwayId) ? pathwayId : pathways.defaultId;
    if (id === undefined) return [{ kind: 'choosePathway', pathways: pathways.list().map((p) => ({ id: p.id, title: p.title })) }];
    if (!press.conversation) return [{ kind: 'tell', text: UNKNOWN_PATHWAY }];
    const { actor } = press;
    const { record } = await service.start({
      channel: actor.channel, workspace: actor.workspace, conversation: press.conversation, ownerId: actor.userId, pathwayId: id,
    });
    const settle = async (d: Delivered | undefined): Promise<Effect[]> => {
      if (d?.ref) await service.attachMessage(record, d.ref);
      return [];
    };
    return [{ kind: 'post', record, settle }];
  }

  /** "New consult" on an old card: a new consult for the presser; the old card is handed back only to those who can see it. */
  private async newConsult(press: Press, data: ClickData): Promise<Effect[]> {
    const previous = await this.deps.service.get(data.consultId);
    const started = await this.start(press, previous && this.deps.pathways.get(previous.flowId) ? previous.flowId : undefined);
    return previous && canSee(previous, press.actor, press.conversation) ? [...started, { kind: 'unchanged', record: previous }] : started;
  }

  /** Answers and controls: the consult service applies them; a stale press redraws the owner's message. */
  private async step(press: Press, data: ClickData, style: ReplyStyle): Promise<Effect[]> {
    const { actor, conversation, messageRef } = press;
    const result = await this.deps.service.click({ actor, data, ...(conversation && messageRef ? { shownIn: { conversation, messageRef } } : {}) });
    if (result.ok) return [{ kind: 'show', record: result.record }];
    // Stryker disable next-line StringLiteral: only not-found comes without a record, and its text names no owner
    return this.refuse(press.actor, result, rejectionText(result.reason as RejectReason, result.record?.ownerId ?? '', style));
  }

  private async feedback(press: Press, data: ClickData, style: ReplyStyle): Promise<Effect[]> {
    if (!data.choice) return this.refuseFollowUp(press.actor, { reason: 'invalid' }, style);
    const result = await this.deps.followUp.feedback({
      consultId: data.consultId, step: data.step, actor: press.actor, choice: data.choice, ...(data.reason ? { reason: data.reason } : {}),
    });
    return result.ok ? [{ kind: 'show', record: result.record }] : this.refuseFollowUp(press.actor, result, style);
  }

  /** "Ask radiology": reserve first, post once, then confirm; a failed post gives the reservation back. */
  private async handoff(press: Press, data: ClickData, port: PortInfo): Promise<Effect[]> {
    const { followUp, service } = this.deps;
    const current = await service.get(data.consultId);
    // Stryker disable next-line BooleanLiteral: a consult that is gone is refused as not found whatever this says
    const radiology = current ? (await port.capabilities(current)).radiology : false;
    const handoffPress = { consultId: data.consultId, step: data.step, actor: press.actor };
    const reserved = await followUp.reserveHandoff(handoffPress, radiology);
    if (!reserved.ok) return this.refuseFollowUp(press.actor, reserved, port.style);
    const settle = async (d: Delivered | undefined): Promise<Effect[]> => {
      if (!d?.ref) {
        await followUp.releaseHandoff(handoffPress);
        return [{ kind: 'tell', text: HANDOFF_TEXT.postFailed }];
      }
      const saved = await followUp.confirmHandoff(handoffPress, { postRef: d.ref, ...(d.originRef ? { originRef: d.originRef } : {}) });
      return saved.ok ? [{ kind: 'show', record: saved.record }] : this.refuseFollowUp(press.actor, saved, port.style);
    };
    // Stryker disable next-line StringLiteral: a reserved hand-off rests on an outcome, which always has a summary
    return [{ kind: 'postToRadiology', record: reserved.record, summary: followUp.summary(reserved.record) ?? '', settle }];
  }

  /** "I'll take it": only on the radiology post; updates the post and tells the consult's conversation. */
  private async claim(press: Press, data: ClickData, style: ReplyStyle): Promise<Effect[]> {
    if (!press.fromRadiology) return this.refuseFollowUp(press.actor, { reason: 'invalid' }, style);
    const { followUp } = this.deps;
    const result = await followUp.claim({ consultId: data.consultId, actor: press.actor, ...(press.userName ? { userName: press.userName } : {}) });
    if (!result.ok) return this.refuseFollowUp(press.actor, result, style);
    return [
      // Stryker disable next-line StringLiteral: a claimed hand-off rests on an outcome, which always has a summary
      { kind: 'updateRadiologyPost', record: result.record, summary: followUp.summary(result.record) ?? '' },
      { kind: 'notifyOrigin', record: result.record },
    ];
  }

  private refuseFollowUp(actor: Actor, result: Refusal, style: ReplyStyle): Effect[] {
    const h = result.record?.followUp?.handoff;
    const claimer = h?.claimedBy ? h.claimedByName ?? style.mentionStaff?.(h.claimedBy) : undefined;
    // Stryker disable next-line StringLiteral: only not-found comes without a record, and its text names no owner
    return this.refuse(actor, result, followUpRejectionText(result.reason, result.record?.ownerId ?? '', style, claimer));
  }

  /** Nothing changed: say why; a stale press by the owner also redraws the consult, a repeat hands it back as it is. */
  private refuse(actor: Actor, result: Refusal, text: string | undefined): Effect[] {
    const r = result.record;
    // Strangers are refused as not-owner before any stale or repeated verdict, so this never decides
    // today; it stays so that no refusal can ever show a consult to someone it is not bound to.
    // Stryker disable next-line ConditionalExpression: see above
    const bound = !!r && isBound(r, actor);
    const effects: Effect[] = result.reason === 'stale' && bound ? [{ kind: 'show', record: r }] : [];
    if (text) effects.push({ kind: 'tell', text });
    // Stryker disable next-line ConditionalExpression: only a repeated press has no text, and it is always the owner's
    else if (bound) effects.push({ kind: 'unchanged', record: r });
    return effects;
  }
}

/**
 * Handles a press and delivers its effects through the channel's port, feeding back what delivery
 * produced. `decided` runs once the core has saved what the press changed, before anything is
 * delivered (Slack acknowledges a click only then).
 */
export async function runPress(handler: PressHandler, port: ChannelPort, press: Press, decided?: () => Promise<void>): Promise<void> {
  const queue = await handler.handle(press, port);
  await decided?.();
  for (let i = 0; i < queue.length; i++) {
    const effect = queue[i];
    if (effect.kind === 'post' || effect.kind === 'postToRadiology') {
      // A failed post is reported as nothing delivered, so the core can give back what it held.
      const delivered = await port.deliver(effect).catch(() => undefined);
      queue.push(...(await effect.settle(delivered ?? undefined)));
    } else {
      await port.deliver(effect);
    }
  }
}
