import { z } from 'zod';
import type { ConsultEvent } from '../flow/buildMachine.js';

import { FEEDBACK_CHOICES, FEEDBACK_REASONS } from './feedbackOptions.js';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** A pathway id as a button or a command names it: a flow id (lower case letter first, then letters, digits, "_" or "-"), at most 64 characters. */
export const PathwayIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/);

/** Whether `text` can name a pathway (see PathwayIdSchema); whether one is installed is the caller's to ask. */
export function isPathwayId(text: string): boolean {
  return PathwayIdSchema.safeParse(text).success;
}

/**
 * What a button carries on every channel: the action, the consult and the step it was drawn at
 * (Teams card data is exactly this; Slack packs consultId and step into the button value).
 */
export const ClickDataSchema = z.strictObject({
  action: z.enum(['answer', 'back', 'restart', 'cancel', 'change', 'record_result', 'new_consult', 'feedback', 'handoff', 'claim']),
  questionId: id.optional(),
  optionId: id.optional(),
  /** Feedback only: what the clinician is doing with the recommendation. */
  choice: z.enum(FEEDBACK_CHOICES).optional(),
  /** Feedback only: why "something else" was ordered. */
  reason: z.enum(FEEDBACK_REASONS).optional(),
  consultId: id,
  step: z.number().int().min(0).max(10_000),
});

/** A validated click. */
export type ClickData = z.infer<typeof ClickDataSchema>;

/** Turns a click into the machine event it asks for; undefined when it names no event (e.g. answer without option). */
export function toEvent(data: ClickData): ConsultEvent | undefined {
  switch (data.action) {
    case 'answer':
      return data.questionId && data.optionId ? { type: 'ANSWER', questionId: data.questionId, optionId: data.optionId } : undefined;
    case 'change':
      return data.questionId ? { type: 'CHANGE', questionId: data.questionId } : undefined;
    case 'back': return { type: 'BACK' };
    case 'restart': return { type: 'RESTART' };
    case 'cancel': return { type: 'CANCEL' };
    case 'record_result': return { type: 'RECORD_RESULT' };
  }
  // Not flow steps: new_consult starts another consult; feedback, handoff and claim go through
  // src/consult/followUpService.ts.
  return undefined;
}

/** Whether a press is a follow-up (feedback, hand-off, claim) rather than a flow step or a start. */
export function isFollowUp(data: { action: string }): boolean {
  return data.action === 'feedback' || data.action === 'handoff' || data.action === 'claim';
}

/** A stable, enumerated name for an event, used in the audit trail and idempotency keys. */
export function eventName(event: ConsultEvent): string {
  switch (event.type) {
    case 'ANSWER': return `answer:${event.questionId}:${event.optionId}`;
    case 'CHANGE': return `change:${event.questionId}`;
    default: return event.type.toLowerCase();
  }
}
