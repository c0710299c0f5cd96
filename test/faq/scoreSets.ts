/**
 * Scores the FAQ on its question sets: the tuning set (evalSet.ts, used to choose phrasings,
 * synonyms and thresholds), held-out v1 (heldOut.yaml: its misses were read on 2026-11-28 09:45,
 * so it is tuning data now), held-out v2 (heldOut2.yaml: measured once at 10:05, tuning data
 * since), held-out v3 (heldOut3.yaml: measured at 11:26 and 12:20, tuning data since round 4),
 * held-out v4 (heldOut4.yaml: measured once at 13:35, tuning data since round 5), held-out v5
 * (heldOut5.yaml: measured once at 14:13, tuning data since round 6), held-out v6 (heldOut6.yaml,
 * frozen in 4a79d70 before round 6 tuning; measured at the end of round 7, tuning data since round 8),
 * held-out v7 (heldOut7.yaml, frozen in c1cc70a before round 7 tuning; measured at its end, tuning
 * data since round 8), the blind-written tuning sets t7a to t10c, and the frozen held-out v8 and v9
 * (heldOut8.yaml, heldOut9.yaml, frozen in db97596 before round 8 tuning and never used for it) and v10
 * to v13 (heldOut10.yaml to heldOut13.yaml, frozen in 5b69df4 and c1697f9 before round 9).
 * Shared by test/faq and `npm run faq:eval`, so both report the same figures.
 */
import type { FaqIndex } from '../../src/faq/faqIndex.js';
import { OFF_TOPIC, ON_TOPIC } from './evalSet.js';
import { shownEntry } from './shownEntry.js';
import { heldOut11Set, heldOut12Set, heldOut13Set, heldOut9Set } from './setFiles.js';

export * from './setFiles.js';

/** A question and what must happen to it: an entry id, or "decline". */
export interface EvalCase {
  q: string;
  expect: string;
  intent?: 'order' | 'result' | 'urgency';
  state?: Record<string, string>;
  identifier?: boolean;
  /** Other entries its writer judged to answer the question just as directly (never for a decline). */
  alsoOk?: string[];
}

/** What the bot showed for a question: an entry id, "decline" (not sure) or "help". */
export type Shown = string;

/** The figures of one set. */
export interface SetFigures {
  name: string;
  cases: number;
  toDecline: number;
  top1: number;
  top3: number;
  wrong: number;
  wrongPolarity: number;
  offTopicAnswered: number;
  declined: number;
  confusion: Array<{ q: string; expect: string; got: string; kind: string }>;
}

/** The tuning set as cases. */
export function tuningSet(): EvalCase[] {
  return [...ON_TOPIC.map((c) => ({ q: c.q, expect: c.id })), ...OFF_TOPIC.map((q) => ({ q, expect: 'decline' }))];
}


/** Column names of the sets, as `npm run faq:eval` and the tests print them. */
export const SET_NAMES = {
  tuning: 'tuning',
  v1: 'held-out v1 (now tuning)',
  v2: 'held-out v2 (measured once 10:05; now tuning)',
  v3: 'held-out v3 (measured twice 11:26 and 12:20 (81.5%); now tuning)',
  v4: 'held-out v4 (measured once 13:35 (88.5%); now tuning)',
  v5: 'held-out v5 (measured once 14:13 (86.1%); now tuning)',
  t7a: 'tuning t7a (blind)',
  t7b: 'tuning t7b (blind)',
  t7c: 'tuning t7c (blind)',
  t7d: 'tuning t7d (blind)',
  t8a: 'tuning t8a (blind)',
  t8b: 'tuning t8b (blind)',
  t9a: 'tuning t9a (blind)',
  t9b: 'tuning t9b (blind)',
  t10a: 'tuning t10a (blind)',
  t10b: 'tuning t10b (blind)',
  t10c: 'tuning t10c (blind)',
  v6: 'held-out v6 (measured 19:32 (89.3%); now tuning)',
  v7: 'held-out v7 (measured 19:32 (91.3%); now tuning)',
  v8: 'held-out v8 (measured 22:40 (91.9%); now tuning)',
  v9: 'held-out v9 (frozen)',
  v10: 'held-out v10 (measured 23:05 (90.0%); now tuning)',
  v11: 'held-out v11 (frozen)',
  v12: 'held-out v12 (frozen)',
  v13: 'held-out v13 (frozen)',
} as const;

/** The frozen held-out sets, by name and file: the one list that seals a set (faq:eval, faqDiagnose, the channel test read it). */
const FROZEN: ReadonlyArray<{ name: string; file: string; load: () => EvalCase[] }> = [
  { name: SET_NAMES.v9, file: 'heldOut9.yaml', load: heldOut9Set },
  { name: SET_NAMES.v11, file: 'heldOut11.yaml', load: heldOut11Set },
  { name: SET_NAMES.v12, file: 'heldOut12.yaml', load: heldOut12Set },
  { name: SET_NAMES.v13, file: 'heldOut13.yaml', load: heldOut13Set },
];

/** The frozen held-out sets' names: measured, never tuned on; their questions and per-question results are never written. */
export const FROZEN_SETS: ReadonlySet<string> = new Set(FROZEN.map((f) => f.name));

/** Their files (test/faq/<file>), which faqDiagnose refuses. */
export const FROZEN_FILES: ReadonlySet<string> = new Set(FROZEN.map((f) => f.file));

/** The frozen held-out sets with their cases, in order. */
export function frozenSets(): Array<{ name: string; cases: EvalCase[] }> {
  return FROZEN.map((f) => ({ name: f.name, cases: f.load() }));
}

/** What the bot shows for each case (entry id, "decline" or "help") and its top-3 ranking. */
export function askAll(faq: FaqIndex, cases: readonly EvalCase[]): { shown: Shown[]; ranked: string[][] } {
  const shown = cases.map((c) => shownEntry(faq, c.q));
  const ranked = cases.map((c) => faq.rank(c.q, 3).map((m) => m.faqId));
  return { shown, ranked };
}

/** Entries that answer one MRI result or compression branch: answering another is wrong polarity. */
const BRANCH: Record<string, Record<string, string>> = {
  'after-mri-positive': { mri: 'positive' },
  'after-mri-negative': { mri: 'negative' },
  'after-mri-indeterminate': { mri: 'indeterminate' },
  'cord-compression-emergency': { mri: 'positive', compression: 'yes' },
  'urgency-neuro-intact': { neuro: 'intact' },
};

/** Whether answering `got` contradicts the state the case states (or its expected branch implies). */
export function wrongPolarity(c: EvalCase, got: string): boolean {
  const stated = { ...(BRANCH[c.expect] ?? {}), ...(c.state ?? {}) };
  const claims = BRANCH[got];
  if (!claims) return false;
  return Object.entries(claims).some(([axis, v]) => stated[axis] !== undefined && stated[axis] !== v);
}

/** Whether `got` answers the case: its expected entry, or one of its `alsoOk` entries that does not contradict its state. */
function rightAnswer(c: EvalCase, got: string): boolean {
  return got === c.expect || (c.expect !== 'decline' && (c.alsoOk ?? []).includes(got) && !wrongPolarity(c, got));
}

/** What showing `got` is for case `c`: right, or the kind of miss the confusion list names it. */
export function verdictOf(c: EvalCase, got: Shown): 'right' | 'off-topic answered' | 'declined' | 'WRONG POLARITY' | 'wrong' {
  const answered = got !== 'decline' && got !== 'help';
  if (c.expect === 'decline') return answered ? 'off-topic answered' : 'right';
  if (rightAnswer(c, got)) return 'right';
  if (!answered) return 'declined';
  return wrongPolarity(c, got) ? 'WRONG POLARITY' : 'wrong';
}

/**
 * Scores `shown` (what the bot showed per case, in order) against the cases.
 * `ranked` gives the top-3 entry ids per case (empty when not available, e.g. over a channel).
 * An answer in a case's `alsoOk` counts as right (top-1 and top-3), unless it is of the wrong
 * polarity: that is counted as a wrong-polarity answer as before.
 */
export function score(name: string, cases: readonly EvalCase[], shown: readonly Shown[], ranked: ReadonlyArray<readonly string[]> = []): SetFigures {
  const f: SetFigures = { name, cases: cases.length, toDecline: 0, top1: 0, top3: 0, wrong: 0, wrongPolarity: 0, offTopicAnswered: 0, declined: 0, confusion: [] };
  const counts = { 'off-topic answered': 'offTopicAnswered', declined: 'declined', 'WRONG POLARITY': 'wrongPolarity', wrong: 'wrong' } as const;
  cases.forEach((c, i) => {
    const got = shown[i];
    if (c.expect === 'decline') f.toDecline += 1;
    else if (ranked[i]?.some((id) => rightAnswer(c, id))) f.top3 += 1;
    const kind = verdictOf(c, got);
    if (kind === 'right') f.top1 += 1;
    else {
      f[counts[kind]] += 1;
      f.confusion.push({ q: c.q, expect: c.expect, got, kind });
    }
  });
  return f;
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);

/** The figures of several sets side by side, one row per measure. */
export function formatFigures(sets: readonly SetFigures[]): string {
  const onTopic = (s: SetFigures) => s.cases - s.toDecline;
  const rows: Array<[string, (s: SetFigures) => string]> = [
    ['questions (to decline)', (s) => `${s.cases} (${s.toDecline})`],
    ['top-1 (all, declines count when right)', (s) => pct(s.top1, s.cases)],
    ['top-3 ranked (on-topic)', (s) => pct(s.top3, onTopic(s))],
    ['wrong answers (other)', (s) => pct(s.wrong, s.cases)],
    ['wrong-polarity answers', (s) => String(s.wrongPolarity)],
    ['off-topic answered', (s) => `${s.offTopicAnswered}/${s.toDecline}`],
    ['on-topic declined', (s) => pct(s.declined, onTopic(s))],
  ];
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  const col = (s: SetFigures) => Math.max(26, s.name.length + 2);
  const head = ''.padEnd(width) + sets.map((s) => s.name.padEnd(col(s))).join('');
  return [head, ...rows.map(([label, fn]) => label.padEnd(width) + sets.map((s) => fn(s).padEnd(col(s))).join(''))].join('\n');
}

/**
 * The confusion list as Markdown: every miss with what was expected and shown. A set named in
 * `sealed` (the frozen held-out set) gets its miss counts only: its questions and per-question
 * results are never written, so nobody tunes on them by reading this file.
 */
export function formatConfusion(sets: readonly SetFigures[], sealed: ReadonlySet<string> = FROZEN_SETS): string {
  const lines = ['# FAQ confusion list', '', 'Written by `npm run faq:eval`. Questions are test data, not user text.', ''];
  for (const s of sets) {
    if (sealed.has(s.name)) {
      const kinds = [...new Set(s.confusion.map((c) => c.kind))].map((k) => `${k}: ${s.confusion.filter((c) => c.kind === k).length}`);
      lines.push(`## ${s.name}`, '', `Frozen set: per-question results are not written. Misses by kind: ${kinds.join(', ') || 'none'}.`, '');
      continue;
    }
    lines.push(`## ${s.name}`, '', '| kind | expected | shown | question |', '|---|---|---|---|');
    for (const c of s.confusion) lines.push(`| ${c.kind} | ${c.expect} | ${c.got} | ${c.q.replace(/\|/g, '\\|')} |`);
    if (s.confusion.length === 0) lines.push('| - | - | - | none |');
    lines.push('');
  }
  return lines.join('\n');
}
