import type { ComposedView } from '../../interaction/composeView.js';
import type { SlackMessage } from './blockKit.js';
import { renderNotice } from './renderNotice.js';
import { renderOutcome } from './renderOutcome.js';
import { renderQuestion } from './renderQuestion.js';

/** Renders a consult view as a Slack message; pure: the same view and consult id give the same payload. */
export function renderSlack(view: ComposedView, consultId: string): SlackMessage {
  switch (view.kind) {
    case 'question': return renderQuestion(view, consultId);
    case 'outcome': return renderOutcome(view, consultId);
    case 'notice': return renderNotice(view, consultId);
  }
}
