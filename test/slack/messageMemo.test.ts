import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SlackMessageMemo } from '../../src/channels/slack/messageMemo.js';
import { renderSlack } from '../../src/channels/slack/renderSlack.js';
import { composeView } from '../../src/interaction/composeView.js';
import { Pathways } from '../../src/interaction/pathways.js';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import { walkAllPaths } from '../flow/flowPaths.js';

const engine = createFlowEngine(loadContent());
const pathway = Pathways.of(engine).list()[0];
const states = walkAllPaths(engine).flatMap((p) => p.states);

describe('memoised Slack consult messages', () => {
  it('equals the renderer\'s own payload for every state on every path, for each consult id and capability', () => {
    const memo = new SlackMessageMemo();
    let outcomes = 0;
    for (const snapshot of states) {
      expect(engine.view(snapshot)).toBe(engine.view(snapshot)); // one frozen object per state and step
      for (const radiology of [false, true]) {
        const composed = composeView(pathway, { snapshot }, { radiology });
        expect(composeView(pathway, { snapshot }, { radiology })).toBe(composed);
        for (const id of [randomUUID(), randomUUID()]) {
          const wire = memo.render(composed, id);
          const plain = renderSlack(composeView(pathway, { snapshot, followUp: {} }, { radiology }), id);
          expect({ text: wire.text, blocks: JSON.parse(wire.blocks) }).toEqual(plain);
        }
      }
      if (engine.view(snapshot).kind === 'outcome') outcomes++;
    }
    expect(outcomes).toBeGreaterThan(10);
  });

  it('renders afresh for a view that is not frozen, and for an id that would need escaping', () => {
    const memo = new SlackMessageMemo();
    const view = { ...composeView(pathway, { snapshot: engine.start() }, { radiology: false }) };
    const first = memo.render(view, 'a');
    (view as { step: number }).step = 7;
    expect(JSON.parse(memo.render(view, 'a').blocks)).toEqual(renderSlack(view, 'a').blocks);
    expect(first.blocks).not.toEqual(memo.render(view, 'a').blocks);
    const start = composeView(pathway, { snapshot: engine.start() }, { radiology: false });
    expect(JSON.parse(memo.render(start, 'x"y').blocks)).toEqual(renderSlack(start, 'x"y').blocks);
  });
});
