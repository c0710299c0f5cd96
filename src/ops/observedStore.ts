import type { AuditRow, Channel, ConsultRecord, ConsultStore } from '../store/types.js';
import type { Metrics } from './metrics.js';

/** Wraps a store so every failed operation is counted, and housekeeping's expiries too. */
export class ObservedStore implements ConsultStore {
  constructor(private readonly inner: ConsultStore, private readonly metrics: Metrics) {}

  private async count<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      this.metrics.storeErrors.inc({ operation });
      throw err;
    }
  }

  create(record: ConsultRecord, audit: Omit<AuditRow, 'seq'>): Promise<void> {
    return this.count('create', () => this.inner.create(record, audit));
  }
  get(id: string): Promise<ConsultRecord | undefined> {
    return this.count('get', () => this.inner.get(id));
  }
  update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null): Promise<boolean> {
    return this.count('update', () => this.inner.update(record, expectedVersion, audit));
  }
  addAudit(audit: Omit<AuditRow, 'seq'>): Promise<void> {
    return this.count('addAudit', () => this.inner.addAudit(audit));
  }
  recentByOwner(channel: Channel, workspace: string, ownerId: string, limit: number): Promise<ConsultRecord[]> {
    return this.count('recentByOwner', () => this.inner.recentByOwner(channel, workspace, ownerId, limit));
  }
  async expireIdle(now: Date): Promise<number> {
    const n = await this.count('expireIdle', () => this.inner.expireIdle(now));
    if (n) this.metrics.consultsExpired.inc({ how: 'housekeeping' }, n);
    return n;
  }
  purgeClosed(before: Date): Promise<number> {
    return this.count('purgeClosed', () => this.inner.purgeClosed(before));
  }
  auditSince(since: Date): Promise<AuditRow[]> {
    return this.count('auditSince', () => this.inner.auditSince(since));
  }
  claimDelivery(key: string, at: Date): Promise<boolean> {
    return this.count('claimDelivery', () => this.inner.claimDelivery(key, at));
  }
  purgeDeliveries(before: Date): Promise<number> {
    return this.count('purgeDeliveries', () => this.inner.purgeDeliveries(before));
  }
  getSetting(key: string): Promise<string | undefined> {
    return this.count('getSetting', () => this.inner.getSetting(key));
  }
  setSetting(key: string, value: string, at: Date): Promise<void> {
    return this.count('setSetting', () => this.inner.setSetting(key, value, at));
  }
  ping(): Promise<void> {
    return this.count('ping', () => this.inner.ping());
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
