import { pino, type Logger } from 'pino';

/** Paths that must never reach a log line: credentials, signatures and anything a user typed. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'token', 'password', 'secret', 'text', 'question',
  '*.token', '*.password', '*.secret', '*.text', '*.question',
];

/** Creates the JSON logger (pino) with the redaction list applied. */
export function createLogger(level = 'info'): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'spine-consult' } });
}

export type { Logger };
