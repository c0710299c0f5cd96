import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { ClickData } from '../../consult/clickData.js';
import type { ConsultService } from '../../consult/consultService.js';
import type { FollowUpService } from '../../consult/followUpService.js';
import { composeView, type ComposedView } from '../../interaction/composeView.js';
import type { Pathways } from '../../interaction/pathways.js';
import type { ConsultRecord } from '../../store/types.js';
import type { Logger } from '../../log/logger.js';
import { parseButtonData, parseExecuteValue } from './buttonData.js';
import type { ButtonData } from './cardActions.js';
import type { AdaptiveCard } from './cardTypes.js';
import { decideClick } from './decideClick.js';
import type { FaqPort } from '../../faq/faqPort.js';
import { cardResponse, errorResponse, messageResponse, type AdaptiveCardInvokeResponse } from './invokeResponses.js';
import { parseCommand } from './parseCommand.js';
import { renderFaq } from './renderFaq.js';
import { renderTeams } from './renderTeams.js';
import { TEAMS_TEXT } from './replyText.js';
import { createTeamsFollowUp, type FollowUpReply } from './teamsFollowUp.js';
import { tenantOf } from './tenantOf.js';

/** What the Teams turn handler needs from the core. */
export interface TeamsBotDeps {
  service: ConsultService;
  /** The installed pathways: a consult is drawn by its own. */
  pathways: Pathways;
  logger: Logger;
  faq: FaqPort;
  /** Feedback and the radiology hand-off; without it outcomes show neither. */
  followUp?: FollowUpService;
  /** MicrosoftAppId, for posting in other conversations (radiology channel, the consult's chat). */
  appId?: string;
  /** Azure AD object ids allowed to "set radiology channel"; empty means anyone in the tenant. */
  radiologyAdmins?: string[];
}

const cardMessage = (card: AdaptiveCard): Partial<Activity> => MessageFactory.attachment(CardFactory.adaptiveCard(card));


/** The turn logic for CloudAdapter.process: messages (commands, free text, Action.Submit) and Universal Actions. */
export function createTeamsBot({ service, pathways, logger, faq, followUp, appId, radiologyAdmins }: TeamsBotDeps): (context: TurnContext) => Promise<void> {
  const log = logger.child({ channel: 'teams' });
  const follow = followUp ? createTeamsFollowUp({ pathways, followUp, appId: appId ?? '', logger: log, radiologyAdmins }) : undefined;
  const compose = follow ? follow.viewOf
    : async (record: ConsultRecord): Promise<ComposedView> => composeView(pathways.forConsult(record.flowId), record, { radiology: false });
  const isFollowUp = (data: ButtonData): data is ClickData => data.action === 'feedback' || data.action === 'handoff' || data.action === 'claim';

  /** A feedback, hand-off or claim press: the card for the presser (also written to the shared message), or a short text. */
  async function followUpReply(context: TurnContext, data: ClickData): Promise<FollowUpReply> {
    if (!follow) return { text: TEAMS_TEXT.unreadableButton };
    const reply = await follow.press(context, data);
    if ('card' in reply && reply.update) await context.updateActivity({ ...cardMessage(reply.card), id: reply.update });
    return reply;
  }

  async function startConsult(context: TurnContext): Promise<void> {
    const a = context.activity;
    const { record } = await service.start({
      channel: 'teams', workspace: tenantOf(a), conversation: a.conversation.id, ownerId: a.from.id,
    });
    const sent = await context.sendActivity(cardMessage(renderTeams(await compose(record), record.id)));
    if (sent?.id) await service.attachMessage(record, sent.id);
    log.info({ consultId: record.id, conversationType: a.conversation.conversationType ?? 'personal' }, 'teams consult started');
  }

  /** Shows a consult's new view on its message: the stored activity, else the clicked one, else a new message. */
  async function showOnMessage(context: TurnContext, consultId: string, card: AdaptiveCard, messageRef: string | null): Promise<void> {
    const id = messageRef ?? context.activity.replyToId;
    if (id) {
      await context.updateActivity({ ...cardMessage(card), id });
      return;
    }
    const sent = await context.sendActivity(cardMessage(card));
    const record = sent?.id ? await service.get(consultId) : undefined;
    if (record && sent?.id) await service.attachMessage(record, sent.id);
  }

  async function invokeReply(context: TurnContext, status: number, body?: AdaptiveCardInvokeResponse): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
  }

  /** Universal Actions: the response card (or message) goes back in the invoke response. */
  async function onExecute(context: TurnContext, data: ButtonData): Promise<void> {
    if (isFollowUp(data)) {
      const reply = await followUpReply(context, data);
      return invokeReply(context, 200, 'card' in reply ? cardResponse(reply.card) : messageResponse(reply.text));
    }
    const decision = await decideClick(service, faq, context.activity.from.id, data, compose);
    switch (decision.kind) {
      case 'advanced': {
        const card = renderTeams(decision.view, decision.consultId);
        // The invoke response updates the clicker's view; updating the stored message keeps it
        // the same for everyone else in a group chat or channel.
        // The answer is saved: a failed update of the shared message must not hide it from the clicker.
        if (decision.messageRef) {
          await context.updateActivity({ ...cardMessage(card), id: decision.messageRef })
            .catch((err: Error) => log.warn({ consultId: decision.consultId, err: err.message }, 'teams: updating the consult message failed'));
        }
        return invokeReply(context, 200, cardResponse(card));
      }
      case 'rejected':
        // Only the owner gets past the owner check to "stale": their card is behind (an update may
        // have failed), so show them the current step instead of a dead end.
        if (decision.reason === 'stale' && decision.view && decision.consultId) {
          return invokeReply(context, 200, cardResponse(renderTeams(decision.view, decision.consultId)));
        }
        if (decision.text) return invokeReply(context, 200, messageResponse(decision.text));
        return invokeReply(context, 200, decision.view && decision.consultId
          ? cardResponse(renderTeams(decision.view, decision.consultId))
          : messageResponse(TEAMS_TEXT.unreadableButton));
      case 'start':
        await startConsult(context);
        return invokeReply(context, 200, decision.previous
          ? cardResponse(renderTeams(decision.previous.view, decision.previous.consultId))
          : messageResponse(TEAMS_TEXT.startedBelow));
      case 'faq':
        // Posted below rather than in place: a topic tapped on an outcome must not replace the outcome.
        if (!decision.view) return invokeReply(context, 200, messageResponse(TEAMS_TEXT.topicMissing));
        await context.sendActivity(cardMessage(renderFaq(decision.view)));
        return invokeReply(context, 200, messageResponse(TEAMS_TEXT.topicBelow));
    }
  }

  /** Action.Submit fallback: the button's data arrives as a message `value`; answer by updating the message. */
  async function onSubmit(context: TurnContext, data: ButtonData): Promise<void> {
    if (isFollowUp(data)) {
      const reply = await followUpReply(context, data);
      if (!('card' in reply)) await context.sendActivity(reply.text);
      else if (!reply.update && context.activity.replyToId) await context.updateActivity({ ...cardMessage(reply.card), id: context.activity.replyToId });
      return;
    }
    const decision = await decideClick(service, faq, context.activity.from.id, data, compose);
    switch (decision.kind) {
      case 'advanced':
        return showOnMessage(context, decision.consultId, renderTeams(decision.view, decision.consultId), decision.messageRef);
      case 'rejected':
        // Message activities have no private reply; a duplicate delivery stays silent.
        if (decision.text) await context.sendActivity(decision.text);
        return;
      case 'start':
        return startConsult(context);
      case 'faq':
        await context.sendActivity(decision.view ? cardMessage(renderFaq(decision.view)) : MessageFactory.text(TEAMS_TEXT.topicMissing));
        return;
    }
  }

  async function onText(context: TurnContext): Promise<void> {
    const a = context.activity;
    const text = (a.recipient ? TurnContext.removeRecipientMention(a) : a.text) ?? '';
    const personal = (a.conversation.conversationType ?? 'personal') === 'personal';
    const command = parseCommand(text);
    if (command === 'start') return startConsult(context);
    if (command === 'set-radiology' && follow) {
      await context.sendActivity(await follow.setRadiologyChannel(context));
      return;
    }
    if (command === 'help') {
      await context.sendActivity(cardMessage(renderFaq(faq.ask('help').view)));
      return;
    }
    if (command === undefined && personal && text.trim() !== '') {
      const { view, match } = faq.ask(text);
      // Log only what matched, never the typed words.
      log.info({ faqId: match?.faqId ?? null, score: match?.score ?? null, kind: view.kind }, 'teams faq answered');
      await context.sendActivity(cardMessage(renderFaq(view)));
      return;
    }
    await context.sendActivity(personal ? TEAMS_TEXT.help : TEAMS_TEXT.groupHelp);
  }

  return async (context) => {
    const a = context.activity;
    if (a.type === ActivityTypes.Invoke) {
      if (a.name !== 'adaptiveCard/action') return invokeReply(context, 501);
      const data = parseExecuteValue(a.value);
      if (!data) return invokeReply(context, 400, errorResponse(400, 'BadRequest', TEAMS_TEXT.unreadableButton));
      return onExecute(context, data);
    }
    if (a.type === ActivityTypes.Message) {
      if (a.value !== undefined && a.value !== null) {
        const data = parseButtonData(a.value);
        if (!data) {
          await context.sendActivity(TEAMS_TEXT.unreadableButton);
          return;
        }
        return onSubmit(context, data);
      }
      return onText(context);
    }
    // conversationUpdate, installationUpdate, typing and the like need no reply.
  };
}
