import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, PROJECT_ROOT } from '../src/content/loadContent.js';
import { createFlowEngine } from '../src/flow/engine.js';
import { flowDoc, readmeWithDiagram } from '../src/flow/toMermaid.js';

// `npm run diagram`: regenerates docs/flow.md and the README's diagram from the flow data;
// a test fails when either is stale.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('Usage: npm run diagram\n  Rewrites docs/flow.md and the diagram in README.md from flows/ (a test fails when they are stale).');
  process.exit(0);
}
const engine = createFlowEngine(loadContent());
mkdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'docs', 'flow.md'), flowDoc(engine.machine, engine.content));
const readme = join(PROJECT_ROOT, 'README.md');
writeFileSync(readme, readmeWithDiagram(readFileSync(readme, 'utf8'), engine.machine, engine.content));
console.log('wrote docs/flow.md and the diagram in README.md');
