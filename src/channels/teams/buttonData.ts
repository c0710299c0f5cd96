import { z } from 'zod';
import { ClickDataSchema, PathwayIdSchema } from '../../consult/clickData.js';
import type { ButtonData } from './cardActions.js';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const TeamsOnlySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('faq_topic'), faqId: id }),
  z.strictObject({ action: z.literal('start_consult'), pathwayId: PathwayIdSchema.optional() }),
]);

/** The value of an `adaptiveCard/action` invoke: the Action.Execute that was clicked. */
const ExecuteValueSchema = z.looseObject({
  action: z.looseObject({ type: z.literal('Action.Execute'), verb: z.string(), data: z.unknown() }),
});

/** Validates a button's data (consult click or Teams-only button); undefined when it is neither. */
export function parseButtonData(raw: unknown): ButtonData | undefined {
  const consult = ClickDataSchema.safeParse(raw);
  if (consult.success) return consult.data;
  const other = TeamsOnlySchema.safeParse(raw);
  return other.success ? other.data : undefined;
}

/** Reads the button behind an Action.Execute invoke; its verb must name the same action as its data. */
export function parseExecuteValue(value: unknown): ButtonData | undefined {
  const parsed = ExecuteValueSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const data = parseButtonData(parsed.data.action.data);
  return data && data.action === parsed.data.action.verb ? data : undefined;
}
