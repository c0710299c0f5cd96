import type { PersistedConsult } from './engine.js';
import { Lru } from './lru.js';
import { stateKey } from './transitionTable.js';
import type { View } from './viewTypes.js';

/** Views kept per process; the shipped flow has ~160 states, and a view is a few KB. */
const MAX_VIEWS = 512;

/** Freezes an object and everything it holds (views are plain data). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Memoises a pure view function: a view depends only on the flow id and version, the state, the
 * answers and the step, so consults on a common path share one frozen view object (which also
 * lets a channel memoise what it renders from it by identity).
 */
export function memoiseView(build: (consult: PersistedConsult) => View, max = MAX_VIEWS): (consult: PersistedConsult) => View {
  const memo = new Lru<string, View>(max);
  return (consult) => {
    const key = `${consult.flowId}\u0000${consult.flowVersion}\u0000${consult.context.step}\u0000${stateKey(consult.value, consult.context.answers)}`;
    let view = memo.get(key);
    if (!view) {
      view = deepFreeze(build(consult));
      memo.set(key, view);
    }
    return view;
  };
}
