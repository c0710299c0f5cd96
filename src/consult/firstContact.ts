import type { ConsultStore } from '../store/types.js';

/**
 * Remembers who has already been greeted (a Teams conversation the app was installed in), so a
 * greeting goes out once. Teams sends installationUpdate and conversationUpdate for one install at
 * nearly the same moment, possibly to two instances: the store's delivery claim lets exactly one of
 * them through, and a setting keeps the answer after deliveries are purged and across restarts.
 */
export class FirstContact {
  constructor(
    private readonly store: Pick<ConsultStore, 'getSetting' | 'setSetting' | 'claimDelivery'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True exactly once per key: the first caller greets; every later one (and a concurrent twin) gets false. */
  async claim(key: string): Promise<boolean> {
    const storeKey = `first_contact.${key}`;
    if (await this.store.getSetting(storeKey)) return false;
    if (!(await this.store.claimDelivery(storeKey, this.now()))) return false;
    await this.store.setSetting(storeKey, this.now().toISOString(), this.now());
    return true;
  }
}
