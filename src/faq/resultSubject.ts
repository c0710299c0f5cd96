/**
 * Which study (or other subject) a result or finding word describes: the MRI, the radiograph or
 * CT, or the patient's labs, vitals and symptoms ("+ fever", "reflexes normal").
 */
import type { CueRole } from './faqRulesFiles.js';
import type { ScanToken } from './phraseScan.js';
import type { CueMention } from './clinicalState.js';

/** Roles a finding word has: right before a study's name it is what the study is for, not what it found. */
export const FINDING_ROLES: ReadonlySet<CueRole> = new Set(['finding', 'finding-general', 'finding-signal', 'mri-finding']);

/** The study (or other subject) a result cue describes: the nearest one named before it in the
 * sentence ("reflexes normal" after "MRI shows abscess" describes the reflexes), else the first
 * one after it in the same clause ("small abscess on MRI", but not "spine infection MRI", where the
 * finding names what the MRI is for), else the study last named in an earlier sentence ("MRI done.
 * Report says negative"), else a repeat of the MRI named later ("Report says discitis cannot be
 * excluded. Repeat the MRI?": only a done MRI is repeated): a result never floats free of its
 * study, so a later sentence contradicting an earlier one is read as a conflict, not ignored. */
export function studyOf(cue: CueMention, studies: readonly CueMention[], tokens: readonly ScanToken[]): CueRole | undefined {
  const between = (a: number, b: number, kind: 'clause' | 'sentence') =>
    tokens.slice(a, b).some((t) => t.brk === 'sentence' || (kind === 'clause' && t.brk === 'clause'));
  // "normal power", "positive cultures": a result word right before another subject describes it.
  if (!FINDING_ROLES.has(cue.role) && studies.some((s) => s.start === cue.end && s.role === 'other-subject')) return 'other-subject';
  // An imaging finding ("abscess") never describes labs or reflexes: "labs normal, abscess with
  // cord compression" states an abscess, whatever the labs were.
  if (FINDING_ROLES.has(cue.role)) studies = studies.filter((s) => s.role !== 'other-subject');
  const earlier = studies.filter((s) => s.end <= cue.start);
  // "fever and back pain, positive MRI": a result word opening its clause before the MRI is the MRI's.
  const inClause = earlier.some((s) => !between(s.end, cue.start, 'clause'));
  if (!FINDING_ROLES.has(cue.role) && !inClause && studies.some((s) => s.start === cue.end && MRI_ROLES.has(s.role))) return 'mri-study';
  // Stryker disable next-line StringLiteral: any kind but 'clause' counts sentence breaks only
  const before = earlier.filter((s) => !between(s.end, cue.start, 'sentence')).at(-1);
  if (before) return before.role;
  const modifier = (s: CueMention) => s.start === cue.end && FINDING_ROLES.has(cue.role);
  const after = studies.find((s) => s.start >= cue.end && !between(cue.end, s.start, 'clause') && !modifier(s));
  return (after ?? earlier.at(-1) ?? studies.find((s) => s.role === 'mri-repeat' && s.start >= cue.end))?.role;
}

/** Roles that name the MRI: a result attributed to one of them is an MRI result. */
export const MRI_ROLES: ReadonlySet<CueRole | undefined> = new Set(['mri-study', 'mri-repeat']);

