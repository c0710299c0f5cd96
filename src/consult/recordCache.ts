import { Lru } from '../flow/lru.js';
import type { ConsultRecord } from '../store/types.js';

/**
 * This instance's copies of recently saved active consults, exactly as saved (version included).
 * A copy may be stale (another instance, housekeeping or a follow-up saved since): the consult
 * service only ever uses one for a conditional save, which then fails and sends it to the store.
 */
export class RecordCache {
  private readonly lru: Lru<string, ConsultRecord>;

  /** `max` bounds memory: a record is about 1-2 KB. */
  constructor(max = 2048) {
    this.lru = new Lru(max);
  }

  get(id: string): ConsultRecord | undefined {
    return this.lru.get(id);
  }

  /** Remembers a record just saved; one that left 'active' takes no more clicks, so it is dropped. */
  saved(record: ConsultRecord): void {
    if (record.status === 'active') this.lru.set(record.id, record);
    else this.lru.delete(record.id);
  }

  drop(id: string): void {
    this.lru.delete(id);
  }

  get size(): number {
    return this.lru.size;
  }
}
