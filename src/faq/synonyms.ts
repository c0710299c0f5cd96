/**
 * The synonym and abbreviation table for the FAQ search, kept as data in
 * rules/<flow>/synonyms.yaml so clinicians can extend it without touching code.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, formatPath } from '../flow/parseContent.js';
import { PROJECT_ROOT, readYamlFile } from '../content/loadContent.js';
import { phraseKey, rawTokens } from './textAnalysis.js';

const term = z.string().trim().min(1, 'must not be empty');

/** The format of rules/<flow>/synonyms.yaml (schemaVersion 1). */
export const SynonymsFileSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'schemaVersion must be 1' }),
  groups: z
    .array(
      z.strictObject({
        canonical: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'canonical is lower case letters, digits or "-"'),
        terms: z.array(term).min(1, 'a group needs at least one term'),
        exactCase: z.array(term.regex(/^[A-Za-z0-9]+$/, 'an exactCase term is one word')).default([]),
      }),
    )
    .min(1, 'at least one synonym group is needed'),
  stopWords: z.array(term).default([]),
  genericWords: z.array(term).default([]),
  contextWords: z.array(term).default([]),
  supportingTerms: z.array(term).default([]),
  subjectWords: z.array(term).default([]),
  otherSites: z.array(term).default([]),
});

/** The validated contents of synonyms.yaml. */
export type SynonymsFile = z.infer<typeof SynonymsFileSchema>;

/** The synonym data compiled for fast lookup while analysing text. */
export interface SynonymTable {
  /** Stemmed word sequence ("x ray") -> canonical search term ("radiograph"). */
  phrases: Map<string, string>;
  /** Longest phrase in words, to bound the longest-match scan. */
  maxPhraseLength: number;
  /** Case-sensitive single words ("DO", "ID") -> canonical search term. */
  exactCase: Map<string, string>;
  /** Lower-case words ignored by the search. */
  stopWords: Set<string>;
  /** Stemmed words too general to justify an answer on their own. */
  genericWords: Set<string>;
  /** Stemmed words of the setting around a question (who asks, where, when): never its subject. */
  contextWords: Set<string>;
  /** Canonical terms (risk factors, later management) that support a question but never make one. */
  supportingTerms: Set<string>;
  /** Stemmed everyday words that still name a subject (a body part, a condition, money): never ordinary. */
  subjectWords: Set<string>;
  /** Stemmed words naming a site imaged for other reasons ("knee", "brain"): context naming one gets no leniency. */
  otherSites: Set<string>;
  /** Every canonical search term, e.g. to treat them as domain vocabulary. */
  canonicalTerms: Set<string>;
}

/** The canonical name as a single search term: "epidural-abscess" -> "epiduralabscess". */
export function canonicalTerm(canonical: string): string {
  return canonical.replace(/[^a-z0-9]/g, '');
}

/**
 * Validates raw (parsed YAML) synonym data and compiles it.
 * Throws ContentError naming `file` and the path of every problem, including a term listed in
 * two groups, since then which meaning wins would depend on file order.
 */
export function compileSynonyms(data: unknown, file: string): SynonymTable {
  const parsed = SynonymsFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`);
    throw new ContentError(`Invalid synonyms data (${lines.length} problem${lines.length > 1 ? 's' : ''}):\n  ${lines.join('\n  ')}`);
  }
  const problems: string[] = [];
  const phrases = new Map<string, string>();
  const owner = new Map<string, string>();
  const exactCase = new Map<string, string>();
  let maxPhraseLength = 1;
  parsed.data.groups.forEach((group, g) => {
    const canonical = canonicalTerm(group.canonical);
    // The canonical name is itself a term of its group, so writing it in the FAQ or a question works.
    const terms = [group.canonical, ...group.terms];
    terms.forEach((t, k) => {
      const where = k === 0 ? `groups[${g}].canonical` : `groups[${g}].terms[${k - 1}]`;
      const key = phraseKey(t);
      if (!key) {
        problems.push(`${file}: ${where}: "${t}" has no letters or digits`);
        return;
      }
      const previous = owner.get(key);
      if (previous && previous !== group.canonical) {
        problems.push(`${file}: ${where}: "${t}" is already a term of group "${previous}"`);
        return;
      }
      owner.set(key, group.canonical);
      phrases.set(key, canonical);
      maxPhraseLength = Math.max(maxPhraseLength, key.split(' ').length);
    });
    group.exactCase.forEach((t) => exactCase.set(t, canonical));
  });
  if (problems.length > 0) {
    throw new ContentError(`Invalid synonyms data (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  ${problems.join('\n  ')}`);
  }
  return {
    phrases,
    maxPhraseLength,
    exactCase,
    stopWords: new Set(parsed.data.stopWords.map((w) => w.toLowerCase())),
    genericWords: new Set(parsed.data.genericWords.flatMap((w) => rawTokens(w).map((t) => t.stem))),
    contextWords: new Set(parsed.data.contextWords.flatMap((w) => rawTokens(w).map((t) => t.stem))),
    supportingTerms: supportingOf(parsed.data),
    subjectWords: new Set([...parsed.data.subjectWords, ...parsed.data.otherSites].flatMap((w) => rawTokens(w).map((t) => t.stem))),
    otherSites: new Set(parsed.data.otherSites.flatMap((w) => rawTokens(w).map((t) => t.stem))),
    canonicalTerms: new Set(parsed.data.groups.map((g) => canonicalTerm(g.canonical))),
  };
}

/** The supporting groups' canonical terms and every word of their terms (the index keeps both). */
function supportingOf(data: SynonymsFile): Set<string> {
  const wanted = new Set(data.supportingTerms.map(canonicalTerm));
  const out = new Set(wanted);
  for (const g of data.groups) {
    if (!wanted.has(canonicalTerm(g.canonical))) continue;
    for (const t of g.terms) for (const w of rawTokens(t)) out.add(w.stem);
  }
  return out;
}

/**
 * Reads and compiles rules/<rulesId>/synonyms.yaml under `root`.
 * Throws ContentError naming the file when it is missing, not YAML, or invalid.
 */
export function loadSynonyms(rulesId: string, root = PROJECT_ROOT): SynonymTable {
  const { file, data } = readYamlFile(root, join(root, 'rules', rulesId, 'synonyms.yaml'));
  return compileSynonyms(data, file);
}
