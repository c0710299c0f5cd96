/** Latency and throughput of one load run. */
export interface RunStats {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  consults: number;
}

/** The q-quantile (0..1) of sorted numbers. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Summarises latencies (ms) collected over `seconds`. */
export function summarise(latencies: number[], errors: number, seconds: number, consults: number): RunStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length, errors, seconds, consults,
    throughput: latencies.length / seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99),
  };
}

/** Fixed-width number for the report. */
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
