/**
 * The CDS Hooks 2.0 shapes as the specification states them (cds-hooks/docs: specification/current.md,
 * hooks/order-select.md, hooks/order-sign.md): what a hook call, feedback and our own cards and
 * discovery document must and must not hold. Untrusted input is refused field by field.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ActionSchema, BundleSchema, CardSchema, CodeableConceptSchema, ConditionSchema, describeIssues, DiscoveryResponseSchema,
  FeedbackRequestSchema, HOOK_CONTEXTS, HookRequestSchema, HookResponseSchema, OrderSelectContextSchema, OrderSignContextSchema,
  ServiceRequestSchema,
} from '../../src/channels/cds/cdsSchemas.js';
import { imagingOrder, orderSelect, orderSign, reason, study } from './cdsRequests.js';

const accepts = (schema: z.ZodType, value: unknown) => expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(true);
const refuses = (schema: z.ZodType, value: unknown) => expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
/** `base` with one field replaced (undefined: removed). */
const withField = (base: Record<string, unknown>, key: string, value: unknown) => {
  const copy: Record<string, unknown> = { ...base, [key]: value };
  if (value === undefined) delete copy[key];
  return copy;
};

const order = imagingOrder('order-1', study.ctLumbarWithContrast, [reason.suspectedOsteomyelitis]);

describe('hook calls', () => {
  const call = orderSign([order]);

  it('accepts the specification\'s order-sign and order-select examples', () => {
    accepts(HookRequestSchema, call);
    accepts(HookRequestSchema, orderSelect([order]));
    accepts(OrderSignContextSchema, call.context);
    accepts(OrderSelectContextSchema, orderSelect([order]).context);
  });

  it.each([
    ['no hook', 'hook', undefined], ['an empty hook', 'hook', ''],
    ['no hookInstance', 'hookInstance', undefined], ['an empty hookInstance', 'hookInstance', ''],
    ['a fhirServer that is no URL', 'fhirServer', 'not a url'],
    ['no context', 'context', undefined], ['a context that is no object', 'context', 'x'],
    ['a prefetch that is no object', 'prefetch', ['x']],
  ])('refuses a call with %s', (_name, key, value) => {
    refuses(HookRequestSchema, withField(call, key, value));
  });

  it('takes fhirAuthorization only as a complete Bearer grant', () => {
    const grant = { access_token: 'abc', token_type: 'Bearer', expires_in: 300, scope: 'user/Patient.read', subject: 'cds-service' };
    accepts(HookRequestSchema, { ...call, fhirAuthorization: grant });
    for (const [key, value] of [['token_type', 'MAC'], ['access_token', ''], ['expires_in', 1.5], ['scope', undefined], ['subject', '']] as const) {
      refuses(HookRequestSchema, { ...call, fhirAuthorization: withField(grant, key, value) });
    }
  });

  it.each([
    ['no userId', 'userId', undefined], ['an empty userId', 'userId', ''],
    ['no patientId', 'patientId', undefined], ['an empty patientId', 'patientId', ''],
    ['an empty encounterId', 'encounterId', ''],
    ['no draftOrders', 'draftOrders', undefined], ['draftOrders that are no Bundle', 'draftOrders', { resourceType: 'List' }],
  ])('refuses an order context with %s', (_name, key, value) => {
    refuses(OrderSignContextSchema, withField(call.context, key, value));
  });

  it('needs at least one selection on order-select, each a non-empty id', () => {
    const context = orderSelect([order]).context;
    for (const selections of [undefined, [], [''], 'ServiceRequest/order-1']) refuses(OrderSelectContextSchema, withField(context, 'selections', selections));
  });

  it('answers order-select and order-sign, each with its own context', () => {
    expect(Object.keys(HOOK_CONTEXTS)).toEqual(['order-select', 'order-sign']);
    expect(HOOK_CONTEXTS['order-select']).toBe(OrderSelectContextSchema);
    expect(HOOK_CONTEXTS['order-sign']).toBe(OrderSignContextSchema);
  });
});

describe('FHIR resources, as far as the service reads them', () => {
  it('reads a ServiceRequest with its status, intent and subject, and refuses one without', () => {
    accepts(ServiceRequestSchema, order);
    for (const [key, value] of [
      ['resourceType', 'MedicationRequest'], ['status', undefined], ['status', ''], ['intent', undefined], ['intent', ''],
      ['subject', undefined], ['subject', { reference: '' }], ['id', ''], ['priority', ''], ['code', { text: '' }],
      ['reasonCode', [{ coding: [{ code: '' }] }]], ['encounter', { display: '' }], ['requester', { reference: '' }],
    ] as const) {
      refuses(ServiceRequestSchema, withField(order, key, value));
    }
  });

  it('reads codings and concepts, with no empty strings', () => {
    accepts(CodeableConceptSchema, reason.discitisCoded);
    for (const bad of [{ text: '' }, { coding: [{ system: '' }] }, { coding: [{ display: '' }] }, { coding: {} }]) refuses(CodeableConceptSchema, bad);
  });

  it('reads a Condition and refuses another resource', () => {
    accepts(ConditionSchema, { resourceType: 'Condition', code: reason.discitisCoded });
    refuses(ConditionSchema, { resourceType: 'Observation', code: reason.discitisCoded });
    for (const key of ['code', 'clinicalStatus', 'verificationStatus']) refuses(ConditionSchema, { resourceType: 'Condition', [key]: { text: '' } });
  });

  it('reads a Bundle whose every entry holds a typed resource', () => {
    accepts(BundleSchema, { resourceType: 'Bundle', entry: [{ resource: order }] });
    accepts(BundleSchema, { resourceType: 'Bundle' });
    for (const bad of [{ resourceType: 'List', entry: [] }, { resourceType: 'Bundle', entry: [{}] }, { resourceType: 'Bundle', entry: [{ resource: { resourceType: '' } }] }]) {
      refuses(BundleSchema, bad);
    }
  });
});

describe('cards as the service sends them', () => {
  const card = { summary: 'MRI is preferred', indicator: 'warning', source: { label: 'ACR' } };
  const suggestion = { label: 'Order MRI instead', actions: [{ type: 'create', description: 'Add the MRI order', resource: { resourceType: 'ServiceRequest' } }] };

  it('takes each indicator, selection behaviour and link type the specification names', () => {
    for (const indicator of ['info', 'warning', 'critical']) accepts(CardSchema, { ...card, indicator });
    for (const selectionBehavior of ['at-most-one', 'any']) accepts(CardSchema, { ...card, selectionBehavior, suggestions: [suggestion] });
    for (const type of ['absolute', 'smart']) accepts(CardSchema, { ...card, links: [{ label: 'x', url: 'https://example.org', type }] });
  });

  it('says why a card or an action breaks a rule across fields', () => {
    expect(describeIssues(CardSchema.safeParse({ ...card, suggestions: [suggestion] }).error!)).toBe('(body): suggestions need selectionBehavior');
    expect(describeIssues(ActionSchema.safeParse({ type: 'delete', description: 'Remove' }).error!)).toBe('(body): delete needs resourceId; create and update need resource');
  });

  it('accepts a card with a suggestion, override reasons and a link', () => {
    accepts(CardSchema, {
      ...card, uuid: 'c-1', detail: 'Why', selectionBehavior: 'at-most-one', suggestions: [suggestion],
      overrideReasons: [{ system: 'http://example.org', code: 'other', display: 'Other' }],
      links: [{ label: 'Guidance', url: 'https://example.org/acr', type: 'absolute' }],
    });
  });

  it('keeps the summary to the specification\'s 140 characters (fewer than 140)', () => {
    accepts(CardSchema, { ...card, summary: 'a'.repeat(139) });
    refuses(CardSchema, { ...card, summary: 'a'.repeat(140) });
    refuses(CardSchema, { ...card, summary: '' });
  });

  it.each([
    ['an unknown indicator', { indicator: 'urgent' }],
    ['an empty detail', { detail: '' }],
    ['a source without label', { source: {} }],
    ['a source with an extra field', { source: { label: 'ACR', extra: 1 } }],
    ['a source url that is no URL', { source: { label: 'ACR', url: 'x' } }],
    ['a source icon that is no URL', { source: { label: 'ACR', icon: 'x' } }],
    ['a source topic without display', { source: { label: 'ACR', topic: { system: 's', code: 'c' } } }],
    ['suggestions without selectionBehavior', { suggestions: [suggestion] }],
    ['an empty suggestion list', { suggestions: [], selectionBehavior: 'any' }],
    ['a suggestion without label', { suggestions: [{ actions: suggestion.actions }], selectionBehavior: 'any' }],
    ['a suggestion with an empty action list', { suggestions: [{ label: 'x', actions: [] }], selectionBehavior: 'any' }],
    ['an unknown selectionBehavior', { suggestions: [suggestion], selectionBehavior: 'all' }],
    ['an empty override reason list', { overrideReasons: [] }],
    ['an override reason without display', { overrideReasons: [{ system: 's', code: 'c' }] }],
    ['an empty link list', { links: [] }],
    ['a link of an unknown type', { links: [{ label: 'x', url: 'https://example.org', type: 'relative' }] }],
    ['a link whose url is no URL', { links: [{ label: 'x', url: 'example', type: 'absolute' }] }],
    ['a link with an extra field', { links: [{ label: 'x', url: 'https://example.org', type: 'absolute', target: '_blank' }] }],
    ['an extra field', { priority: 1 }],
  ])('refuses a card with %s', (_name, change) => {
    refuses(CardSchema, { ...card, ...change });
  });

  it('lets a suggestion delete only by resource id, and create or update only with a resource', () => {
    accepts(ActionSchema, { type: 'delete', description: 'Remove the CT order', resourceId: 'ServiceRequest/order-1' });
    accepts(ActionSchema, { type: 'update', description: 'Change it', resource: { resourceType: 'ServiceRequest' } });
    refuses(ActionSchema, { type: 'delete', description: 'Remove', resource: { resourceType: 'ServiceRequest' } });
    refuses(ActionSchema, { type: 'create', description: 'Add', resourceId: 'ServiceRequest/order-1' });
    refuses(ActionSchema, { type: 'replace', description: 'x', resourceId: 'r' });
    refuses(ActionSchema, { type: 'delete', description: '', resourceId: 'r' });
    refuses(ActionSchema, { type: 'create', description: 'x', resource: { resourceType: '' } });
  });

  it('answers with a list of cards, possibly empty, and nothing else', () => {
    accepts(HookResponseSchema, { cards: [] });
    refuses(HookResponseSchema, { cards: [{ ...card, indicator: 'urgent' }] });
    refuses(HookResponseSchema, { cards: [], systemActions: [] });
  });
});

describe('the discovery document', () => {
  const service = { hook: 'order-sign', description: 'Imaging guidance', id: 'spine', prefetch: { conditions: 'Condition?patient={{context.patientId}}' } };

  it('lists services with hook, description and id', () => {
    accepts(DiscoveryResponseSchema, { services: [service, { ...service, title: 'Spine', usageRequirements: 'SMART' }] });
    for (const [key, value] of [['hook', ''], ['description', undefined], ['id', ''], ['title', ''], ['usageRequirements', ''], ['prefetch', { conditions: '' }], ['extra', 1]] as const) {
      refuses(DiscoveryResponseSchema, { services: [withField(service, key, value)] });
    }
  });
});

describe('feedback', () => {
  const accepted = { card: 'card-1', outcome: 'accepted', acceptedSuggestions: [{ id: 's-1' }], outcomeTimestamp: '2026-03-01T09:00:00Z' };
  const overridden = { card: 'card-1', outcome: 'overridden', overrideReason: { reason: { code: 'other' }, userComment: '' }, outcomeTimestamp: '2026-03-01T09:00:00+01:00' };

  it('reads accepted and overridden feedback', () => {
    accepts(FeedbackRequestSchema, { feedback: [accepted, overridden] });
  });

  it('needs the accepted suggestions on an accepted outcome, naming that field', () => {
    const result = FeedbackRequestSchema.safeParse({ feedback: [withField(accepted, 'acceptedSuggestions', [])] });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toBe('feedback.0.acceptedSuggestions: acceptedSuggestions is required for an accepted outcome');
    refuses(FeedbackRequestSchema, { feedback: [withField(accepted, 'acceptedSuggestions', undefined)] });
  });

  it.each([
    ['no feedback', {}], ['an empty feedback list', { feedback: [] }],
    ['no card', { feedback: [withField(overridden, 'card', undefined)] }], ['an empty card', { feedback: [withField(overridden, 'card', '')] }],
    ['an unknown outcome', { feedback: [withField(overridden, 'outcome', 'ignored')] }],
    ['a timestamp without offset', { feedback: [withField(overridden, 'outcomeTimestamp', '2026-03-01T09:00:00')] }],
    ['a timestamp that is no date', { feedback: [withField(overridden, 'outcomeTimestamp', 'yesterday')] }],
    ['an accepted suggestion without id', { feedback: [withField(accepted, 'acceptedSuggestions', [{}])] }],
    ['an override reason coded with an empty code', { feedback: [withField(overridden, 'overrideReason', { reason: { code: '' } })] }],
    ['a user comment that is no string', { feedback: [withField(overridden, 'overrideReason', { userComment: 1 })] }],
  ])('refuses %s', (_name, body) => {
    refuses(FeedbackRequestSchema, body);
  });
});

describe('describeIssues', () => {
  it('names each bad field by its path under the prefix, at most five, in one line', () => {
    const result = OrderSignContextSchema.safeParse({ draftOrders: { resourceType: 'Bundle' } });
    expect(describeIssues(result.error!, 'context')).toBe('context.userId: Invalid input: expected string, received undefined; context.patientId: Invalid input: expected string, received undefined');
    const many = HookRequestSchema.safeParse({ fhirServer: 'x', prefetch: 1, fhirAuthorization: {} });
    expect(describeIssues(many.error!).split('; ')).toHaveLength(5);
    expect(describeIssues(HookRequestSchema.safeParse([]).error!)).toBe('(body): Invalid input: expected object, received array');
  });
});
