import type { NoticeView } from '../../flow/viewTypes.js';
import type { Composed } from '../../interaction/composeView.js';
import { adaptiveCard, text, type AdaptiveCard } from './cardTypes.js';
import { controlActions } from './renderParts.js';

/** A notice card (cancelled, guidance changed): the text (element id `notice:<notice>`) and "New consult". */
export function renderNotice(view: Composed<NoticeView>, consultId: string): AdaptiveCard {
  return adaptiveCard(
    [{ type: 'Container', id: `notice:${view.notice}`, items: [text(view.text)] }],
    controlActions(view.buttons, consultId, view.step),
  );
}
