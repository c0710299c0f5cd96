import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';
import { checkHazardLog, checkTestRef, parseHazardLog, testTitles } from './hazardLogCheck.js';

const LOG = readFileSync(join(PROJECT_ROOT, 'docs', 'hazard-log.md'), 'utf8');

describe('docs/hazard-log.md', () => {
  it('lists at least 10 hazards, each with a control verified by a test that exists', () => {
    const hazards = parseHazardLog(LOG);
    console.log(`hazard log: ${hazards.length} hazards, ${hazards.reduce((n, h) => n + h.controls.length, 0)} controls, ${new Set(hazards.flatMap((h) => h.controls.flatMap((c) => c.tests))).size} distinct tests`);
    expect(hazards.length).toBeGreaterThanOrEqual(10);
    expect(checkHazardLog(LOG, PROJECT_ROOT)).toEqual([]);
  });

  it('covers the hazards the clinical safety review named', () => {
    const titles = parseHazardLog(LOG).map((h) => h.title.toLowerCase()).join('\n');
    for (const topic of ['missed emergency', 'wrong study', 'wrong urgency', 'polarity', 'stale content', 'out-of-scope', 'identifiers', 'someone else', 'outage']) {
      expect(titles).toContain(topic);
    }
  });

  it('fails a control whose test file or test name does not exist, or names none', () => {
    const bad = [
      '### H1. Example',
      '- **Cause:** c', '- **Effect:** e',
      '- **Initial risk:** severity Major, likelihood Medium, risk 3',
      '- **Residual risk:** severity Major, likelihood Low, risk 3',
      '- **Controls:**',
      '  - C1 Verified by `test/flow/everyPath.test.ts > every path through the flow (enumerated by xstate/graph) > a test nobody wrote`.',
      '  - C2 Verified by `test/flow/noSuchFile.test.ts > x > y`.',
      '  - C3 Verified by nothing.',
    ].join('\n');
    expect(checkHazardLog(bad, PROJECT_ROOT)).toEqual([
      'H1: test/flow/everyPath.test.ts > every path through the flow (enumerated by xstate/graph) > a test nobody wrote: no test "a test nobody wrote" in test/flow/everyPath.test.ts',
      'H1: test/flow/noSuchFile.test.ts > x > y: no file test/flow/noSuchFile.test.ts',
      'H1: control names no test: C3 Verified by nothing.',
    ]);
  });

  it('fails a hazard without its fields or with a risk the matrix does not give', () => {
    const bad = ['### H2. Example', '- **Cause:** c', '- **Initial risk:** severity Catastrophic, likelihood Low, risk 2'].join('\n');
    expect(checkHazardLog(bad, PROJECT_ROOT)).toEqual([
      'H2: missing "Effect"', 'H2: missing "Residual risk"', 'H2: missing "Controls"',
      'H2: Initial risk: the matrix gives 4, not 2',
      'H2: "Residual risk" must read "severity <S>, likelihood <L>, risk <n>"',
      'H2: no controls',
    ]);
  });

  it('reads describe and test titles, including each/skipIf forms, and wants describes before the test', () => {
    const src = "describe.skipIf(x())('outer', () => {\n  it.each([[1, 'a)']])('case %s', () => {});\n  it(\"it's here\", () => {});\n});";
    expect(testTitles(src).map((t) => [t.kind, t.title])).toEqual([['describe', 'outer'], ['test', 'case %s'], ['test', "it's here"]]);
    expect(checkTestRef('test/flow/diagram.test.ts > flow diagram > README.md shows the current diagram', PROJECT_ROOT)).toEqual([]);
    expect(checkTestRef('test/flow/diagram.test.ts > README.md shows the current diagram > flow diagram', PROJECT_ROOT)).toHaveLength(2);
  });
});
