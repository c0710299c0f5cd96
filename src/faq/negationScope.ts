/**
 * The NegEx scope rule (Chapman et al., 2001) of the state reader: which triggers reach a cue, and what
 * the cue then asserts. Lists of cues keep one negation; a new statement joined by "and" ends it.
 */
import type { CueRole } from './faqRulesFiles.js';
import type { PhraseHit, ScanToken } from './phraseScan.js';
import type { Assertion } from './clinicalState.js';

/** Words joining the items of a list of cues. */
const LIST_JOINS: ReadonlySet<string> = new Set(['or', 'nor', 'and']);

/** Safety roles that stay stated where a reading is in doubt (escalating is the safe side): a purpose
 * phrase ("needed for", "useful for") never hides them, nor a hypothetical beyond another cue. */
const ESCALATING_ROLES: ReadonlySet<CueRole> = new Set(['compression', 'deficit', 'severe-deficit']);

/** Roles of the neurologic deficit: "no numbness and weakness" lists them under one negation. */
const DEFICIT_LABELS: ReadonlySet<string> = new Set(['c:deficit', 'c:severe-deficit']);

/** Roles of the findings that make an MRI positive: a compression stated of one ends the statement of it. */
const FINDING_LABELS: ReadonlySet<string> = new Set(['c:finding', 'c:finding-general', 'c:mri-finding']);

/** Whether a cue (its labels) before an "and" makes what follows the "and" a new statement for a cue of `role`. */
function endsStatement(role: CueRole, label: string): boolean {
  if (!label.startsWith('c:')) return false;
  if (role === 'compression') return true;
  if (DEFICIT_LABELS.has(`c:${role}`)) return !DEFICIT_LABELS.has(label);
  return FINDING_LABELS.has(`c:${role}`) && label === 'c:compression';
}

/**
 * Whether a negation from `from` to a cue at `to` crosses an "and" that starts a new statement: a cue
 * before the "and" of another kind than a deficit ("no fever and new leg weakness", "nothing helps the
 * pain and numbness"), any cue before it for a compression ("no compression at L4 and cord compression
 * at T6"), a compression for a finding ("L1 collection not compressing anything and a T9 collection").
 * A list of deficits ("no numbness and weakness") or of findings keeps its negation.
 */
function newStatementAfterAnd(role: CueRole, from: number, to: number, hits: readonly PhraseHit[], tokens: readonly ScanToken[]): boolean {
  const ands = tokens.slice(from, to).flatMap((t, k) => (t.stem === 'and' ? [from + k] : []));
  return ands.some((a) => hits.some((x) => x.start >= from && x.end <= a && x.labels.some((l) => endsStatement(role, l))));
}

/** NegEx: triggers before a cue (pre, uncertain, hypothetical, purpose) or after it (post, uncertain, hypotheticalPost),
 * within `window` words, stopping at a clause break or a terminator. `cueAt`: the tokens inside cue phrases. */
export function assertionOf(role: CueRole, idx: number, hits: readonly PhraseHit[], tokens: readonly ScanToken[], cueAt: ReadonlySet<number>, window: number): Assertion {
  const hit = hits[idx];
  const found = new Set<string>();
  // A list closed by "or"/"nor" ("no discitis, osteomyelitis or abscess", "no discitis or paraspinal abscess or phlegmon": one word
  // may qualify an item after a join) keeps one negation across commas and the window; "no abscess, discitis at L4" is two statements.
  const listItem = (k: number): boolean => cueAt.has(k) || tokens[k].stem === ',' || LIST_JOINS.has(tokens[k].stem)
    || (k > 0 && !tokens[k].brk && LIST_JOINS.has(tokens[k - 1].stem) && cueAt.has(k + 1));
  const isList = (from: number, to: number) => {
    let end = to;
    while (end < tokens.length && listItem(end)) end++;
    // The trigger's own object may take words before the list starts ("no evidence of").
    let k = from;
    while (k < to && !cueAt.has(k) && !tokens[k].brk) k++;
    while (k < to && listItem(k)) k++;
    return k === to && tokens.slice(from, end).some((t) => t.stem === 'or' || t.stem === 'nor');
  };
  const blocked = (from: number, to: number) => tokens.slice(from, to).some((t) => t.brk) && !isList(from, to);
  let passedCue = false;
  for (let j = idx - 1; j >= 0; j--) {
    const h = hits[j];
    if ((hit.start - h.end > window && !isList(h.end, hit.start)) || blocked(h.end, hit.start)) break;
    if (h.labels.includes('t:terminators') || newStatementAfterAnd(role, h.end, hit.start, hits, tokens)) break;
    // The nearest trigger governs: one beyond another cue is that cue's ("suspected infection without neuro sx").
    if (found.size > 0 && h.labels.some((l) => l.startsWith('c:'))) break;
    // A hypothetical beyond another cue is that cue's, never a stated deficit's or compression's ("suspected infection with weakness").
    if (ESCALATING_ROLES.has(role) && passedCue && h.labels.includes('t:hypothetical') && !h.labels.includes('t:pre')) continue;
    for (const l of h.labels) if (l === 't:pre' || l === 't:uncertain' || l === 't:hypothetical') found.add(l);
    if (h.labels.includes('t:uncertainPre')) found.add('t:uncertain');
    if (h.labels.some((l) => l.startsWith('c:'))) passedCue = true;
    if (h.labels.includes('t:purpose') && !ESCALATING_ROLES.has(role)) found.add('t:hypothetical');
  }
  for (let j = idx + 1; j < hits.length; j++) {
    const h = hits[j];
    if (h.start - hit.end > window || blocked(hit.end, h.start)) break;
    if (h.labels.includes('t:terminators')) break;
    for (const l of h.labels) if (l === 't:post' || l === 't:uncertain' || l === 't:hypotheticalPost') found.add(l);
    if (h.labels.includes('t:uncertainPost')) found.add('t:uncertain');
  }
  if (found.has('t:hypothetical') || found.has('t:hypotheticalPost')) return 'hypothetical';
  if (found.has('t:uncertain')) return 'uncertain';
  if (found.has('t:pre') || found.has('t:post')) return 'negated';
  return 'affirmed';
}
