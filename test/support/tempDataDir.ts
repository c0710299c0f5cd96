import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for one server's SQLite file, so parallel test files never share a database. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'spine-consult-test-'));
}
