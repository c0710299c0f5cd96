import type { NoticeView } from '../../flow/viewTypes.js';
import { click, executeAction } from './cardActions.js';
import { adaptiveCard, text, type AdaptiveCard } from './cardTypes.js';
import { controlActions } from './renderParts.js';

/** A notice card (cancelled, guidance changed): the text (element id `notice:<notice>`) and "New consult". */
export function renderNotice(view: NoticeView, consultId: string): AdaptiveCard {
  return adaptiveCard(
    [{ type: 'Container', id: `notice:${view.notice}`, items: [text(view.text)] }],
    [
      ...controlActions(view.controls, consultId, view.step),
      ...(view.controls.newConsult ? [executeAction('New consult', click(consultId, view.step, 'new_consult'))] : []),
    ],
  );
}
