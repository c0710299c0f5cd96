/**
 * The question sets the learned ranker may learn from: the tuning set, held-out v1 to v5 (all
 * tuning data since their measurements), the blind-written tuning sets t7a to t7d, t8a to t10c (their
 * first figures, before any tuning on them, were an unseen measurement) and held-out v6 and v7 (tuning data since
 * round 8) and v8 and v10 (since round 9). The frozen held-out v9, v11, v12 and v13 are never among them.
 */
import { SET_NAMES, heldOut2Set, heldOut3Set, heldOut4Set, heldOut5Set, heldOutSet, tuning7aSet, tuning7bSet, tuning7cSet, tuning7dSet, tuning8aSet, tuning8bSet, tuning9aSet, tuning9bSet, tuning10aSet, tuning10bSet, tuning10cSet, tuningSet, heldOut6Set, heldOut7Set, heldOut8Set, heldOut10Set, type EvalCase } from '../../test/faq/scoreSets.js';

/** One named set of cases. */
export interface NamedSet {
  name: string;
  cases: EvalCase[];
}

/** The tuning sets, in a fixed order (training is deterministic in it). */
export function rankerTuningSets(): NamedSet[] {
  return [
    { name: SET_NAMES.tuning, cases: tuningSet() },
    { name: SET_NAMES.v1, cases: heldOutSet() },
    { name: SET_NAMES.v2, cases: heldOut2Set() },
    { name: SET_NAMES.v3, cases: heldOut3Set() },
    { name: SET_NAMES.v4, cases: heldOut4Set() },
    { name: SET_NAMES.v5, cases: heldOut5Set() },
    { name: SET_NAMES.t7a, cases: tuning7aSet() },
    { name: SET_NAMES.t7b, cases: tuning7bSet() },
    { name: SET_NAMES.t7c, cases: tuning7cSet() },
    { name: SET_NAMES.t7d, cases: tuning7dSet() },
    { name: SET_NAMES.t8a, cases: tuning8aSet() },
    { name: SET_NAMES.t8b, cases: tuning8bSet() },
    { name: SET_NAMES.v6, cases: heldOut6Set() },
    { name: SET_NAMES.v7, cases: heldOut7Set() },
    { name: SET_NAMES.t9a, cases: tuning9aSet() },
    { name: SET_NAMES.t9b, cases: tuning9bSet() },
    { name: SET_NAMES.t10a, cases: tuning10aSet() },
    { name: SET_NAMES.t10b, cases: tuning10bSet() },
    { name: SET_NAMES.t10c, cases: tuning10cSet() },
    { name: SET_NAMES.v8, cases: heldOut8Set() },
    { name: SET_NAMES.v10, cases: heldOut10Set() },
  ];
}
