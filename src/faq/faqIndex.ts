/**
 * The FAQ service the channel adapters call: free text in, a channel-neutral FaqView out.
 * The question text is used only for the search; it is never stored, returned or logged. Only
 * the matched entry id and score leave this module, for analytics.
 */
import type { Content } from '../flow/parseContent.js';
import type { FaqEntry } from '../flow/schema.js';
import type { FaqAnswerView, FaqTopic, FaqView } from '../flow/viewTypes.js';
import { DEFAULT_CONFIDENCE_RULE, decide, type ConfidenceRule, type UnsureReason } from './confidence.js';
import { GENERAL_TOPIC_IDS, answerView, helpView, notSureView, topicOf } from './replies.js';
import { buildSearchIndex } from './searchIndex.js';
import { loadSynonyms, type SynonymTable } from './synonyms.js';
import { isSmallTalk } from './textAnalysis.js';

/** The entry a question matched and its MiniSearch score. */
export interface FaqMatch {
  faqId: string;
  score: number;
}

/** The reply to one question. `match` is set only when the bot answered with an entry. */
export interface FaqReply {
  view: FaqView;
  match?: FaqMatch;
  /** Why the bot was not sure (absent when it answered or replied with help). */
  unsure?: UnsureReason;
}

/** A built FAQ index over one flow's rules. */
export interface FaqIndex {
  /** Answers free text: an FAQ answer, a "not sure" with topics, or help for greetings. */
  ask(text: string): FaqReply;
  /** The answer view of one entry, for topic and related buttons; undefined for unknown ids. */
  topic(faqId: string): FaqAnswerView | undefined;
  /** The best `limit` entries for a question with scores, regardless of confidence. */
  rank(text: string, limit?: number): FaqMatch[];
  /** Every entry as a topic, in file order (e.g. for a topic menu). */
  topics(): FaqTopic[];
}

/** Options for createFaqIndex; the defaults read rules/<flow>/synonyms.yaml from the project. */
export interface FaqIndexOptions {
  /** A compiled synonym table (tests); otherwise loaded from `root`. */
  synonyms?: SynonymTable;
  /** Project root to load synonyms.yaml from. */
  root?: string;
  /** Overrides of the confidence thresholds (tuning). */
  rule?: Partial<ConfidenceRule>;
}

/** Chat messages longer than this are cut before searching: a question is a sentence or two,
 * and a pasted report would otherwise match everything a little. */
const MAX_QUERY_CHARS = 500;

/**
 * Builds the FAQ index over `content.rules.faq`.
 * Throws ContentError (naming the file and path) when synonyms.yaml is missing or invalid.
 */
export function createFaqIndex(content: Content, options: FaqIndexOptions = {}): FaqIndex {
  const entries = content.rules.faq.entries;
  const byId = new Map<string, FaqEntry>(entries.map((e) => [e.id, e]));
  const synonyms = options.synonyms ?? loadSynonyms(content.flow.rules, options.root);
  const rule: ConfidenceRule = { ...DEFAULT_CONFIDENCE_RULE, ...options.rule };
  const index = buildSearchIndex(entries, synonyms);
  const lookup = (ids: Iterable<string>) => [...ids].map((id) => byId.get(id)).filter((e): e is FaqEntry => !!e);

  // Related topics are fixed per entry: the entries that the entry's own tags and question find
  // best. Deriving them from the index keeps them data-driven (shared tags rank highest)
  // and stable, so the same answer always offers the same next topics.
  const related = new Map<string, FaqEntry[]>();
  for (const entry of entries) {
    const probe = [entry.question, ...entry.tags].join(' ');
    const ids = index.search(probe).map((c) => c.faqId).filter((id) => id !== entry.id);
    related.set(entry.id, lookup(ids.slice(0, 3)));
  }
  const generalTopics = lookup(GENERAL_TOPIC_IDS);

  const topic = (faqId: string): FaqAnswerView | undefined => {
    const entry = byId.get(faqId);
    return entry ? answerView(entry, related.get(faqId) ?? [], content) : undefined;
  };

  return {
    ask(text) {
      const query = text.slice(0, MAX_QUERY_CHARS);
      if (isSmallTalk(query)) return { view: helpView(content) };
      const terms = index.queryTerms(query);
      // Only stop words left ("what is this?", "how does this work"): the user wants orientation.
      if (terms.length === 0) return { view: helpView(content) };
      const candidates = index.search(query);
      const decision = decide(candidates, terms, index.isDomainTerm, rule, index.isGeneric);
      if (decision.kind === 'answer') {
        const { faqId, score } = decision.best;
        return { view: topic(faqId)!, match: { faqId, score } };
      }
      const close = lookup(decision.suggestions.map((c) => c.faqId));
      return {
        view: close.length > 0 ? notSureView(close, true) : notSureView(generalTopics, false),
        unsure: decision.reason,
      };
    },
    topic,
    rank(text, limit = 3) {
      return index.search(text.slice(0, MAX_QUERY_CHARS)).slice(0, limit).map(({ faqId, score }) => ({ faqId, score }));
    },
    topics: () => entries.map(topicOf),
  };
}
