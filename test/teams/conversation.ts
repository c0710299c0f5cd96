/**
 * Drives one Teams conversation the way a person does: type, then press buttons on the card the
 * bot last showed. Each step returns what the person sees, for transcript-table tests.
 */
import { expect } from 'vitest';
import type { AdaptiveCard, CardJson } from '../../src/channels/teams/cardTypes.js';
import {
  executeActivity, findAction, idsOf, messageActivity, OWNER, submitActivity,
  type ConnectorCall, type ConversationKind, type TeamsTestBot,
} from './teamsHarness.js';

/** What one step showed: a card (by its main element id), a message to the clicker, or nothing new. */
export type Seen = { card: AdaptiveCard; main: string } | { message: string } | { nothing: true };

/** The element ids that say what a card is about. */
const MAIN_ID = /^(question|outcome|notice|faq):|^help$/;
export const mainId = (card: object) => idsOf(card).find((id) => MAIN_ID.test(id)) ?? '(none)';

/** Cards attached to a connector call. */
const cardOf = (call: ConnectorCall | undefined) => call?.body.attachments?.[0]?.content;

export class TeamsConversation {
  /** The consult card as its owner last saw it, and the activity id of the message that shows it. */
  card?: AdaptiveCard;
  messageId?: string;
  /** Cards seen earlier, newest last, to press stale buttons on. */
  readonly history: AdaptiveCard[] = [];

  constructor(readonly bot: TeamsTestBot, readonly kind: ConversationKind = 'personal') {}

  private newCalls<T>(run: () => Promise<T>): Promise<{ result: T; calls: ConnectorCall[] }> {
    const before = this.bot.calls.length;
    return run().then((result) => ({ result, calls: this.bot.calls.slice(before) }));
  }

  private show(card: AdaptiveCard, messageId?: string) {
    if (this.card) this.history.push(this.card);
    this.card = card;
    if (messageId) this.messageId = messageId;
  }

  /** Types text to the bot; a posted card becomes the current card. */
  async say(text: string, who = OWNER): Promise<Seen> {
    const { result, calls } = await this.newCalls(() => this.bot.post(messageActivity(text, who, this.kind)));
    expect(result.status).toBe(200);
    const posted = calls.find((c) => c.method === 'POST');
    const card = cardOf(posted);
    if (card) {
      this.show(card, posted!.id);
      return { card, main: mainId(card) };
    }
    return posted?.body.text ? { message: posted.body.text } : { nothing: true };
  }

  /** Presses a button via Action.Execute (invoke) and returns what the clicker sees. */
  async tap(label: string, who = OWNER, on: AdaptiveCard | undefined = this.card): Promise<Seen> {
    const action = findAction(on!, label);
    const { result, calls } = await this.newCalls(() => this.bot.post(executeActivity(action, this.messageId!, who, this.kind)));
    expect(result.status).toBe(200);
    expect(result.body.statusCode).toBe(200);
    const started = cardOf(calls.find((c) => c.method === 'POST'));
    if (started) {
      // "New consult" posts a fresh card and leaves the pressed one exactly as it was.
      // ("Start a consult" on an FAQ card, which the bot does not keep, says so in a message instead.)
      // An FAQ topic is posted below the same way, so a topic tapped on an outcome never replaces it.
      const pressed = (action.data as { action: string }).action;
      const said = { start_consult: 'A new consult has started in this conversation.', faq_topic: 'The answer is posted below.' }[pressed];
      expect(result.body).toEqual(said
        ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: said }
        : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: on });
      this.show(started, calls.find((c) => c.method === 'POST')!.id);
    }
    if (started) return { card: started, main: mainId(started) };
    if (result.body.type === 'application/vnd.microsoft.activity.message') return { message: result.body.value };
    expect(result.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = result.body.value as AdaptiveCard;
    const update = calls.find((c) => c.method === 'PUT');
    if (update) {
      // Everyone else in the conversation sees the same card on the consult's message.
      expect(update.id).toBe(this.messageId);
      expect(cardOf(update)).toEqual(card);
    }
    if (update) this.show(card);
    return { card, main: mainId(card) };
  }

  /** Presses a button via the Action.Submit fallback (a message with `value`). */
  async submit(label: string, who = OWNER, on: AdaptiveCard | undefined = this.card): Promise<Seen> {
    const action = findAction(on!, label);
    const fallback = action.fallback as CardJson;
    expect(fallback).toEqual({ type: 'Action.Submit', title: action.title, ...(action.style ? { style: action.style } : {}), data: action.data });
    const { result, calls } = await this.newCalls(() => this.bot.post(submitActivity(fallback.data, this.messageId!, who, this.kind)));
    expect(result.status).toBe(200);
    const update = calls.find((c) => c.method === 'PUT');
    const posted = calls.find((c) => c.method === 'POST');
    if (update) {
      expect(update.id).toBe(this.messageId);
      this.show(cardOf(update)!);
      return { card: this.card!, main: mainId(this.card!) };
    }
    if (cardOf(posted)) {
      this.show(cardOf(posted)!, posted!.id);
      return { card: this.card!, main: mainId(this.card!) };
    }
    return posted?.body.text ? { message: posted.body.text } : { nothing: true };
  }
}
