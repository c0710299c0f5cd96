/**
 * Turns text into search terms, the same way for the FAQ index and for a typed question, so that
 * "X-rays", "xray" and "plain film" all end up as one term. Nothing here scores anything: the
 * ranking is MiniSearch's BM25; this only decides which words count as the same word.
 */
import { perAsk } from './askScope.js';
import type { SynonymTable } from './synonyms.js';

/** Whether terms are produced for the index (keep the words and add the synonym) or a query. */
export type AnalysisMode = 'index' | 'query';

/** One word as typed, after folding, before synonyms and stop words are applied. */
export interface RawToken {
  /** As typed (case kept), so case-sensitive abbreviations like "DO" can be told from "do". */
  raw: string;
  /** Lower case, for stop-word checks. */
  lower: string;
  /** Lower case and lightly stemmed, for matching. */
  stem: string;
}

/**
 * A deliberately light English stemmer: plural, -ing, -ed, -ly, -ion and a final -e.
 * Light because clinical words are long and distinctive; a full Porter stemmer would merge
 * words we want apart (e.g. "general"/"generation"). It only has to be consistent, since the
 * same function runs over the index and the query.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ly', 'ion']) {
    // Keep at least four letters so short words ("need", "region", "only") survive intact.
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** A text's words, once per ask (askScope.ts); frozen, since callers share them. */
const tokenMemo = perAsk((text: string): RawToken[] =>
  Object.freeze(text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`´]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((raw) => {
      const lower = raw.toLowerCase();
      return { raw, lower, stem: stem(lower) };
    })) as RawToken[]);

/**
 * Splits text into words: accents and apostrophes dropped ("can't" -> "cant", "what's" ->
 * "whats"), every other non-letter/digit is a separator ("x-ray" -> "x ray", "w/o" -> "w o").
 */
export function rawTokens(text: string): RawToken[] {
  return tokenMemo(text);
}

/** The key a word sequence is looked up by in the synonym table: stems joined by spaces. */
export function phraseKey(text: string): string {
  return rawTokens(text).map((t) => t.stem).join(' ');
}

/** A run of words: either a synonym phrase (with its canonical term) or one plain word. */
interface Segment {
  canonical?: string;
  words: RawToken[];
}

/** A text's segments per synonym table, kept for the ask (askScope.ts); outside one, a new map each time. */
const segmentMemo = perAsk((_text: string) => new Map<SynonymTable, readonly Segment[]>());

/** {@link splitSegments}, once per text and table within an ask. */
function segments(text: string, table: SynonymTable): readonly Segment[] {
  const byTable = segmentMemo(text);
  let found = byTable.get(table);
  if (!found) byTable.set(table, (found = Object.freeze(splitSegments(text, table))));
  return found;
}

/**
 * Splits text into segments, matching synonym phrases longest first over the stems, so
 * "with and without contrast" is not read as "without contrast".
 */
function splitSegments(text: string, table: SynonymTable): Segment[] {
  const tokens = rawTokens(text);
  const out: Segment[] = [];
  let i = 0;
  while (i < tokens.length) {
    const exact = table.exactCase.get(tokens[i].raw);
    if (exact) {
      out.push({ canonical: exact, words: [tokens[i]] });
      i += 1;
      continue;
    }
    let len = Math.min(table.maxPhraseLength, tokens.length - i);
    for (; len >= 1; len--) {
      const hit = table.phrases.get(tokens.slice(i, i + len).map((t) => t.stem).join(' '));
      if (hit) {
        out.push({ canonical: hit, words: tokens.slice(i, i + len) });
        break;
      }
    }
    if (len === 0) out.push({ words: [tokens[i]] });
    i += Math.max(len, 1);
  }
  return out;
}

/** A number with a unit of weight, size or clock time ("190kg", "8am", "3mo"): the setting, not the subject. */
const MEASURE = /^\d+(kg|kgs|lb|lbs|cm|mm|am|pm|hrs?|h|d|wks?|mo|mos)$/;

/** Whether a plain word carries meaning for the search: not a stop word, not a bare number
 * (numbers that matter, such as "24 hours" or "modic 1", are caught as phrases first). */
function meaningful(t: RawToken, table: SynonymTable): boolean {
  // A vertebral level ("L4", "T12") says where, an age and sex ("62M", "45yo") who: never what.
  return !table.stopWords.has(t.lower) && !/^\d+$/.test(t.lower) && !/^[ctls]\d{1,2}$/.test(t.lower)
    && !/^\d{1,3}(m|f|yo|y|yrs?)$/.test(t.lower) && !MEASURE.test(t.lower);
}

/**
 * Produces the search terms for `text`: each synonym phrase becomes its group's canonical term,
 * other words their stems, stop words dropped (after phrase matching, since some phrases
 * contain them, e.g. "not for").
 * In `index` mode the original words are kept beside the canonical term so that a misspelt
 * synonym in a question ("gadolinum") can still fuzzy-match the word as written in the FAQ.
 * In `query` mode only the canonical term is produced, so one synonym counts as one concept;
 * see {@link synonymWords} for the words behind it.
 */
export function analyse(text: string, table: SynonymTable, mode: AnalysisMode): string[] {
  const out: string[] = [];
  const push = (term: string) => {
    if (!out.includes(term) || mode === 'index') out.push(term);
  };
  for (const seg of segments(text, table)) {
    const words = seg.words.filter((w) => meaningful(w, table)).map((w) => w.stem);
    if (seg.canonical === undefined || mode === 'index') words.forEach(push);
    // "mri" typed as "mri" is one term, not two: do not double its weight in the index.
    if (seg.canonical !== undefined && (mode === 'query' || !words.includes(seg.canonical))) push(seg.canonical);
  }
  return out;
}

/**
 * The words as typed behind the synonym phrases of a question (stems, stop words dropped),
 * minus any that equal a canonical term. Searching them with a low weight lets the exact word
 * break ties between entries that share the concept: "gadolinium" favours the entry that says
 * gadolinium over the others that only say contrast.
 */
export function synonymWords(text: string, table: SynonymTable): string[] {
  const concepts = new Set(analyse(text, table, 'query'));
  const out = new Set<string>();
  for (const seg of segments(text, table)) {
    if (seg.canonical === undefined) continue;
    for (const w of seg.words) if (meaningful(w, table) && !concepts.has(w.stem)) out.add(w.stem);
  }
  return [...out];
}

/** Words that are only a greeting, thanks or a call for help, never a clinical question. */
const SMALL_TALK = new Set([
  'hi', 'hii', 'hello', 'helo', 'hey', 'heya', 'hiya', 'yo', 'howdy', 'greetings', 'morning',
  'afternoon', 'evening', 'good', 'thanks', 'thank', 'thx', 'thanx', 'ty', 'tysm', 'cheers',
  'ta', 'you', 'u', 'much', 'very', 'so', 'a', 'lot', 'bye', 'goodbye', 'cya', 'ok', 'okay',
  'great', 'cool', 'nice', 'awesome', 'perfect', 'help', 'menu', 'start', 'info', 'there',
  'bot', 'please', 'pls', 'again', 'all',
]);

/**
 * Whether the text is only small talk ("hi", "thanks!", "help", "?"), which gets the help reply
 * rather than a search. Text with any other word is a question, even if it starts with "hi".
 */
export function isSmallTalk(text: string): boolean {
  const words = rawTokens(text).map((t) => t.lower);
  return words.every((w) => SMALL_TALK.has(w));
}
