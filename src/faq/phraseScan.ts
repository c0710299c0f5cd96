/**
 * Finds listed phrases in text, longest first, over the same stems as the search
 * (textAnalysis.ts), keeping punctuation as clause breaks. The clinical-state reader and the intent
 * router both read questions through this.
 */
import { phraseKey, rawTokens } from './textAnalysis.js';

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

/** Splits text into stemmed words and breaks ("," ":" ";" "(" ")" clause; "." "!" "?" newline sentence). */
export function scanTokens(text: string): ScanToken[] {
  const out: ScanToken[] = [];
  for (const piece of text.split(/([,:;()]|[.!?]+(?=\s|$)|\n)/)) {
    if (piece === undefined || piece === '') continue;
    if (/^[,:;()]$/.test(piece)) out.push({ stem: piece, brk: 'clause' });
    else if (/^([.!?]+|\n)$/.test(piece)) out.push({ stem: piece, brk: 'sentence' });
    else for (const t of rawTokens(piece)) out.push({ stem: t.stem });
  }
  return out;
}

/** Compiles `phrases` (label -> phrases); a phrase listed under several labels carries them all. */
export function compilePhrases(phrases: ReadonlyMap<string, readonly string[]>): PhraseScanner {
  const byFirst = new Map<string, Array<{ words: string[]; labels: string[] }>>();
  const byKey = new Map<string, { words: string[]; labels: string[] }>();
  for (const [label, list] of phrases) {
    for (const p of list) {
      const key = phraseKey(p);
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
        const match = bucket?.find((e) => e.words.every((w, k) => tokens[i + k] && !tokens[i + k].brk && tokens[i + k].stem === w));
        if (match) {
          hits.push({ start: i, end: i + match.words.length, labels: match.labels });
          i += match.words.length;
        } else i += 1;
      }
      return hits;
    },
  };
}
