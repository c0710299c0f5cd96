/**
 * Finds listed phrases in text, longest first, over the same stems as the search
 * (textAnalysis.ts), keeping punctuation as clause breaks. The clinical-state reader and the intent
 * router both read questions through this.
 */
import { perAsk } from './askScope.js';
import { phraseKey, rawTokens, stem } from './textAnalysis.js';

/** One word of the text, or a clause break (punctuation). */
export interface ScanToken {
  stem: string;
  /** A clause break: , : ; ( ) or a sentence end. */
  brk?: 'clause' | 'sentence';
}

/** A listed phrase found in the text: tokens [start, end) carry every label listed for it. */
export interface PhraseHit {
  start: number;
  end: number;
  labels: string[];
}

/** A compiled phrase list. */
export interface PhraseScanner {
  /** The text as tokens, with clause and sentence breaks. */
  tokens(text: string): ScanToken[];
  /** Hits over `tokens`, left to right, longest phrase at each position, never across a break. */
  scan(tokens: readonly ScanToken[]): PhraseHit[];
}

/** An unspaced hyphen or en dash before a lone answer word that ends its clause ("compression-none", "deficit–nil"): an answer break. */
const ANSWER_DASH = '[-\u2013](?=(?:no|none|nil|nope|neg|negative|absent)\\s*(?:[,.;:!?)\\n]|$))';

/**
 * Splits text into stemmed words and breaks: "," ":" ";" "(" ")", a spaced dash or any em dash end a clause ("compression—none"),
 * and so does an unspaced dash before a lone answer word ("compression-none"); "." or "!" before a space, any "?"
 * ("compression?none") and a newline end a sentence. Any other unspaced hyphen or en dash joins ("L4–5", "culture-negative discitis").
 */
export function scanTokens(text: string): ScanToken[] {
  return scanMemo(text);
}

/** The pieces scanTokens splits text into (the separators are kept). */
const PIECES = new RegExp(`([,:;()]|\\s[-\u2013\u2014]+\\s|\u2014+|${ANSWER_DASH}|[.!]+(?=\\s|$)|\\?+|\\n)`, 'i');

/** scanTokens' work, once per text within an ask (askScope.ts); frozen, since callers share the tokens. */
const scanMemo = perAsk((text: string): ScanToken[] => {
  const out: ScanToken[] = [];
  for (const piece of text.split(PIECES)) {
    if (piece === undefined || piece === '') continue;
    if (/^([,:;()]|\s[-\u2013\u2014]+\s|\u2014+|[-\u2013])$/.test(piece)) out.push({ stem: piece.trim(), brk: 'clause' });
    else if (/^([.!]+|\?+|\n)$/.test(piece)) out.push({ stem: piece, brk: 'sentence' });
    else for (const t of rawTokens(piece)) out.push({ stem: t.stem });
  }
  return Object.freeze(out) as ScanToken[];
});

/** Where the clause holding token `at` starts: just after the break before it, or 0. */
export function clauseStart(tokens: readonly ScanToken[], at: number): number {
  let a = at;
  while (a > 0 && !tokens[a - 1].brk) a--;
  return a;
}

/** The index just past the clause holding token `at` (its break token, or the end). */
export function clauseEnd(tokens: readonly ScanToken[], at: number): number {
  let b = at;
  while (b < tokens.length && !tokens[b].brk) b++;
  return b;
}

/** The phrases of a composed list: every first phrase, link and second phrase, in that order. */
export function composedTerms(c: { first: readonly string[]; links: readonly string[]; second: readonly string[] }): string[] {
  return c.first.flatMap((a) => c.links.flatMap((l) => c.second.map((b) => [a, l, b].filter((w) => w.trim()).join(' '))));
}

/** Articles and possessives a phrase may carry or not: "metal fragment in his eye" is "metal
 * fragment in the eye", "squashing the cauda equina" is "squashing cauda equina". */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'my', 'our', 'your']);

/** Degree and emphasis adverbs a phrase may carry inside it or not: "not entirely excluded" is "not excluded",
 * "cannot completely be ruled out" is "cannot be ruled out", "haven't even done an xray" is "haven't done an xray". */
const DEGREE_ADVERBS: ReadonlySet<string> = new Set(['entirely', 'completely', 'fully', 'totally', 'definitely', 'definitively', 'clearly', 'reliably', 'absolutely', 'really', 'confidently', 'even', 'actually', 'yet'].map(stem));

/** Whether token `t` may be skipped inside a phrase whose next word is `w` (a hot path: no closure per call). */
function optional(t: ScanToken | undefined, w: string): boolean {
  return !!t && !t.brk && t.stem !== w && (DETERMINERS.has(t.stem) || DEGREE_ADVERBS.has(t.stem));
}

/** Where `words` matched at `from` end (exclusive), skipping determiners and degree adverbs inside the text; 0 when they do not. */
function matchAt(tokens: readonly ScanToken[], from: number, words: readonly string[]): number {
  let j = from;
  for (let k = 0; k < words.length; k++) {
    if (k > 0) while (optional(tokens[j], words[k])) j++;
    if (!tokens[j] || tokens[j].brk || tokens[j].stem !== words[k]) return 0;
    j++;
  }
  return j;
}

/** Compiles `phrases` (label -> phrases); a phrase listed under several labels carries them all.
 * Determiners inside a phrase are optional both in the list and in the text. */
export function compilePhrases(phrases: ReadonlyMap<string, readonly string[]>): PhraseScanner {
  const byFirst = new Map<string, Array<{ words: string[]; labels: string[] }>>();
  const byKey = new Map<string, { words: string[]; labels: string[] }>();
  for (const [label, list] of phrases) {
    for (const p of list) {
      const key = phraseKey(p).split(' ').filter((w, k, all) => k === 0 || k === all.length - 1 || !DETERMINERS.has(w)).join(' ');
      if (!key) continue;
      const known = byKey.get(key);
      if (known) {
        if (!known.labels.includes(label)) known.labels.push(label);
        continue;
      }
      const entry = { words: key.split(' '), labels: [label] };
      byKey.set(key, entry);
      const bucket = byFirst.get(entry.words[0]) ?? [];
      bucket.push(entry);
      byFirst.set(entry.words[0], bucket);
    }
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.words.length - a.words.length);

  return {
    tokens: scanTokens,
    scan(tokens) {
      const hits: PhraseHit[] = [];
      let i = 0;
      while (i < tokens.length) {
        const bucket = tokens[i].brk ? undefined : byFirst.get(tokens[i].stem);
        let end = 0;
        const match = bucket?.find((e) => (end = matchAt(tokens, i, e.words)) > 0);
        if (match) {
          hits.push({ start: i, end, labels: match.labels });
          i = end;
        } else i += 1;
      }
      return hits;
    },
  };
}
