import { ClickDataSchema, isPathwayId, type ClickData } from '../../consult/clickData.js';

/** What a clicked button asks for, parsed from its action_id and value. */
export type ParsedAction =
  | { kind: 'click'; data: ClickData }
  | { kind: 'start'; pathwayId?: string }
  | { kind: 'faq-topic'; faqId: string }
  | { kind: 'invalid' };

const CONTROLS = ['back', 'restart', 'cancel', 'record_result'] as const;

/** The value every consult button carries: which consult, drawn at which step. */
export function consultValue(consultId: string, step: number): string {
  return JSON.stringify({ c: consultId, s: step });
}

/** Value for buttons that start a consult; it carries nothing because a new consult needs nothing. */
// Stryker disable next-line StringLiteral: never read back (parseAction ignores a start button's value); the render tests pin it
export const NEW_CONSULT_VALUE = 'new';

function parseValue(value: unknown): { c: unknown; s: unknown } | undefined {
  // Slack caps a button value at 2,000 characters; anything longer was not drawn by this adapter.
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  let parsed: unknown;
  try { parsed = JSON.parse(value); } catch { /* not JSON: stays undefined, refused below */ }
  // Exactly {c, s}: anything else was not drawn by this adapter (null, arrays and scalars have neither key).
  return Object.keys(Object(parsed)).sort().join() === 'c,s' ? (parsed as { c: unknown; s: unknown }) : undefined;
}

/** Feedback and hand-off buttons: `feedback:<choice>`, `feedback_reason:<reason>`, `handoff:request`, `handoff:claim`. */
function followUpFields(parts: string[]): Partial<ClickData> | undefined {
  if (parts.length !== 2) return undefined;
  // Unknown choices and reasons are left for ClickDataSchema to refuse.
  if (parts[0] === 'feedback') return { action: 'feedback', choice: parts[1] as ClickData['choice'] };
  if (parts[0] === 'feedback_reason') return { action: 'feedback', choice: 'something_else', reason: parts[1] as ClickData['reason'] };
  if (parts[0] === 'handoff' && parts[1] === 'request') return { action: 'handoff' };
  if (parts[0] === 'handoff' && parts[1] === 'claim') return { action: 'claim' };
  return undefined;
}

/** Turns a Slack action_id and button value into what the click asks for; never throws. */
export function parseAction(actionId: unknown, value: unknown): ParsedAction {
  // No length check of its own: every part is bounded (ids of at most 64 characters, enums), so an
  // action id longer than Slack's 255 characters can never parse.
  if (typeof actionId !== 'string') return { kind: 'invalid' };
  const parts = actionId.split(':');
  if (actionId === 'control:new_consult') return { kind: 'start' };
  if (parts[0] === 'start' && parts.length === 2 && isPathwayId(parts[1])) return { kind: 'start', pathwayId: parts[1] };
  if (parts[0] === 'faq' && parts.length === 2 && /^[A-Za-z0-9_-]{1,64}$/.test(parts[1])) return { kind: 'faq-topic', faqId: parts[1] };
  let fields: Partial<ClickData> | undefined;
  if (parts[0] === 'answer' && parts.length === 3) fields = { action: 'answer', questionId: parts[1], optionId: parts[2] };
  else if (parts[0] === 'control' && parts[1] === 'change' && parts.length === 3) fields = { action: 'change', questionId: parts[2] };
  else if (parts[0] === 'control' && parts.length === 2 && (CONTROLS as readonly string[]).includes(parts[1])) {
    fields = { action: parts[1] as ClickData['action'] };
  } else fields = followUpFields(parts);
  const v = parseValue(value);
  if (!fields || !v) return { kind: 'invalid' };
  const parsed = ClickDataSchema.safeParse({ ...fields, consultId: v.c, step: v.s });
  return parsed.success ? { kind: 'click', data: parsed.data } : { kind: 'invalid' };
}

const parsedButtons = new WeakMap<object, ParsedAction>();

/**
 * What a pressed Slack action asks for: `parseAction` of a button's action_id and value (anything
 * but a button is invalid), once per action object, since the handler and the port's decode both ask.
 */
export function parseButton(action: { type?: string; action_id?: unknown; value?: unknown } | undefined): ParsedAction {
  if (action?.type !== 'button') return { kind: 'invalid' };
  let parsed = parsedButtons.get(action);
  if (!parsed) parsedButtons.set(action, (parsed = parseAction(action.action_id, action.value)));
  return parsed;
}
