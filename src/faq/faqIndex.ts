/**
 * The FAQ service the channel adapters call: free text in, a channel-neutral FaqView out.
 * The question text is used only for the search; it is never stored, returned or logged. Only
 * the matched entry id and score leave this module, for analytics.
 */
import type { Content } from '../flow/parseContent.js';
import type { FaqEntry } from '../flow/schema.js';
import type { FaqAnswerView, FaqTopic, FaqView } from '../flow/viewTypes.js';
import { compileStateReader, fits, seeksOtherDisease, type ClinicalState } from './clinicalState.js';
import { namesSubject } from './stateFit.js';
import { DEFAULT_CONFIDENCE_RULE, decide, type ConfidenceRule, type UnsureReason } from './confidence.js';
import { loadFaqRulesFiles, type FaqRulesFiles } from './faqRulesFiles.js';
import { scanIdentifiers } from './identifiers.js';
import { asks, createClauseJudge, splitClauses } from './clauseJudge.js';
import { compileIntents, type Intent } from './intents.js';
import { answerView, helpView, notSureView, topicOf } from './replies.js';
import { buildSearchIndex } from './searchIndex.js';
import { vocabularyOf } from './vocabulary.js';
import { createLearnedRanker, loadRankerWeights, type RankerWeights } from './learnedRanker.js';
import { DEFAULT_ARBITER_RULE, arbitrate, type ArbiterRule } from './rankerArbiter.js';
import { ordinaryWords } from './ordinaryWords.js';
import { compileOtherPopulation } from './otherPopulation.js';
import { compileShorthand } from './shorthand.js';
import { buildSpellingCorrector } from './spelling.js';
import { loadSynonyms, type SynonymTable } from './synonyms.js';
import { isSmallTalk, rawTokens } from './textAnalysis.js';
import { withinAsk } from './askScope.js';

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
  /** The intent that routed the question, when one did. */
  intent?: Intent;
  /** The clinical state the question stated (for tests and evaluation; never logged). */
  state?: ClinicalState;
  /** Whether identifier-like text was found (and left out of the search). */
  identifier?: boolean;
  /** What the learned ranker changed, when it did (rankerArbiter.ts; for tests and evaluation). */
  learned?: 'swap' | 'rescue' | 'veto';
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
  /** The question as the search reads it: identifiers blanked, shorthand expanded, typos corrected (training the ranker). */
  normalise(text: string): string;
}

/** Options for createFaqIndex; the defaults read rules/<flow>/synonyms.yaml from the project. */
export interface FaqIndexOptions {
  /** A compiled synonym table (tests); otherwise loaded from `root`. */
  synonyms?: SynonymTable;
  /** Project root to load synonyms.yaml from. */
  root?: string;
  /** Overrides of the confidence thresholds (tuning). */
  rule?: Partial<ConfidenceRule>;
  /** The FAQ's state, shorthand and routing files (tests); otherwise loaded from `root`. */
  files?: FaqRulesFiles;
  /** Learned ranker weights (cross-validation); null for none; otherwise rules/<flow>/faq-ranker.json if shipped. */
  ranker?: RankerWeights | null;
  /** Overrides of the ranker's thresholds (cross-validation). */
  arbiter?: Partial<ArbiterRule>;
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
  const files = options.files ?? loadFaqRulesFiles(content.flow.rules, new Set(byId.keys()), options.root);
  const rule: ConfidenceRule = { ...DEFAULT_CONFIDENCE_RULE, ...options.rule };
  const index = buildSearchIndex(entries, synonyms);
  const weights = options.ranker === undefined ? loadRankerWeights(content.flow.rules, options.root) : options.ranker;
  const ranker = weights ? createLearnedRanker(weights) : undefined;
  const arbiterRule: ArbiterRule = { ...DEFAULT_ARBITER_RULE, ...options.arbiter };
  const shorthand = compileShorthand(files.shorthand);
  const reader = compileStateReader(files.state);
  const studyTerms = (...roles: string[]) => files.state.cues.filter((c) => roles.includes(c.role)).flatMap((c) => c.terms);
  const router = compileIntents(files.routing, { mri: studyTerms('mri-study', 'mri-repeat'), other: studyTerms('other-study') });
  const { labels, offers } = files.routing;
  const otherPopulation = compileOtherPopulation(files.routing.otherPopulation);
  const applies = (faqId: string) => files.state.entries[faqId];
  const lookup = (ids: Iterable<string>) => [...ids].map((id) => byId.get(id)).filter((e): e is FaqEntry => !!e);
  // A capitalised word the domain knows is not a name ("Neuro intact, ..."): see identifiers.ts.
  const known = new Set([...synonyms.stopWords, ...synonyms.phrases.keys()].flatMap((k) => k.split(' ')));
  const ordinary = ordinaryWords(synonyms.subjectWords);
  const isOrdinary = (t: string) => ordinary.has(t);
  // Never "corrected": stop words, everyday words, words of the setting, and every synonym's words.
  const asTyped = new Set([...synonyms.stopWords, ...ordinary, ...synonyms.contextWords, ...synonyms.subjectWords, ...synonyms.phrases.keys()]);
  const speller = buildSpellingCorrector(vocabularyOf(content, files), asTyped);
  // A risk factor or a management word alone ("bacteremia", "ID") does not make a question ours.
  const isSubjectTerm = (t: string) => index.isDomainTerm(t) && !synonyms.supportingTerms.has(t);
  const isKnownWord = (w: string) => rawTokens(w).every((t) => known.has(t.lower) || known.has(t.stem) || index.isDomainTerm(t.stem));

  // Related topics are fixed per entry: the entries that the entry's own tags and question find
  // best. Deriving them from the index keeps them data-driven (shared tags rank highest)
  // and stable, so the same answer always offers the same next topics.
  const related = new Map<string, FaqEntry[]>();
  for (const entry of entries) {
    const probe = [entry.question, ...entry.tags].join(' ');
    const ids = index.search(probe).map((c) => c.faqId).filter((id) => id !== entry.id);
    related.set(entry.id, lookup(ids.slice(0, 4)));
  }
  const generalTopics = lookup(files.routing.generalTopics);

  const view = (faqId: string, state: ClinicalState = { conflicts: [] }, notices: string[] = []) => {
    const entry = byId.get(faqId);
    const fitting = (related.get(faqId) ?? []).filter((e) => fits(applies(e.id), state)).slice(0, 3);
    return entry ? answerView(entry, fitting, content, labels, notices) : undefined;
  };
  const compressionEntry = byId.get(files.routing.intents.result.compression);
  // Declined, whatever the reason, with a compression stated ("SEA compressing the cord. which antibiotics?"): the emergency is offered first.
  const unsure = (offered: FaqEntry[], reason: UnsureReason, extra: Partial<FaqReply>, notices: string[]): FaqReply => {
    const close = extra.state?.compression === 'yes' && compressionEntry ? [compressionEntry, ...offered.filter((e) => e !== compressionEntry)].slice(0, 3) : offered;
    return { view: close.length > 0 ? notSureView(close, true, labels, notices) : notSureView(generalTopics, false, labels, notices), unsure: reason, ...extra };
  };

  /** The question as the FAQ reads it: identifiers blanked, shorthand expanded, typos corrected. */
  const prepare = (text: string) => {
    const scan = scanIdentifiers(text.slice(0, MAX_QUERY_CHARS), isKnownWord);
    return { found: scan.found, query: speller.correct(shorthand.expand(scan.text)) };
  };
  const normalise = (text: string) => prepare(text).query;
  const clauses = createClauseJudge({ index, reader, router, synonyms, isOrdinary, isSubjectTerm, rule });
  const { judge } = clauses;

  /** One question's answer; ask() runs it within an ask scope (askScope.ts). */
  function answer(text: string): FaqReply {
    if (isSmallTalk(text)) return { view: helpView(content) };
    const { found, query } = prepare(text);
    const notices = found ? [files.routing.identifierReminder] : [];
    const extra: Partial<FaqReply> = found ? { identifier: true } : {};
    const terms = index.queryTerms(query);
    // Only stop words left ("what is this?", "how does this work"): the user wants orientation.
    if (terms.length === 0) return found ? unsure([], 'no-match', extra, notices) : { view: helpView(content) };
    const state = reader.read(query);
    extra.state = state;
    // Contradictory safety cues: picking either branch could contradict the clinician. A conflict
    // between branches none of which applies (a post-operative patient's MRI) decides nothing.
    const outside = (id: string) => (applies(id)?.unlessAffirmed ?? []).some((role) => state.affirmed?.includes(role));
    const conflict = state.conflicts.find((axis) => !files.state.conflicts[axis].every(outside));
    if (conflict) return unsure(lookup(files.state.conflicts[conflict]), 'conflict', extra, notices);
    const all = index.search(query);
    const routed = router.route(query, state);
    // Antibiotic choice, dosing and duration, and the like: never this FAQ's to answer. Named only in
    // the context of a timing question, or before a stated MRI result or an order question ("60M on
    // dialysis, ... can the MRI wait?", "on dialysis, MRI shows discitis. Next?"), it is history.
    const parts = splitClauses(query);
    const context = (c: string, k: number) => !asks(c) && (routed?.intent === 'urgency' || k < parts.length - 1);
    // A question of one clause has no context to hold an off-topic request ("book MRI slot tmrw 8am pls").
    // After a positive MRI, admission and biopsy are its branch's own next steps (offTopicAfterPositive).
    const positive = routed?.intent === 'result' && routed.faqId === files.routing.intents.result.positive;
    const historyOnly = (routed?.intent === 'urgency' || routed?.intent === 'result' || routed?.intent === 'order') && parts.length > 1 && parts.every((c, k) => context(c, k) || !router.offTopic(c, positive));
    const offTopicAsked = (router.offTopic(query, positive) && !historyOnly) || (router.offTopicAnywhere(query) && state.mri === undefined);
    if (offTopicAsked || seeksOtherDisease(state) || otherPopulation(query)) return unsure(lookup(all.slice(0, 3).map((c) => c.faqId)), 'off-topic', extra, notices);
    const { topical, covered } = judge(query, all);
    // Only entries that fit the stated state are ranked at all.
    const ruledOut = router.ruledOut(query, state);
    const candidates = all.filter((c) => fits(applies(c.faqId), state) && !ruledOut.includes(c.faqId));
    const fitting = candidates.filter((c) => namesSubject(applies(c.faqId), state)).map((c) => c.faqId);
    // What to order for a patient the recommendation does not fit (post-operative): no search answer
    // stands in for it ("s/p cystoscopy ... next imaging?" may or may not be outside the pathway).
    if (routed?.intent === 'order' && !fits(applies(routed.faqId), state)) return unsure(lookup([files.routing.intents.scope.excluded, files.routing.intents.result.postOperative ?? routed.faqId]), 'no-margin', extra, notices);
    if (routed && fits(applies(routed.faqId), state) && clauses.intentCovered(routed.intent, query, state, covered)) {
      // The ranker checks the route's support too (it never replaces a route), except for what must never be held back.
      const held = ranker && !files.routing.alwaysAnswer.includes(routed.faqId) ? arbitrate(ranker, query, { answer: routed.faqId, routed: true, everydayGapOnly: true, candidates: fitting }, arbiterRule) : undefined;
      if (held?.kind === 'decline') return { ...unsure(lookup(held.offer), 'no-margin', extra, notices), learned: 'veto' };
      const offer = routed.intent === 'order' || routed.intent === 'result' ? [offers[routed.intent]] : [];
      const best = all.find((c) => c.faqId === routed.faqId);
      return { view: view(routed.faqId, state, [...notices, ...offer])!, match: { faqId: routed.faqId, score: best?.score ?? 0 }, intent: routed.intent, ...extra };
    }
    // Asked to get a service ("want me to get ID on board"), with no route: no search answer is about that.
    if (ruledOut.includes(files.routing.intents.order.answer)) return unsure(lookup(fitting.slice(0, 3)), 'no-margin', extra, notices);
    // Whether a word is known at all does not depend on the state: coverage is over every entry.
    let decision = decide(candidates, topical, isSubjectTerm, rule, index.isGeneric, all, isOrdinary);
    if (decision.kind === 'unsure' && decision.reason === 'low-coverage' && clauses.searchCovered(query)) {
      decision = decide(candidates, topical, isSubjectTerm, { ...rule, minCoverage: 0 }, index.isGeneric, all, isOrdinary);
    }
    // Long context can swamp the ranking ("CT shows endplate erosion ... Is a contrast CT a
    // substitute for the MRI?"): the asking clause, judged alone under the same rule, decides.
    const asking = decision.kind === 'unsure' ? clauses.askingClause(query) : undefined;
    if (asking) {
      const found = index.search(asking);
      const fitting = found.filter((c) => fits(applies(c.faqId), state) && !ruledOut.includes(c.faqId));
      const alone = decide(fitting, judge(asking, found).topical, isSubjectTerm, rule, index.isGeneric, found, isOrdinary);
      if (alone.kind === 'answer') decision = alone;
    }
    // The learned ranker may veto, swap or rescue within the entries that fit (rankerArbiter.ts).
    const gap = topical.filter((t) => !index.isGeneric(t) && !all.some((c) => c.queryTerms.includes(t)));
    const outcome = decision.kind === 'answer' ? { answer: decision.best.faqId } : { reason: decision.reason };
    // The search's own escalations are not exempt (alwaysAnswer is for routes): "cannot exclude" finds `exclusions`.
    const verdict = ranker ? arbitrate(ranker, query, { ...outcome, everydayGapOnly: gap.every(isOrdinary), candidates: fitting }, arbiterRule) : { kind: 'keep' as const };
    if (verdict.kind === 'answer') {
      const score = candidates.find((c) => c.faqId === verdict.faqId)?.score ?? 0;
      return { view: view(verdict.faqId, state, notices)!, match: { faqId: verdict.faqId, score }, learned: verdict.how, ...extra };
    }
    if (verdict.kind === 'decline') return { ...unsure(lookup(verdict.offer), 'no-margin', extra, notices), learned: 'veto' };
    // An entry about one study or finding answers only a question naming it (faq-state.yaml `subject`).
    if (decision.kind === 'answer' && namesSubject(applies(decision.best.faqId), state)) {
      const { faqId, score } = decision.best;
      return { view: view(faqId, state, notices)!, match: { faqId, score }, ...extra };
    }
    if (decision.kind === 'answer') return unsure(lookup([decision.best, ...decision.runnersUp].slice(0, 3).map((c) => c.faqId)), 'no-margin', extra, notices);
    return unsure(lookup(decision.suggestions.map((c) => c.faqId)), decision.reason, extra, notices);
  }

  return {
    ask: (text) => withinAsk(() => answer(text)),
    topic: (faqId) => view(faqId),
    rank: (text, limit = 3) => withinAsk(() => {
      const query = normalise(text);
      const state = reader.read(query);
      const ruledOut = router.ruledOut(query, state);
      const ranked = index.search(query).filter((c) => fits(applies(c.faqId), state) && !ruledOut.includes(c.faqId));
      // The entry the question's intent routes to comes first, as ask() would answer it.
      const routed = router.route(query, state);
      const first = routed && fits(applies(routed.faqId), state) ? routed.faqId : undefined;
      const ordered = first ? [...ranked.filter((c) => c.faqId === first), ...ranked.filter((c) => c.faqId !== first)] : ranked;
      return ordered.slice(0, limit).map(({ faqId, score }) => ({ faqId, score }));
    }),
    topics: () => entries.map((e) => topicOf(e, labels)),
    normalise,
  };
}
