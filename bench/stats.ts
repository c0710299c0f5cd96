/** Latency and throughput of one load run. */
export interface RunStats {
  requests: number;
  errors: number;
  /** Each kind of error and how often it happened (ECONNRESET, HTTP 400, no Web API call in 5 s). */
  errorKinds: Record<string, number>;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  consults: number;
  /** Every latency (ms), sorted, so rounds can be merged. */
  latencies: number[];
}

/** The q-quantile (0..1) of sorted numbers. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Summarises latencies (ms) collected over `seconds`. */
export function summarise(latencies: number[], errors: readonly string[], seconds: number, consults: number): RunStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const errorKinds: Record<string, number> = {};
  for (const e of errors) errorKinds[e] = (errorKinds[e] ?? 0) + 1;
  return {
    requests: latencies.length, errors: errors.length, errorKinds, seconds, consults,
    throughput: latencies.length / seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), latencies: sorted,
  };
}

/** Several runs of one app as one: requests over the summed time, quantiles over every latency. */
export function mergeRuns(runs: readonly RunStats[]): RunStats {
  const seconds = runs.reduce((a, r) => a + r.seconds, 0);
  const merged = summarise(runs.flatMap((r) => r.latencies), [], seconds, runs.reduce((a, r) => a + r.consults, 0));
  for (const r of runs) for (const [kind, n] of Object.entries(r.errorKinds)) merged.errorKinds[kind] = (merged.errorKinds[kind] ?? 0) + n;
  return { ...merged, errors: runs.reduce((a, r) => a + r.errors, 0) };
}

/** Fixed-width number for the report. */
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
