/**
 * When the bot may answer. A wrong confident answer to a clinician is worse than an honest
 * "not sure", so an answer needs all of: a domain term, enough of the question explained by the
 * entry, a score above a floor, and a clear lead over the runner-up. The scores themselves are
 * MiniSearch's; this module only draws lines through them.
 */
import type { Candidate } from './searchIndex.js';

/** The thresholds of the rule; tuned on test/faq/evalSet.ts (see the numbers printed there). */
export interface ConfidenceRule {
  /** The best entry's MiniSearch score must be at least this. */
  minScore: number;
  /** (best - runner-up) / best must be at least this: a near tie means we cannot tell. */
  minMargin: number;
  /**
   * Share of the question's search terms the FAQ knows. A question about another condition
   * ("best imaging for appendicitis") shares a word or two with the FAQ but leaves its main
   * word unexplained.
   */
  minCoverage: number;
  /** A closest topic is offered as a suggestion only from this score up. */
  minSuggestScore: number;
  /**
   * Share of known words required of clinical context typed in sentences before an "order" or
   * "urgency" question; the question sentence itself still needs minCoverage.
   */
  minContextCoverage: number;
  /**
   * Weight of an unknown word that is common in everyday speech and names no subject ("faster",
   * "danger", "once"), against 1 for any other unknown word: such a word rarely means the question
   * is about something else, but a question made of little else is still not ours.
   */
  ordinaryWeight: number;
}

/** The default for "is this term generic / ordinary": none is. */
// Stryker disable next-line ArrowFunction: returning undefined is as false as false
const none = (_term: string): boolean => false;

/** The rule in use, chosen on the evaluation set (test/faq). */
export const DEFAULT_CONFIDENCE_RULE: Readonly<ConfidenceRule> = Object.freeze({
  minScore: 5,
  minMargin: 0.1,
  minCoverage: 0.8,
  minSuggestScore: 3,
  minContextCoverage: 0.5,
  ordinaryWeight: 0.5,
});

/** What to do with a question. */
export type Decision =
  | { kind: 'answer'; best: Candidate; runnersUp: Candidate[] }
  | { kind: 'unsure'; suggestions: Candidate[]; reason: UnsureReason };

/** Why the rule declined, for tests and tuning (never shown to users, never logged with text). */
export type UnsureReason = 'no-match' | 'no-domain-term' | 'low-coverage' | 'low-score' | 'no-margin' | 'conflict' | 'off-topic';

/**
 * Share of the question's distinct non-generic terms that the FAQ knows at all (matched by any
 * candidate), where an unknown ordinary word counts `ordinaryWeight` instead of 1.
 * Measured over all candidates, not just the best, because a question may mix two topics'
 * words ("exclusion criteria"); what signals "another subject" is a word nothing matches.
 */
export function coverage(
  candidates: readonly Candidate[],
  queryTerms: readonly string[],
  isGeneric: (term: string) => boolean = none,
  isOrdinary: (term: string) => boolean = none,
  ordinaryWeight = 1,
): number {
  // Generic words ("dose", "test") are known to the FAQ but say nothing about the subject, so
  // they neither help nor hurt: "antibiotic dose for pneumonia" is judged on its two real words.
  const distinct = new Set(queryTerms.filter((t) => !isGeneric(t)));
  if (distinct.size === 0) return 0;
  const hit = new Set(candidates.flatMap((c) => c.queryTerms).filter((t) => distinct.has(t)));
  let missing = 0;
  for (const t of distinct) if (!hit.has(t)) missing += isOrdinary(t) ? ordinaryWeight : 1;
  return hit.size / (hit.size + missing);
}

/** Relative lead of the best candidate over the runner-up: 1 when there is no runner-up. */
export function margin(candidates: readonly Candidate[]): number {
  const [best, second] = candidates;
  if (!best) return 0;
  if (!second || best.score <= 0) return 1;
  return (best.score - second.score) / best.score;
}

/**
 * Applies the rule to ranked candidates.
 * @param isDomainTerm whether an index term is specific to this FAQ (not generic).
 * @param isGeneric whether a term is one of synonyms.yaml's genericWords.
 * @param known the candidates whose matched words count as known (default: `candidates`); every
 *   entry's, when `candidates` were narrowed to the entries that fit the stated state.
 * @param isOrdinary whether an unknown term is an everyday word naming no subject (weighs `rule.ordinaryWeight`).
 */
export function decide(
  candidates: readonly Candidate[],
  queryTerms: readonly string[],
  isDomainTerm: (term: string) => boolean,
  rule: ConfidenceRule = DEFAULT_CONFIDENCE_RULE,
  isGeneric: (term: string) => boolean = none,
  known: readonly Candidate[] = candidates,
  isOrdinary: (term: string) => boolean = none,
): Decision {
  const related = (c: Candidate) => c.matchedTerms.some(isDomainTerm);
  // Suggestions must be at least weakly related: a real domain word matched, and not a
  // vanishing score from a fuzzy brush with one letter.
  const suggestions = candidates.filter((c) => related(c) && c.score >= rule.minSuggestScore).slice(0, 3);
  const unsure = (reason: UnsureReason): Decision => ({ kind: 'unsure', suggestions, reason });
  const best = candidates[0];
  if (!best) return unsure('no-match');
  if (!related(best)) return unsure('no-domain-term');
  if (coverage(known, queryTerms, isGeneric, isOrdinary, rule.ordinaryWeight) < rule.minCoverage) return unsure('low-coverage');
  if (best.score < rule.minScore) return unsure('low-score');
  if (margin(candidates) < rule.minMargin) return unsure('no-margin');
  return { kind: 'answer', best, runnersUp: candidates.slice(1) };
}
