/**
 * Patients the source says nothing about: a child named anywhere in a question ("child with
 * discitis, what imaging", "8 year old, xr shows disc narrowing") is not this pathway's patient,
 * so the question is declined even where other off-topic words would be read as history.
 * The words and the age bar are data (faq-routing.yaml otherPopulation).
 */
import { compilePhrases, scanTokens, type ScanToken } from './phraseScan.js';

/** Words (stems) after a number that make it an age: "8 yo", "8 y o", "8 year old", "6 month old". */
const AGE_UNITS: ReadonlyArray<readonly string[]> = [['yo'], ['y', 'o'], ['year', 'old'], ['yr', 'old'], ['yrs', 'old'], ['month', 'old'], ['week', 'old'], ['day', 'old']];

/** The age in years stated at token `i` ("8yo", "8 year old"; "6 month old" is 0), if any. */
export function statedAge(tokens: readonly ScanToken[], i: number): number | undefined {
  const glued = /^(\d{1,3})yo$/.exec(tokens[i].stem);
  if (glued) return Number(glued[1]);
  if (!/^\d{1,3}$/.test(tokens[i].stem)) return undefined;
  const unit = AGE_UNITS.find((u) => u.every((w, k) => tokens[i + 1 + k]?.stem === w));
  if (!unit) return undefined;
  return unit[0].startsWith('y') ? Number(tokens[i].stem) : 0;
}

/** Compiles the otherPopulation phrases; the check says whether a question names such a patient. */
export function compileOtherPopulation(spec: { phrases: readonly string[]; youngerThan: number } | undefined): (text: string) => boolean {
  if (!spec) return () => false;
  const scanner = compilePhrases(new Map([['population', spec.phrases]]));
  return (text) => {
    const tokens = scanTokens(text);
    if (scanner.scan(tokens).length > 0) return true;
    return tokens.some((_, i) => {
      const age = statedAge(tokens, i);
      return age !== undefined && age < spec.youngerThan;
    });
  };
}
