import { pino, type DestinationStream, type Logger } from 'pino';
import { currentContext } from './requestContext.js';

/**
 * Paths that must never reach a log line: credentials, signatures, request bodies and anything a
 * user typed (Slack `text`, Teams activity `text`, web form `question`). Code should not log these
 * at all; this list is the safety net when an object is logged whole.
 */
export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-slack-signature"]',
  'headers.authorization', 'headers.cookie', 'headers["x-slack-signature"]',
  'token', 'password', 'secret', 'signature', 'text', 'question', 'body', 'payload', 'query',
  '*.token', '*.password', '*.secret', '*.signature', '*.text', '*.question', '*.body', '*.payload', '*.query',
  '*.*.text', '*.*.token',
];

/** The request and consult ids of the request being handled, added to every line. */
function contextFields(): Record<string, string> {
  const ctx = currentContext();
  if (!ctx) return {};
  return ctx.consultId ? { reqId: ctx.reqId, consultId: ctx.consultId } : { reqId: ctx.reqId };
}

/**
 * stdout (or `dest`), written asynchronously: lines are buffered while a write is in flight (two
 * synchronous writes per click were a measurable share of the event loop under load). Lines go in
 * as bytes: in text mode the destination measured its whole pending buffer with `Buffer.byteLength`
 * on every line, which flattens it (a copy of up to 16 KB per line while a write is in flight).
 * pino writes what is buffered when the process exits (also `process.exit` after SIGTERM); only a
 * `kill -9` can lose the last lines.
 */
export function logDestination(dest: number | string = 1): DestinationStream & { flushSync(): void } {
  const bytes = pino.destination({ dest, sync: false, contentMode: 'buffer' });
  return {
    write: (line: string) => { bytes.write(Buffer.from(line) as unknown as string); },
    flushSync: () => bytes.flushSync(),
  };
}

/** Creates the JSON logger (pino) with the redaction list and request context applied; `destination` for tests. */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const dest = destination ?? logDestination();
  const options = { level, base: { service: 'spine-consult' }, mixin: contextFields };
  const logger = pino({ ...options, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, dest);
  fixedFieldLoggers.set(logger, pino(options, dest));
  return logger;
}

const fixedFieldLoggers = new WeakMap<Logger, Logger>();

/**
 * The same logger (level, destination, request context) without the redaction pass, for the
 * per-request lines whose objects hold only fixed keys with ids, numbers and enumerated names:
 * no redaction path can match them, and pino's redaction re-parses its ~30 paths on every line
 * (measured ~2/3 of a log line's cost). Anything else, and any object logged whole, goes to `logger`.
 */
export function fixedFieldLogger(logger: Logger): Logger {
  const fixed = fixedFieldLoggers.get(logger);
  if (fixed) fixed.level = logger.level;
  return fixed ?? logger;
}

export type { Logger };
