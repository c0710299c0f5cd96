/**
 * Judges a question clause by clause: how much of it the FAQ knows, and whether clinical context
 * typed around the clause that asks ("62M, IVDU, febrile. What should I order?") may be judged
 * more leniently than the asking clause itself. Thresholds are the confidence rule's.
 */
import type { ClinicalState } from './clinicalState.js';
import { coverage, type ConfidenceRule } from './confidence.js';
import type { Intent, IntentRouter } from './intents.js';
import type { SearchIndex, Candidate } from './searchIndex.js';
import type { StateReader } from './clinicalState.js';
import type { SynonymTable } from './synonyms.js';
import { rawTokens } from './textAnalysis.js';

/** Where context typed before a question ends: a sentence end, a new line, or a clause break
 * (comma, semicolon, colon, a spaced dash): "xr shows endplate irregularity L3-4, which scan now?". */
const CLAUSE_BREAK = /(?<=[.!?,;:])\s+|\s+[-\u2013\u2014]+\s+|\n+/;

/** A clause that opens like a question ("how long antibiotics.") asks, with or without its "?". */
const ASKS = /^\W*(how|what|whats|which|when|why|who|should|can|could|do|does|is|are|will|would)\b/i;

/** The question split into clauses (empty ones dropped). */
export function splitClauses(text: string): string[] {
  return text.split(CLAUSE_BREAK).filter((x) => x.trim());
}

/** Whether a clause asks (ends in "?" or opens with a question word) rather than gives context. */
export function asks(clause: string): boolean {
  return clause.includes('?') || ASKS.test(clause);
}

/** What the clause judge needs from the FAQ index it serves. */
export interface ClauseJudgeDeps {
  index: SearchIndex;
  reader: StateReader;
  router: IntentRouter;
  synonyms: SynonymTable;
  isOrdinary: (term: string) => boolean;
  isSubjectTerm: (term: string) => boolean;
  rule: ConfidenceRule;
}

/** Coverage judgements over a question and its clauses. */
export interface ClauseJudge {
  /** The question's terms that must be known, the share of them that is, and whether one names another site imaged. */
  judge(text: string, found?: readonly Candidate[]): { topical: string[]; covered: number; foreign: boolean };
  /** Whether a routed intent is about this pathway, its context judged leniently. */
  intentCovered(intent: Intent, text: string, state: ClinicalState, covered: number): boolean;
  /** Whether a question the search answers is covered, its context judged leniently. */
  searchCovered(text: string): boolean;
  /** The clause that asks ("?" or a question word) when the rest is covered context; undefined otherwise. */
  askingClause(text: string): string | undefined;
}

/** Builds the clause judge. */
export function createClauseJudge({ index, reader, router, synonyms, isOrdinary, isSubjectTerm, rule }: ClauseJudgeDeps): ClauseJudge {
  /**
   * The question's terms that must be known, and the share of them that is. Words a state cue or an
   * intent phrase used are explained even if no entry has them ("in the morning", "no evidence
   * of"); any other unknown word still means another subject. A question of only generic or
   * unknown everyday words around an intent phrase ("what should I order next", "what's the plan
   * going forward") is all intent. `foreign`: an unknown word names another site imaged ("knee").
   */
  function judge(text: string, found: readonly Candidate[] = index.search(text)) {
    const terms = index.queryTerms(text);
    const explained = new Set([...reader.explained(text), ...router.explained(text)]);
    // Words of the setting ("bed 12", "nurse here", "booked friday") are neither known nor unknown.
    const left = terms.filter((t) => index.isDomainTerm(t) || !(explained.has(t) || synonyms.contextWords.has(t)));
    const topical = left.length > 0 ? left : terms;
    const known = new Set(found.flatMap((c) => c.queryTerms));
    const weighs = (t: string) => !index.isGeneric(t) && (known.has(t) || !isOrdinary(t));
    // Every word explained by a cue or an intent phrase, or of the setting: nothing is unknown.
    const covered = left.length > 0 && topical.some(weighs) ? coverage(found, topical, index.isGeneric, isOrdinary, rule.ordinaryWeight) : 1;
    const foreign = topical.some((t) => synonyms.otherSites.has(t) && !known.has(t));
    return { topical, covered, foreign };
  }

  /**
   * Whether a word of the text the FAQ knows, outside the intent's own phrase ("which imaging"),
   * names one of its subjects rather than only a risk factor or a management word.
   */
  const namesSubject = (text: string) => {
    const intentWords = router.explained(text);
    const rest = rawTokens(text).filter((t) => !intentWords.has(t.stem)).map((t) => t.lower).join(' ');
    const known = new Set(index.search(rest).flatMap((c) => c.queryTerms));
    return index.queryTerms(rest).some((t) => known.has(t) && isSubjectTerm(t) && !index.isGeneric(t));
  };

  /**
   * Whether the rest of the question, around clause `k`, is acceptable context. Risk factors alone
   * ("immunosuppressed", "bacteremic") never make a question ours, so a question whose context
   * leaves a word unknown ("immunosuppressed, pneumonia. which imaging?") must name one of the
   * FAQ's subjects somewhere ("mri equivocal. just trend CRP?" does).
   */
  const contextOk = (clauses: readonly string[], k: number) => {
    const context = judge(clauses.filter((_, j) => j !== k).join(' '));
    const subject = context.covered >= 1 || namesSubject(clauses.join(' '));
    return context.covered >= rule.minContextCoverage && !context.foreign && subject;
  };

  /** The asking clause (a "?" or a question word) covered on its own and naming one of the FAQ's subjects. */
  function asking(text: string): { clauses: string[]; k: number } | undefined {
    const clauses = splitClauses(text);
    if (clauses.length < 2) return undefined;
    const picks = clauses.map((c, k) => ({ c, k })).filter(({ c }) => asks(c));
    const hit = picks.find(({ c, k }) => {
      const question = judge(c);
      return question.covered >= rule.minCoverage && !question.foreign && question.topical.some(isSubjectTerm) && contextOk(clauses, k);
    });
    return hit && { clauses, k: hit.k };
  }

  return {
    judge,
    /**
     * An intent still has to be about this pathway. Clinical context typed in clauses around the
     * clause that asks ("62M, IVDU, febrile. What should I order?", "MRI w/wo negative; pt on
     * methotrexate. Plan?") is judged more leniently (minContextCoverage) than the asking clause
     * (minCoverage), but never when it names another site imaged (`otherSites`): "Brain MRI: abscess.
     * Next?" and "pacer, needs a knee MRI. Options?" are not this pathway's, while a history ("breast
     * cancer", "diabetes") is context. A single clause gets no leniency.
     */
    intentCovered(intent, text, state, covered) {
      if (covered >= rule.minCoverage) return true;
      const clauses = splitClauses(text);
      if (clauses.length < 2) return false;
      return clauses.some((clause, k) => {
        if (router.route(clause, state)?.intent !== intent) return false;
        const question = judge(clause);
        return question.covered >= rule.minCoverage && !question.foreign && contextOk(clauses, k);
      });
    },
    /**
     * Context typed before a question the search answers ("62M, known degenerative disc disease, xr
     * shows narrowing at L4-5. Could this be degenerative change rather than infection?"): the asking
     * clause (with a "?" or opening with a question word) must be covered on its own and name one of the FAQ's
     * subjects, and the context needs only minContextCoverage; neither may name another site imaged.
     */
    searchCovered: (text) => asking(text) !== undefined,
    askingClause(text) {
      const hit = asking(text);
      return hit && hit.clauses[hit.k];
    },
  };
}
