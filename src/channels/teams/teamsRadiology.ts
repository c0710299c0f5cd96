import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { FollowUpService } from '../../consult/followUpService.js';
import type { Logger } from '../../log/logger.js';
import { tenantOf } from './tenantOf.js';

/** Product wording for the radiology-channel setup. */
export const RADIOLOGY_TEXT = {
  set: 'Done: radiology questions from consults ("Ask radiology") will be posted in this channel.',
  notChannel: 'Type "set radiology channel" in the Teams channel that should receive radiology questions, with me installed in that team.',
  notAdmin: 'Only the people your administrator listed (TEAMS_RADIOLOGY_ADMINS) can change where radiology questions go; nothing was changed.',
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

/** A Teams channel's conversation id without the thread part, so posts start new threads. */
export const channelRoot = (id: string) => id.split(';messageid=')[0];

/** The turn's conversation as a reference to post in later (the channel's root, or the exact conversation). */
export function referenceOf(context: TurnContext, root: boolean): Partial<ConversationReference> {
  const ref = TurnContext.getConversationReference(context.activity);
  const c = ref.conversation!;
  return {
    channelId: ref.channelId, serviceUrl: ref.serviceUrl, bot: ref.bot,
    conversation: { id: root ? channelRoot(c.id) : c.id, conversationType: c.conversationType, tenantId: c.tenantId, isGroup: c.isGroup, name: '' },
  };
}

/** A stored reference, validated; undefined when missing or damaged. */
export function parseReference(json: string | undefined): Partial<ConversationReference> | undefined {
  if (!json) return undefined;
  try {
    const parsed = ReferenceSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as unknown as Partial<ConversationReference>) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `logic` in another conversation (the radiology channel, or the consult's). */
export async function inConversation(context: TurnContext, appId: string, ref: Partial<ConversationReference>, logic: (c: TurnContext) => Promise<void>): Promise<void> {
  await (context.adapter as CloudAdapter).continueConversationAsync(appId, ref, logic);
}

/**
 * Posts in the proactive turn's conversation as a new message (a new thread in a channel).
 * sendActivity would make it a reply to the continuation activity's made-up id.
 */
export async function postNew(c: TurnContext, activity: Partial<Activity>): Promise<string | undefined> {
  const client = c.turnState.get<Connector>(c.adapter.ConnectorClientKey);
  const a = c.activity;
  const sent = await client.conversations.sendToConversation(a.conversation.id, {
    ...activity, type: 'message', from: a.recipient, recipient: a.from, conversation: a.conversation, channelId: a.channelId, serviceUrl: a.serviceUrl,
  } as Activity);
  return sent.id;
}

/** A tenant's radiology channel, as saved by "set radiology channel"; never another tenant's. */
export async function radiologyRef(followUp: FollowUpService, tenant: string): Promise<Partial<ConversationReference> | undefined> {
  return parseReference(await followUp.radiologyDestination('teams', tenant));
}

/** "set radiology channel": saves this channel as the tenant's radiology destination; returns the reply. */
export async function setRadiologyChannel(context: TurnContext, deps: { followUp: FollowUpService; logger: Logger; radiologyAdmins?: string[] }): Promise<string> {
  if (context.activity.conversation.conversationType !== 'channel') return RADIOLOGY_TEXT.notChannel;
  const admins = deps.radiologyAdmins ?? [];
  const who = context.activity.from.aadObjectId ?? context.activity.from.id;
  if (admins.length && !admins.includes(who)) return RADIOLOGY_TEXT.notAdmin;
  const tenant = tenantOf(context.activity);
  await deps.followUp.setRadiologyDestination('teams', tenant, JSON.stringify(referenceOf(context, true)));
  // Who moved it is staff, not patient data: governance needs to see it.
  deps.logger.info({ channel: 'teams', tenant, by: who }, 'teams radiology channel set');
  return RADIOLOGY_TEXT.set;
}
