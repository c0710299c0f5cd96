/**
 * How a question is put, read from its words alone: whether a finding is asked about in a yes/no
 * question rather than stated, and which words name a radiology report. Used by clinicalState.ts.
 */
import { clauseStart, type PhraseHit, type ScanToken } from './phraseScan.js';
import { stem } from './textAnalysis.js';

/** Verbs that open a yes/no question. */
const YES_NO: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'can', 'could', 'does', 'do', 'did', 'might', 'may', 'would', 'will', 'isnt', 'arent', 'doesnt', 'cant'].map(stem));

/** Whether the clause holding token `at` opens with a yes/no verb and names no study. */
export function asksAbout(tokens: readonly ScanToken[], hits: readonly PhraseHit[], at: number): boolean {
  const a = clauseStart(tokens, at);
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
  'impression', 'radiologist', 'read',
].map(stem));

/** Words placing a finding on an image: its side or size ("small ventral SEA"). */
const PLACE_WORDS: ReadonlySet<string> = new Set(['ventral', 'dorsal', 'anterior', 'posterior', 'small', 'large', 'big', 'tiny', 'huge', 'multilevel'].map(stem));

/** Words opening a question about something rather than a statement of it. */
const WH_WORDS: ReadonlySet<string> = new Set(['what', 'whats', 'how', 'why', 'when', 'which']);

/** Whether the sentence holding token `at` places it on an image, in a statement: a vertebral level
 * ("T9-10", "L4-5"), a side or a size, and its clause opens with no question word. A finding said
 * where it is was read on a study; asked about ("can a small abscess be missed"), it was not. */
export function located(tokens: readonly ScanToken[], at: number): boolean {
  const opener = tokens[clauseStart(tokens, at)].stem;
  if (YES_NO.has(opener) || WH_WORDS.has(opener)) return false;
  let a = at;
  while (a > 0 && tokens[a - 1].brk !== 'sentence') a--;
  let b = at;
  while (b < tokens.length && tokens[b].brk !== 'sentence') b++;
  return tokens.slice(a, b).some((t) => /^[ctls]\d{1,2}$/.test(t.stem) || PLACE_WORDS.has(t.stem));
}
