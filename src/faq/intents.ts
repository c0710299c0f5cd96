/**
 * Questions the FAQ search alone answers badly, routed by their intent: "what should I order",
 * "the MRI came back ...", "can it wait". The cues and the entry each intent is answered with are
 * data (faq-routing.yaml); the answer is still a cited faq.yaml entry.
 */
import type { ClinicalState } from './clinicalState.js';
import type { FaqRulesFiles } from './faqRulesFiles.js';
import { compilePhrases, scanTokens, type ScanToken } from './phraseScan.js';
import { stem } from './textAnalysis.js';

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
  /** Whether the question asks about a subject the FAQ never answers (faq-routing.yaml offTopic). */
  offTopic(text: string): boolean;
}

/** Words at most this far apart count as one "near" cue ("what ... order"). */
const NEAR_GAP = 5;

function nearMatch(tokens: readonly ScanToken[], pairs: ReadonlyArray<readonly [string, string]>): boolean {
  return pairs.some(([a, b]) => {
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].stem !== a) continue;
      for (let j = i + 1; j < tokens.length && j - i <= NEAR_GAP + 1; j++) {
        if (tokens[j].brk === 'sentence') break;
        if (tokens[j].stem === b) return true;
      }
    }
    return false;
  });
}

/** Compiles the intents of faq-routing.yaml. */
export function compileIntents(file: FaqRulesFiles['routing']): IntentRouter {
  const { order, urgency, result, noMri, scope } = file.intents;
  const scanner = compilePhrases(new Map([
    ['order', order.phrases], ['urgency', urgency.phrases], ['scope', scope.phrases],
    ['excluded', scope.excludedCues], ['off', file.offTopic], ['alternative', urgency.unlessAlternative],
  ]));
  const stems = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([a, b]) => [stem(a.toLowerCase()), stem(b.toLowerCase())] as const);
  const near = stems(order.near);
  const offNear = stems(file.offTopicNear);
  // Routing and the explained words read the same question in a row: scan it once.
  let last: { text: string; tokens: ScanToken[]; hits: ReturnType<typeof scanner.scan> } | undefined;
  const scanned = (text: string) => {
    if (last?.text !== text) {
      const tokens = scanTokens(text);
      last = { text, tokens, hits: scanner.scan(tokens) };
    }
    return last;
  };
  return {
    explained(text) {
      const { tokens, hits } = scanned(text);
      const words = hits.filter((h) => !h.labels.includes('off') && !h.labels.includes('alternative')).flatMap((h) => tokens.slice(h.start, h.end).map((t) => t.stem));
      // The words of a "near" pair that matched ("which ... protocol") are the intent's too.
      for (const [a, b] of near) if (nearMatch(tokens, [[a, b]])) words.push(a, b);
      return new Set(words);
    },
    offTopic(text) {
      const { tokens, hits } = scanned(text);
      return hits.some((h) => h.labels.includes('off')) || nearMatch(tokens, offNear);
    },
    route(text, state) {
      // A stated result comes first: its branch is what the clinician needs next.
      if (state.compression === 'yes' && state.mri !== 'negative' && state.mri !== 'indeterminate') return { intent: 'result', faqId: result.compression };
      if (state.mri) return { intent: 'result', faqId: result[state.mri] };
      const { tokens, hits } = scanned(text);
      const labels = new Set(hits.flatMap((h) => h.labels));
      // "Can it wait" is about the MRI: a question about another study's timing is not this rule.
      // Nor is "can I do a CT instead, the MRI has a 2 day wait": that asks for an alternative study.
      const otherStudy = state.mentioned?.includes('other-study') ?? false;
      const aboutOther = otherStudy && (!state.mentioned?.includes('mri-study') || labels.has('alternative'));
      if (labels.has('urgency') && !aboutOther) return { intent: 'urgency', faqId: state.neuro === 'deficit' ? urgency.whenDeficit : urgency.answer };
      // "What should I order" when MRI is impossible is the contraindication question.
      if (state.mriPossible === 'no') return { intent: 'no-mri', faqId: noMri.answer };
      // "Is this for post-op patients": who the pathway is for, or not for when an exclusion is named.
      if (labels.has('scope')) return { intent: 'scope', faqId: labels.has('excluded') ? scope.excluded : scope.included };
      if (labels.has('order') || nearMatch(tokens, near)) return { intent: 'order', faqId: order.answer };
      return undefined;
    },
  };
}
