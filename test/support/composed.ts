import { composeView, controlButtons, type Capabilities, type Composed, type ComposedView } from '../../src/interaction/composeView.js';
import type { PersistedConsult } from '../../src/flow/engine.js';
import type { View } from '../../src/flow/viewTypes.js';
import type { FollowUp } from '../../src/store/types.js';
import { testPathways } from '../store/storeHarness.js';

/** A hand-made view with the control buttons composeView would give it (the shipped flow's reopen label). */
export function composed<V extends View>(view: V, reopenLabel = 'Record MRI result'): Composed<V> {
  return { ...view, buttons: controlButtons(view.controls, reopenLabel) };
}

/** The composed view of a consult of the shipped pathway, as every channel gets it. */
export function composedOf(snapshot: PersistedConsult, capabilities: Capabilities = { radiology: false }, followUp?: FollowUp): ComposedView {
  return composeView(testPathways().list()[0], { snapshot, ...(followUp ? { followUp } : {}) }, capabilities);
}
