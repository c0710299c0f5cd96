import type { Logger } from '../log/logger.js';
import type { ConsultStore } from './types.js';

const DAY_MS = 86_400_000;

/** Settings for the periodic clean-up. */
export interface HousekeepingOptions {
  store: ConsultStore;
  /** Closed consults older than this many days are deleted (their audit rows stay). */
  retentionDays: number;
  logger: Logger;
  /** How often to run; default every 15 minutes. */
  intervalMs?: number;
  now?: () => Date;
}

/** A running clean-up job. */
export interface Housekeeping {
  /** One pass: expire idle consults, then purge old closed ones. */
  runOnce(): Promise<{ expired: number; purged: number }>;
  /** Stops the timer and waits for a pass already running, so the store can close after it. */
  stop(): Promise<void>;
}

/**
 * Expires idle consults and purges closed ones past retention: once right after start-up (a server
 * restarted more often than the interval still cleans up), then on a timer that never keeps the
 * process alive. Safe on several instances at once: each store operation is idempotent.
 */
export function startHousekeeping(opts: HousekeepingOptions): Housekeeping {
  const now = opts.now ?? (() => new Date());
  let running: Promise<{ expired: number; purged: number }> | undefined;
  const pass = async () => {
    const at = now();
    const expired = await opts.store.expireIdle(at);
    const purged = await opts.store.purgeClosed(new Date(at.getTime() - opts.retentionDays * DAY_MS));
    // Slack retries an event for about an hour; a day of delivery keys is plenty.
    await opts.store.purgeDeliveries(new Date(at.getTime() - DAY_MS));
    if (expired || purged) opts.logger.info({ expired, purged }, 'housekeeping');
    return { expired, purged };
  };
  // Never overlap passes: a slow database must not pile up concurrent clean-ups.
  const runOnce = () => (running ??= pass().finally(() => { running = undefined; }));
  const background = () => {
    runOnce().catch((err: Error) => opts.logger.warn({ err: err.message }, 'housekeeping failed; will retry'));
  };
  const first = setTimeout(background, 0);
  const timer = setInterval(background, opts.intervalMs ?? 15 * 60_000);
  first.unref();
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
