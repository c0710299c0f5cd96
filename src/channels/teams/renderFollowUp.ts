import type { FeedbackView, HandoffView, OutcomeView } from '../../flow/viewTypes.js';
import { HANDOFF_TEXT } from '../../interaction/handoffText.js';
import { LABELS } from '../../interaction/product.js';
import { click, executeAction } from './cardActions.js';
import { adaptiveCard, text, type AdaptiveCard, type CardJson } from './cardTypes.js';

const TEXT = HANDOFF_TEXT;

/** The safety sentence on urgent outcomes (element id `safety`), right under the outcome. */
export function renderSafety(view: OutcomeView): CardJson[] {
  return view.safetyNotice
    ? [{ type: 'Container', id: 'safety', style: 'attention', items: [text(view.safetyNotice, { weight: 'Bolder' })] }]
    : [];
}

/** "Ask radiology" while available (element id `handoff`), else where the request stands. */
export function renderHandoff(h: HandoffView | undefined, consultId: string, step: number): CardJson[] {
  if (!h) return [];
  if (h.state === 'available') {
    return [{ type: 'ActionSet', id: 'handoff', actions: [executeAction(h.label, click(consultId, step, 'handoff'), h.prominent ? 'positive' : undefined)] }];
  }
  const line = h.state === 'claimed' ? TEXT.claimed(h.claimedByName ?? TEXT.someone) : TEXT.requested;
  return [text(line, { id: 'handoff', isSubtle: true })];
}

/** Feedback buttons (element ids `feedback`, `feedback-reason`) or the one-line record. */
export function renderFeedback(f: FeedbackView | undefined, consultId: string, step: number): CardJson[] {
  if (!f) return [];
  if (f.recorded) return [text(f.recorded, { id: 'feedback', isSubtle: true })];
  return [
    { type: 'ActionSet', id: 'feedback', actions: f.choices.map((c) => executeAction(c.label, click(consultId, step, 'feedback', { choice: c.id as never }))) },
    ...(f.reasons.length
      ? [{ type: 'ActionSet', id: 'feedback-reason', actions: f.reasons.map((r) => executeAction(r.label, click(consultId, step, 'feedback', { choice: 'something_else', reason: r.id as never }))) }]
      : []),
  ];
}

/** The card posted in the radiology channel: the consult's summary and "I'll take it" until someone does. */
export function renderRadiologyCard(post: { consultId: string; step: number; summary: string; claimedByName?: string; claimed: boolean }): AdaptiveCard {
  const body: CardJson[] = [
    { type: 'Container', id: 'handoff:summary', items: [
      text(TEXT.postTitle, { weight: 'Bolder', size: 'Medium' }),
      text(post.summary, { fontType: 'Monospace', size: 'Small' }),
    ] },
  ];
  if (post.claimed) body.push(text(TEXT.postTaken(post.claimedByName ?? TEXT.someone), { id: 'handoff:claim', weight: 'Bolder' }));
  return adaptiveCard(body, post.claimed ? [] : [executeAction(LABELS.claim, click(post.consultId, post.step, 'claim'), 'positive')]);
}

/** A card offering each installed pathway (several installed, none named); element id `pathways`. */
export function renderPathwayCard(pathways: Array<{ id: string; title: string }>): AdaptiveCard {
  return adaptiveCard(
    [{ type: 'Container', id: 'pathways', items: [text('Which pathway? Several are installed here; pick the one that fits.', { weight: 'Bolder' })] }],
    pathways.map((p) => executeAction(p.title, { action: 'start_consult', pathwayId: p.id })),
  );
}

/** The reply in the consult's conversation telling the clinician who took it. */
export function claimNotice(name: string | undefined): string {
  return TEXT.told(name ?? 'Someone');
}
