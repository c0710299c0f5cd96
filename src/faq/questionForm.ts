/**
 * How a question is put, read from its words alone: whether a finding is asked about in a yes/no
 * question rather than stated, and which words name a radiology report. Used by clinicalState.ts.
 */
import type { PhraseHit, ScanToken } from './phraseScan.js';
import { stem } from './textAnalysis.js';

/** Verbs that open a yes/no question. */
const YES_NO: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'can', 'could', 'does', 'do', 'did', 'might', 'may', 'would', 'will', 'isnt', 'arent', 'doesnt', 'cant'].map(stem));

/** Whether the clause holding token `at` opens with a yes/no verb and names no study. */
export function asksAbout(tokens: readonly ScanToken[], hits: readonly PhraseHit[], at: number): boolean {
  let a = at;
  while (a > 0 && !tokens[a - 1].brk) a--;
  // Stryker disable next-line StringLiteral: with no token there is no stem; any fallback that is not a yes/no verb reads the same
  if (!YES_NO.has(tokens[a]?.stem ?? '')) return false;
  let b = at;
  while (b < tokens.length && !tokens[b].brk) b++;
  return !hits.some((h) => h.start >= a && h.start < b && h.labels.some((l) => STUDY_LABELS.has(l)));
}

/** Labels of the cues naming a study. */
const STUDY_LABELS: ReadonlySet<string> = new Set(['c:mri-study', 'c:mri-repeat', 'c:other-study']);

/** Words naming a radiology report. */
export const REPORT_WORDS: ReadonlySet<string> = new Set([
  // Stryker disable next-line StringLiteral: 'report' and 'reported' have one stem, so either word alone keeps the set as it is
  'report', 'reported',
  'impression', 'radiologist',
].map(stem));
