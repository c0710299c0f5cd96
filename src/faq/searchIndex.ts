/**
 * The full-text index over the FAQ entries. Ranking is MiniSearch's BM25 with fuzzy and prefix
 * matching; this module only decides what is indexed, with which field weights, and which
 * indexed words count as domain vocabulary.
 */
import MiniSearch from 'minisearch';
import type { FaqEntry } from '../flow/schema.js';
import type { SynonymTable } from './synonyms.js';
import { analyse, synonymWords } from './textAnalysis.js';

/** One ranked FAQ entry for a question. */
export interface Candidate {
  faqId: string;
  /** MiniSearch (BM25) score; only comparable between results of the same query. */
  score: number;
  /** Index terms that matched (after synonyms, fuzzy and prefix expansion). */
  matchedTerms: string[];
  /** The question's own terms that found something in this entry. */
  queryTerms: string[];
}

/** A built FAQ index. */
export interface SearchIndex {
  /** Entries ranked best first; empty when no term matches anything. */
  search(text: string): Candidate[];
  /** The terms a question is searched with (stop words dropped, synonyms folded). */
  queryTerms(text: string): string[];
  /** Whether an index term is specific to this domain (not a stop word and not generic). */
  isDomainTerm(term: string): boolean;
  /** Whether a term is listed as too general to identify a topic (synonyms.yaml genericWords). */
  isGeneric(term: string): boolean;
}

/** Field weights: the curated question, phrasings and tags say what an entry is about; the
 * answer text mentions many neighbouring topics in passing, so it counts for less. */
const FIELD_BOOST = { question: 2, phrasings: 1.6, tags: 1.6, answer: 0.6 } as const;
const FIELDS = Object.keys(FIELD_BOOST);

/** Weight of a typed word behind a synonym relative to its concept: enough to break a tie,
 * too little to outweigh a second matching concept. */
const SURFACE_WORD_BOOST = 0.3;

/** Separates the items of a list field so a synonym phrase never spans two phrasings. */
const ITEM_BREAK = '\n';

/** The most edits a fuzzy match may take, however long the word. */
const MAX_EDITS = 2;

/**
 * Fuzzy matching only for words of five letters or more: short words and abbreviations
 * ("ct", "pet", "sea") are too close to each other for an edit to be a safe guess.
 * 0.2 allows one edit per five letters (two for "endplaets"), which covers typical slips, and
 * never more than two (`maxFuzzy`): a third edit on a long word ("osteomyelitis") changed no answer
 * on the 3,585 tuning questions, and searching for it was a twentieth of a question's time.
 */
function fuzzyFor(term: string): number | false {
  return term.length >= 5 ? 0.2 : false;
}

/** Prefix matching from four letters, so "osteo" finds "osteomyelitis" but "ct" stays "ct". */
function prefixFor(term: string): boolean {
  return term.length >= 4;
}

/** Builds the MiniSearch index for `entries`, analysing text with the synonym `table`. */
export function buildSearchIndex(entries: readonly FaqEntry[], table: SynonymTable): SearchIndex {
  const indexTokenize = (text: string) => text.split(ITEM_BREAK).flatMap((line) => analyse(line, table, 'index'));
  const queryTokenize = (text: string) => analyse(text, table, 'query');
  // The search also sends the typed words behind synonyms (down-weighted, see SURFACE_WORD_BOOST).
  const searchTokenize = (text: string) => [...queryTokenize(text), ...synonymWords(text, table)];
  const mini = new MiniSearch<FaqEntry>({
    fields: FIELDS,
    idField: 'id',
    extractField: (entry, field) => {
      const value = (entry as unknown as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(ITEM_BREAK) : value;
    },
    tokenize: indexTokenize,
    // Terms are already lower case and stemmed; MiniSearch's default lower-casing is harmless.
    searchOptions: {
      tokenize: searchTokenize,
      boost: { ...FIELD_BOOST },
      fuzzy: fuzzyFor,
      prefix: prefixFor,
      combineWith: 'OR',
      maxFuzzy: MAX_EDITS,
    },
  });
  mini.addAll([...entries]);

  // The domain vocabulary is derived from the FAQ itself: every indexed term that is not
  // generic. A question must hit one of these before it can get a clinical answer.
  const vocabulary = new Set<string>();
  for (const entry of entries) {
    for (const field of FIELDS) {
      const value = (entry as unknown as Record<string, unknown>)[field];
      const text = Array.isArray(value) ? value.join(ITEM_BREAK) : String(value ?? '');
      for (const t of indexTokenize(text)) if (!table.genericWords.has(t)) vocabulary.add(t);
    }
  }

  return {
    search(text) {
      const concepts = new Set(queryTokenize(text));
      const boostTerm = (term: string) => (concepts.has(term) ? 1 : SURFACE_WORD_BOOST);
      return mini.search(text, { boostTerm }).map((r) => ({
        faqId: String(r.id),
        score: r.score,
        matchedTerms: r.terms,
        // Coverage is about concepts; the extra surface words are only tie-breakers.
        queryTerms: r.queryTerms.filter((t) => concepts.has(t)),
      }));
    },
    queryTerms: queryTokenize,
    isDomainTerm: (term) => vocabulary.has(term),
    isGeneric: (term) => table.genericWords.has(term),
  };
}
