/**
 * The features the learned ranker reads from a question (after identifiers, shorthand and typos
 * are handled): stemmed words, word pairs, and character 3- to 5-grams of the words, so a new
 * wording of a known subject ("squished", "pacer-dependent") still shares most of its features.
 * The same function serves training (scripts/faqTrain.ts) and inference (learnedRanker.ts).
 */
import { stem } from './textAnalysis.js';

/** Character n-gram lengths. */
const CHAR_GRAMS = [3, 4, 5] as const;

/** The question's words: lower case letters and digits; a "?" is a word of its own (a question
 * and a statement of the same words differ). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/['’‘`´]/g, '')
    .replace(/\?/g, ' ? ')
    .split(/[^a-z0-9?]+/)
    .filter(Boolean);
}

/** The distinct features of `text`: `w:` stems, `b:` stem pairs, `c:` character n-grams (spaces marking word edges). */
export function questionFeatures(text: string): string[] {
  const ws = words(text);
  const stems = ws.map((w) => stem(w));
  const out = new Set<string>();
  for (const s of stems) out.add(`w:${s}`);
  for (let i = 1; i < stems.length; i++) out.add(`b:${stems[i - 1]} ${stems[i]}`);
  const joined = ` ${ws.filter((w) => w !== '?').join(' ')} `;
  for (const n of CHAR_GRAMS) for (let i = 0; i + n <= joined.length; i++) out.add(`c:${joined.slice(i, i + n)}`);
  return [...out];
}
