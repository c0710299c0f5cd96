/**
 * CDS Hooks 2.0 request and response shapes, written from the HL7 specification
 * (cds-hooks/docs: specification/current.md, hooks/order-select.md, hooks/order-sign.md).
 * FHIR content is checked only as far as this service reads it; unknown fields pass through.
 */
import { z } from 'zod';

const text = z.string().min(1);
/** The spec forbids empty strings, arrays and objects unless stated; optional fields are omitted instead. */
const nonEmptyArray = <T extends z.ZodType>(item: T) => z.array(item).min(1);

/** FHIR Coding, as far as we read it. */
export const CodingSchema = z.looseObject({ system: text.optional(), code: text.optional(), display: text.optional() });
/** FHIR CodeableConcept. */
export const CodeableConceptSchema = z.looseObject({ coding: z.array(CodingSchema).optional(), text: text.optional() });
const ReferenceSchema = z.looseObject({ reference: text.optional(), display: text.optional() });

/** FHIR R4 ServiceRequest: the fields the service reads or copies into its suggestion. */
export const ServiceRequestSchema = z.looseObject({
  resourceType: z.literal('ServiceRequest'),
  id: text.optional(),
  status: text,
  intent: text,
  code: CodeableConceptSchema.optional(),
  reasonCode: z.array(CodeableConceptSchema).optional(),
  subject: ReferenceSchema,
  encounter: ReferenceSchema.optional(),
  requester: ReferenceSchema.optional(),
  priority: text.optional(),
});

/** FHIR R4 Condition in a prefetched search Bundle. */
export const ConditionSchema = z.looseObject({
  resourceType: z.literal('Condition'),
  code: CodeableConceptSchema.optional(),
  clinicalStatus: CodeableConceptSchema.optional(),
  verificationStatus: CodeableConceptSchema.optional(),
});

/** A FHIR Bundle whose entries each hold a resource (any type; ServiceRequests are checked separately). */
export const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.looseObject({ resource: z.looseObject({ resourceType: text }) })).optional(),
});

/** The request body of every hook call (specification: "Calling a CDS Service"). */
export const HookRequestSchema = z.looseObject({
  hook: text,
  hookInstance: text,
  fhirServer: z.url().optional(),
  fhirAuthorization: z.looseObject({
    access_token: text, token_type: z.literal('Bearer'), expires_in: z.number().int(), scope: text, subject: text,
  }).optional(),
  context: z.looseObject({}),
  prefetch: z.record(z.string(), z.unknown()).optional(),
});
/** A parsed hook call. */
export type HookRequest = z.infer<typeof HookRequestSchema>;

const orderContext = {
  userId: text,
  patientId: text,
  encounterId: text.optional(),
  draftOrders: BundleSchema,
};
/** order-select context: the selected orders' ids point into draftOrders. */
export const OrderSelectContextSchema = z.looseObject({ ...orderContext, selections: nonEmptyArray(text) });
/** order-sign context: every draft order is to be signed. */
export const OrderSignContextSchema = z.looseObject(orderContext);
/** The context of order-select or order-sign (selections only on order-select). */
export type OrderContext = z.infer<typeof OrderSignContextSchema> & { selections?: string[] };

/** The hooks this service answers, with their context schema. */
export const HOOK_CONTEXTS = { 'order-select': OrderSelectContextSchema, 'order-sign': OrderSignContextSchema } as const;
/** The hooks this service answers. */
export type SupportedHook = keyof typeof HOOK_CONTEXTS;

/** Coding as the service sends it: `display` is required on override reasons. */
const OutCoding = z.strictObject({ system: text, code: text, display: text });

/** A suggested change to the EHR's data (create, update or delete). */
export const ActionSchema = z.strictObject({
  type: z.enum(['create', 'update', 'delete']),
  description: text,
  resource: z.looseObject({ resourceType: text }).optional(),
  resourceId: text.optional(),
}).refine((a) => (a.type === 'delete' ? !!a.resourceId : !!a.resource), 'delete needs resourceId; create and update need resource');

/** One card (specification: "Card Attributes"). */
export const CardSchema = z.strictObject({
  uuid: text.optional(),
  summary: text.max(139),
  detail: text.optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.strictObject({ label: text, url: z.url().optional(), icon: z.url().optional(), topic: OutCoding.optional() }),
  suggestions: nonEmptyArray(z.strictObject({
    label: text, uuid: text.optional(), isRecommended: z.boolean().optional(), actions: nonEmptyArray(ActionSchema).optional(),
  })).optional(),
  selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
  overrideReasons: nonEmptyArray(OutCoding).optional(),
  links: nonEmptyArray(z.strictObject({
    label: text, url: z.url(), type: z.enum(['absolute', 'smart']), appContext: text.optional(), autolaunchable: z.boolean().optional(),
  })).optional(),
}).refine((c) => !c.suggestions || !!c.selectionBehavior, 'suggestions need selectionBehavior');
/** One card as sent. */
export type Card = z.infer<typeof CardSchema>;

/** The service's answer: cards (possibly none). */
export const HookResponseSchema = z.strictObject({ cards: z.array(CardSchema) });
/** The service's response body. */
export type HookResponse = z.infer<typeof HookResponseSchema>;

/** One entry of the discovery document. */
export const ServiceDescriptionSchema = z.strictObject({
  hook: text, title: text.optional(), description: text, id: text,
  prefetch: z.record(text, text).optional(), usageRequirements: text.optional(),
});
/** GET /cds-services. */
export const DiscoveryResponseSchema = z.strictObject({ services: z.array(ServiceDescriptionSchema) });
/** The discovery document. */
export type DiscoveryResponse = z.infer<typeof DiscoveryResponseSchema>;

/** POST /cds-services/{id}/feedback (specification: "Feedback"). */
export const FeedbackRequestSchema = z.looseObject({
  feedback: nonEmptyArray(z.looseObject({
    card: text,
    outcome: z.enum(['accepted', 'overridden']),
    acceptedSuggestions: z.array(z.looseObject({ id: text })).optional(),
    overrideReason: z.looseObject({ reason: CodingSchema.optional(), userComment: z.string().optional() }).optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true }),
  }).refine((f) => f.outcome !== 'accepted' || (f.acceptedSuggestions?.length ?? 0) > 0, {
    message: 'acceptedSuggestions is required for an accepted outcome', path: ['acceptedSuggestions'],
  })),
});
/** A parsed feedback body. */
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

/** A zod error as one line naming each bad field, for a 400 body. */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues.slice(0, 5).map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    return `${path || '(body)'}: ${i.message}`;
  }).join('; ');
}
