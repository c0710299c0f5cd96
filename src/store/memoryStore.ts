import { assertAuditEvent } from './auditEvent.js';
import { expiryAudit, type AuditRow, type Channel, type ConsultRecord, type ConsultStore } from './types.js';

const copy = (r: ConsultRecord): ConsultRecord => structuredClone(r);

/** An in-memory ConsultStore for unit tests; same contract as the real stores, no durability. */
export class MemoryStore implements ConsultStore {
  private readonly consults = new Map<string, ConsultRecord>();
  private readonly audit: AuditRow[] = [];
  private readonly settings = new Map<string, string>();
  private readonly deliveries = new Map<string, Date>();
  private closed = false;

  private appendAudit(row: Omit<AuditRow, 'seq'>): void {
    const seq = this.audit.filter((a) => a.consultId === row.consultId).length + 1;
    this.audit.push({ ...row, seq });
  }

  async create(record: ConsultRecord, audit: Omit<AuditRow, 'seq'>): Promise<void> {
    assertAuditEvent(audit.event);
    if (this.consults.has(record.id)) throw new Error(`consult ${record.id} already exists`);
    this.consults.set(record.id, copy(record));
    this.appendAudit(audit);
  }

  async addAudit(audit: Omit<AuditRow, 'seq'>): Promise<void> {
    assertAuditEvent(audit.event);
    this.appendAudit(audit);
  }

  async get(id: string): Promise<ConsultRecord | undefined> {
    const r = this.consults.get(id);
    return r && copy(r);
  }

  async update(record: ConsultRecord, expectedVersion: number, audit: Omit<AuditRow, 'seq'> | null): Promise<boolean> {
    const current = this.consults.get(record.id);
    if (audit) assertAuditEvent(audit.event);
    if (!current || current.version !== expectedVersion) return false;
    this.consults.set(record.id, copy({ ...record, version: expectedVersion + 1 }));
    if (audit) this.appendAudit(audit);
    return true;
  }

  async recentByOwner(channel: Channel, workspace: string, ownerId: string, limit: number): Promise<ConsultRecord[]> {
    return [...this.consults.values()]
      .filter((r) => r.channel === channel && r.workspace === workspace && r.ownerId === ownerId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit)
      .map(copy);
  }

  async expireIdle(now: Date): Promise<number> {
    let n = 0;
    for (const r of this.consults.values()) {
      if (r.status === 'active' && r.expiresAt <= now) {
        Object.assign(r, { status: 'expired', version: r.version + 1, updatedAt: now });
        this.appendAudit(expiryAudit(r, now));
        n++;
      }
    }
    return n;
  }

  async purgeClosed(before: Date): Promise<number> {
    let n = 0;
    for (const [id, r] of this.consults) {
      if (r.status !== 'active' && r.updatedAt < before) {
        this.consults.delete(id);
        n++;
      }
    }
    return n;
  }

  async auditSince(since: Date): Promise<AuditRow[]> {
    return this.audit.filter((a) => a.at >= since).map((a) => ({ ...a }));
  }

  async claimDelivery(key: string, at: Date): Promise<boolean> {
    if (this.deliveries.has(key)) return false;
    this.deliveries.set(key, at);
    return true;
  }

  async purgeDeliveries(before: Date): Promise<number> {
    let n = 0;
    for (const [key, at] of this.deliveries) if (at < before && this.deliveries.delete(key)) n++;
    return n;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return this.settings.get(key);
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('store closed');
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
