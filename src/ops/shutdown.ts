import type { Logger } from '../log/logger.js';

/** How long in-flight requests (and Slack follow-ups after the ack) may take before the process gives up on them. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * On SIGTERM or SIGINT: stop accepting, let in-flight work finish (bounded by `graceMs`), close
 * the store, exit 0; exit 1 when the grace period ran out or closing failed. A second signal
 * while shutting down is ignored: the bound already guarantees an exit.
 */
export function exitGracefully(close: () => Promise<void>, logger: Logger, graceMs = SHUTDOWN_GRACE_MS): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing the ones in flight');
    const timer = setTimeout(() => {
      logger.error({ graceMs }, 'shutdown grace period over; exiting with work unfinished');
      process.exit(1);
    }, graceMs);
    timer.unref();
    close().then(
      () => { logger.info('shut down cleanly'); process.exit(0); },
      (err: Error) => { logger.error({ err: err.message }, 'shutdown failed'); process.exit(1); },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
