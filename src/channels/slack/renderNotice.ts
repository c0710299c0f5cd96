import type { NoticeView } from '../../flow/viewTypes.js';
import type { Composed } from '../../interaction/composeView.js';
import { esc, section, type SlackMessage } from './blockKit.js';
import { renderControls } from './renderControls.js';

/** A notice (cancelled, guidance changed) with the controls it allows. */
export function renderNotice(view: Composed<NoticeView>, consultId: string): SlackMessage {
  return {
    text: view.text,
    blocks: [section(esc(view.text), { blockId: `notice:${view.notice}` }), ...renderControls(view.buttons, consultId, view.step)],
  };
}
