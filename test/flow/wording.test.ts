import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import type { OutcomeView } from '../../src/flow/viewTypes.js';
import { consultFrom } from './flowPaths.js';

const engine = createFlowEngine(loadContent());

function outcomeFor(neuro: string, region: string, contraindication = 'no'): OutcomeView {
  const answers = { suspicion: 'yes', prior_imaging: 'abnormal', neuro, post_op: 'no', region, mri_contraindication: contraindication };
  return engine.view(consultFrom(engine, answers)) as OutcomeView;
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
    ['none', 'urgent', 'Urgent - typically within 24 hours', /24 hours/],
    ['mild', 'emergent', 'Emergent', /emergently/],
  ])('neuro=%s -> %s (%s)', (neuro, level, label, text) => {
    const v = outcomeFor(neuro, 'lumbar');
    expect(v.urgency).toMatchObject({ level, label });
    expect(v.urgency!.text).toMatch(text);
    expect(v.orderLine).toContain(`Priority: ${label}.`);
    expect(v.chartNote).toContain(`Urgency: ${label}.`);
  });

  it('gives no order line but an urgency when MRI is contraindicated (the source rates alternatives only)', () => {
    const v = outcomeFor('none', 'lumbar', 'yes');
    expect(v.outcomeId).toBe('mri-contraindicated-alternatives');
    expect(v.urgency).toMatchObject({ level: 'urgent', label: 'Urgent - do not delay' });
    expect(v.orderLine).toBeUndefined();
    expect(v.ratings.map((r) => [r.study, r.rating])).toEqual([['CT myelogram', 'May Be Appropriate'], ['FDG-PET/CT', 'May Be Appropriate']]);
  });
});
