import type { FeedbackView, HandoffView, OutcomeView } from '../../flow/viewTypes.js';
import { HANDOFF_TEXT } from '../../interaction/handoffText.js';
import { esc, join } from './html.js';

/** One submit button of the consult form; `value` is the click it stands for. */
export function submit(value: string, label: string, cls: string, extra = ''): string {
  return `<button type="submit" name="click" value="${esc(value)}" class="${cls}"${extra}>${esc(label)}</button>`;
}

/** The safety sentence on urgent outcomes (id `safety`), right under the outcome statement. */
export function renderSafety(view: OutcomeView): string | undefined {
  return view.safetyNotice && `<p id="safety" class="safety" role="alert"><strong>${esc(view.safetyNotice)}</strong></p>`;
}

/** Feedback buttons (`feedback:<choice>`, `feedback_reason:<reason>`) or the one-line record (id `feedback`). */
export function renderFeedback(f: FeedbackView | undefined): string | undefined {
  if (!f) return undefined;
  if (f.recorded) return `<p id="feedback" class="feedback muted">${esc(f.recorded)}</p>`;
  return join([
    '<div id="feedback" class="feedback" role="group" aria-label="What are you ordering?">',
    ...f.choices.map((c) => submit(`feedback:${c.id}`, c.label, 'btn-secondary')),
    '</div>',
    f.reasons.length > 0 && join([
      '<div id="feedback-reason" class="feedback" role="group" aria-label="Why something else?">',
      ...f.reasons.map((r) => submit(`feedback_reason:${r.id}`, r.label, 'btn-secondary')),
      '</div>',
    ]),
  ]);
}

/** "Ask radiology" while available (id `handoff`), else where the request stands. */
export function renderHandoff(h: HandoffView | undefined): string | undefined {
  if (!h) return undefined;
  if (h.state === 'available') return `<div id="handoff" class="handoff">${submit('handoff:request', h.label, h.prominent ? 'btn-primary' : 'btn-secondary')}</div>`;
  const line = h.state === 'claimed' ? HANDOFF_TEXT.claimed(h.claimedByName ?? HANDOFF_TEXT.someone) : HANDOFF_TEXT.requested;
  return `<p id="handoff" class="handoff muted">${esc(line)}</p>`;
}
