/**
 * The question sets the learned ranker may learn from: the tuning set and held-out v1 to v5, all
 * tuning data since their measurements. Held-out v6, the frozen set, is never among them.
 */
import { SET_NAMES, heldOut2Set, heldOut3Set, heldOut4Set, heldOut5Set, heldOutSet, tuningSet, type EvalCase } from '../../test/faq/scoreSets.js';

/** One named set of cases. */
export interface NamedSet {
  name: string;
  cases: EvalCase[];
}

/** The six tuning sets, in a fixed order (training is deterministic in it). */
export function rankerTuningSets(): NamedSet[] {
  return [
    { name: SET_NAMES.tuning, cases: tuningSet() },
    { name: SET_NAMES.v1, cases: heldOutSet() },
    { name: SET_NAMES.v2, cases: heldOut2Set() },
    { name: SET_NAMES.v3, cases: heldOut3Set() },
    { name: SET_NAMES.v4, cases: heldOut4Set() },
    { name: SET_NAMES.v5, cases: heldOut5Set() },
  ];
}
