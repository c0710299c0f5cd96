import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, PROJECT_ROOT } from '../src/content/loadContent.js';
import { createFlowEngine } from '../src/flow/engine.js';
import { flowDoc } from '../src/flow/toMermaid.js';

// `npm run diagram`: regenerates docs/flow.md from the flow data; a test fails when it is stale.
const engine = createFlowEngine(loadContent());
mkdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true });
const path = join(PROJECT_ROOT, 'docs', 'flow.md');
writeFileSync(path, flowDoc(engine.machine, engine.content));
console.log(`wrote ${path}`);
