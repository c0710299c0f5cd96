import type { Actor } from '../consult/binding.js';
import type { ClickData } from '../consult/clickData.js';
import type { ReplyStyle } from '../consult/rejections.js';
import type { Channel, ConsultRecord } from '../store/types.js';
import type { Capabilities, ComposedView } from './composeView.js';

/** What a press asks for: a consult button, or starting a consult (optionally on a named pathway). */
export type PressData = ClickData | { action: 'start'; pathwayId?: string };

/** A decoded press, the same for every channel. */
export interface Press {
  actor: Actor;
  data: PressData;
  /** The conversation the press came from (where a new consult is posted). */
  conversation?: string;
  /** Whether the pressed message is the channel's radiology post (claims are accepted only there). */
  fromRadiology?: boolean;
  /** The presser's display name, where the platform gives one (claims). */
  userName?: string;
  /** The message pressed on, in `conversation` (Slack ts), where the platform says. */
  messageRef?: string;
}

/** What a channel reports back after delivering an effect that creates a message. */
export interface Delivered {
  /** The new message's handle (Slack `channel:ts`, Teams activity id or reference). */
  ref?: string;
  /** A handle for replying to the presser's conversation later (Teams). */
  originRef?: string;
}

/**
 * What the core decided a channel should do; the channel only renders and delivers these.
 * `settle` effects tell the core what delivery produced and return what follows.
 */
export type Effect =
  /** Redraw the consult where it is shown (its message or card), for everyone who sees it. */
  | { kind: 'show'; record: ConsultRecord }
  /** Nothing changed (a repeated press); channels that must answer show the consult as it is. */
  | { kind: 'unchanged'; record: ConsultRecord }
  /** A short private note to the presser. */
  | { kind: 'tell'; text: string }
  /** Post a consult just started, in the presser's conversation. */
  | { kind: 'post'; record: ConsultRecord; settle: (d: Delivered | undefined) => Promise<Effect[]> }
  /** Offer the installed pathways to start one (several installed, none named). */
  | { kind: 'choosePathway'; pathways: Array<{ id: string; title: string }> }
  /** Post the consult's summary to the radiology destination. */
  | { kind: 'postToRadiology'; record: ConsultRecord; summary: string; settle: (d: Delivered | undefined) => Promise<Effect[]> }
  /** Redraw the radiology post (now claimed). */
  | { kind: 'updateRadiologyPost'; record: ConsultRecord; summary: string }
  /** Redraw the consult in its own conversation and tell its owner who took the hand-off. */
  | { kind: 'notifyOrigin'; record: ConsultRecord };

/**
 * What every channel implements: decode its platform's press, render a composed view, and deliver
 * the core's effects. A channel is a folder with one of these plus a line in src/main.ts.
 */
export interface ChannelPort<Input = unknown, Output = unknown> {
  readonly channel: Channel;
  /** How refusals name people and the way to start a consult here. */
  readonly style: ReplyStyle;
  /** The press an input stands for; undefined for something that is not one of ours. */
  decode(input: Input): Press | undefined | Promise<Press | undefined>;
  /** The platform payload for a composed view. */
  render(view: ComposedView, consultId: string): Output;
  /** What this channel can do for a consult (e.g. whether a radiology destination exists). */
  capabilities(record: ConsultRecord): Capabilities | Promise<Capabilities>;
  /** Performs one effect; returns what an effect that creates a message produced, or undefined when it failed. */
  deliver(effect: Effect): Promise<Delivered | void>;
}
