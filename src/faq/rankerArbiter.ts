/**
 * Where the learned ranker (learnedRanker.ts) may change what the search and its confidence rule
 * decided. It never widens what is allowed: it only sees the entries that fit the stated clinical
 * state and were found by the search, and never touches an answer an intent routed (result,
 * urgency, order, scope, no MRI) but to hold it back, nor a decline for a conflict or an off-topic subject. Within that:
 * - veto: the search answered X, the ranker is sure of Y (another entry, or "decline"): decline
 *   with both offered (or switch to Y when the ranker is surer still and Y is among the search's first);
 * - rescue: the search declined for a near tie, a low score, or words it does not know that are
 *   all everyday words (never a subject such as "knee" or "insurance"), and the ranker is sure of
 *   one of the search's first candidates: answer it;
 * - support: a search answer the ranker gives almost no chance is not given: the ranker's own
 *   choice when it is fairly sure of one of the search's first candidates, otherwise "not sure" with
 *   both offered. A routed answer is never replaced: it is held back ("not sure") when the ranker is
 *   sure the question is not the FAQ's (veto), or prefers another entry and gives the route less than a lower threshold. On questions neither had seen, such answers were mostly wrong (docs/faq.md, round 8).
 *   The caller exempts what must never be held back (faq-routing.yaml `alwaysAnswer`).
 */
import { DECLINE_CLASS, type LearnedRanker } from './learnedRanker.js';
import type { UnsureReason } from './confidence.js';

/** The ranker's thresholds (probabilities over the fitting entries and the decline class). */
export interface ArbiterRule {
  /** The ranker's choice must have at least this probability to veto a search answer. */
  veto: number;
  /** ... and at least this, and be among `topK` search candidates, to replace it. */
  swap: number;
  /** The ranker's choice must have at least this probability to answer a question the search declined. */
  rescue: number;
  /** How many of the search's first candidates the ranker may choose from. */
  topK: number;
  /** An answer the ranker gives less than this probability is not given (support). */
  support: number;
  /** ... and is replaced by the ranker's choice when that has at least this probability. */
  weakSwap: number;
  /** A routed answer the ranker gives less than this probability, preferring another entry, is held back (never replaced). */
  routedSupport: number;
}

/** The thresholds in use: veto and rescue chosen by leave-one-set-out cross-validation in round 6; support and topK in round 8 on the four sets the rules had not seen; swap and routedSupport by cross-validation over 17 sets in round 9 (docs/faq.md). */
export const DEFAULT_ARBITER_RULE: Readonly<ArbiterRule> = Object.freeze({ veto: 0.7, swap: 0.7, rescue: 0.5, topK: 5, support: 0.2, weakSwap: 0.6, routedSupport: 0.1 });

/** What the search and its rule decided, as the arbiter sees it. */
export interface SearchOutcome {
  /** The entry answered, or undefined when declined. */
  answer?: string;
  /** Why it declined (undefined when it answered). */
  reason?: UnsureReason;
  /** Whether the words the FAQ does not know are all everyday words (no subject among them). */
  everydayGapOnly: boolean;
  /** The search's candidates that fit the stated state, best first. */
  candidates: readonly string[];
  /** Whether an intent routed `answer`: only the support check applies to it. */
  routed?: boolean;
}

/** The arbiter's verdict: keep the search's outcome, answer an entry, or decline offering entries. */
export type Verdict = { kind: 'keep' } | { kind: 'answer'; faqId: string; how: 'swap' | 'rescue' } | { kind: 'decline'; offer: string[] };

/** Reasons a rescue may overrule; a conflict, an off-topic subject or no domain word never. */
const RESCUABLE: ReadonlySet<UnsureReason> = new Set(['no-margin', 'low-score', 'low-coverage']);

/** Applies the ranker to one outcome of the search on the normalised question `text`. */
export function arbitrate(ranker: LearnedRanker, text: string, outcome: SearchOutcome, rule: ArbiterRule = DEFAULT_ARBITER_RULE): Verdict {
  const allowed = new Set([...outcome.candidates, ...(outcome.answer === undefined ? [] : [outcome.answer]), DECLINE_CLASS]);
  const probs = ranker.probabilities(text, (cls) => allowed.has(cls));
  let top = DECLINE_CLASS;
  for (const cls of allowed) if ((probs.get(cls) ?? 0) > (probs.get(top) ?? 0)) top = cls;
  const p = probs.get(top) ?? 0;
  const first = outcome.candidates.slice(0, rule.topK);
  if (outcome.answer !== undefined) {
    if (top === outcome.answer) return { kind: 'keep' };
    const offer = [outcome.answer, ...(top === DECLINE_CLASS ? [] : [top])];
    const support = probs.get(outcome.answer) ?? 0;
    // A route is the rules' reading of the question (what it asks, what it states): the ranker never
    // replaces it, and holds it back only when it is sure the question is not the FAQ's, or gives the
    // route almost no chance beside another entry (a question it merely finds unfamiliar keeps its route).
    if (outcome.routed) return (top === DECLINE_CLASS ? p >= rule.veto : support < rule.routedSupport) ? { kind: 'decline', offer } : { kind: 'keep' };
    if (top !== DECLINE_CLASS && p >= rule.swap && first.includes(top)) return { kind: 'answer', faqId: top, how: 'swap' };
    if (p >= rule.veto) return { kind: 'decline', offer };
    if (support >= rule.support) return { kind: 'keep' };
    if (top !== DECLINE_CLASS && p >= rule.weakSwap && first.includes(top)) return { kind: 'answer', faqId: top, how: 'swap' };
    return { kind: 'decline', offer };
  }
  const rescuable = outcome.reason !== undefined && RESCUABLE.has(outcome.reason) && (outcome.reason !== 'low-coverage' || outcome.everydayGapOnly);
  if (rescuable && top !== DECLINE_CLASS && p >= rule.rescue && first.includes(top)) return { kind: 'answer', faqId: top, how: 'rescue' };
  return { kind: 'keep' };
}
