/**
 * Questions the FAQ search alone answers badly, routed by their intent: "what should I order",
 * "the MRI came back ...", "can it wait". The cues and the entry each intent is answered with are
 * data (faq-routing.yaml); the answer is still a cited faq.yaml entry.
 */
import type { ClinicalState } from './clinicalState.js';
import type { FaqRulesFiles } from './faqRulesFiles.js';
import { clauseEnd, clauseStart, compilePhrases, composedTerms, scanTokens, type ScanToken } from './phraseScan.js';
import { stem } from './textAnalysis.js';
import { asksWhy, bareOrder, compileGotNoStudy } from './orderAsked.js';
import { perAsk } from './askScope.js';

/** The intents the router knows. */
export type Intent = 'order' | 'result' | 'urgency' | 'no-mri' | 'scope';

/** A routed question: the intent and the entry that answers it in the stated state. */
export interface Routed {
  intent: Intent;
  faqId: string;
}

/** A compiled router. */
export interface IntentRouter {
  /** The intent of a question (after shorthand expansion) in its state, if any. */
  route(text: string, state: ClinicalState): Routed | undefined;
  /** Stems of the words an intent phrase of the question used ("in the morning"). */
  explained(text: string): Set<string>;
  /** Whether the question asks about a subject the FAQ never answers (faq-routing.yaml offTopic); `afterPositive`: the MRI was read positive. */
  offTopic(text: string, afterPositive?: boolean): boolean;
  /** Whether the question says anywhere, context included, that infection is not its subject (faq-routing.yaml offTopicAnywhere). */
  offTopicAnywhere(text: string): boolean;
  /** Entries the question's wording rules out: the MRI urgency ones when its wait is about another study, the recommendation when it asks to get a service. */
  ruledOut(text: string, state: ClinicalState): string[];
}

/** Labels whose phrases are an intent's own words (explained, never unknown). */
const INTENT_LABELS: ReadonlySet<string> = new Set(['order', 'urgency', 'scope', 'excluded']);

/** Words that turn a statement around: what follows them counts instead. */
const TURNS: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'yet'].map(stem));

/** Words at most this far apart count as one "near" cue ("what ... order"). */
const NEAR_GAP = 5;

/** `excused(i, j)`: the pair at tokens i and j lies inside a phrase that says something else. */
function nearMatch(tokens: readonly ScanToken[], pairs: ReadonlyArray<readonly [string, string]>, excused = (_i: number, _j: number) => false): boolean {
  return pairs.some(([a, b]) => {
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].stem !== a) continue;
      for (let j = i + 1; j < tokens.length && j - i <= NEAR_GAP + 1; j++) {
        if (tokens[j].brk === 'sentence') break;
        if (tokens[j].stem === b && !excused(i, j)) return true;
      }
    }
    return false;
  });
}

/** Words that open a condition or a reason in a sentence. */
const CONDITIONS: ReadonlySet<string> = new Set(['when', 'if', 'since', 'because', 'given', 'while', 'as', 'after', 'once']);

/** Whether a hit is only a time ("overnight") in a clause saying what was done then ("got a non con mri overnight"). */
function timeOfPast(tokens: readonly ScanToken[], hits: ReadonlyArray<{ start: number; labels: string[] }>, hit: { start: number; labels: string[] }): boolean {
  if (!hit.labels.includes('time')) return false;
  const a = clauseStart(tokens, hit.start);
  const b = clauseEnd(tokens, hit.start);
  return hits.some((h) => h.labels.includes('past') && h.start >= a && h.start < b);
}

/** Whether a wait that needs an object ("push back the MRI") has none: "should I push back (on radiology)?" objects. */
function objectless(tokens: readonly ScanToken[], hit: { end: number; labels: string[] }): boolean {
  if (!hit.labels.includes('needsObject')) return false;
  const next = tokens[hit.end];
  return !next || !!next.brk || next.stem === 'on' || next.stem === 'against';
}

/** Cue roles that name the MRI: only an MRI named makes a stated result override an order question
 * (a finding only the MRI shows, "small ventral SEA", may be what the order is for). */
const MRI_NAMING = ['mri-study', 'mri-repeat'] as const;

/** Cue roles of an MRI finding, which after surgery may be normal post-operative change. */
const POST_OP_FINDINGS: ReadonlySet<string> = new Set(['finding', 'finding-general', 'finding-signal', 'result-positive', 'result-indeterminate']);

/** Words that negate the scope phrase right after them: "not meant for", "isn't intended for". */
const NEGATORS: ReadonlySet<string> = new Set(['not', 'isnt', 'arent', 'never', 'no', 'shouldnt', 'wasnt'].map(stem));

/** Whether a scope phrase is negated ("who is this guidance not meant for"): it asks who is excluded. */
function negatedScope(tokens: readonly ScanToken[], hits: ReadonlyArray<{ start: number; labels: string[] }>): boolean {
  return hits.some((h) => h.labels.includes('scope') && negatedAt(tokens, h.start));
}

/** Whether a negator stands in the two words before token `at` ("not post op", "isn't intended for"). */
function negatedAt(tokens: readonly ScanToken[], at: number): boolean {
  return tokens.slice(Math.max(0, at - 2), at).some((t) => NEGATORS.has(t.stem));
}

/** Words that open a question clause. */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['how', 'what', 'whats', 'which', 'when', 'why', 'would', 'could', 'can', 'should', 'will', 'is', 'are', 'do', 'does']);

/** The words naming the MRI and other studies (faq-state.yaml cues), to tell which study a wait is about. */
export interface StudyTerms {
  mri: readonly string[];
  other: readonly string[];
}

/**
 * The study a wait at token `at` is about: the first one named after it in its sentence ("the MRI
 * list is full till Thursday, would a CT do?"), else the last one named before it there ("can the
 * MRI wait till Monday"); none when its sentence names no study.
 */
function studyOfWait(tokens: readonly ScanToken[], hits: ReadonlyArray<{ start: number; labels: string[] }>, at: number): 'mri' | 'other' | undefined {
  let from = at;
  while (from > 0 && tokens[from - 1].brk !== 'sentence') from--;
  let to = at;
  while (to < tokens.length && tokens[to].brk !== 'sentence') to++;
  const study = (h: { labels: string[] }) => (h.labels.includes('mri') ? 'mri' : h.labels.includes('other') ? 'other' : undefined);
  const named = hits.filter((h) => h.start >= from && h.start < to && study(h));
  // A study after a condition ("why shouldn't the MRI be delayed when the x-ray is abnormal") is the
  // reason for the wait, not what waits.
  const conditional = (h: { start: number }) => tokens.slice(at, h.start).some((t) => CONDITIONS.has(t.stem));
  // In a later clause, a study is what the wait is about only when that clause asks about it ("MRI
  // full till Thursday, would a CT do?"), not when it is context ("delayed 48 hrs, abnormal ct").
  const askedLater = (h: { start: number }) => {
    if (!tokens.slice(at, h.start).some((t) => t.brk)) return true;
    const a = clauseStart(tokens, h.start);
    const b = clauseEnd(tokens, h.start);
    return QUESTION_WORDS.has(tokens[a].stem) || (tokens[b]?.stem.includes('?') ?? false);
  };
  const hit = named.find((h) => h.start > at && !conditional(h) && askedLater(h)) ?? named.filter((h) => h.start < at).at(-1);
  return hit && study(hit);
}

/** Compiles the intents of faq-routing.yaml; `studies` name the studies a wait can be about. */
export function compileIntents(file: FaqRulesFiles['routing'], studies: StudyTerms = { mri: [], other: [] }): IntentRouter {
  const { order, urgency, result, noMri, scope } = file.intents;
  // A study denied in any wording ("hasnt had any xray", "ct not done") is an exclusion of its own kind: no imaging yet.
  const deniedStudies = scope.beforeImagingComposed.flatMap(composedTerms);
  const scanner = compilePhrases(new Map([
    ['order', order.phrases], ['orderAlone', order.alone], ['level', order.levelPhrases], ['urgency', [...urgency.phrases, ...urgency.delay]], ['scope', scope.phrases],
    ['excluded', [...scope.excludedCues, ...deniedStudies]], ['beforeImaging', [...scope.beforeImagingCues, ...deniedStudies]], ['postOpCue', scope.postOpCues], ['off', [...file.offTopic, ...file.offTopicComposed.flatMap(composedTerms)]], ['alternative', urgency.unlessAlternative],
    ['mri', studies.mri], ['other', studies.other], ['notOff', file.offTopicExcept], ['offAnywhere', file.offTopicAnywhere],
    ['risk', urgency.whenRisk], ['time', urgency.timeOnly], ['past', urgency.pastMarkers], ['durationOf', urgency.unlessAbout], ['setting', urgency.setting], ['needsObject', urgency.needsObject],
  ]));
  const stems = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([a, b]) => [stem(a.toLowerCase()), stem(b.toLowerCase())] as const);
  const near = stems(order.near);
  /** One-word names of the MRI: a wait phrase naming it ("can the mri wait") is the MRI's. */
  const mriWords = new Set(studies.mri.filter((t) => !t.includes(' ')).map((t) => stem(t.toLowerCase())));
  const scopeNear = stems(scope.near);
  const offNear = stems(file.offTopicNear);
  // Scanned apart: asked before the MRI is read, these phrases must hide no off-topic word inside them.
  const afterPositiveScanner = compilePhrases(new Map([['afterPositive', file.offTopicAfterPositive]]));
  const getsNoStudy = compileGotNoStudy(order);
  /** Whether the question's wait is about another study, or it asks for one instead of the MRI. */
  const waitAboutOther = (text: string, state: ClinicalState) => {
    const { tokens, hits } = scanned(text);
    const otherStudy = state.mentioned?.includes('other-study') ?? false;
    const waits = hits.filter((h) => h.labels.includes('urgency'));
    // A wait the question puts on the MRI itself ("can the mri wait till morning") is the MRI's,
    // whatever time words the context gave ("ct shows erosion, numb feet tonight").
    const about = waits.map((h) => (tokens.slice(h.start, h.end).some((t) => mriWords.has(t.stem)) ? 'mri' : studyOfWait(tokens, hits, h.start)));
    return waits.length > 0 && ((otherStudy && hits.some((h) => h.labels.includes('alternative'))) || (about.includes('other') && !about.includes('mri')));
  };
  // Routing and the explained words read the same question in an ask: scan it once (askScope.ts).
  const scanned = perAsk((text: string) => {
    const tokens = scanTokens(text);
    return { tokens, hits: scanner.scan(tokens) };
  });
  return {
    explained(text) {
      const { tokens, hits } = scanned(text);
      const words = hits.filter((h) => h.labels.some((l) => INTENT_LABELS.has(l))).flatMap((h) => tokens.slice(h.start, h.end).map((t) => t.stem));
      // The words of a "near" pair that matched ("which ... protocol") are the intent's too.
      for (const [a, b] of [...near, ...scopeNear]) if (nearMatch(tokens, [[a, b]])) words.push(a, b);
      return new Set(words);
    },
    offTopic(text, afterPositive = false) {
      const { tokens, hits } = scanned(text);
      // "start antibiotics and watch" (an offTopicExcept phrase) asks whether to wait, not which antibiotics;
      // after a positive MRI, "biopsy or can we just start antibiotics" asks that branch's next steps.
      const steps = afterPositive ? afterPositiveScanner.scan(tokens) : [];
      const except = [...hits.filter((h) => h.labels.includes('notOff')), ...steps];
      const excused = (i: number, j: number) => except.some((h) => h.start <= i && j < h.end);
      return hits.some((h) => h.labels.includes('off') && !excused(h.start, h.end - 1)) || nearMatch(tokens, offNear, excused);
    },
    // Not when what follows turns back to infection ("ED says no infection suspected but he has fever and IVDU").
    offTopicAnywhere(text) {
      const { tokens, hits } = scanned(text);
      return hits.some((h) => h.labels.includes('offAnywhere') && !tokens.slice(h.end).some((t) => TURNS.has(t.stem)));
    },
    ruledOut(text, state) {
      const { tokens, hits } = scanned(text);
      // Asked to get a service ("want us to get neurosurgery to see him"), not a study: not what to order.
      const getsService = hits.some((h) => h.labels.includes('order') && getsNoStudy(tokens, h, 'service'));
      return [...(waitAboutOther(text, state) ? [urgency.answer, urgency.whenDeficit] : []), ...(getsService ? [order.answer] : [])];
    },
    route(text, state) {
      // A stated result comes first: its branch is what the clinician needs next.
      if (state.compression === 'yes' && state.mri !== 'negative' && state.mri !== 'indeterminate') return { intent: 'result', faqId: result.compression };
      const postOp = state.affirmed?.includes('post-operative') ?? false;
      const { tokens, hits } = scanned(text);
      // "Why is MRI the best test" asks the reason for the recommendation, not what to order.
      const orderAsked = hits.some((h) => h.labels.includes('order') && !asksWhy(tokens, h.start) && !getsNoStudy(tokens, h)) || (nearMatch(tokens, near) && !asksWhy(tokens, 0)) || bareOrder(tokens, hits);
      // A report naming no MRI, with what to order asked ("IMPRESSION: ... infection not excluded. which study
      // next?"), is the initial imaging's: the MRI is not done yet.
      const mriNamed = MRI_NAMING.some((r) => state.mentioned?.includes(r));
      // Nor is one when the MRI is not possible: there is no MRI to have read.
      if (state.mri && !postOp && (mriNamed || (!orderAsked && state.mriPossible !== 'no'))) return { intent: 'result', faqId: result[state.mri] };
      const labels = new Set(hits.filter((h) => !timeOfPast(tokens, hits, h) && !objectless(tokens, h)).flatMap((h) => h.labels));
      // "Can it wait" is about the MRI: a wait about another study ("can the ct guided biopsy wait",
      // "mri list full till thursday, would a ct do?") is not this rule, but one in a sentence after
      // the CT was reported ("CT shows erosion. Scanner booked till Monday, ok?") is. Nor is "can I
      // do a CT instead, the MRI has a 2 day wait": that asks for an alternative study.
      // How long a finding lasts ("how long can enhancement persist") is not a wait; a wait asked
      // about with its harm ("could waiting cause nerve damage") is the risk of delay.
      // "What do we do" when MRI is impossible is the contraindication question, asked with a time
      // or not: the MRI's urgency cannot apply to a patient who cannot have one.
      if (state.mriPossible === 'no') return { intent: 'no-mri', faqId: noMri.answer };
      // A time alone in a question asking what to order ("the right order to put in tonight") is when it is ordered.
      const timeOnly = hits.every((h) => !h.labels.includes('urgency') || h.labels.includes('time'));
      if (labels.has('urgency') && !labels.has('durationOf') && !waitAboutOther(text, state) && !(orderAsked && timeOnly)) {
        // A deficit named as what waiting could cause ("how fast can an abscess cause paralysis") is its risk.
        const harm = labels.has('risk') || (state.neuro !== 'intact' && (state.sought?.includes('deficit') ?? false));
        return { intent: 'urgency', faqId: state.neuro === 'deficit' || harm ? urgency.whenDeficit : urgency.answer };
      }
      // A patient with an acute severe deficit is outside the pathway: asked what to order or about the MRI, who it is not for.
      if (state.affirmed?.includes('severe-deficit') && (orderAsked || state.mentioned?.includes('mri-study'))) return { intent: 'scope', faqId: scope.excluded };
      // "Is this for post-op patients": who the pathway is for, or not for when an exclusion is named
      // or the question states a neurologic deficit or compression (those need emergent evaluation).
      // An exclusion named: "no CT yet" only with no radiograph or CT done, "surgery" only with a post-operative state affirmed.
      const imaged = state.affirmed?.includes('other-study') ?? false;
      const exclusionHits = hits.filter((h) => h.labels.includes('excluded') && !(h.labels.includes('beforeImaging') && imaged) && !(h.labels.includes('postOpCue') && !postOp));
      const excluded = exclusionHits.length > 0 || negatedScope(tokens, hits) || state.neuro === 'deficit' || state.compression === 'yes' || (state.affirmed?.includes('post-operative') ?? false);
      if (labels.has('scope') || nearMatch(tokens, scopeNear)) return { intent: 'scope', faqId: excluded ? scope.excluded : scope.included };
      // A post-operative patient's MRI finding: the result branches do not apply, the pitfall does; asked
      // what to order instead, the order route below says who the pathway is not for, or declines.
      if (postOp && result.postOperative && !orderAsked && state.mentioned?.some((r) => POST_OP_FINDINGS.has(r))) return { intent: 'result', faqId: result.postOperative };
      // Asked what to order while naming an exclusion ("no xr or CT yet"; not "not post op"), who the pathway
      // is not for; naming only the MRI, and it without contrast ("just order it w/o gad?"), the non-contrast pitfall.
      if (orderAsked && exclusionHits.some((h) => !negatedAt(tokens, h.start))) return { intent: 'scope', faqId: scope.excluded };
      if (orderAsked && order.nonContrast && state.contrast === 'none' && !state.mentioned?.includes('other-study')) return { intent: 'order', faqId: order.nonContrast };
      // Which part of the spine to image ("which level do I put on the MRI order", "neck or low back"): the level entry.
      if (order.level && hits.some((h) => h.labels.includes('level'))) return { intent: 'order', faqId: order.level };
      if (orderAsked) return { intent: 'order', faqId: order.answer };
      return undefined;
    },
  };
}
