import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, PROJECT_ROOT } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import { flowDoc, readmeWithDiagram, toMermaid } from '../../src/flow/toMermaid.js';

const engine = createFlowEngine(loadContent());

describe('flow diagram', () => {
  it('docs/flow.md matches the flow data (run `npm run diagram` after changing flows/)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'docs', 'flow.md'), 'utf8')).toBe(flowDoc(engine.machine, engine.content));
  });

  it('README.md shows the current diagram', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(readmeWithDiagram(readme, engine.machine, engine.content));
  });

  it('draws one edge per option and the continuation', () => {
    const edges = toMermaid(engine.machine, engine.content).split('\n').filter((l) => l.includes('-->'));
    const options = engine.content.flow.questions.reduce((n, q) => n + q.options.length, 0);
    expect(edges).toHaveLength(options + 1);
    expect(edges).toContain('  recommend_mri -->|"Record MRI result"| mri_result');
    expect(edges).toContain('  neuro -->|"Severe or progressing deficit"| emergent_neuro_deficit');
  });
});
