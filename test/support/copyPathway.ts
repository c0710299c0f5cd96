import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';

/** A fresh folder to install pathways from (it gets flows/ and rules/). */
export function pathwayRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'spine-pathways-'));
  mkdirSync(join(root, 'flows'));
  mkdirSync(join(root, 'rules'));
  return root;
}

/**
 * Copies a pathway (flows/<from>.yaml and rules/<from>/) into `root` under the id `to`, exactly as
 * an author would with cp; `edit` may change the flow file's text on the way.
 */
export function copyPathway(root: string, to: string, opts: { from?: string; fromRoot?: string; edit?: (yaml: string) => string } = {}): void {
  const fromRoot = opts.fromRoot ?? PROJECT_ROOT;
  const from = opts.from ?? 'spine-infection-abnormal-imaging';
  const yaml = readFileSync(join(fromRoot, 'flows', `${from}.yaml`), 'utf8');
  writeFileSync(join(root, 'flows', `${to}.yaml`), opts.edit ? opts.edit(yaml) : yaml);
  cpSync(join(fromRoot, 'rules', from), join(root, 'rules', to), { recursive: true });
}
