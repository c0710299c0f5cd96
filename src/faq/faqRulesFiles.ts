/**
 * The FAQ's own rules files besides faq.yaml and synonyms.yaml: shorthand (faq-shorthand.yaml),
 * clinical state cues (faq-state.yaml) and routing (faq-routing.yaml). Validated with zod; a
 * ContentError names the file and path of every problem, including ids faq.yaml does not have.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError, formatPath } from '../flow/parseContent.js';
import { PROJECT_ROOT, readYamlFile } from '../content/loadContent.js';

const phrase = z.string().trim().min(1, 'must not be empty');
const phrases = z.array(phrase);
const faqId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a faq id is lower case letters, digits or "-"');

/** faq-shorthand.yaml: typed shorthand and what it means. */
export const ShorthandFileSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'schemaVersion must be 1' }),
  expansions: z.array(z.strictObject({ typed: phrase, means: phrase, exactCase: z.boolean().default(false) })).min(1),
});

/** The roles a state cue can play (see faq-state.yaml). */
export const CUE_ROLES = [
  'mri-study', 'other-study', 'finding', 'finding-general', 'result-positive', 'result-negative',
  'result-indeterminate', 'compression', 'deficit', 'intact', 'mri-impossible', 'mri-possible',
  'contrast', 'non-contrast', 'differential', 'ignore', 'other-subject', 'post-operative', 'mri-repeat',
  'finding-signal', 'other-disease', 'subject-ct', 'subject-bone-scan', 'subject-pet', 'subject-sclerosis', 'mri-finding', 'severe-deficit', 'mri-pending',
  'subject-spine-part',
] as const;
/** One role of {@link CUE_ROLES}. */
export type CueRole = (typeof CUE_ROLES)[number];

/** The values each state axis can take. */
export const AXIS_VALUES = {
  mri: ['positive', 'negative', 'indeterminate'],
  compression: ['yes', 'no'],
  neuro: ['deficit', 'intact'],
  mriPossible: ['yes', 'no'],
  contrast: ['given', 'none'],
} as const;

const applicability = z.strictObject({
  mri: z.array(z.enum(AXIS_VALUES.mri)).optional(),
  compression: z.array(z.enum(AXIS_VALUES.compression)).optional(),
  neuro: z.array(z.enum(AXIS_VALUES.neuro)).optional(),
  mriPossible: z.array(z.enum(AXIS_VALUES.mriPossible)).optional(),
  contrast: z.array(z.enum(AXIS_VALUES.contrast)).optional(),
  /** Axes the question must state for the entry to apply (an emergency answer needs the emergency). */
  mustState: z.array(z.enum(['mri', 'compression', 'neuro', 'mriPossible', 'contrast'])).optional(),
  /** Cue roles of which the question must mention one (a differential entry is about infection vs X). */
  mustMention: z.array(z.enum(CUE_ROLES)).optional(),
  /** Cue roles that, affirmed by the question, put it outside the entry (a post-operative patient). */
  unlessAffirmed: z.array(z.enum(CUE_ROLES)).optional(),
  /** Cue roles naming what the entry is about (a study, a finding): the search's answer with it needs one of them mentioned. */
  subject: z.array(z.enum(CUE_ROLES)).optional(),
});

/** faq-state.yaml: NegEx triggers, state cues, and which entries fit which state. */
export const StateFileSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'schemaVersion must be 1' }),
  window: z.number().int().min(1).max(20),
  /** Verbs that report what a study found, and words that may open their object (shownUnnamed.ts). */
  shown: z.strictObject({ verbs: phrases, openers: phrases }).default({ verbs: [], openers: [] }),
  triggers: z.strictObject({ pre: phrases, post: phrases, uncertain: phrases, hypothetical: phrases, hypotheticalPost: phrases.default([]), purpose: phrases.default([]), uncertainPre: phrases.default([]), uncertainPost: phrases.default([]), terminators: phrases }),
  cues: z.array(z.strictObject({ id: faqId, role: z.enum(CUE_ROLES), terms: phrases.min(1) })).min(1),
  /** Cues composed of two word lists ("squashing" x "cauda equina", "full" x "power"): every `first` + link + `second`. */
  composed: z.array(z.strictObject({ id: faqId, role: z.enum(CUE_ROLES), first: phrases.min(1), links: z.array(z.string()).default(['']), second: phrases.min(1) })).default([]),
  entries: z.record(faqId, applicability),
  conflicts: z.strictObject({ mri: z.array(faqId).max(3), compression: z.array(faqId).max(3), neuro: z.array(faqId).max(3) }),
});

/** faq-routing.yaml: intents, offers, the identifier reminder, general topics and button labels. */
export const RoutingFileSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'schemaVersion must be 1' }),
  intents: z.strictObject({
    order: z.strictObject({ answer: faqId, nonContrast: faqId.optional(), level: faqId.optional(), levelPhrases: phrases.default([]), phrases, notOrdered: phrases.default([]), services: phrases.default([]), near: z.array(z.tuple([phrase, phrase])), alone: phrases.default([]) }),
    urgency: z.strictObject({
      answer: faqId, whenDeficit: faqId, phrases, unlessAlternative: phrases.default([]),
      delay: phrases.default([]), whenRisk: phrases.default([]), unlessAbout: phrases.default([]), setting: phrases.default([]),
      timeOnly: phrases.default([]), pastMarkers: phrases.default([]), needsObject: phrases.default([]),
    }),
    noMri: z.strictObject({ answer: faqId }),
    scope: z.strictObject({ included: faqId, excluded: faqId, phrases, near: z.array(z.tuple([phrase, phrase])).default([]), excludedCues: phrases, beforeImagingCues: phrases.default([]), beforeImagingComposed: z.array(z.strictObject({ first: phrases.min(1), links: z.array(z.string()).default(['']), second: phrases.min(1) })).default([]), postOpCues: phrases.default([]) }),
    result: z.strictObject({ positive: faqId, negative: faqId, indeterminate: faqId, compression: faqId, postOperative: faqId.optional() }),
  }),
  offers: z.strictObject({ order: phrase, result: phrase }),
  offTopic: phrases.default([]),
  offTopicNear: z.array(z.tuple([phrase, phrase])).default([]),
  offTopicComposed: z.array(z.strictObject({ first: phrases.min(1), links: z.array(z.string()).default(['']), second: phrases.min(1) })).default([]),
  offTopicExcept: phrases.default([]),
  /** Off-topic wherever they stand, even in a question's context: the question says infection is not what it is about. */
  offTopicAnywhere: phrases.default([]),
  /** Off-topic only before the MRI is read positive: then they are that branch's own next steps (admission, biopsy). */
  offTopicAfterPositive: phrases.default([]),
  /** Patients the source says nothing about (children): named anywhere in a question, it is declined. */
  otherPopulation: z.strictObject({ phrases, youngerThan: z.number().int().min(1).max(30), agedThings: phrases.default([]), drugs: phrases.default([]) }).optional(),
  identifierReminder: phrase,
  /** Entries a route answers even when the learned ranker doubts them: an emergency is never held back. */
  alwaysAnswer: z.array(faqId).default([]),
  generalTopics: z.array(faqId).min(1).max(3),
  labels: z.record(faqId, phrase.max(40, 'a topic label is at most 40 characters (it is never cut)')),
});

/** The three validated files. */
export interface FaqRulesFiles {
  shorthand: z.infer<typeof ShorthandFileSchema>;
  state: z.infer<typeof StateFileSchema>;
  routing: z.infer<typeof RoutingFileSchema>;
}

function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`);
  throw new ContentError(`Invalid FAQ rules data (${lines.length} problem${lines.length > 1 ? 's' : ''}):\n  ${lines.join('\n  ')}`);
}

/** Every faq id the files mention that faq.yaml lacks, and every entry without a label. */
function crossCheck(files: FaqRulesFiles, ids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const need = (id: string, where: string) => { if (!ids.has(id)) problems.push(`${where}: unknown faq id "${id}"`); };
  const { state, routing } = files;
  Object.keys(state.entries).forEach((id) => need(id, `faq-state.yaml: entries.${id}`));
  Object.entries(state.conflicts).forEach(([axis, list]) => list.forEach((id, i) => need(id, `faq-state.yaml: conflicts.${axis}[${i}]`)));
  const { order, urgency, result } = routing.intents;
  need(order.answer, 'faq-routing.yaml: intents.order.answer');
  need(urgency.answer, 'faq-routing.yaml: intents.urgency.answer');
  need(urgency.whenDeficit, 'faq-routing.yaml: intents.urgency.whenDeficit');
  need(routing.intents.noMri.answer, 'faq-routing.yaml: intents.noMri.answer');
  need(routing.intents.scope.included, 'faq-routing.yaml: intents.scope.included');
  need(routing.intents.scope.excluded, 'faq-routing.yaml: intents.scope.excluded');
  Object.entries(result).forEach(([k, id]) => id && need(id, `faq-routing.yaml: intents.result.${k}`));
  routing.generalTopics.forEach((id, i) => need(id, `faq-routing.yaml: generalTopics[${i}]`));
  routing.alwaysAnswer.forEach((id, i) => need(id, `faq-routing.yaml: alwaysAnswer[${i}]`));
  Object.keys(routing.labels).forEach((id) => need(id, `faq-routing.yaml: labels.${id}`));
  for (const id of ids) if (!routing.labels[id]) problems.push(`faq-routing.yaml: labels: entry "${id}" has no label`);
  return problems;
}

/**
 * Reads and validates the three files under rules/<rulesId>/, checking every faq id against `ids`.
 * Throws ContentError naming the file and path of each problem.
 */
export function loadFaqRulesFiles(rulesId: string, ids: ReadonlySet<string>, root = PROJECT_ROOT): FaqRulesFiles {
  const read = (name: string) => readYamlFile(root, join(root, 'rules', rulesId, name));
  const sh = read('faq-shorthand.yaml');
  const st = read('faq-state.yaml');
  const ro = read('faq-routing.yaml');
  const files: FaqRulesFiles = {
    shorthand: parse(ShorthandFileSchema, sh.data, sh.file),
    state: parse(StateFileSchema, st.data, st.file),
    routing: parse(RoutingFileSchema, ro.data, ro.file),
  };
  const problems = crossCheck(files, ids);
  if (problems.length > 0) throw new ContentError(`Invalid FAQ rules data (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  ${problems.join('\n  ')}`);
  return files;
}
