import type { FeedbackChoice, FeedbackReason } from '../consult/feedbackOptions.js';
import type { PersistedConsult } from '../flow/engine.js';

/**
 * Where a consult runs: a channel's name (`slack`, `teams`, `web`, `cli`, `cds`, ...). A string,
 * so a new channel is a folder and a line in main.ts; `isChannelName` says what a name may look like.
 */
export type Channel = string;

/** Whether `name` may name a channel: lower case letters, digits and "-", at most 32 characters. */
export function isChannelName(name: string): boolean {
  return /^[a-z][a-z0-9-]{0,31}$/.test(name);
}

/** A consult's life stage; `expired` is set by the store's clean-up or on a late click. */
export type RecordStatus = 'active' | 'finished' | 'cancelled' | 'expired';

/** One consult as stored. Never holds a patient identifier or free text. */
export interface ConsultRecord {
  id: string;
  flowId: string;
  flowVersion: string;
  channel: Channel;
  /** Slack team id, Teams tenant id, or "local". */
  workspace: string;
  /** Slack channel id, Teams conversation id, or a browser session. */
  conversation: string;
  /** The message that shows the consult: Slack ts, Teams activity id. */
  messageRef: string | null;
  ownerId: string;
  snapshot: PersistedConsult;
  step: number;
  status: RecordStatus;
  outcomeId: string | null;
  /** Bumped on every save; a save succeeds only against the version it loaded. */
  version: number;
  /** `<fromStep>:<event>:<user>` of the last applied event, to tell a retry from a stale click. */
  lastEventKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  /** Feedback and radiology hand-off on the outcome; absent until someone uses them. */
  followUp?: FollowUp;
}

export type { FeedbackChoice, FeedbackReason } from '../consult/feedbackOptions.js';

/** Feedback on a recommendation; `reason` is only missing while "something else" waits for one. */
export interface FeedbackState {
  choice: FeedbackChoice;
  reason?: FeedbackReason;
  /** False while the reason is still being picked (nothing audited yet). */
  final: boolean;
  by: string;
  /** ISO time, so the JSON column round-trips unchanged in every store. */
  at: string;
}

/** A consult's summary sent to the radiology channel, and who took it. */
export interface HandoffState {
  requestedBy: string;
  requestedAt: string;
  /** The outcome the summary describes. */
  outcomeId: string;
  /** Channel-specific handle of the radiology post (Slack `channel:ts`, Teams JSON reference). */
  postRef?: string;
  /** Channel-specific handle for replying to the consult's conversation (Teams: JSON reference). */
  originRef?: string;
  /** Set while the radiology post is being made: the request is held so a second press posts nothing. */
  reserved?: boolean;
  claimedBy?: string;
  /** The claimer's display name where the platform gives one (Teams); staff, never a patient. */
  claimedByName?: string;
  claimedAt?: string;
}

/** Follow-up state stored with a consult (one JSON column); not part of the flow machine. */
export interface FollowUp {
  feedback?: FeedbackState;
  handoff?: HandoffState;
}

/** One append-only audit row: who did what to which consult, never free text. */
export interface AuditRow {
  consultId: string;
  seq: number;
  at: Date;
  userId: string;
  /**
   * An enumerated event name: start, answer:<q>:<o>, back, restart, cancel, change:<q>, record_result, expire,
   * feedback:<choice>[:<reason>], handoff:requested, handoff:claimed.
   */
  event: string;
  fromStep: number;
  toStep: number;
  outcomeId: string | null;
  channel: Channel;
  flowVersion: string;
}

/** The persistence port: SQLite, PostgreSQL and memory implement it. */
export interface ConsultStore {
  /** Inserts a new consult with its first audit row, atomically. */
  create(record: ConsultRecord, audit: Omit<AuditRow, 'seq'>): Promise<void>;
  get(id: string): Promise<ConsultRecord | undefined>;
  /**
   * Saves `record` only if the stored version is still `expectedVersion`, appending the audit
   * row in the same transaction. Returns false (and writes nothing) when another save won.
   */
  update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null): Promise<boolean>;
  /** Appends one audit row without touching the consult (a refused press). */
  addAudit(audit: Omit<AuditRow, 'seq'>): Promise<void>;
  /** The owner's most recent consults in one channel and workspace, newest first. */
  recentByOwner(channel: Channel, workspace: string, ownerId: string, limit: number): Promise<ConsultRecord[]>;
  /** Marks active consults whose expiresAt has passed as expired; returns how many. */
  expireIdle(now: Date): Promise<number>;
  /** Deletes closed (finished, cancelled, expired) consults last updated before `before`; audit rows stay. */
  purgeClosed(before: Date): Promise<number>;
  /** Audit rows at or after `since`, oldest first. */
  auditSince(since: Date): Promise<AuditRow[]>;
  /**
   * Records that a platform delivery (e.g. a Slack event_id) is being handled; true the first time
   * `key` is seen, false for any later copy, across every instance sharing the store.
   */
  claimDelivery(key: string, at: Date): Promise<boolean>;
  /** Forgets deliveries recorded before `before` (platforms retry for minutes, not days); returns how many. */
  purgeDeliveries(before: Date): Promise<number>;
  /** A deployment setting saved by the bot itself (e.g. the Teams radiology channel); undefined when unset. */
  getSetting(key: string): Promise<string | undefined>;
  /** Saves (or replaces) a deployment setting. */
  setSetting(key: string, value: string, at: Date): Promise<void>;
  /** Resolves when the store answers; rejects otherwise (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The one audit-row builder: `userId` did `event` to `r` at `at`, moving it to `toStep` (default: where it was). */
export function auditRow(r: ConsultRecord, userId: string, event: string, at: Date, toStep = r.step): Omit<AuditRow, 'seq'> {
  return {
    consultId: r.id, at, userId, event, fromStep: r.step, toStep,
    outcomeId: r.outcomeId, channel: r.channel, flowVersion: r.flowVersion,
  };
}

/** The audit row written when a consult expires for lack of answers. */
export function expiryAudit(r: ConsultRecord, now: Date): Omit<AuditRow, 'seq'> {
  return auditRow(r, 'system', 'expire', now);
}
