/**
 * Questions put as a form and answered in place ("abscess - compression? no", "cord compression:
 * none", "deficit? nil"), and questions asking whether a study found something ("is there an
 * abscess on the MRI?", "did the MRI show discitis?"). Read from the tokens alone; used by
 * clinicalState.ts before the NegEx scope rule, which a lone answer word after a break escapes.
 */
import { clauseStart, type PhraseHit, type ScanToken } from './phraseScan.js';
import { stem } from './textAnalysis.js';

/** Words that answer a cue "no" when they stand alone right after it. */
const NO_ANSWERS: ReadonlySet<string> = new Set(['no', 'none', 'nil', 'nope', 'neg', 'negative', 'absent', 'not'].map(stem));

/** Breaks after which a lone word answers the cue before them: "?", ":", a spaced dash. */
const ANSWER_BREAKS: ReadonlySet<string> = new Set(['?', ':', '-', '--', '\u2013', '\u2014']);

/** Whether the cue ending before token `end` is answered "no": a "?", ":" or spaced dash, then a
 * lone no-word ("no", "none", "neg", "absent"), then a break or the end of the text. */
export function answeredNo(tokens: readonly ScanToken[], end: number): boolean {
  const brk = tokens[end];
  const answer = tokens[end + 1];
  const after = tokens[end + 2];
  if (!brk?.brk || !ANSWER_BREAKS.has(brk.stem)) return false;
  if (!answer || answer.brk || !NO_ANSWERS.has(answer.stem)) return false;
  return !after || after.brk !== undefined;
}

/** Cue labels a lone "no" can answer; after a study's name ("MRI: negative", "MRI w/wo contrast: negative") it states a result instead. */
const ANSWERABLE: ReadonlySet<string> = new Set(['finding', 'finding-general', 'finding-signal', 'compression', 'deficit'].map((r) => `c:${r}`));

/** The cue hits answered "no" in place (their starts) and the answer words' positions, which
 * state nothing else: "cord compression - neg" is no compression, not a negative MRI. */
export function answersInPlace(tokens: readonly ScanToken[], hits: readonly PhraseHit[]): { negated: Set<number>; answers: Set<number> } {
  const negated = new Set<number>();
  const answers = new Set<number>();
  for (const h of hits) {
    if (!h.labels.some((l) => ANSWERABLE.has(l)) || !answeredNo(tokens, h.end)) continue;
    negated.add(h.start);
    answers.add(h.end + 1);
  }
  return { negated, answers };
}

/** Openings of a clause asking whether something is there: "is there", "are there", "any". */
const EXISTENTIAL = [['is', 'there'], ['are', 'there'], ['was', 'there'], ['were', 'there'], ['any']].map((ws) => ws.map(stem));

/** Auxiliaries that open a question about what a study showed: "did the MRI show ...". */
const AUXILIARIES: ReadonlySet<string> = new Set(['does', 'did', 'do', 'has', 'have', 'had'].map(stem));

/** Verbs of a study finding something. */
// Stryker disable next-line StringLiteral: show/shows/showed, demonstrate/demonstrated and reveal/revealed share a stem, so emptying one keeps the set; the other verbs are pinned in answeredCue.test.ts
const FOUND_VERBS: ReadonlySet<string> = new Set(['show', 'shows', 'showed', 'shown', 'demonstrate', 'demonstrated', 'reveal', 'revealed', 'find', 'found', 'see', 'seen', 'pick', 'mention', 'mentioned'].map(stem));

/** Whether the clause holding token `at` asks whether something was found, study named or not:
 * it opens with "is there" / "any", or with an auxiliary and has a verb of finding before `at`. */
export function asksWhetherFound(tokens: readonly ScanToken[], at: number): boolean {
  const a = clauseStart(tokens, at);
  const opens = (words: readonly string[]) => words.every((w, k) => a + k < at && tokens[a + k].stem === w);
  if (EXISTENTIAL.some(opens)) return true;
  // Stryker disable next-line StringLiteral,OptionalChaining: the reader asks at a cue's first word, so tokens[a] always exists and the fallback is never read
  if (!AUXILIARIES.has(tokens[a]?.stem ?? '')) return false;
  return tokens.slice(a + 1, at).some((t) => FOUND_VERBS.has(t.stem));
}
