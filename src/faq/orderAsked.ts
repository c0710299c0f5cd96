/**
 * Parts of telling whether a question asks what to order (intents.ts): a reason asked, a bare
 * order phrase, and what an order phrase gets when it is no study.
 */
import type { FaqRulesFiles } from './faqRulesFiles.js';
import { clauseStart, compilePhrases, type ScanToken } from './phraseScan.js';

/** Whether the clause holding token `at` opens with "why": it asks a reason ("why is MRI the best test"), not what to order. */
export function asksWhy(tokens: readonly ScanToken[], at: number): boolean {
  return tokens[clauseStart(tokens, at)]?.stem === 'why';
}

/** Whether the last sentence is nothing but an order phrase ("... lumbar. order?", "... fevers. imaging?"). */
export function bareOrder(tokens: readonly ScanToken[], hits: ReadonlyArray<{ start: number; end: number; labels: string[] }>): boolean {
  let b = tokens.length;
  while (b > 0 && tokens[b - 1].brk) b--;
  let a = b;
  while (a > 0 && tokens[a - 1].brk !== 'sentence') a--;
  const words = tokens.slice(a, b).filter((t) => !t.brk).length;
  return words > 0 && hits.some((h) => h.labels.includes('orderAlone') && h.start === a && h.end === b && h.end - h.start === words);
}

/** Compiles `notOrdered` and `services` (faq-routing.yaml order): whether what the order phrase ending at
 * `h.end` gets is no study ("what do we get from contrast", "want me to get ID on board"); `only`: of that label ('service'). */
export function compileGotNoStudy(order: FaqRulesFiles['routing']['intents']['order']) {
  const scanner = compilePhrases(new Map([['notOrdered', order.notOrdered], ['service', order.services]]));
  return (tokens: readonly ScanToken[], h: { end: number }, only?: 'service'): boolean => {
    const got = scanner.scan(tokens.slice(h.end, h.end + 4))[0];
    return got?.start === 0 && (!only || got.labels.includes(only));
  };
}
