import { randomUUID } from 'node:crypto';
import type { ConsultEvent } from '../flow/buildMachine.js';
import type { FlowEngine } from '../flow/engine.js';
import type { View } from '../flow/viewTypes.js';
import type { AuditRow, Channel, ConsultRecord, ConsultStore, RecordStatus } from '../store/types.js';
import { eventName, toEvent, type ClickData } from './clickData.js';
import type { RejectReason } from './rejections.js';

/** Where a new consult lives and who owns it. */
export interface StartInput {
  channel: Channel;
  workspace: string;
  conversation: string;
  ownerId: string;
}

/** One click on a consult's button, already parsed from the platform's payload. */
export interface ClickInput {
  userId: string;
  data: ClickData;
}

/** What a click did: the saved consult and its new view, or why nothing changed. */
export type ClickResult =
  | { ok: true; record: ConsultRecord; view: View }
  | { ok: false; reason: RejectReason; record?: ConsultRecord; view?: View };

/** Service settings. */
export interface ConsultServiceOptions {
  store: ConsultStore;
  engine: FlowEngine;
  /** Hours without an answer before an active consult expires. */
  ttlHours: number;
  now?: () => Date;
}

/**
 * The consult service: load, check owner/step/expiry, apply one event, save with a version check,
 * append the audit row. Channels call it and render the view it returns.
 */
export class ConsultService {
  private readonly store: ConsultStore;
  private readonly engine: FlowEngine;
  private readonly ttlMs: number;
  private readonly now: () => Date;

  constructor(opts: ConsultServiceOptions) {
    this.store = opts.store;
    this.engine = opts.engine;
    this.ttlMs = opts.ttlHours * 3_600_000;
    this.now = opts.now ?? (() => new Date());
  }

  /** Starts a consult at its first question and saves it. */
  async start(input: StartInput): Promise<{ record: ConsultRecord; view: View }> {
    const now = this.now();
    const snapshot = this.engine.start();
    const record: ConsultRecord = {
      id: randomUUID(),
      flowId: snapshot.flowId,
      flowVersion: snapshot.flowVersion,
      ...input,
      messageRef: null,
      snapshot,
      step: snapshot.context.step,
      status: 'active',
      outcomeId: null,
      version: 0,
      lastEventKey: null,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    };
    await this.store.create(record, this.audit(record, input.ownerId, 'start', record.step, now));
    return { record, view: this.engine.view(snapshot) };
  }

  /** Loads a consult. */
  get(id: string): Promise<ConsultRecord | undefined> {
    return this.store.get(id);
  }

  /** The view of a stored consult. */
  view(record: ConsultRecord): View {
    return this.engine.view(record.snapshot);
  }

  /** Remembers which message shows the consult (Slack ts, Teams activity id). */
  async attachMessage(record: ConsultRecord, messageRef: string): Promise<ConsultRecord> {
    const next = { ...record, messageRef };
    if (await this.store.update(next, record.version, null)) return { ...next, version: record.version + 1 };
    const fresh = await this.store.get(record.id);
    if (!fresh) throw new Error(`consult ${record.id} vanished while attaching its message`);
    return this.attachMessage(fresh, messageRef);
  }

  /** Applies one click; every rejection leaves the stored consult untouched (bar marking it expired). */
  async click({ userId, data }: ClickInput): Promise<ClickResult> {
    const record = await this.store.get(data.consultId);
    if (!record) return { ok: false, reason: 'not-found' };
    const reject = (reason: RejectReason): ClickResult => ({ ok: false, reason, record, view: this.engine.view(record.snapshot) });
    if (record.ownerId !== userId) return reject('not-owner');
    const now = this.now();
    if (record.status === 'expired') return reject('expired');
    if (record.status === 'active' && record.expiresAt <= now) {
      await this.store.update({ ...record, status: 'expired', updatedAt: now }, record.version,
        this.audit(record, 'system', 'expire', record.step, now));
      return reject('expired');
    }
    if (record.flowVersion !== this.engine.content.flow.version) return reject('flow-changed');
    const event = toEvent(data);
    if (!event) return reject('invalid');
    const key = `${data.step}:${eventName(event)}:${userId}`;
    if (record.lastEventKey === key) return reject('duplicate');
    if (data.step !== record.step) return reject('stale');
    if (record.status !== 'active') return reject(record.status === 'cancelled' ? 'cancelled' : 'finished');
    return this.applyEvent(record, event, key, userId, now);
  }

  private async applyEvent(record: ConsultRecord, event: ConsultEvent, key: string, userId: string, now: Date, retried = false): Promise<ClickResult> {
    const result = this.engine.apply(record.snapshot, event);
    if (!result.ok) {
      const reason: RejectReason = result.reason === 'not-allowed' ? 'invalid' : result.reason;
      return { ok: false, reason, record, view: this.engine.view(record.snapshot) };
    }
    const status: RecordStatus = ({ active: 'active', finished: 'finished', cancelled: 'cancelled' } as const)[this.engine.status(result.next)];
    const outcomeId = this.engine.outcomeId(result.next) ?? null;
    // Feedback and a radiology hand-off belong to the outcome they were given on: Back, Change,
    // Restart or a recorded result that leaves it must not carry them to another outcome.
    const { followUp, ...rest } = record;
    const next: ConsultRecord = {
      ...rest,
      ...(followUp && outcomeId === record.outcomeId ? { followUp } : {}),
      snapshot: result.next,
      step: result.next.context.step,
      status,
      outcomeId,
      lastEventKey: key,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    };
    const saved = await this.store.update(next, record.version, {
      ...this.audit(record, userId, eventName(event), next.step, now),
      outcomeId: next.outcomeId,
    });
    if (!saved) {
      const fresh = (await this.store.get(record.id)) ?? record;
      // A save that only attached the message (same step, same status) is no rival: apply again.
      if (!retried && fresh.step === record.step && fresh.status === record.status && fresh.lastEventKey === record.lastEventKey) {
        return this.applyEvent(fresh, event, key, userId, now, true);
      }
      // Another click (perhaps on another instance) won the race; report the consult as it now is.
      return { ok: false, reason: 'stale', record: fresh, view: this.engine.view(fresh.snapshot) };
    }
    return { ok: true, record: { ...next, version: record.version + 1 }, view: this.engine.view(next.snapshot) };
  }

  /** The owner's most recent consults, newest first (App Home). */
  recent(channel: Channel, workspace: string, ownerId: string, limit = 5): Promise<ConsultRecord[]> {
    return this.store.recentByOwner(channel, workspace, ownerId, limit);
  }

  private audit(record: ConsultRecord, userId: string, event: string, toStep: number, at: Date): Omit<AuditRow, 'seq'> {
    return {
      consultId: record.id, at, userId, event, fromStep: record.step, toStep,
      outcomeId: record.outcomeId, channel: record.channel, flowVersion: record.flowVersion,
    };
  }
}
