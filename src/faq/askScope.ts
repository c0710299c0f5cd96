/**
 * Work shared within one question. ask() reads the same few texts many times over (words,
 * synonym segments and phrase scans for the state, the intents, the search and the clause judge);
 * inside {@link withinAsk} a function wrapped by {@link perAsk} runs once per text. Every memo is
 * emptied when the ask ends, so no question text stays in memory after its answer, and nothing
 * carries over from one question to the next (a benchmark that repeats questions gains nothing).
 */

/** Live memos; a memo of a compiled scanner that is gone is dropped on the next clear. */
const memos = new Set<WeakRef<Map<unknown, unknown>>>();
let depth = 0;

/** `fn` memoised by its argument while an ask runs; outside one it simply runs. Results are shared, so callers must not change them. */
export function perAsk<K, V>(fn: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  memos.add(new WeakRef(memo as Map<unknown, unknown>));
  return (key) => {
    if (depth === 0) return fn(key);
    if (memo.has(key)) return memo.get(key) as V;
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}

/** Runs one question's work with the memos on, and empties them when it returns or throws. */
export function withinAsk<T>(run: () => T): T {
  depth++;
  try {
    return run();
  } finally {
    if (--depth === 0) {
      for (const ref of memos) {
        const memo = ref.deref();
        if (memo) memo.clear();
        else memos.delete(ref);
      }
    }
  }
}
