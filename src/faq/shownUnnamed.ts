/**
 * Whether a question says the MRI showed something the FAQ's cues do not name ("MRI shows
 * spondylitis without abscess", "MRI revealed osteitis, no collection"). A negated finding after it
 * then says only that this one finding is absent, not that the MRI was negative: reading it as a
 * negative MRI would give negative-MRI advice for an MRI that found infection. The verbs and the
 * words that may open their object are data (faq-state.yaml `shown`).
 */
import type { PhraseHit, ScanToken } from './phraseScan.js';

/** The stems of faq-state.yaml `shown`. */
export interface ShownWords {
  verbs: ReadonlySet<string>;
  openers: ReadonlySet<string>;
}

/** Stems the words of faq-state.yaml `shown` as the scanner does. */
export function shownWordsOf(shown: { verbs: readonly string[]; openers: readonly string[] }, stems: (word: string) => string[]): ShownWords {
  return { verbs: new Set(shown.verbs.flatMap(stems)), openers: new Set(shown.openers.flatMap(stems)) };
}

/** A spine level or its parts ("l4", "5", "t10"): where, not what. */
const LEVEL = /^([ctls]\d{1,2}|\d+)$/;
/** Punctuation that introduces what was shown ("shows: ...", "revealed - ...", "showed (L2-3) ..."). */
const INTRODUCING = new Set([':', '-', '(', ')']);
/** How far before the verb a negation trigger denies it ("did not clearly show"). */
const DENIAL_REACH = 3;

/** The study a token is said of: the last study named before it in its sentence. */
function studyBefore(k: number, tokens: readonly ScanToken[], hits: readonly PhraseHit[]): string | undefined {
  let study: string | undefined;
  for (const h of hits) {
    if (h.start >= k) break;
    if (tokens.slice(h.end, k).some((t) => t.brk === 'sentence')) continue;
    if (h.labels.includes('c:mri-study')) study = 'mri';
    else if (h.labels.includes('c:other-study')) study = 'other';
  }
  return study;
}

/**
 * Whether the MRI is said to show (not: not to show) something no cue or trigger phrase names: a
 * reporting verb after the MRI, not denied by a negation trigger just before it, whose object (past
 * openers, introducing punctuation, the level and the spine part) starts no listed phrase.
 */
export function showsUnnamed(tokens: readonly ScanToken[], hits: readonly PhraseHit[], words: ShownWords): boolean {
  const starts = new Set(hits.filter((h) => h.labels.some((l) => l !== 'c:ignore' && l !== 'c:subject-spine-part')).map((h) => h.start));
  const within = (label: string) => new Set(hits.filter((h) => h.labels.includes(label)).flatMap((h) => Array.from({ length: h.end - h.start }, (_, i) => h.start + i)));
  const where = within('c:subject-spine-part');
  const denial = hits.filter((h) => h.labels.includes('t:pre'));
  // A trigger ending just before the verb ("not clearly show") or taking it in ("didnt show") denies it.
  const denied = (k: number) => denial.some((h) => h.start <= k && h.end >= k - DENIAL_REACH && !tokens.slice(h.end, k).some((t) => t.brk));
  return tokens.some((t, k) => {
    if (!words.verbs.has(t.stem) || denied(k) || studyBefore(k, tokens, hits) !== 'mri') return false;
    let next = k + 1;
    const skip = (u: ScanToken, at: number) => words.openers.has(u.stem) || LEVEL.test(u.stem) || where.has(at) || (u.brk === 'clause' && INTRODUCING.has(u.stem));
    while (next < tokens.length && skip(tokens[next], next)) next++;
    return next < tokens.length && !tokens[next].brk && !starts.has(next);
  });
}
