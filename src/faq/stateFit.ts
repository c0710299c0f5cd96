/**
 * Which FAQ entries a stated clinical state allows (faq-state.yaml `entries`), and whether a
 * question seeks another disease altogether. Pure functions over a ClinicalState.
 */
import type { ClinicalState } from './clinicalState.js';
import type { CueRole } from './faqRulesFiles.js';

/** Roles that name spine infection itself, or weighing it against something else. */
const INFECTION_ROLES: ReadonlySet<CueRole> = new Set(['finding', 'finding-general', 'finding-signal', 'differential']);

/** Whether the question seeks another disease ("best scan for suspected spinal metastases",
 * "workup for possible myeloma") and never names infection: another pathway's question, however
 * much imaging it mentions. A disease the patient is said to have ("hx breast cancer") is history. */
export function seeksOtherDisease(state: ClinicalState): boolean {
  // Stryker disable next-line ArrayDeclaration: a fallback list naming no infection role reads the same as an empty one
  return (state.sought?.includes('other-disease') ?? false) && !(state.mentioned ?? []).some((r) => INFECTION_ROLES.has(r));
}

/** An entry's declared applicability (faq-state.yaml `entries`). */
export type Applicability = Partial<Record<'mri' | 'compression' | 'neuro' | 'mriPossible' | 'contrast', readonly string[]>> & {
  mustState?: readonly string[];
  mustMention?: readonly string[];
  unlessAffirmed?: readonly string[];
  subject?: readonly string[];
};

/** Whether an entry's declared applicability fits the state: an axis not stated fits, unless the
 * entry only makes sense when it is stated (`mustState`); an entry never fits a question affirming
 * one of its `unlessAffirmed` roles (a post-operative patient is outside the result branches). */
export function fits(applies: Applicability | undefined, state: ClinicalState): boolean {
  if (!applies) return true;
  const value = (axis: string) => (state as unknown as Record<string, string | undefined>)[axis];
  if (applies.mustState?.some((axis) => value(axis) === undefined)) return false;
  const mentioned = new Set<string>(state.mentioned);
  if (applies.mustMention && !applies.mustMention.some((role) => mentioned.has(role))) return false;
  const affirmed = new Set<string>(state.affirmed);
  if (applies.unlessAffirmed?.some((role) => affirmed.has(role))) return false;
  // mustState, mustMention, unlessAffirmed and subject name no state axis: their value is undefined, so they fit here.
  return Object.entries(applies).every(([axis, allowed]) => {
    const v = value(axis);
    return v === undefined || !allowed || allowed.includes(v);
  });
}

/** Whether the question names what an entry with a declared `subject` is about (any of its roles,
 * in any assertion): the search may rank such an entry on shared words alone ("endplate"), but
 * answering with it needs its subject named ("sclerotic endplates", "bone scan"). */
export function namesSubject(applies: Applicability | undefined, state: ClinicalState): boolean {
  return !applies?.subject || applies.subject.some((role) => (state.mentioned ?? []).includes(role as CueRole));
}
