/**
 * The CDS Hooks service over real HTTP: discovery, the cards for each kind of draft order, and
 * what malformed requests get. Card texts are read from rules/ here too, so a content change
 * (outcomes, ratings, FAQ) moves the expectation with it while the card's shape stays pinned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCdsRules } from '../../src/channels/cds/cdsRules.js';
import { CardSchema, DiscoveryResponseSchema } from '../../src/channels/cds/cdsSchemas.js';
import { loadContent } from '../../src/content/loadContent.js';
import { fillTemplate } from '../../src/flow/buildView.js';
import { startCdsServer, SERVICE_ID, type CdsHarness } from './cdsHarness.js';
import { conditionsPrefetch, CPT, imagingOrder, LOINC, orderSelect, orderSign, reason, study } from './cdsRequests.js';

const content = loadContent();
const rules = loadCdsRules(content);
const outcome = (id: string) => content.rules.outcomes.outcomes.find((o) => o.id === id)!;
const procedure = (id: string) => content.rules.procedures.procedures.find((p) => p.id === id)!;
const pitfall = (id: string) => content.rules.pitfalls.pitfalls.find((p) => p.id === id)!.text;
const faq = (id: string) => content.rules.faq.entries.find((e) => e.id === id)!.answer;
const { criteria } = content.rules;
const SERVICE = `/cds-services/${SERVICE_ID}`;
const OVERRIDE_REASONS = [
  ['contraindication', 'Contraindication'], ['patient_factors', 'Patient factors'], ['availability', 'Availability'],
  ['specialist_advice', 'Specialist advice'], ['other', 'Other'],
].map(([code, display]) => ({ system: 'urn:spine-consult:feedback-reason', code, display }));
const SOURCE = {
  label: `What Is the Next Imaging Step for Suspected Spine Infection After Abnormal X-rays or CT? Reviewed ${criteria.article.reviewed} by ${criteria.article.reviewer}; summarises the ${criteria.name}: ${criteria.variant}.`,
  topic: { system: 'urn:spine-consult:pathway', code: SERVICE_ID, display: content.flow.title },
};

/** The detail of the recommendation card for `study` (e.g. "MRI lumbar spine") when `ordered` was drafted. */
function recommendationDetail(region: string, ordered: string, whyNot: string): string {
  const rec = outcome('recommend-mri');
  const fill = (t: string) => fillTemplate(t, { study: region });
  return [
    `**${fill(rec.statement.text)}**`,
    ...rec.details.map((d) => fill(d.text)),
    ['**Ratings for this scenario**', '', '| Study | Rating | Radiation |', '| --- | --- | --- |',
      ...rec.procedures.map((id) => `| ${fill(procedure(id).name)} | ${procedure(id).rating} | ${procedure(id).radiation} |`)].join('\n'),
    `**Why not the ordered study?** (${ordered}) ${faq(whyNot)}`,
    rec.pitfalls.map((id) => `- ${pitfall(id)}`).join('\n'),
    rules.card.scope,
    `_${criteria.disclaimer}_`,
  ].join('\n\n');
}

let h: CdsHarness;
beforeAll(async () => { h = await startCdsServer({ WEB_UI: 'true' }); });
afterAll(async () => { await h.close(); });

describe('discovery', () => {
  it('lists the pathway once per hook, under one id, with the conditions prefetch', async () => {
    const res = await h.get('/cds-services');
    expect(res.status).toBe(200);
    expect(DiscoveryResponseSchema.parse(res.body)).toEqual(res.body);
    const entry = {
      title: rules.service.title, description: rules.service.description, id: SERVICE_ID,
      prefetch: { conditions: 'Condition?patient={{context.patientId}}&clinical-status=active' }, usageRequirements: rules.service.usageRequirements,
    };
    expect(res.body).toEqual({ services: [{ hook: 'order-select', ...entry }, { hook: 'order-sign', ...entry }] });
  });
});

describe('order-select: CT lumbar spine with IV contrast for suspected vertebral osteomyelitis', () => {
  it('returns one warning card naming MRI without and with IV contrast as Usually Appropriate, with the replacing MRI order', async () => {
    const ct = imagingOrder('ct-lspine-1', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis]);
    const res = await h.post(SERVICE, orderSelect([ct]));
    expect(res.status).toBe(200);
    expect(res.body.cards).toHaveLength(1);
    const [card] = res.body.cards;
    expect(CardSchema.parse(card)).toEqual(card);
    expect(card.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(card.suggestions[0].uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(card).toEqual({
      uuid: card.uuid,
      summary: 'Suspected spine infection: MRI lumbar spine without and with IV contrast is rated Usually Appropriate',
      indicator: 'warning',
      detail: recommendationDetail('MRI lumbar spine', 'CT with IV contrast', 'ct-with-contrast'),
      source: SOURCE,
      suggestions: [{
        label: 'Order MRI lumbar spine without and with IV contrast instead',
        uuid: card.suggestions[0].uuid,
        isRecommended: true,
        actions: [
          { type: 'delete', description: 'Remove the draft order', resourceId: 'ServiceRequest/ct-lspine-1' },
          {
            type: 'create', description: 'Order MRI lumbar spine without and with IV contrast',
            resource: {
              resourceType: 'ServiceRequest', status: 'draft', intent: 'order',
              code: {
                coding: [
                  { system: LOINC, code: '24967-2', display: 'MR Lumbar spine WO and W contrast IV' },
                  { system: CPT, code: '72158', display: 'MRI spinal canal and contents, without then with contrast; lumbar' },
                ],
                text: 'MRI lumbar spine without and with IV contrast',
              },
              subject: { reference: 'Patient/1288992' }, encounter: { reference: 'Encounter/89284' },
              requester: { reference: 'PractitionerRole/123' }, reasonCode: [reason.suspectedOsteomyelitis],
            },
          },
        ],
      }],
      selectionBehavior: 'at-most-one',
      overrideReasons: OVERRIDE_REASONS,
      links: [{ label: 'Open the full consult', url: `${h.server.banner.match(/open (http:\/\/\S+?)\/ in a browser/)![1]}/`, type: 'absolute' }],
    });
    expect(card.summary.length).toBeLessThan(140);
  });
});

describe('which orders get which card', () => {
  const cardsFor = async (body: object) => {
    const res = await h.post(SERVICE, body);
    expect(res.status).toBe(200);
    return res.body.cards as Array<Record<string, any>>;
  };

  it('order-sign: a CT for "low back pain" gets the warning when a prefetched active condition is coded discitis', async () => {
    const ct = imagingOrder('ct-2', study.ctLumbarWithContrast, [reason.lowBackPain]);
    const cards = await cardsFor(orderSign([ct], { prefetch: conditionsPrefetch(reason.discitisCoded) }));
    expect(cards.map((c) => [c.indicator, c.summary])).toEqual([['warning', 'Suspected spine infection: MRI lumbar spine without and with IV contrast is rated Usually Appropriate']]);
  });

  it('an uncoded "CT T-spine w/o contrast" is recognised by its text and replaced by the thoracic MRI', async () => {
    const ct = imagingOrder('ct-3', study.ctThoracicTextOnly, [reason.discitisCoded]);
    const [card] = await cardsFor(orderSelect([ct]));
    expect(card.summary).toBe('Suspected spine infection: MRI thoracic spine without and with IV contrast is rated Usually Appropriate');
    expect(card.detail).toContain('**Why not the ordered study?** (CT without contrast)');
    expect(card.suggestions[0].actions[1].resource.code.coding.map((c: { code: string }) => c.code)).toEqual(['24981-3', '72157']);
  });

  it('MRI lumbar spine without and with IV contrast already ordered: no card', async () => {
    const mri = imagingOrder('mri-1', study.mriLumbarWwo, [reason.suspectedOsteomyelitis]);
    expect(await cardsFor(orderSelect([mri]))).toEqual([]);
    expect(await cardsFor(orderSign([mri]))).toEqual([]);
  });

  it('order-sign with the CT and the recommended MRI of the same region together: no warning', async () => {
    const ct = imagingOrder('ct-4', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis]);
    const mri = imagingOrder('mri-2', study.mriLumbarWwo, [reason.suspectedOsteomyelitis]);
    expect(await cardsFor(orderSign([ct, mri]))).toEqual([]);
  });

  it('a knee MRI gets no card, even for suspected osteomyelitis', async () => {
    expect(await cardsFor(orderSelect([imagingOrder('knee-1', study.kneeMri, [reason.suspectedOsteomyelitis])]))).toEqual([]);
  });

  it('a spine CT without any sign of infection gets no card', async () => {
    expect(await cardsFor(orderSign([imagingOrder('ct-5', study.ctLumbarWithContrast, [reason.lowBackPain])]))).toEqual([]);
  });

  it('order-select only looks at the selected orders', async () => {
    const ct = imagingOrder('ct-6', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis]);
    const body = orderSelect([ct]);
    body.context.selections = ['MedicationRequest/smart-MedicationRequest-103'];
    expect(await cardsFor(body)).toEqual([]);
  });

  it('post-operative: no recommendation, the exclusion\'s own text as an info card without feedback', async () => {
    const ct = imagingOrder('ct-7', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis, reason.postOperative]);
    const cards = await cardsFor(orderSelect([ct]));
    const excl = outcome('out-of-scope-post-operative');
    expect(cards).toEqual([{
      summary: excl.title,
      indicator: 'info',
      detail: [`**${excl.statement.text}**`, ...excl.details.map((d) => d.text), excl.pitfalls.map((id) => `- ${pitfall(id)}`).join('\n'), `_${criteria.disclaimer}_`].join('\n\n'),
      source: SOURCE,
      links: cards[0].links,
    }]);
  });

  it('a flagged severe neurologic deficit (cauda equina) gives the emergency as a critical card with the no-paging notice', async () => {
    const ct = imagingOrder('ct-8', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis, reason.caudaEquina]);
    const [card, ...more] = await cardsFor(orderSign([ct]));
    expect(more).toEqual([]);
    expect(card.indicator).toBe('critical');
    expect(card.summary).toBe(outcome('emergent-neuro-deficit').title);
    expect(card.detail.split('\n\n')[0]).toBe(`**${content.rules.followup.noPaging.text}**`);
    expect(card.suggestions).toBeUndefined();
    expect(card.uuid).toBeUndefined();
  });
});

describe('malformed requests get 400 with the reason, never 500', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['missing draftOrders', (() => { const b = orderSign([]); delete (b.context as Record<string, unknown>).draftOrders; return b; })(), /context\.draftOrders/],
    ['order-select without selections', (() => { const b = orderSelect([]); delete (b.context as Record<string, unknown>).selections; return b; })(), /context\.selections/],
    ['no hookInstance', { hook: 'order-sign', context: {} }, /hookInstance/],
    ['a hook this service does not take', { ...orderSign([]), hook: 'patient-view' }, /patient-view.*order-select and order-sign/],
    ['a ServiceRequest without subject', orderSign([{ resourceType: 'ServiceRequest', id: 'x', status: 'draft', intent: 'order' }]), /entry\.1\.resource\.subject/],
    ['draftOrders that is not a Bundle', { ...orderSign([]), context: { ...orderSign([]).context, draftOrders: [] } }, /context\.draftOrders/],
    ['a JSON array', [1, 2], /body|expected object/],
    ['not JSON at all', '{"hook": ', /not readable JSON/],
  ];
  it.each(cases)('%s', async (_name, body, reason) => {
    const res = await h.post(SERVICE, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(reason);
  });

  it('an unknown service id is 404', async () => {
    const res = await h.post('/cds-services/no-such-service', orderSign([]));
    expect(res.status).toBe(404);
  });

  it('malformed feedback is 400', async () => {
    const res = await h.post(`${SERVICE}/feedback`, { feedback: [{ card: 'x', outcome: 'accepted', outcomeTimestamp: '2026-01-01T00:00:00Z' }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/acceptedSuggestions/);
  });
});
