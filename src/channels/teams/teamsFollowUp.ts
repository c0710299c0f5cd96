import {
  CardFactory, MessageFactory, TurnContext, type Activity, type CloudAdapter, type ConversationReference,
} from 'botbuilder';
import { z } from 'zod';
import type { ClickData } from '../../consult/clickData.js';
import { CLAIM_LABEL, followUpRejectionText } from '../../consult/followUpText.js';
import type { FollowUpResult, FollowUpService } from '../../consult/followUpService.js';
import { composeView, type ComposedView } from '../../interaction/composeView.js';
import type { Pathways } from '../../interaction/pathways.js';
import type { Logger } from '../../log/logger.js';
import type { ConsultRecord } from '../../store/types.js';
import type { AdaptiveCard } from './cardTypes.js';
import { claimNotice, renderRadiologyCard } from './renderFollowUp.js';
import { renderTeams } from './renderTeams.js';
import { TEAMS_REPLY_STYLE, TEAMS_TEXT } from './replyText.js';
import { tenantOf } from './tenantOf.js';

/** What a follow-up press shows the presser: a card (also written to `update`, the shared message), a message, or nothing. */
export type FollowUpReply = { card: AdaptiveCard; update?: string | null } | { text: string };

/** Product wording for the radiology-channel setup. */
export const RADIOLOGY_TEXT = {
  set: 'Done: radiology questions from consults ("Ask radiology") will be posted in this channel.',
  notChannel: 'Type "set radiology channel" in the Teams channel that should receive radiology questions, with me installed in that team.',
  notAdmin: 'Only the people your administrator listed (TEAMS_RADIOLOGY_ADMINS) can change where radiology questions go; nothing was changed.',
  postFailed: 'Teams did not accept the post to the radiology channel, so nothing was sent. Please try again, or ask an admin to check the radiology channel set-up.',
} as const;

/** The stored reference: enough to post in a conversation later, nothing about any patient. */
const ReferenceSchema = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1) }),
  bot: z.looseObject({ id: z.string() }).optional(),
});

/** The slice of botframework-connector's ConnectorClient used here (the turn's client for its serviceUrl). */
interface Connector {
  conversations: { sendToConversation(conversationId: string, activity: Activity): Promise<{ id?: string }> };
}

const cardMessage = (card: AdaptiveCard) => MessageFactory.attachment(CardFactory.adaptiveCard(card));
/** A Teams channel's conversation id without the thread part, so posts start new threads. */
const channelRoot = (id: string) => id.split(';messageid=')[0];

function referenceOf(context: TurnContext, root: boolean): Partial<ConversationReference> {
  const ref = TurnContext.getConversationReference(context.activity);
  const c = ref.conversation!;
  return {
    channelId: ref.channelId, serviceUrl: ref.serviceUrl, bot: ref.bot,
    conversation: { id: root ? channelRoot(c.id) : c.id, conversationType: c.conversationType, tenantId: c.tenantId, isGroup: c.isGroup, name: '' },
  };
}

function parseReference(json: string | undefined): Partial<ConversationReference> | undefined {
  if (!json) return undefined;
  try {
    const parsed = ReferenceSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as unknown as Partial<ConversationReference>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Feedback, "Ask radiology" and "I'll take it" in Teams. The core (FollowUpService) keeps the
 * owner-only, stale and duplicate rules; this posts to the radiology channel (a conversation
 * reference saved by "set radiology channel") and tells the consult's conversation who took it.
 */
export function createTeamsFollowUp(deps: { pathways: Pathways; followUp: FollowUpService; appId: string; logger: Logger; radiologyAdmins?: string[] }) {
  const { pathways, followUp, appId, logger } = deps;
  const radiologyRef = async (tenant: string) => parseReference(await followUp.radiologyDestination('teams', tenant));

  const viewOf = async (record: ConsultRecord): Promise<ComposedView> =>
    composeView(pathways.forConsult(record.flowId), record, { radiology: !!(await radiologyRef(record.workspace)) });

  const consultCard = async (record: ConsultRecord): Promise<AdaptiveCard> => renderTeams(await viewOf(record), record.id);

  const refuse = async (result: Extract<FollowUpResult, { ok: false }>): Promise<FollowUpReply> => {
    const r = result.record;
    const h = r?.followUp?.handoff;
    const text = followUpRejectionText(result.reason, r?.ownerId ?? '', TEAMS_REPLY_STYLE, h?.claimedBy ? h.claimedByName ?? 'A colleague' : undefined);
    if (text) return { text };
    // A repeated press: hand the card back as it now is, changing nothing.
    return r ? { card: await consultCard(r) } : { text: TEAMS_TEXT.unreadableButton };
  };

  /** Runs `logic` in another conversation (the radiology channel, or the consult's). */
  const inConversation = async (context: TurnContext, ref: Partial<ConversationReference>, logic: (c: TurnContext) => Promise<void>) => {
    await (context.adapter as CloudAdapter).continueConversationAsync(appId, ref, logic);
  };

  /**
   * Posts in the proactive turn's conversation as a new message (a new thread in a channel).
   * sendActivity would make it a reply to the continuation activity's made-up id.
   */
  const postNew = async (c: TurnContext, activity: Partial<Activity>): Promise<string | undefined> => {
    const client = c.turnState.get<Connector>(c.adapter.ConnectorClientKey);
    const a = c.activity;
    const sent = await client.conversations.sendToConversation(a.conversation.id, {
      ...activity, type: 'message', from: a.recipient, recipient: a.from, conversation: a.conversation, channelId: a.channelId, serviceUrl: a.serviceUrl,
    } as Activity);
    return sent.id;
  };

  const handoff = async (context: TurnContext, data: ClickData): Promise<FollowUpReply> => {
    const press = { consultId: data.consultId, step: data.step, userId: context.activity.from.id };
    const ref = await radiologyRef(tenantOf(context.activity));
    const check = await followUp.checkHandoff(press, !!ref);
    if (!check.ok) return refuse(check);
    const { record } = check;
    const card = renderRadiologyCard({ consultId: record.id, step: record.step, summary: followUp.summary(record) ?? '', claimLabel: CLAIM_LABEL, claimed: false });
    let activityId: string | undefined;
    try {
      await inConversation(context, ref!, async (c) => { activityId = await postNew(c, cardMessage(card)); });
    } catch (err) {
      logger.error({ consultId: record.id, err: (err as Error).message }, 'teams: posting to the radiology channel failed');
    }
    if (!activityId) return { text: RADIOLOGY_TEXT.postFailed };
    const saved = await followUp.confirmHandoff(press, {
      postRef: JSON.stringify({ ...ref, activityId }),
      originRef: JSON.stringify(referenceOf(context, false)),
    });
    if (!saved.ok) return refuse(saved);
    return { card: await consultCard(saved.record), update: saved.record.messageRef };
  };

  const claim = async (context: TurnContext, data: ClickData): Promise<FollowUpReply> => {
    const ref = await radiologyRef(tenantOf(context.activity));
    const here = channelRoot(context.activity.conversation.id);
    // The claim button lives only on the radiology channel's post.
    if (!ref || here !== channelRoot(ref.conversation!.id)) return refuse({ ok: false, reason: 'invalid' });
    const { from } = context.activity;
    const result = await followUp.claim({ consultId: data.consultId, userId: from.id, ...(from.name ? { userName: from.name } : {}) });
    if (!result.ok) return refuse(result);
    const { record } = result;
    const h = record.followUp!.handoff!;
    const origin = parseReference(h.originRef);
    if (origin) {
      const updated = await consultCard(record);
      try {
        await inConversation(context, origin, async (c) => {
          if (record.messageRef) await c.updateActivity({ ...cardMessage(updated), id: record.messageRef });
          await postNew(c, MessageFactory.text(claimNotice(h.claimedByName)));
        });
      } catch (err) {
        // The claim is saved; the clinician's card catches up on its next refresh.
        logger.error({ consultId: record.id, err: (err as Error).message }, 'teams: telling the consult conversation failed');
      }
    }
    const post = (JSON.parse(h.postRef ?? '{}') as { activityId?: string }).activityId;
    const card = renderRadiologyCard({
      consultId: record.id, step: record.step, summary: followUp.summary(record) ?? '', claimLabel: CLAIM_LABEL, claimed: true,
      ...(h.claimedByName ? { claimedByName: h.claimedByName } : {}),
    });
    return { card, update: context.activity.replyToId ?? post ?? null };
  };

  const feedback = async (context: TurnContext, data: ClickData): Promise<FollowUpReply> => {
    if (!data.choice) return refuse({ ok: false, reason: 'invalid' });
    const result = await followUp.feedback({
      consultId: data.consultId, step: data.step, userId: context.activity.from.id, choice: data.choice,
      ...(data.reason ? { reason: data.reason } : {}),
    });
    if (!result.ok) return refuse(result);
    return { card: await consultCard(result.record), update: result.record.messageRef };
  };

  return {
    /** Adds feedback and hand-off to a consult view (used for every consult card this bot draws). */
    viewOf,
    /** "set radiology channel": saves this channel as the radiology destination; returns the reply. */
    async setRadiologyChannel(context: TurnContext): Promise<string> {
      if (context.activity.conversation.conversationType !== 'channel') return RADIOLOGY_TEXT.notChannel;
      const admins = deps.radiologyAdmins ?? [];
      const who = context.activity.from.aadObjectId ?? context.activity.from.id;
      if (admins.length && !admins.includes(who)) return RADIOLOGY_TEXT.notAdmin;
      const tenant = tenantOf(context.activity);
      await followUp.setRadiologyDestination('teams', tenant, JSON.stringify(referenceOf(context, true)));
      // Who moved it is staff, not patient data: governance needs to see it.
      logger.info({ channel: 'teams', tenant, by: who }, 'teams radiology channel set');
      return RADIOLOGY_TEXT.set;
    },
    /** One feedback, hand-off or claim press. */
    press(context: TurnContext, data: ClickData): Promise<FollowUpReply> {
      switch (data.action) {
        case 'feedback': return feedback(context, data);
        case 'handoff': return handoff(context, data);
        case 'claim': return claim(context, data);
        default: return refuse({ ok: false, reason: 'invalid' });
      }
    },
  };
}

/** The Teams follow-up handler. */
export type TeamsFollowUp = ReturnType<typeof createTeamsFollowUp>;
