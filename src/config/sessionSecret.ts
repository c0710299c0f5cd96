import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type Config } from './config.js';

/** The file in DATA_DIR that keeps the development session secret across restarts. */
export const SESSION_SECRET_FILE = 'session-secret';

/**
 * The key material for web sessions and CSRF tokens: SESSION_SECRET; in production without it,
 * a ConfigError; in development a secret generated once and kept (0600) in DATA_DIR, so restarts
 * and other instances on the same DATA_DIR accept the same cookies and forms.
 */
export function loadSessionSecret(config: Pick<Config, 'SESSION_SECRET' | 'NODE_ENV' | 'DATA_DIR'>): Buffer {
  if (config.SESSION_SECRET) return Buffer.from(config.SESSION_SECRET);
  if (config.NODE_ENV === 'production') {
    throw new ConfigError('SESSION_SECRET: missing: required when NODE_ENV=production and the web page is on '
      + '(the same value on every instance; e.g. openssl rand -base64 48), or set WEB_UI=false');
  }
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, SESSION_SECRET_FILE);
  try {
    // 'wx': of two instances starting together, one writes and the other reads what it wrote.
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigError(`${file}: the kept session secret is shorter than 32 characters; delete the file to generate a new one`);
  return Buffer.from(secret);
}
