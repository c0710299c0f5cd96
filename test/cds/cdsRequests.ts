/**
 * CDS Hooks requests built like the specification's own examples (cds-hooks/docs:
 * hooks/order-select.md and hooks/order-sign.md, "Example (R4)"): the same user, patient and
 * encounter ids, a draftOrders Bundle that also carries the example's MedicationRequest, and
 * ServiceRequests for the imaging orders under test.
 */
import { randomUUID } from 'node:crypto';

export const LOINC = 'http://loinc.org';
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';

/** The specification example's non-imaging draft order, which the service must ignore. */
export const AMOXICILLIN = {
  resourceType: 'MedicationRequest',
  id: 'smart-MedicationRequest-103',
  status: 'draft',
  intent: 'order',
  medicationCodeableConcept: {
    coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '617993', display: 'Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension' }],
    text: 'Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension',
  },
  subject: { reference: 'Patient/1288992' },
};

/** A reason for an order, as text (as most EHRs send a free-text indication) or coded. */
export const reason = {
  suspectedOsteomyelitis: { text: 'Suspected vertebral osteomyelitis' },
  discitisCoded: { coding: [{ system: ICD10CM, code: 'M46.46', display: 'Discitis, unspecified, lumbar region' }], text: 'Suspected discitis' },
  lowBackPain: { text: 'Low back pain' },
  postOperative: { text: 'Post-operative wound concern after L4-L5 fusion' },
  caudaEquina: { coding: [{ system: ICD10CM, code: 'G83.4', display: 'Cauda equina syndrome' }] },
};

type Concept = { coding?: Array<{ system: string; code: string; display: string }>; text?: string };

/** A draft imaging ServiceRequest for the example patient. */
export function imagingOrder(id: string, code: Concept, reasons: Concept[] = []) {
  return {
    resourceType: 'ServiceRequest',
    id,
    status: 'draft',
    intent: 'order',
    code,
    subject: { reference: 'Patient/1288992' },
    encounter: { reference: 'Encounter/89284' },
    requester: { reference: 'PractitionerRole/123' },
    ...(reasons.length ? { reasonCode: reasons } : {}),
  };
}

/** The orders the tests place. */
export const study = {
  ctLumbarWithContrast: {
    coding: [
      { system: LOINC, code: '24964-9', display: 'CT Lumbar spine W contrast IV' },
      { system: CPT, code: '72132', display: 'CT lumbar spine, with contrast' },
    ],
    text: 'CT lumbar spine with IV contrast',
  },
  mriLumbarWwo: { coding: [{ system: LOINC, code: '24967-2', display: 'MR Lumbar spine WO and W contrast IV' }], text: 'MRI lumbar spine without and with IV contrast' },
  ctThoracicTextOnly: { text: 'CT T-spine w/o contrast' },
  kneeMri: { coding: [{ system: CPT, code: '73721', display: 'MRI any joint of lower extremity; without contrast' }], text: 'MRI left knee without contrast' },
};

const bundle = (resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });

/** An order-select call: `selected` orders are the newly selected ones (with the example's medication in the session). */
export function orderSelect(selected: Array<{ id: string }>, extra: object = {}) {
  return {
    hookInstance: randomUUID(),
    fhirServer: 'https://fhir-ehr.example.com/r4',
    hook: 'order-select',
    context: {
      userId: 'PractitionerRole/123',
      patientId: '1288992',
      encounterId: '89284',
      selections: selected.map((o) => `ServiceRequest/${o.id}`),
      draftOrders: bundle([AMOXICILLIN, ...selected]),
    },
    ...extra,
  };
}

/** An order-sign call: every draft order in the session is about to be signed. */
export function orderSign(orders: object[], extra: object = {}) {
  return {
    hookInstance: randomUUID(),
    fhirServer: 'https://fhir-ehr.example.com/r4',
    hook: 'order-sign',
    context: { userId: 'Practitioner/example', patientId: '1288992', encounterId: '89284', draftOrders: bundle([AMOXICILLIN, ...orders]) },
    ...extra,
  };
}

/** A prefetched `conditions` searchset with one active condition. */
export function conditionsPrefetch(code: Concept) {
  return {
    conditions: {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{
        resource: {
          resourceType: 'Condition', id: 'c1',
          clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
          code, subject: { reference: 'Patient/1288992' },
        },
      }],
    },
  };
}
