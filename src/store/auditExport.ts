import type { AuditRow } from './types.js';

/** Export formats for the audit trail. */
export type AuditFormat = 'csv' | 'jsonl';

/** Column names of the export, in order (snake_case, as governance tools expect). */
export const AUDIT_COLUMNS = [
  'consult_id', 'seq', 'at', 'user_id', 'event', 'from_step', 'to_step', 'outcome_id', 'channel', 'flow_version',
] as const;

type ExportRow = Record<(typeof AUDIT_COLUMNS)[number], string | number | null>;

const toExportRow = (a: AuditRow): ExportRow => ({
  consult_id: a.consultId, seq: a.seq, at: a.at.toISOString(), user_id: a.userId, event: a.event,
  from_step: a.fromStep, to_step: a.toStep, outcome_id: a.outcomeId, channel: a.channel, flow_version: a.flowVersion,
});

// RFC 4180 quoting, plus a leading quote mark for values a spreadsheet would run as a formula.
function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The audit rows as CSV with a header line (CRLF line ends, per RFC 4180). */
export function auditToCsv(rows: AuditRow[]): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const row of rows.map(toExportRow)) lines.push(AUDIT_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The audit rows as JSON Lines, one object per row. */
export function auditToJsonl(rows: AuditRow[]): string {
  return rows.map((r) => `${JSON.stringify(toExportRow(r))}\n`).join('');
}

/** Headline figures for clinical governance over one export window. */
export interface AuditSummary {
  /** Consults started in the window. */
  started: number;
  /** Consults by the outcome they rest on at their latest row (after an MRI result, the result's outcome). */
  outcomes: Record<string, number>;
  cancelled: number;
  expired: number;
  /** Median minutes from start to the first outcome shown, over consults started in the window; null if none. */
  medianMinutesToOutcome: number | null;
  /** Feedback on recommendations by choice and reason, e.g. `something_else:availability`. */
  feedback: Record<string, number>;
  /** Radiology hand-offs sent and taken. */
  handoffs: { requested: number; claimed: number };
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Outcome counts and the median time to an outcome, from audit rows ordered oldest first. */
export function summarizeAudit(rows: AuditRow[]): AuditSummary {
  const byConsult = new Map<string, AuditRow[]>();
  for (const r of rows) byConsult.set(r.consultId, [...(byConsult.get(r.consultId) ?? []), r]);
  const summary: AuditSummary = {
    started: 0, outcomes: {}, cancelled: 0, expired: 0, medianMinutesToOutcome: null, feedback: {}, handoffs: { requested: 0, claimed: 0 },
  };
  for (const r of rows) {
    if (r.event.startsWith('feedback:')) {
      const key = r.event.slice('feedback:'.length);
      summary.feedback[key] = (summary.feedback[key] ?? 0) + 1;
    } else if (r.event === 'handoff:requested') summary.handoffs.requested++;
    else if (r.event === 'handoff:claimed') summary.handoffs.claimed++;
  }
  const minutes: number[] = [];
  for (const trail of byConsult.values()) {
    const start = trail.find((r) => r.event === 'start');
    if (start) summary.started++;
    // Feedback and hand-off rows follow an outcome without changing where the consult rests.
    const last = trail.filter((r) => !/^(feedback|handoff|refused):/.test(r.event)).at(-1) ?? trail.at(-1)!;
    if (last.event === 'cancel') summary.cancelled++;
    else if (last.event === 'expire') summary.expired++;
    if (last.outcomeId) summary.outcomes[last.outcomeId] = (summary.outcomes[last.outcomeId] ?? 0) + 1;
    const firstOutcome = trail.find((r) => r.outcomeId !== null);
    if (start && firstOutcome) minutes.push((firstOutcome.at.getTime() - start.at.getTime()) / 60_000);
  }
  const m = median(minutes);
  summary.medianMinutesToOutcome = m === null ? null : Math.round(m * 10) / 10;
  return summary;
}

/** The summary as CSV (metric,key,value) or one JSON line. */
export function formatSummary(s: AuditSummary, format: AuditFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(s)}\n`;
  const lines = ['metric,key,value', `started,,${s.started}`];
  for (const [id, n] of Object.entries(s.outcomes).sort()) lines.push(`outcome,${csvField(id)},${n}`);
  lines.push(`cancelled,,${s.cancelled}`, `expired,,${s.expired}`, `median_minutes_to_outcome,,${s.medianMinutesToOutcome ?? ''}`);
  for (const [key, n] of Object.entries(s.feedback).sort()) lines.push(`feedback,${csvField(key)},${n}`);
  lines.push(`handoff_requested,,${s.handoffs.requested}`, `handoff_claimed,,${s.handoffs.claimed}`);
  return `${lines.join('\r\n')}\r\n`;
}
