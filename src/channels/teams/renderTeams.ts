import type { ComposedView } from '../../interaction/composeView.js';
import type { AdaptiveCard } from './cardTypes.js';
import { renderNotice } from './renderNotice.js';
import { renderOutcome } from './renderOutcome.js';
import { renderQuestion } from './renderQuestion.js';

/** Renders a consult's channel-neutral view as an Adaptive Card whose buttons name `consultId`. */
export function renderTeams(view: ComposedView, consultId: string): AdaptiveCard {
  switch (view.kind) {
    case 'question': return renderQuestion(view, consultId);
    case 'outcome': return renderOutcome(view, consultId);
    case 'notice': return renderNotice(view, consultId);
  }
}
