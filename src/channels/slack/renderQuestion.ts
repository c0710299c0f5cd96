import type { QuestionView } from '../../flow/viewTypes.js';
import type { Composed } from '../../interaction/composeView.js';
import { actions, button, context, divider, esc, section, type SlackMessage } from './blockKit.js';
import { consultValue } from './buttonValue.js';
import { renderControls } from './renderControls.js';
import { renderTrail } from './renderTrail.js';

/** A question: the trail of earlier answers, the question with its help, one button per option, and the controls. */
export function renderQuestion(view: Composed<QuestionView>, consultId: string): SlackMessage {
  const { question: q, step } = view;
  const value = consultValue(consultId, step);
  const trail = renderTrail(view.trail, consultId, step);
  return {
    text: `Question ${view.number}: ${q.prompt}`,
    blocks: [
      context([`*${esc(view.criteria.name)}* · ${esc(view.criteria.variant)}`], 'criteria'),
      ...trail,
      ...(trail.length ? [divider] : []),
      section(`*Question ${view.number}: ${esc(q.label)}*\n${esc(q.prompt)}`, { blockId: `question:${q.id}` }),
      context([esc(q.help)], 'help'),
      actions(`answers:${q.id}`, q.options.map((o) => button(o.label, `answer:${q.id}:${o.id}`, value))),
      ...renderControls(view.buttons, consultId, step),
    ],
  };
}
