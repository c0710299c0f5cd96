import type { SlackRequest } from './slackTraffic.js';
import { answerButtons, clickRequest, commandRequest } from './slackTraffic.js';
import type { StandInMessage } from './slackStandIn.js';

type Button = { action_id: string; value: string; block_id: string };

/** One complete consult as seen from Slack: each message state and the button pressed on it. */
export interface Transcript { messages: any[][]; buttons: Button[] }

/** A simulated clinician: the next request it sends, and what it does with the bot's reply. */
export interface Clinician {
  readonly channel: string;
  nextRequest(): SlackRequest;
  /** Takes the message the request produced; returns true when a consult just finished. */
  onReply(message: StandInMessage): boolean;
}

/**
 * Runs real consults against the bot: types the command, then presses a random answer on each
 * question until an outcome shows. Keeps the transcripts, so the bare app can be driven alike.
 */
export class LiveClinician implements Clinician {
  private message?: StandInMessage;
  private current: Transcript = { messages: [], buttons: [] };
  constructor(readonly channel: string, private readonly user: string, private readonly hooks: string, private readonly transcripts?: Transcript[]) {}

  nextRequest(): SlackRequest {
    if (!this.message) return commandRequest(this.user, this.channel, this.hooks);
    const buttons = answerButtons(this.message.blocks);
    const button = buttons[Math.floor(Math.random() * buttons.length)];
    this.current.buttons.push(button);
    return clickRequest(this.user, this.channel, this.message.ts, this.message.blocks, button, this.hooks);
  }

  onReply(message: StandInMessage): boolean {
    this.current.messages.push(message.blocks);
    if (answerButtons(message.blocks).length) {
      // A response_url update carries no ts: the message keeps the one chat.postMessage gave it.
      this.message = { ...message, ts: message.ts || this.message?.ts || '' };
      return false;
    }
    // An outcome: the consult is complete; the next request starts another.
    if (this.transcripts && this.transcripts.length < 200) this.transcripts.push(this.current);
    this.current = { messages: [], buttons: [] };
    this.message = undefined;
    return true;
  }
}

/** Replays recorded consults request for request (same bodies, same sizes) against an app that only acknowledges. */
export class ReplayClinician implements Clinician {
  private pos = -1;
  private ts = '';
  private transcript: Transcript;
  constructor(readonly channel: string, private readonly user: string, private readonly hooks: string, private readonly transcripts: Transcript[]) {
    this.transcript = transcripts[Math.floor(Math.random() * transcripts.length)];
  }

  nextRequest(): SlackRequest {
    if (this.pos < 0) return commandRequest(this.user, this.channel, this.hooks);
    return clickRequest(this.user, this.channel, this.ts, this.transcript.messages[this.pos], this.transcript.buttons[this.pos], this.hooks);
  }

  onReply(message: StandInMessage): boolean {
    if (this.pos < 0) this.ts = message.ts;
    this.pos++;
    if (this.pos < this.transcript.buttons.length) return false;
    this.pos = -1;
    this.transcript = this.transcripts[Math.floor(Math.random() * this.transcripts.length)];
    return true;
  }
}
