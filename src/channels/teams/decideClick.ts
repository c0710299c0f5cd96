import type { ConsultService } from '../../consult/consultService.js';
import { rejectionText, type RejectReason } from '../../consult/rejections.js';
import type { FaqView } from '../../flow/viewTypes.js';
import type { ComposedView } from '../../interaction/composeView.js';
import type { ConsultRecord } from '../../store/types.js';
import type { ButtonData } from './cardActions.js';
import type { FaqPort } from '../../faq/faqPort.js';
import { TEAMS_REPLY_STYLE } from './replyText.js';

/** What a button press should do, before choosing how (invoke response or message update) to show it. */
export type ButtonDecision =
  /** The consult moved on: show its new view in place of the old card. */
  | { kind: 'advanced'; consultId: string; view: ComposedView; messageRef: string | null }
  /** Nothing changed; tell the clicker why (text), or stay silent and show the card as it is. */
  | { kind: 'rejected'; reason?: RejectReason; text?: string; consultId?: string; view?: ComposedView }
  /** Start a fresh consult for the clicker; `previous` is the card it was clicked on, left unchanged. */
  | { kind: 'start'; previous?: { consultId: string; view: ComposedView } }
  /** Show an FAQ topic, or say it is gone. */
  | { kind: 'faq'; view?: FaqView };

/**
 * Applies a validated button press through the consult service (which checks owner, step,
 * duplicates and expiry) and says what to show, drawn by `compose` (src/interaction/composeView.ts).
 * Never throws for a bad or stale press.
 */
export async function decideClick(
  service: ConsultService, faq: FaqPort, userId: string, data: ButtonData,
  compose: (record: ConsultRecord) => Promise<ComposedView>,
): Promise<ButtonDecision> {
  switch (data.action) {
    case 'start_consult':
      return { kind: 'start' };
    case 'faq_topic':
      return { kind: 'faq', view: faq.topic(data.faqId) };
    case 'new_consult': {
      // Anyone may start their own consult from a finished card; the old consult is untouched.
      const record = await service.get(data.consultId);
      return { kind: 'start', ...(record ? { previous: { consultId: record.id, view: await compose(record) } } : {}) };
    }
    default: {
      const result = await service.click({ userId, data });
      if (result.ok) return { kind: 'advanced', consultId: result.record.id, view: await compose(result.record), messageRef: result.record.messageRef };
      const text = rejectionText(result.reason, result.record?.ownerId ?? '', TEAMS_REPLY_STYLE);
      return {
        kind: 'rejected',
        reason: result.reason,
        ...(text ? { text } : {}),
        ...(result.record ? { consultId: result.record.id, view: await compose(result.record) } : {}),
      };
    }
  }
}
