import type { z } from 'zod';
import { BundleSchema, ConditionSchema, type CodeableConceptSchema } from './cdsSchemas.js';
import type { CdsRules } from './cdsRules.js';

type CodeableConcept = z.infer<typeof CodeableConceptSchema>;

/** A draft order recognised as spine imaging: its study kind and region (ids from cds.yaml and regions.yaml). */
export interface Study {
  kind: string;
  region: string;
  /** How it was recognised: by a listed code, or by its text. */
  by: 'code' | 'text';
}

/** Lower case, punctuation read as spaces: "CT L-spine w/ contrast" -> "ct l spine w contrast". */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const hasTerm = (normalised: string, term: string) => ` ${normalised} `.includes(` ${term} `);
const anyTerm = (normalised: string, terms: readonly string[]) => terms.some((t) => hasTerm(normalised, t));

/** The words of a concept (its text and every coding's display), normalised. */
function wordsOf(concept: CodeableConcept | undefined): string {
  if (!concept) return '';
  return normalise([concept.text, ...(concept.coding ?? []).map((c) => c.display)].filter(Boolean).join(' '));
}

/** Recognises a draft order's study by a listed code, or failing that by its text; undefined if not spine imaging. */
export function recogniseStudy(rules: CdsRules, code: CodeableConcept | undefined): Study | undefined {
  for (const coding of code?.coding ?? []) {
    const hit = rules.codes.find((c) => c.system === coding.system && c.code === coding.code);
    if (hit) return { kind: hit.kind, region: hit.region, by: 'code' };
  }
  const words = wordsOf(code);
  const region = rules.text.regions.find((r) => anyTerm(words, r.terms))?.region;
  if (!region) return undefined;
  for (const modality of rules.text.modalities) {
    if (!anyTerm(words, modality.terms)) continue;
    if ('kind' in modality) return { kind: modality.kind, region, by: 'text' };
    const { contrast } = rules.text;
    const which = anyTerm(words, contrast.wwo) ? 'wwo' : anyTerm(words, contrast.wo) ? 'wo' : anyTerm(words, contrast.w) ? 'w' : 'unstated';
    return { kind: modality.kinds[which], region, by: 'text' };
  }
  return undefined;
}

/** The flags (cds.yaml) that any of these concepts carries, by code prefix or by term. */
export function readFlags(rules: CdsRules, concepts: readonly CodeableConcept[]): Set<string> {
  const found = new Set<string>();
  for (const concept of concepts) {
    const words = wordsOf(concept);
    for (const flag of rules.flags) {
      const coded = (concept.coding ?? []).some((c) => flag.codes.some((f) => f.system === c.system && !!c.code?.startsWith(f.prefix)));
      if (coded || anyTerm(words, flag.terms)) found.add(flag.id);
    }
  }
  return found;
}

const INACTIVE = new Set(['inactive', 'remission', 'resolved']);
const NOT_TRUE = new Set(['refuted', 'entered-in-error']);
const statusOf = (c: CodeableConcept | undefined) => c?.coding?.map((x) => x.code).find(Boolean);

/**
 * The codes of the patient's current conditions from a prefetched search Bundle; anything that is
 * not a readable Bundle of Conditions is ignored (prefetch is optional and the EHR may send less).
 */
export function activeConditions(prefetched: unknown): CodeableConcept[] {
  const bundle = BundleSchema.safeParse(prefetched);
  if (!bundle.success) return [];
  const out: CodeableConcept[] = [];
  for (const entry of bundle.data.entry ?? []) {
    const condition = ConditionSchema.safeParse(entry.resource);
    if (!condition.success || !condition.data.code) continue;
    const clinical = statusOf(condition.data.clinicalStatus);
    const verification = statusOf(condition.data.verificationStatus);
    if ((clinical && INACTIVE.has(clinical)) || (verification && NOT_TRUE.has(verification))) continue;
    out.push(condition.data.code);
  }
  return out;
}
