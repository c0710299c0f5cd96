/**
 * Whether a question says a study showed something the FAQ's cues do not name ("MRI shows
 * spondylitis without abscess", "MRI revealed osteitis, no collection"). A negated finding after it
 * then says only that this one finding is absent, not that the MRI was negative: reading it as a
 * negative MRI would give negative-MRI advice for an MRI that found infection.
 */
import type { PhraseHit, ScanToken } from './phraseScan.js';

/** Stems of the verbs that report what a study found. */
const SHOWN = new Set(['show', 'reveal', 'demonstrat', 'found']);
/** Words that may open the object before its head ("shows a small ..."): they name nothing. */
const OPENERS = new Set(['a', 'an', 'the', 'some', 'any', 'only', 'just', 'at', 'level', 'levels']);
/** Words that make the verb a denial ("didn't show", "does not reveal"). */
const DENIED = new Set(['not', 'didnt', 'doesnt', 'dont', 'never', 'nt', 'cannot', 'cant', 'wont', 'without']);
/** A spine level or its parts ("l4", "5", "t10"): where, not what. */
const LEVEL = /^([ctls]\d{1,2}|\d+)$/;

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
 * reporting verb after the MRI, not denied, whose object (past openers, the level and the spine part) starts no listed phrase.
 */
export function showsUnnamed(tokens: readonly ScanToken[], hits: readonly PhraseHit[]): boolean {
  const starts = new Set(hits.filter((h) => h.labels.some((l) => l !== 'c:ignore' && l !== 'c:subject-spine-part')).map((h) => h.start));
  const where = new Set(hits.filter((h) => h.labels.includes('c:subject-spine-part')).flatMap((h) => Array.from({ length: h.end - h.start }, (_, i) => h.start + i)));
  return tokens.some((t, k) => {
    if (!SHOWN.has(t.stem) || (k > 0 && DENIED.has(tokens[k - 1].stem)) || studyBefore(k, tokens, hits) !== 'mri') return false;
    let next = k + 1;
    while (next < tokens.length && (OPENERS.has(tokens[next].stem) || LEVEL.test(tokens[next].stem) || where.has(next))) next++;
    return next < tokens.length && !tokens[next].brk && !starts.has(next);
  });
}
