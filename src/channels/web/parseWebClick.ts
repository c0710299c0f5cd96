import { ClickDataSchema, type ClickData } from '../../consult/clickData.js';

const CONTROLS = new Set(['back', 'restart', 'cancel', 'record_result', 'new_consult']);

/**
 * Turns a posted consult form (`consultId`, `step` and the pressed button's `click` value:
 * `answer:<q>:<o>`, `change:<q>`, `control:<name>`, `feedback:<choice>`, `feedback_reason:<reason>` or
 * `handoff:request`) into validated ClickData; undefined if malformed.
 */
export function parseWebClick(body: unknown): ClickData | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { consultId, step, click } = body as Record<string, unknown>;
  if (typeof click !== 'string' || typeof step !== 'string' || !/^\d{1,5}$/.test(step)) return undefined;
  const [kind, a, b, ...rest] = click.split(':');
  if (rest.length > 0) return undefined;
  let fields: Partial<ClickData> | undefined;
  if (kind === 'answer' && a && b) fields = { action: 'answer', questionId: a, optionId: b };
  else if (kind === 'change' && a && b === undefined) fields = { action: 'change', questionId: a };
  else if (kind === 'control' && a && b === undefined && CONTROLS.has(a)) fields = { action: a as ClickData['action'] };
  // Unknown choices and reasons are left for ClickDataSchema to refuse.
  else if (kind === 'feedback' && a && b === undefined) fields = { action: 'feedback', choice: a as ClickData['choice'] };
  else if (kind === 'feedback_reason' && a && b === undefined) fields = { action: 'feedback', choice: 'something_else', reason: a as ClickData['reason'] };
  else if (kind === 'handoff' && a === 'request' && b === undefined) fields = { action: 'handoff' };
  // No button matched: fields stays undefined and the schema refuses a click without an action.
  const parsed = ClickDataSchema.safeParse({ ...fields, consultId, step: Number(step) });
  return parsed.success ? parsed.data : undefined;
}
