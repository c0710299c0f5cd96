/**
 * Cues on one safety axis that look contradictory but are not: compression denied of one finding
 * and stated of another, and an intact examination qualified as the rest of it ("otherwise intact")
 * or as an earlier one ("intact on admission, now foot drop"). Each reading takes the safe side.
 */
import type { Assertion, CueMention } from './clinicalState.js';
import type { ScanToken } from './phraseScan.js';
import { stem } from './textAnalysis.js';

/**
 * Whether compression is denied of one finding and stated of another ("a collection at L1 that isn't
 * compressing anything, and a second at T9 compressing the cord"), or stated after every denial ("no cord
 * compression but the abscess compresses the cauda equina"): any compression stated is compression, the safe side. Each compression cue belongs to the last finding before it in its
 * sentence; the same finding said both ways ("the abscess compresses the cord, the addendum says no
 * compression") stays a conflict, and so does a compression cue with no finding of its own.
 */
export function compressionOfAnother(live: readonly CueMention[], tokens: readonly ScanToken[]): boolean {
  // Stated after every denial ("no cord compression but the abscess compresses the cauda equina"): compression.
  const said = live.filter((c) => c.role === 'compression');
  if (said.at(-1)?.assertion !== 'negated' && said.length > 0) return true;
  const owner = (c: CueMention) => live.filter((f) => f.role === 'finding' && f.assertion === 'affirmed' && f.end <= c.start
    && !tokens.slice(f.end, c.start).some((t) => t.brk === 'sentence')).at(-1)?.start;
  const owners = (...as: Assertion[]) => live.filter((c) => c.role === 'compression' && as.includes(c.assertion)).map(owner);
  const yes = owners('affirmed', 'uncertain');
  const no = owners('negated');
  return [...yes, ...no].every((o) => o !== undefined) && !yes.some((o) => no.includes(o));
}

/** Words that make an intact finding the rest of the examination: "otherwise intact", "neuro otherwise normal". */
const RESIDUAL: ReadonlySet<string> = new Set(['otherwise', 'else'].map(stem));

/** Words that put an intact finding in the past: "was intact on admission", "normal yesterday". */
const EARLIER: ReadonlySet<string> = new Set(['was', 'were', 'initially', 'previously', 'yesterday', 'earlier', 'admission', 'presentation', 'arrival'].map(stem));

/** How many words before an intact cue may qualify it ("otherwise grossly intact"). */
const QUALIFIER_REACH = 2;

/** Whether an intact cue is the rest of the examination ("otherwise intact", "neuro otherwise normal"). */
const residual = (c: CueMention, tokens: readonly ScanToken[]) => tokens.slice(Math.max(0, c.start - QUALIFIER_REACH), c.end).some((t, k, all) => RESIDUAL.has(t.stem) && !all.slice(k).some((u) => u.brk));

/** Whether every intact cue is the rest of an examination whose abnormal part is not named ("4/5 hip flexion,
 * otherwise intact" with a grade the cues may not know) and no deficit is denied: never an intact examination by itself. */
export function onlyResidualIntact(live: readonly CueMention[], tokens: readonly ScanToken[]): boolean {
  const intact = live.filter((c) => c.role === 'intact' && c.assertion === 'affirmed');
  return intact.length > 0 && intact.every((c) => residual(c, tokens)) && !live.some((c) => c.role === 'deficit' && c.assertion === 'negated');
}

/**
 * Whether a stated deficit wins over the intact cues beside it: every intact cue is the rest of the
 * examination ("4/5 hip flexion, otherwise intact") or an earlier one before the deficit ("intact on
 * admission but now new foot drop"), and no deficit is denied. "Intact but has new foot drop" stays a conflict.
 */
export function deficitOverrides(live: readonly CueMention[], tokens: readonly ScanToken[]): boolean {
  const deficits = live.filter((c) => c.role === 'deficit' && c.assertion !== 'negated');
  const clauseOf = (c: CueMention) => {
    let a = c.start;
    while (a > 0 && !tokens[a - 1].brk) a--;
    let b = c.end;
    while (b < tokens.length && !tokens[b].brk) b++;
    return tokens.slice(a, b);
  };
  const earlier = (c: CueMention) => clauseOf(c).some((t) => EARLIER.has(t.stem)) && deficits.some((d) => d.start > c.end);
  return !live.some((c) => c.role === 'deficit' && c.assertion === 'negated')
    && live.filter((c) => c.role === 'intact' && c.assertion === 'affirmed').every((c) => residual(c, tokens) || earlier(c));
}
