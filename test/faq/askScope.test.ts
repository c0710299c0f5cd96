import { describe, expect, it } from 'vitest';
import { perAsk, withinAsk } from '../../src/faq/askScope.js';

describe('askScope: work shared within one question, nothing kept after it', () => {
  const counted = () => {
    const calls: string[] = [];
    return { calls, fn: perAsk((text: string) => (calls.push(text), { words: text.split(' ') })) };
  };

  it('runs a wrapped function once per text within an ask and shares the result', () => {
    const { calls, fn } = counted();
    const [a, b, c] = withinAsk(() => [fn('mri shows discitis'), fn('mri shows discitis'), fn('can it wait')]);
    expect(calls).toEqual(['mri shows discitis', 'can it wait']);
    expect(a).toBe(b);
    expect(c.words).toEqual(['can', 'it', 'wait']);
  });

  it('keeps nothing once the ask ends: the next question computes afresh', () => {
    const { calls, fn } = counted();
    const first = withinAsk(() => fn('pacemaker'));
    const second = withinAsk(() => fn('pacemaker'));
    expect(calls).toEqual(['pacemaker', 'pacemaker']);
    expect(second).not.toBe(first);
  });

  it('empties the memos when the ask throws', () => {
    const { calls, fn } = counted();
    expect(() => withinAsk(() => { fn('abscess'); throw new Error('boom'); })).toThrow('boom');
    withinAsk(() => fn('abscess'));
    expect(calls).toEqual(['abscess', 'abscess']);
  });

  it('outside an ask the function simply runs every time', () => {
    const { calls, fn } = counted();
    fn('x');
    fn('x');
    expect(calls).toEqual(['x', 'x']);
  });

  it('an ask nested in another keeps the memo until the outer one ends', () => {
    const { calls, fn } = counted();
    withinAsk(() => {
      withinAsk(() => fn('t12'));
      fn('t12');
    });
    expect(calls).toEqual(['t12']);
  });
});
