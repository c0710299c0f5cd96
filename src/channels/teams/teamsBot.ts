import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { FollowUpService } from '../../consult/followUpService.js';
import type { FaqPort } from '../../faq/faqPort.js';
import type { Pathways } from '../../interaction/pathways.js';
import { runPress, type PressHandler } from '../../interaction/pressHandler.js';
import type { Logger } from '../../log/logger.js';
import type { ConsultRecord } from '../../store/types.js';
import { parseButtonData, parseExecuteValue } from './buttonData.js';
import type { ButtonData } from './cardActions.js';
import type { AdaptiveCard } from './cardTypes.js';
import { errorResponse, messageResponse, type AdaptiveCardInvokeResponse } from './invokeResponses.js';
import { parseCommand } from './parseCommand.js';
import { renderFaq } from './renderFaq.js';
import { renderWelcome } from './renderWelcome.js';
import type { FirstContact } from '../../consult/firstContact.js';
import { TEAMS_TEXT } from './replyText.js';
import { teamsPort } from './teamsPort.js';
import { setRadiologyChannel } from './teamsRadiology.js';
import { tenantOf } from './tenantOf.js';

/** What the Teams turn handler needs from the core. */
export interface TeamsBotDeps {
  /** The core's press handler: every consult button and "consult" goes through it. */
  presses: PressHandler;
  /** The installed pathways: a consult is drawn by its own. */
  pathways: Pathways;
  /** Feedback, the radiology hand-off and the tenant's radiology channel. */
  followUp: FollowUpService;
  /** Remembers which activity shows a consult. */
  attach: (record: ConsultRecord, messageRef: string) => Promise<unknown>;
  logger: Logger;
  faq: FaqPort;
  /** MicrosoftAppId, for posting in other conversations (radiology channel, the consult's chat). */
  appId?: string;
  /** Azure AD object ids allowed to "set radiology channel"; empty means anyone in the tenant. */
  radiologyAdmins?: string[];
  /** Remembers the conversations already welcomed; without it installs get no welcome card. */
  firstContact?: FirstContact;
}

/** This bot was just added: installationUpdate "add", or a conversationUpdate that adds the bot itself. */
export function isInstall(a: Activity): boolean {
  if (a.type === ActivityTypes.InstallationUpdate) return a.action === 'add';
  return a.type === ActivityTypes.ConversationUpdate && !!a.membersAdded?.some((m) => m.id === a.recipient?.id);
}

const cardMessage = (card: AdaptiveCard): Partial<Activity> => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** The turn logic for CloudAdapter.process: decodes activities, runs presses through the core, answers. */
export function createTeamsBot(deps: TeamsBotDeps): (context: TurnContext) => Promise<void> {
  const { presses, faq } = deps;
  const log = deps.logger.child({ channel: 'teams' });
  const portDeps = { pathways: deps.pathways, followUp: deps.followUp, attach: deps.attach, appId: deps.appId ?? '', logger: log };

  async function invokeReply(context: TurnContext, status: number, body?: AdaptiveCardInvokeResponse): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
  }

  /** A button press: Action.Execute answers in the invoke response, Action.Submit in the conversation. */
  async function onButton(context: TurnContext, data: ButtonData, mode: 'execute' | 'submit'): Promise<void> {
    if (data.action === 'faq_topic') {
      const view = faq.topic(data.faqId);
      // Posted below rather than in place: a topic tapped on an outcome must not replace the outcome.
      if (view) await context.sendActivity(cardMessage(renderFaq(view)));
      else if (mode === 'submit') await context.sendActivity(MessageFactory.text(TEAMS_TEXT.topicMissing));
      if (mode === 'execute') return invokeReply(context, 200, messageResponse(view ? TEAMS_TEXT.topicBelow : TEAMS_TEXT.topicMissing));
      return;
    }
    const port = teamsPort(portDeps, context, mode);
    const press = await port.decode(data);
    if (press) await runPress(presses, port, press);
    if (mode === 'execute') return invokeReply(context, 200, port.reply());
  }

  async function onText(context: TurnContext): Promise<void> {
    const a = context.activity;
    const text = (a.recipient ? TurnContext.removeRecipientMention(a) : a.text) ?? '';
    const personal = (a.conversation.conversationType ?? 'personal') === 'personal';
    const command = parseCommand(text);
    if (command?.kind === 'start') {
      const port = teamsPort(portDeps, context, 'submit');
      return runPress(presses, port, {
        actor: { channel: 'teams', workspace: tenantOf(a), userId: a.from.id },
        data: { action: 'start', ...(command.pathwayId ? { pathwayId: command.pathwayId } : {}) },
        conversation: a.conversation.id,
      });
    }
    if (command?.kind === 'set-radiology') {
      await context.sendActivity(await setRadiologyChannel(context, { followUp: deps.followUp, logger: log, radiologyAdmins: deps.radiologyAdmins }));
      return;
    }
    if (command?.kind === 'help') {
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
      return onButton(context, data, 'execute');
    }
    if (a.type === ActivityTypes.Message) {
      if (a.value !== undefined && a.value !== null) {
        const data = parseButtonData(a.value);
        if (!data) {
          await context.sendActivity(TEAMS_TEXT.unreadableButton);
          return;
        }
        return onButton(context, data, 'submit');
      }
      return onText(context);
    }
    // Teams sends both installationUpdate and conversationUpdate for one install: welcome once.
    if (isInstall(a) && deps.firstContact && await deps.firstContact.claim(`teams.${tenantOf(a)}.${a.conversation.id}`)) {
      const help = faq.ask('help').view;
      await context.sendActivity(cardMessage(help.kind === 'help' ? renderWelcome(help) : renderFaq(help)));
      log.info({ conversationType: a.conversation.conversationType ?? 'personal' }, 'teams welcome sent');
    }
    // Other conversationUpdates, typing and the like need no reply.
  };
}
