/** Order recognition and request facts, as tables over rules/.../cds.yaml. */
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCdsRules } from '../../src/channels/cds/cdsRules.js';
import { activeConditions, readFlags, recogniseStudy } from '../../src/channels/cds/recogniseOrder.js';
import { loadContent, PROJECT_ROOT } from '../../src/content/loadContent.js';
import { conditionsPrefetch, CPT, ICD10CM, LOINC } from './cdsRequests.js';

const content = loadContent();
const rules = loadCdsRules(content);

describe('recogniseStudy', () => {
  const cases: Array<[string, { coding?: Array<{ system: string; code: string; display: string }>; text?: string }, object | undefined]> = [
    ['LOINC MR cervical WO and W', { coding: [{ system: LOINC, code: '24937-5', display: 'x' }] }, { kind: 'mri-wwo', region: 'cervical', by: 'code' }],
    ['CPT 72133', { coding: [{ system: CPT, code: '72133', display: 'x' }] }, { kind: 'ct-wwo', region: 'lumbar', by: 'code' }],
    ['a listed code wins over misleading text', { coding: [{ system: LOINC, code: '24964-9', display: 'x' }], text: 'MRI brain' }, { kind: 'ct-w', region: 'lumbar', by: 'code' }],
    ['an unknown code falls back to its text', { coding: [{ system: 'urn:local', code: 'IMG123', display: 'MRI L-spine w/o contrast' }] }, { kind: 'mri-wo', region: 'lumbar', by: 'text' }],
    ['"w/wo" reads as without and with', { text: 'MRI lumbar spine w/wo contrast' }, { kind: 'mri-wwo', region: 'lumbar', by: 'text' }],
    ['"with and without"', { text: 'MR C-spine with and without IV contrast' }, { kind: 'mri-wwo', region: 'cervical', by: 'text' }],
    ['contrast not stated', { text: 'MRI thoracic spine' }, { kind: 'mri', region: 'thoracic', by: 'text' }],
    ['CT myelogram', { text: 'CT myelogram lumbar' }, { kind: 'ct-myelogram', region: 'lumbar', by: 'text' }],
    ['FDG-PET/CT of the whole spine', { text: 'FDG PET/CT whole spine' }, { kind: 'fdg-pet-ct', region: 'poorly_localized', by: 'text' }],
    ['radiograph', { text: 'XR thoracic spine 2 views' }, { kind: 'radiograph', region: 'thoracic', by: 'text' }],
    ['not the spine: brain MRI', { text: 'MRI brain without and with contrast' }, undefined],
    ['not the spine: "cervical" ultrasound', { text: 'US cervical length' }, undefined],
    ['not imaging: lumbar puncture', { text: 'Lumbar puncture' }, undefined],
    ['no code at all', {}, undefined],
  ];
  it.each(cases)('%s', (_name, code, expected) => {
    expect(recogniseStudy(rules, code)).toEqual(expected);
  });
});

describe('readFlags', () => {
  const cases: Array<[string, { coding?: Array<{ system: string; code: string }>; text?: string }, string[]]> = [
    ['ICD-10-CM M46.26 (osteomyelitis of vertebra, lumbar)', { coding: [{ system: ICD10CM, code: 'M46.26' }] }, ['suspected-infection']],
    ['"r/o discitis"', { text: 'r/o discitis' }, ['suspected-infection']],
    ['"Spinal epidural abscess?"', { text: 'Spinal epidural abscess?' }, ['suspected-infection']],
    ['osteomyelitis elsewhere', { text: 'Osteomyelitis of left foot' }, []],
    ['the same code in another system', { coding: [{ system: 'urn:local', code: 'M46.26' }] }, []],
    ['low back pain', { text: 'Low back pain' }, []],
    ['post-op', { text: 'Postop fever after L4-5 fusion' }, ['post-operative']],
    ['cauda equina', { coding: [{ system: ICD10CM, code: 'G83.4' }] }, ['severe-neuro-deficit']],
  ];
  it.each(cases)('%s', (_name, concept, expected) => {
    expect([...readFlags(rules, [concept])]).toEqual(expected);
  });
});

describe('activeConditions', () => {
  it('keeps active conditions and drops resolved or refuted ones and anything unreadable', () => {
    const active = conditionsPrefetch({ text: 'Discitis' }).conditions;
    const resolved = structuredClone(active);
    resolved.entry[0].resource.clinicalStatus.coding[0].code = 'resolved';
    expect(activeConditions(active)).toEqual([{ text: 'Discitis' }]);
    expect(activeConditions(resolved)).toEqual([]);
    expect(activeConditions({ resourceType: 'Patient' })).toEqual([]);
    expect(activeConditions(undefined)).toEqual([]);
  });
});

describe('loadCdsRules', () => {
  it('refuses a cds.yaml that names a question the flow does not have, with file and path', () => {
    const root = mkdtempSync(join(tmpdir(), 'cds-rules-'));
    cpSync(join(PROJECT_ROOT, 'rules'), join(root, 'rules'), { recursive: true });
    const file = join(root, 'rules', content.flow.rules, 'cds.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('question: prior_imaging', 'question: prior_imagery'));
    expect(() => loadCdsRules(content, root)).toThrow(/cds\.yaml: answers\[1\]\.question: "prior_imagery" is not a question of the flow/);
  });

  it('refuses a flag citation that is not in the source', () => {
    const root = mkdtempSync(join(tmpdir(), 'cds-rules-'));
    cpSync(join(PROJECT_ROOT, 'rules'), join(root, 'rules'), { recursive: true });
    const file = join(root, 'rules', content.flow.rules, 'cds.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('such as discitis-osteomyelitis or a spinal epidural abscess', 'such as any back pain'));
    expect(() => loadCdsRules(content, root)).toThrow(/flags\[0\]\.source\.quote/);
  });
});
