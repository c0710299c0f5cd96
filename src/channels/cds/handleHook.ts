import { composeView } from '../../interaction/composeView.js';
import type { Pathway } from '../../interaction/pathways.js';
import { callOrigin, saveCardConsult, suggestionId, type CdsConsultDeps } from './cdsConsults.js';
import type { CdsRules } from './cdsRules.js';
import { describeIssues, HOOK_CONTEXTS, HookRequestSchema, type Card, type HookResponse, type SupportedHook } from './cdsSchemas.js';
import { decideOrder, draftOrders, type Skip } from './decideOrders.js';
import { activeConditions } from './recogniseOrder.js';
import { renderCdsCard } from './renderCdsCard.js';

/** What a hook call needs: the pathway's content and CDS rules, storage, and where the web consult is. */
export interface HookDeps extends CdsConsultDeps {
  pathway: Pathway;
  rules: CdsRules;
  /** The web consult's start page, when the web page is on. */
  consultUrl?: string;
}

/** A hook call's answer: the response, or a 400 with the reason. */
export type HookResult =
  | { ok: true; response: HookResponse; hook: SupportedHook; skipped: Skip[]; stored: string[] }
  | { ok: false; status: 400; reason: string };

/**
 * Answers one order-select or order-sign call: each draft spine imaging order placed for suspected
 * infection is run through the flow, and its outcome view becomes a card. Warning cards are saved
 * as consults (for feedback and the audit trail); the rest are stateless.
 */
export async function handleHook(deps: HookDeps, workspace: string, body: unknown): Promise<HookResult> {
  const request = HookRequestSchema.safeParse(body);
  if (!request.success) return { ok: false, status: 400, reason: describeIssues(request.error) };
  const { hook, hookInstance, context, prefetch } = request.data;
  if (!Object.hasOwn(HOOK_CONTEXTS, hook)) {
    return { ok: false, status: 400, reason: `hook "${hook}" is not served here; this service takes ${Object.keys(HOOK_CONTEXTS).join(' and ')}` };
  }
  const parsed = HOOK_CONTEXTS[hook as SupportedHook].safeParse(context);
  if (!parsed.success) return { ok: false, status: 400, reason: describeIssues(parsed.error, 'context') };
  const drafts = draftOrders(parsed.data);
  if (drafts.problem) return { ok: false, status: 400, reason: drafts.problem };
  const conditions = activeConditions(prefetch?.conditions);
  const origin = callOrigin(workspace, parsed.data.userId, hookInstance);
  const cards: Card[] = [];
  const skipped: Skip[] = [];
  const stored: string[] = [];
  const { engine, content } = deps.pathway;
  const feedbackOutcomes = content.rules.followup.feedback.outcomes;
  for (const order of drafts.checked) {
    const decided = decideOrder(engine, deps.rules, order, drafts.all, conditions);
    if (!decided.ok) {
      skipped.push(decided.skip);
      continue;
    }
    const { decision } = decided;
    // The same composer as chat: the safety notice is added here, never by this channel.
    const view = composeView(deps.pathway, { snapshot: decision.snapshot }, { radiology: false });
    if (view.kind !== 'outcome') continue;
    // Only cards that ask for feedback are stored: the card's uuid is its consult's id.
    const record = feedbackOutcomes.includes(view.outcomeId) ? await saveCardConsult(deps, engine, origin, decision) : undefined;
    if (record) stored.push(view.outcomeId);
    cards.push(renderCdsCard({
      decision, view, rules: deps.rules, content,
      ...(record ? { ids: { card: record.id, suggestion: suggestionId(record.id) } } : {}),
      ...(deps.consultUrl ? { consultUrl: deps.consultUrl } : {}),
    }));
  }
  return { ok: true, response: { cards }, hook: hook as SupportedHook, skipped, stored };
}
