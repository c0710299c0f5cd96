import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log/logger.js';

/**
 * Bolt and the WebClient log through this. Their debug output includes whole request bodies
 * (what users typed), so debug is dropped here whatever the level.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: () => {},
    info: (...msg: unknown[]) => logger.info({ component: 'bolt' }, line(msg)),
    warn: (...msg: unknown[]) => logger.warn({ component: 'bolt' }, line(msg)),
    error: (...msg: unknown[]) => logger.error({ component: 'bolt' }, line(msg)),
    setLevel: (l: LogLevel) => { level = l; },
    getLevel: () => level,
    setName: () => {},
  };
}
