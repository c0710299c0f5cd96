/** The question set files of test/faq, one loader each, with what each set is (see scoreSets.ts and docs/faq.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';
import type { EvalCase } from './scoreSets.js';

function loadCases(file: string): EvalCase[] {
  const data = parse(readFileSync(join(PROJECT_ROOT, 'test/faq', file), 'utf8')) as { cases: EvalCase[] };
  return data.cases;
}

/** Held-out v1 (test/faq/heldOut.yaml): frozen, seen since 2026-11-28 09:45, now tuning data. */
export function heldOutSet(): EvalCase[] {
  return loadCases('heldOut.yaml');
}

/** Held-out v2 (test/faq/heldOut2.yaml): measured once at 2026-11-28 10:05, tuning data since. */
export function heldOut2Set(): EvalCase[] {
  return loadCases('heldOut2.yaml');
}

/** Held-out v3 (test/faq/heldOut3.yaml): frozen before round 3, measured at 11:26 and 12:20, tuning data since round 4. */
export function heldOut3Set(): EvalCase[] {
  return loadCases('heldOut3.yaml');
}

/** Held-out v4 (test/faq/heldOut4.yaml): frozen before round 4, measured once at 13:35, tuning data since round 5. */
export function heldOut4Set(): EvalCase[] {
  return loadCases('heldOut4.yaml');
}

/** Held-out v5 (test/faq/heldOut5.yaml): frozen before round 5, measured once at 14:13, tuning data since round 6. */
export function heldOut5Set(): EvalCase[] {
  return loadCases('heldOut5.yaml');
}

/** Tuning set t7a (test/faq/tuning7a.yaml): written blind (long, context first, typos); its first figures were an unseen measurement. */
export function tuning7aSet(): EvalCase[] {
  return loadCases('tuning7a.yaml');
}

/** Tuning set t7b (test/faq/tuning7b.yaml): written blind (terse, abbreviations, tricky negation); its first figures were an unseen measurement. */
export function tuning7bSet(): EvalCase[] {
  return loadCases('tuning7b.yaml');
}

/** Tuning set t7c (test/faq/tuning7c.yaml): written blind (plain everyday words, MRI results in own words); its first figures were an unseen measurement. */
export function tuning7cSet(): EvalCase[] {
  return loadCases('tuning7c.yaml');
}

/** Tuning set t7d (test/faq/tuning7d.yaml): written blind (pasted report impressions, decoys, several questions in one); its first figures were an unseen measurement. */
export function tuning7dSet(): EvalCase[] {
  return loadCases('tuning7d.yaml');
}

/** Tuning set t8a (test/faq/tuning8a.yaml): written blind (everyone's mix); its first figures, after round 7's two passes, were an unseen measurement. */
export function tuning8aSet(): EvalCase[] {
  return loadCases('tuning8a.yaml');
}

/** Tuning set t8b (test/faq/tuning8b.yaml): written blind (situations first, non-native phrasing); its first figures, after round 7's two passes, were an unseen measurement. */
export function tuning8bSet(): EvalCase[] {
  return loadCases('tuning8b.yaml');
}

/** Tuning set t9a (test/faq/tuning9a.yaml): written blind (ED night shift in Slack); its first figures, before round 8, were an unseen measurement. */
export function tuning9aSet(): EvalCase[] {
  return loadCases('tuning9a.yaml');
}

/** Tuning set t9b (test/faq/tuning9b.yaml): written blind (the patient's story first); its first figures, before round 8, were an unseen measurement. */
export function tuning9bSet(): EvalCase[] {
  return loadCases('tuning9b.yaml');
}

/** Tuning set t10a (test/faq/tuning10a.yaml): written blind (radiologists); first figures at 330c4a4, before any tuning on it: 89.4% top-1. */
export function tuning10aSet(): EvalCase[] {
  return loadCases('tuning10a.yaml');
}

/** Tuning set t10b (test/faq/tuning10b.yaml): written blind (nurses and juniors, misspellings); first figures at 330c4a4: 87.5% top-1. */
export function tuning10bSet(): EvalCase[] {
  return loadCases('tuning10b.yaml');
}

/** Tuning set t10c (test/faq/tuning10c.yaml): written blind (sceptical seniors, ED at night); first figures at 330c4a4: 93.1% top-1, 1 wrong-polarity. */
export function tuning10cSet(): EvalCase[] {
  return loadCases('tuning10c.yaml');
}

/** Held-out v6 (test/faq/heldOut6.yaml): frozen before round 6 tuning; measured at round 7's end (89.3%), tuning data since round 8. */
export function heldOut6Set(): EvalCase[] {
  return loadCases('heldOut6.yaml');
}

/** Held-out v7 (test/faq/heldOut7.yaml): frozen in c1cc70a before round 7 tuning; measured at its end (91.3%), tuning data since round 8. */
export function heldOut7Set(): EvalCase[] {
  return loadCases('heldOut7.yaml');
}

/** Held-out v8 (test/faq/heldOut8.yaml): frozen in db97596 before round 8 tuning; measured after it (22:40, 91.9%), tuning data since round 9. */
export function heldOut8Set(): EvalCase[] {
  return loadCases('heldOut8.yaml');
}

/** Held-out v9 (test/faq/heldOut9.yaml): frozen in db97596 before round 8 tuning; only ever measured. */
export function heldOut9Set(): EvalCase[] {
  return loadCases('heldOut9.yaml');
}

/** Held-out v10 (test/faq/heldOut10.yaml): frozen in 5b69df4 before round 9; measured once on round 8's code (23:05, 90.0%), tuning data since. */
export function heldOut10Set(): EvalCase[] {
  return loadCases('heldOut10.yaml');
}

/** Held-out v11 (test/faq/heldOut11.yaml): frozen in 5b69df4 before round 9 tuning; only ever measured. */
export function heldOut11Set(): EvalCase[] {
  return loadCases('heldOut11.yaml');
}

/** Held-out v12 (test/faq/heldOut12.yaml): frozen in c1697f9 before round 9 tuning; only ever measured. */
export function heldOut12Set(): EvalCase[] {
  return loadCases('heldOut12.yaml');
}

/** Held-out v13 (test/faq/heldOut13.yaml): frozen in c1697f9 before round 9 tuning; only ever measured. */
export function heldOut13Set(): EvalCase[] {
  return loadCases('heldOut13.yaml');
}
