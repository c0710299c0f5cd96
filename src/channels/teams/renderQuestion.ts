import type { QuestionView } from '../../flow/viewTypes.js';
import type { Composed } from '../../interaction/composeView.js';
import { click, executeAction } from './cardActions.js';
import { adaptiveCard, text, type AdaptiveCard } from './cardTypes.js';
import { controlActions, criteriaLine, renderTrail } from './renderParts.js';

/** A question card: trail with "Change", the question with its help text, option buttons, controls. */
export function renderQuestion(view: Composed<QuestionView>, consultId: string): AdaptiveCard {
  const { question, step } = view;
  return adaptiveCard(
    [
      criteriaLine(view.criteria),
      ...renderTrail(view.trail, consultId, step),
      {
        type: 'Container',
        id: `question:${question.id}`,
        separator: view.trail.length > 0,
        items: [
          text(`Question ${view.number}: ${question.label}`, { size: 'Small', isSubtle: true }),
          text(question.prompt, { weight: 'Bolder', size: 'Medium' }),
          text(question.help, { isSubtle: true }),
          {
            type: 'ActionSet',
            id: 'options',
            actions: question.options.map((o) =>
              executeAction(o.label, click(consultId, step, 'answer', { questionId: question.id, optionId: o.id }))),
          },
        ],
      },
    ],
    controlActions(view.buttons, consultId, step),
  );
}
