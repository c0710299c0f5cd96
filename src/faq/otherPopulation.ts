/**
 * Patients the source says nothing about: a child named anywhere in a question ("child with
 * discitis, what imaging", "8 year old, xr shows disc narrowing") is not this pathway's patient,
 * so the question is declined even where other off-topic words would be read as history.
 * The words and the age bar are data (faq-routing.yaml otherPopulation).
 */
import { compilePhrases, scanTokens, type ScanToken } from './phraseScan.js';

/** Words (stems) after a number that make it an age: "8 yo", "8 y o", "8 year old", "6 month old". */
const AGE_UNITS: ReadonlyArray<readonly string[]> = [['yo'], ['y', 'o'], ['year', 'old'], ['yr', 'old'], ['yrs', 'old'], ['month', 'old'], ['week', 'old'], ['day', 'old']];

/** The age in years stated at token `i` ("8yo", "8 year old"; "6 month old" is 0), if any, with the index after it. */
function ageAt(tokens: readonly ScanToken[], i: number): { age: number; end: number } | undefined {
  const glued = /^(\d{1,3})yo$/.exec(tokens[i].stem);
  if (glued) return { age: Number(glued[1]), end: i + 1 };
  if (!/^\d{1,3}$/.test(tokens[i].stem)) return undefined;
  const unit = AGE_UNITS.find((u) => u.every((w, k) => tokens[i + 1 + k]?.stem === w));
  if (!unit) return undefined;
  return { age: unit[0].startsWith('y') ? Number(tokens[i].stem) : 0, end: i + 1 + unit.length };
}

/** The age in years stated at token `i` ("8yo", "8 year old"; "6 month old" is 0), if any. */
export function statedAge(tokens: readonly ScanToken[], i: number): number | undefined {
  return ageAt(tokens, i)?.age;
}

/** What the otherPopulation check reads (faq-routing.yaml). */
interface PopulationSpec { phrases: readonly string[]; youngerThan: number; agedThings?: readonly string[]; drugs?: readonly string[] }

/** Compiles the otherPopulation phrases; the check says whether a question names such a patient.
 * An age followed by a thing ("a 3 day old MRI") is the thing's; a population word before a drug
 * ("baby aspirin") names the drug: neither is the patient. */
export function compileOtherPopulation(spec: PopulationSpec | undefined): (text: string) => boolean {
  if (!spec) return () => false;
  const scanner = compilePhrases(new Map([['population', spec.phrases], ['thing', spec.agedThings ?? []], ['drug', spec.drugs ?? []]]));
  return (text) => {
    const tokens = scanTokens(text);
    const hits = scanner.scan(tokens);
    const startsWith = (label: string, at: number) => hits.some((h) => h.start === at && h.labels.includes(label));
    if (hits.some((h) => h.labels.includes('population') && !startsWith('drug', h.end))) return true;
    return tokens.some((_, i) => {
      const stated = ageAt(tokens, i);
      return stated !== undefined && stated.age < spec.youngerThan && !startsWith('thing', stated.end);
    });
  };
}
