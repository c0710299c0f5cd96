import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine, type PersistedConsult } from '../../src/flow/engine.js';
import type { OutcomeView } from '../../src/flow/viewTypes.js';

const engine = createFlowEngine(loadContent());

function outcomeFor(neuro: string, region: string, contraindication = 'no'): OutcomeView {
  let c: PersistedConsult = engine.start();
  for (const [q, o] of [['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', neuro], ['post_op', 'no'], ['region', region], ['mri_contraindication', contraindication]]) {
    const r = engine.apply(c, { type: 'ANSWER', questionId: q, optionId: o });
    if (!r.ok) throw new Error(r.reason);
    c = r.next;
  }
  return engine.view(c) as OutcomeView;
}

describe('region wording', () => {
  it.each([
    ['cervical', 'MRI cervical spine without and with IV contrast'],
    ['thoracic', 'MRI thoracic spine without and with IV contrast'],
    ['lumbar', 'MRI lumbar spine without and with IV contrast'],
    ['poorly_localized', 'MRI entire spine without and with IV contrast'],
  ])('%s -> %s', (region, study) => {
    const v = outcomeFor('none', region);
    expect(v.title).toBe(study);
    expect(v.ratings[0].study).toBe(study);
    expect(v.orderLine).toMatch(new RegExp(`^${study}\\. `));
  });
});

describe('urgency wording', () => {
  it.each([
    ['none', 'urgent', 'Within 24 hours', /24 hours/],
    ['mild', 'emergent', 'Emergent', /emergently/],
  ])('neuro=%s -> %s (%s)', (neuro, level, label, text) => {
    const v = outcomeFor(neuro, 'lumbar');
    expect(v.urgency).toMatchObject({ level, label });
    expect(v.urgency!.text).toMatch(text);
    expect(v.orderLine).toContain(`Priority: ${label}.`);
    expect(v.chartNote).toContain(`Urgency: ${label}.`);
  });

  it('gives no urgency or order line when MRI is contraindicated (the source rates alternatives only)', () => {
    const v = outcomeFor('none', 'lumbar', 'yes');
    expect(v.outcomeId).toBe('mri-contraindicated-alternatives');
    expect(v.urgency).toBeUndefined();
    expect(v.orderLine).toBeUndefined();
    expect(v.ratings.map((r) => [r.study, r.rating])).toEqual([['CT myelogram', 'May Be Appropriate'], ['FDG-PET/CT', 'May Be Appropriate']]);
  });
});
