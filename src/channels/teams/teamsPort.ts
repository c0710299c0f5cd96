import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { FollowUpService } from '../../consult/followUpService.js';
import { composeView, type Capabilities } from '../../interaction/composeView.js';
import type { ChannelPort, Delivered, Effect, Press } from '../../interaction/effects.js';
import type { Pathways } from '../../interaction/pathways.js';
import type { Logger } from '../../log/logger.js';
import type { ConsultRecord } from '../../store/types.js';
import type { ButtonData } from './cardActions.js';
import type { AdaptiveCard } from './cardTypes.js';
import { cardResponse, messageResponse, type AdaptiveCardInvokeResponse } from './invokeResponses.js';
import { claimNotice, renderPathwayCard, renderRadiologyCard } from './renderFollowUp.js';
import { renderTeams } from './renderTeams.js';
import { TEAMS_REPLY_STYLE, TEAMS_TEXT } from './replyText.js';
import { channelRoot, inConversation, parseReference, postNew, radiologyRef, referenceOf } from './teamsRadiology.js';
import { tenantOf } from './tenantOf.js';

/** What the Teams port needs for the life of the app. */
export interface TeamsPortDeps {
  pathways: Pathways;
  followUp: FollowUpService;
  /** Remembers which activity shows a consult (a card posted outside an invoke). */
  attach: (record: ConsultRecord, messageRef: string) => Promise<unknown>;
  /** MicrosoftAppId, for posting in other conversations (radiology channel, the consult's chat). */
  appId: string;
  logger: Logger;
}

/** A Teams port for one turn; `reply()` is the invoke response once every effect was delivered. */
export type TeamsPort = ChannelPort<ButtonData, AdaptiveCard> & { reply(): AdaptiveCardInvokeResponse };

const cardMessage = (card: AdaptiveCard): Partial<Activity> => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/**
 * Teams' side of one turn. An Action.Execute (`execute`) answers in its invoke response: the card
 * the core showed, else its note; an Action.Submit (`submit`) updates the message and replies in
 * the conversation. Tenant = workspace; claims count only on the tenant's radiology channel.
 */
export function teamsPort(deps: TeamsPortDeps, context: TurnContext, mode: 'execute' | 'submit'): TeamsPort {
  const { pathways, followUp, appId, logger } = deps;
  const a = context.activity;
  const state: { card?: AdaptiveCard; text?: string; posted?: boolean } = {};
  const capabilities = async (record: ConsultRecord): Promise<Capabilities> => ({ radiology: !!(await radiologyRef(followUp, record.workspace)) });
  const cardOf = async (record: ConsultRecord) => renderTeams(composeView(pathways.forConsult(record.flowId), record, await capabilities(record)), record.id);
  const update = (card: AdaptiveCard, id: string, consultId: string) => context.updateActivity({ ...cardMessage(card), id })
    // The answer is saved: a failed update of the shared message must not hide it from the presser.
    .catch((err: Error) => logger.warn({ consultId, err: err.message }, 'teams: updating a message failed'));
  const sendCard = async (card: AdaptiveCard) => (await context.sendActivity(cardMessage(card)))?.id;

  const show = async (record: ConsultRecord) => {
    const card = await cardOf(record);
    if (mode === 'execute') {
      state.card = card;
      if (record.messageRef) await update(card, record.messageRef, record.id);
      return;
    }
    const id = record.messageRef ?? a.replyToId;
    if (id) return void await update(card, id, record.id);
    const sent = await sendCard(card);
    if (sent) await deps.attach(record, sent);
  };

  const deliver = async (effect: Effect): Promise<Delivered | void> => {
    switch (effect.kind) {
      case 'show': return show(effect.record);
      case 'unchanged': if (mode === 'execute') state.card ??= await cardOf(effect.record); return;
      case 'tell':
        if (mode === 'execute') state.text ??= effect.text;
        else await context.sendActivity(effect.text);
        return;
      case 'post': case 'choosePathway': {
        state.posted = true;
        const sent = await sendCard(effect.kind === 'post' ? await cardOf(effect.record) : renderPathwayCard(effect.pathways));
        return effect.kind === 'post' && sent ? { ref: sent } : undefined;
      }
      case 'postToRadiology': {
        const ref = await radiologyRef(followUp, effect.record.workspace);
        if (!ref) return undefined;
        const card = renderRadiologyCard({ consultId: effect.record.id, step: effect.record.step, summary: effect.summary, claimed: false });
        let activityId: string | undefined;
        await inConversation(context, appId, ref, async (c) => { activityId = await postNew(c, cardMessage(card)); })
          .catch((err: Error) => logger.error({ consultId: effect.record.id, err: err.message }, 'teams: posting to the radiology channel failed'));
        return activityId ? { ref: JSON.stringify({ ...ref, activityId }), originRef: JSON.stringify(referenceOf(context, false)) } : undefined;
      }
      case 'updateRadiologyPost': {
        const h = effect.record.followUp!.handoff!;
        const card = renderRadiologyCard({
          consultId: effect.record.id, step: effect.record.step, summary: effect.summary, claimed: true, ...(h.claimedByName ? { claimedByName: h.claimedByName } : {}),
        });
        if (mode === 'execute') state.card = card;
        const post = (JSON.parse(h.postRef ?? '{}') as { activityId?: string }).activityId;
        const id = a.replyToId ?? post;
        if (id) await update(card, id, effect.record.id);
        return;
      }
      case 'notifyOrigin': {
        const { record } = effect;
        const origin = parseReference(record.followUp?.handoff?.originRef);
        if (!origin) return;
        const card = await cardOf(record);
        await inConversation(context, appId, origin, async (c) => {
          if (record.messageRef) await c.updateActivity({ ...cardMessage(card), id: record.messageRef });
          await postNew(c, MessageFactory.text(claimNotice(record.followUp!.handoff!.claimedByName)));
        }).catch((err: Error) => logger.error({ consultId: record.id, err: err.message }, 'teams: telling the consult conversation failed'));
        return;
      }
    }
  };

  return {
    channel: 'teams',
    style: TEAMS_REPLY_STYLE,
    async decode(data) {
      if (data.action === 'faq_topic') return undefined;
      const press: Press = {
        actor: { channel: 'teams', workspace: tenantOf(a), userId: a.from.id },
        data: data.action === 'start_consult' ? { action: 'start', ...(data.pathwayId ? { pathwayId: data.pathwayId } : {}) } : data,
        conversation: a.conversation.id,
        ...(a.from.name ? { userName: a.from.name } : {}),
      };
      if (data.action === 'claim') {
        const ref = await radiologyRef(followUp, tenantOf(a));
        press.fromRadiology = !!ref && channelRoot(a.conversation.id) === channelRoot(ref.conversation!.id);
      }
      return press;
    },
    render: (view, consultId) => renderTeams(view, consultId),
    capabilities,
    deliver,
    reply() {
      if (state.card) return cardResponse(state.card);
      return messageResponse(state.text ?? (state.posted ? TEAMS_TEXT.startedBelow : TEAMS_TEXT.unreadableButton));
    },
  };
}
