/** The value of one sample in Prometheus text, e.g. `spine_clicks_rejected_total{reason="stale"}`; 0 when absent. */
export function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
