import { randomUUID } from 'node:crypto';
import type { ConsultEvent } from '../flow/buildMachine.js';
import type { FlowEngine, PersistedConsult } from '../flow/engine.js';
import { isBound, refusalAudit, type Actor } from './binding.js';
import { UnknownPathwayError, type EngineLookup } from './engineLookup.js';
import type { View } from '../flow/viewTypes.js';
import { auditRow, isChannelName, type AuditRow, type Channel, type ConsultRecord, type ConsultStore, type RecordStatus } from '../store/types.js';
import { eventName, toEvent, type ClickData } from './clickData.js';
import type { RecordCache } from './recordCache.js';
import type { RejectReason } from './rejections.js';

/** Where a new consult lives and who owns it. */
export interface StartInput {
  channel: Channel;
  workspace: string;
  conversation: string;
  ownerId: string;
  /** The pathway to run; default: the configured or only one. */
  pathwayId?: string;
}

/** One click on a consult's button, already parsed from the platform's payload. */
export interface ClickInput {
  /** Who pressed, and through which channel and workspace. */
  actor: Actor;
  data: ClickData;
  /** The message pressed on: saved with the click when the consult has none yet (its save may still be on its way). */
  shownIn?: { conversation: string; messageRef: string };
}

/** What a click did: the saved consult and its new view, or why nothing changed. */
export type ClickResult =
  | { ok: true; record: ConsultRecord; view: View }
  | { ok: false; reason: RejectReason; record?: ConsultRecord; view?: View };

/** Service settings. */
export interface ConsultServiceOptions {
  store: ConsultStore;
  /** The installed pathways; a consult's engine is looked up by its `flowId`. */
  pathways: EngineLookup;
  /** Hours without an answer before an active consult expires. */
  ttlHours: number;
  now?: () => Date;
  /** Hot records of this instance, so a click is one conditional write instead of a read and a write. */
  cache?: RecordCache;
}

/**
 * The consult service: load, check owner/step/expiry, apply one event, save with a version check,
 * append the audit row. Channels call it and render the view it returns.
 */
export class ConsultService {
  private readonly store: ConsultStore;
  private readonly pathways: EngineLookup;
  private readonly ttlMs: number;
  private readonly now: () => Date;
  private readonly cache?: RecordCache;

  constructor(opts: ConsultServiceOptions) {
    this.cache = opts.cache;
    this.store = opts.store;
    this.pathways = opts.pathways;
    this.ttlMs = opts.ttlHours * 3_600_000;
    this.now = opts.now ?? (() => new Date());
  }

  /** Starts a consult at the first question of its pathway and saves it; UnknownPathwayError when that is not installed. */
  async start(input: StartInput): Promise<{ record: ConsultRecord; view: View }> {
    const now = this.now();
    const { pathwayId, ...where } = input;
    if (!isChannelName(where.channel)) throw new Error(`not a channel name: ${JSON.stringify(where.channel.slice(0, 40))}`);
    const id = pathwayId ?? this.pathways.defaultId;
    if (id === undefined) throw new UnknownPathwayError('several pathways are installed: name one');
    const engine = this.pathways.engine(id);
    if (!engine) throw new UnknownPathwayError(`no pathway "${id}" is installed`);
    const snapshot = engine.start();
    const record: ConsultRecord = {
      id: randomUUID(),
      flowId: snapshot.flowId,
      flowVersion: snapshot.flowVersion,
      ...where,
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
    await this.store.create(record, auditRow(record, input.ownerId, 'start', now));
    this.cache?.saved(record);
    return { record, view: engine.view(snapshot) };
  }

  /** Loads a consult. */
  get(id: string): Promise<ConsultRecord | undefined> {
    return this.store.get(id);
  }

  /** The flow's view of a stored consult (a "guidance changed" notice when its pathway is gone). */
  view(record: ConsultRecord): View {
    return this.engineOf(record).view(record.snapshot);
  }

  /** The engine that draws `record`: its pathway's, or the default's (which shows a consult of another flow as changed). */
  private engineOf(record: ConsultRecord): FlowEngine {
    const engine = this.pathways.engine(record.flowId) ?? (this.pathways.defaultId ? this.pathways.engine(this.pathways.defaultId) : undefined);
    if (!engine) throw new UnknownPathwayError(`no pathway "${record.flowId}" is installed`);
    return engine;
  }

  /** Remembers which message shows the consult (Slack ts, Teams activity id). */
  async attachMessage(record: ConsultRecord, messageRef: string): Promise<ConsultRecord> {
    // A click on the new message may have saved its ts already (see ClickInput.shownIn).
    const current = this.cache?.get(record.id) ?? record;
    if (current.messageRef === messageRef) return current;
    const next = { ...current, messageRef };
    if (await this.store.update(next, current.version, null)) return this.saved({ ...next, version: current.version + 1 });
    const fresh = await this.store.get(record.id);
    if (!fresh) throw new Error(`consult ${record.id} vanished while attaching its message`);
    return fresh.messageRef === messageRef ? fresh : this.attachMessage(fresh, messageRef);
  }

  /** Applies one click; every rejection leaves the stored consult untouched (bar marking it expired). */
  async click({ actor, data, shownIn }: ClickInput): Promise<ClickResult> {
    const cached = this.cache?.get(data.consultId);
    if (cached) {
      const fast = await this.clickCached(cached, actor, data, shownIn);
      if (fast) return fast;
      this.cache!.drop(data.consultId);
    }
    const record = await this.store.get(data.consultId);
    if (!record) return { ok: false, reason: 'not-found' };
    const reject = (reason: RejectReason): ClickResult => ({ ok: false, reason, record, view: this.view(record) });
    const now = this.now();
    if (!isBound(record, actor)) {
      await this.refuse(record, actor, data.action, now);
      return reject('not-owner');
    }
    const { userId } = actor;
    if (record.status === 'expired') return reject('expired');
    if (record.status === 'active' && record.expiresAt <= now) {
      await this.store.update({ ...record, status: 'expired', updatedAt: now }, record.version,
        auditRow(record, 'system', 'expire', now));
      return reject('expired');
    }
    const engine = this.pathways.engine(record.flowId);
    if (!engine) return reject('flow-changed');
    const event = toEvent(data);
    if (!event) return reject('invalid');
    const key = `${data.step}:${eventName(event)}:${userId}`;
    if (record.lastEventKey === key) return reject('duplicate');
    if (data.step !== record.step) return reject('stale');
    // Another flow version, a finished or a cancelled consult: the engine refuses those (one place for those rules).
    return this.applyEvent(engine, record, event, key, userId, now, shownIn);
  }

  private async applyEvent(
    engine: FlowEngine, record: ConsultRecord, event: ConsultEvent, key: string, userId: string, now: Date,
    shownIn: ClickInput['shownIn'], retried = false,
  ): Promise<ClickResult> {
    const result = engine.apply(record.snapshot, event);
    if (!result.ok) {
      const reason: RejectReason = result.reason === 'not-allowed' ? 'invalid' : result.reason;
      return { ok: false, reason, record, view: engine.view(record.snapshot) };
    }
    const next = this.nextRecord(engine, record, result.next, key, now, shownIn);
    const saved = await this.store.update(next, record.version, stepAudit(record, next, event, userId, now));
    if (!saved) {
      const fresh = (await this.store.get(record.id)) ?? record;
      // A save that only attached the message (same step, same status) is no rival: apply again.
      // Every accepted event bumps the step, so the step alone tells a rival click from an attach.
      if (!retried && fresh.step === record.step && fresh.status === record.status) {
        return this.applyEvent(engine, fresh, event, key, userId, now, shownIn, true);
      }
      // Another click (perhaps on another instance) won the race; report the consult as it now is.
      return { ok: false, reason: 'stale', record: fresh, view: engine.view(fresh.snapshot) };
    }
    return { ok: true, record: this.saved({ ...next, version: record.version + 1 }), view: engine.view(next.snapshot) };
  }

  /**
   * A click against this instance's copy of the record: only the plain case (every check passes
   * and the conditional save wins) is answered here. Anything else, including a copy gone stale
   * because another instance or housekeeping saved since, returns undefined and the click runs
   * again on a fresh read, so rejections (and their audit) and races are decided as without the cache.
   */
  private async clickCached(record: ConsultRecord, actor: Actor, data: ClickData, shownIn: ClickInput['shownIn']): Promise<ClickResult | undefined> {
    const now = this.now();
    // Status (a finished or cancelled consult) and flow version are the engine's to refuse, as on a fresh read.
    // A repeated press needs no check here: its step is already behind the record's.
    if (!isBound(record, actor) || record.expiresAt <= now || data.step !== record.step) return undefined;
    const engine = this.pathways.engine(record.flowId);
    const event = toEvent(data);
    if (!engine || !event) return undefined;
    const key = `${data.step}:${eventName(event)}:${actor.userId}`;
    const result = engine.apply(record.snapshot, event);
    if (!result.ok) return undefined;
    const next = this.nextRecord(engine, record, result.next, key, now, shownIn);
    if (!(await this.store.update(next, record.version, stepAudit(record, next, event, actor.userId, now)))) return undefined;
    return { ok: true, record: this.saved({ ...next, version: record.version + 1 }), view: engine.view(next.snapshot) };
  }

  /** The record after an applied event (with the pressed message when none is saved yet and it is in the consult's conversation). */
  private nextRecord(engine: FlowEngine, record: ConsultRecord, snapshot: PersistedConsult, key: string, now: Date, shownIn: ClickInput['shownIn']): ConsultRecord {
    const status: RecordStatus = ({ active: 'active', finished: 'finished', cancelled: 'cancelled' } as const)[engine.status(snapshot)];
    const outcomeId = engine.outcomeId(snapshot) ?? null;
    // Feedback and a radiology hand-off belong to the outcome they were given on, and every event
    // accepted there (Back, Change, Restart, Cancel, a recorded result) leaves it: none carries them on.
    const { followUp: _leftBehind, ...rest } = record;
    return {
      ...rest,
      ...(record.messageRef === null && shownIn?.conversation === record.conversation ? { messageRef: shownIn.messageRef } : {}),
      snapshot,
      step: snapshot.context.step,
      status,
      outcomeId,
      lastEventKey: key,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    };
  }

  /** Keeps what was just saved as this instance's copy (the cache drops records that left 'active'). */
  private saved(record: ConsultRecord): ConsultRecord {
    this.cache?.saved(record);
    return record;
  }

  /**
   * Audits a press by someone the consult is not bound to (a stranger, or the owner's id arriving
   * through another channel or workspace); the consult itself is not touched.
   */
  async refuse(record: ConsultRecord, actor: Actor, action: string, now = this.now()): Promise<void> {
    await this.store.addAudit(refusalAudit(record, actor, action, now));
  }

  /** The owner's most recent consults, newest first (App Home). */
  recent(channel: Channel, workspace: string, ownerId: string, limit = 5): Promise<ConsultRecord[]> {
    return this.store.recentByOwner(channel, workspace, ownerId, limit);
  }
}

/** The audit row of an applied event. */
function stepAudit(record: ConsultRecord, next: ConsultRecord, event: ConsultEvent, userId: string, now: Date): Omit<AuditRow, 'seq'> {
  return { ...auditRow(record, userId, eventName(event), now, next.step), outcomeId: next.outcomeId };
}
