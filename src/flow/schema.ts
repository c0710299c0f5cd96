import { z } from 'zod';

/** The flow and rules file formats this code reads; bump on incompatible change. */
export const SCHEMA_VERSION = 1;

const id = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'ids are lower case letters, digits, "_" or "-"');
const text = z.string().trim().min(1, 'must not be empty');
const schemaVersion = z.literal(SCHEMA_VERSION, {
  error: `schemaVersion must be ${SCHEMA_VERSION}`,
});

/** Where a fact comes from: a heading of the source and a short phrase quoted from under it. */
export const Citation = z.strictObject({ section: text, quote: text });
export type Citation = z.infer<typeof Citation>;

const cited = { source: Citation };
/** A primary citation plus further passages a sentence also draws on (each checked like the first). */
const citedMore = { ...cited, alsoCites: z.array(Citation).default([]) };

/** One answer button; `next` names a question or an outcome. */
export const OptionSchema = z.strictObject({ id, label: text.max(60), next: id });

/** One question of the flow. */
export const QuestionSchema = z.strictObject({
  id,
  label: text.max(40),
  prompt: text,
  help: text,
  options: z.array(OptionSchema).min(2),
  ...citedMore,
});

/** The decision flow file (flows/*.yaml). */
export const FlowFileSchema = z.strictObject({
  schemaVersion,
  id,
  version: text,
  title: text,
  rules: id,
  start: id,
  questions: z.array(QuestionSchema).min(1),
  /** Outcomes that stay open for a later result; `label` is the button that reopens them. */
  continuations: z.array(z.strictObject({ outcome: id, question: id, label: text.max(40) })).default([]),
});
export type FlowFile = z.infer<typeof FlowFileSchema>;
export type QuestionData = z.infer<typeof QuestionSchema>;

/** The article the flow follows: its title, reviewer and review date, as the source prints them. */
const ArticleSchema = z.strictObject({
  title: text,
  reviewer: text,
  reviewed: text,
  /** Where the source says it summarises the ACR criteria. */
  source: Citation,
  /** The source's "Reviewed by" line. */
  reviewSource: Citation,
});

/** rules/<flow>/criteria.yaml */
export const CriteriaFileSchema = z.strictObject({
  schemaVersion,
  name: text,
  variant: text,
  reviewDate: z.iso.date(),
  article: ArticleSchema,
  disclaimer: text,
  parentGuide: text,
  parentGuideSource: Citation,
  ...cited,
});

/** rules/<flow>/procedures.yaml */
export const ProceduresFileSchema = z.strictObject({
  schemaVersion,
  procedures: z.array(
    z.strictObject({
      id,
      name: text,
      rating: z.enum(['Usually Appropriate', 'May Be Appropriate', 'Usually Not Appropriate']),
      radiation: text,
      note: text.optional(),
      radiationSource: Citation.optional(),
      ...cited,
    }),
  ),
});

const Statement = z.strictObject({ text, ...citedMore });

const UrgencyRule = z.strictObject({
  when: id,
  level: z.enum(['urgent', 'emergent']),
  label: text.max(60),
  text,
  ...citedMore,
  /** Further statements shown with it, e.g. where the source says two things about timing. */
  also: z.array(Statement).default([]),
});

/**
 * rules/<flow>/urgency.yaml: urgency by the answer to one question. `rules` is the scale for the
 * recommended study; `scales` holds others (e.g. for alternatives), named by outcomes.
 */
export const UrgencyFileSchema = z.strictObject({
  schemaVersion,
  question: id,
  rules: z.array(UrgencyRule),
  scales: z.record(id, z.array(UrgencyRule)).default({}),
});

/** rules/<flow>/regions.yaml: the study name by the answer to one question. */
export const RegionsFileSchema = z.strictObject({
  schemaVersion,
  question: id,
  regions: z.array(z.strictObject({ when: id, study: text, ...cited })),
});

/** rules/<flow>/pitfalls.yaml */
export const PitfallsFileSchema = z.strictObject({
  schemaVersion,
  pitfalls: z.array(z.strictObject({ id, text, ...cited })),
});

/** rules/<flow>/outcomes.yaml */
export const OutcomesFileSchema = z.strictObject({
  schemaVersion,
  outcomes: z.array(
    z.strictObject({
      id,
      kind: z.enum(['recommendation', 'exclusion', 'emergency', 'result']),
      title: text,
      statement: Statement,
      details: z.array(Statement),
      procedures: z.array(id).default([]),
      /** true: the urgency scale of urgency.yaml; an id: one of its `scales`; false: none. */
      urgency: z.union([z.boolean(), id]).default(false),
      orderLine: text.optional(),
      pitfalls: z.array(id).default([]),
      parentGuide: z.boolean().default(false),
      recordResult: z.boolean().default(false),
      /** Up to three FAQ entry ids offered as related questions under the outcome. */
      related: z.array(id).max(3).default([]),
    }),
  ),
});

/** rules/<flow>/faq.yaml */
export const FaqFileSchema = z.strictObject({
  schemaVersion,
  entries: z.array(
    z.strictObject({
      id,
      question: text,
      phrasings: z.array(text).default([]),
      tags: z.array(text).default([]),
      answer: text,
      ...cited,
    }),
  ),
});

/**
 * rules/<flow>/followup.yaml: which outcomes ask for feedback, where "Ask radiology" is prominent,
 * and product safety wording (no clinical statements, so no citations).
 */
export const FollowUpFileSchema = z.strictObject({
  schemaVersion,
  noPaging: z.strictObject({ outcomes: z.array(id).min(1), text }),
  askRadiology: z.strictObject({ prominentOn: z.array(id) }),
  feedback: z.strictObject({ outcomes: z.array(id) }),
});

/** The rules files of one flow, by file name (without extension). */
export const RULES_FILES = {
  criteria: CriteriaFileSchema,
  procedures: ProceduresFileSchema,
  urgency: UrgencyFileSchema,
  regions: RegionsFileSchema,
  pitfalls: PitfallsFileSchema,
  outcomes: OutcomesFileSchema,
  faq: FaqFileSchema,
  followup: FollowUpFileSchema,
} as const;

/** Parsed rules of one flow. */
export type Rules = { [K in keyof typeof RULES_FILES]: z.infer<(typeof RULES_FILES)[K]> };
export type OutcomeData = Rules['outcomes']['outcomes'][number];
export type FaqEntry = Rules['faq']['entries'][number];
