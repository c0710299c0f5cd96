import type { OutcomeView, RatingRow } from '../../flow/viewTypes.js';
import type { Composed } from '../../interaction/composeView.js';
import { actions, context, divider, esc, header, section, type Block, type SlackMessage } from './blockKit.js';
import { renderControls } from './renderControls.js';
import { topicButtons } from './renderFaq.js';
import { renderFeedback, renderHandoff, renderSafety } from './renderFollowUp.js';
import { renderTrail } from './renderTrail.js';

/** Slack code spans cannot contain backticks; a look-alike keeps the order line copyable. */
const code = (text: string) => `\`\`\`${text.replaceAll('`', 'ʼ')}\`\`\``;

function ratingLine(r: RatingRow): string {
  const note = r.note ? `\n    _${esc(r.note)}_` : '';
  return `• *${esc(r.study)}*: ${esc(r.rating)} · radiation ${esc(r.radiation)}${note}`;
}

/**
 * An outcome: title, the statement (block_id `outcome:<id>`), ratings, urgency, copyable order
 * line, pitfalls, the answers, the chart note, criteria and disclaimer, and the controls.
 */
export function renderOutcome(view: Composed<OutcomeView>, consultId: string): SlackMessage {
  const emergency = view.outcomeKind === 'emergency';
  const blocks: Block[] = [
    // Block Kit has no colour; the siren marks an emergency wherever the message is shown.
    header(emergency ? `🚨 ${view.title}` : view.title),
    section([view.statement, ...view.details].map(esc).join('\n\n'), { blockId: `outcome:${view.outcomeId}` }),
    ...renderSafety(view),
    // Where no pathway here fits, asking radiology is the next step, so it comes first.
    ...(view.handoff?.prominent ? renderHandoff(view.handoff, consultId, view.step) : []),
  ];
  if (view.ratings.length) blocks.push(section(['*Ratings*', ...view.ratings.map(ratingLine)].join('\n'), { blockId: 'ratings' }));
  if (view.urgency) blocks.push(section(`*Urgency: ${esc(view.urgency.label)}*\n${esc(view.urgency.text)}`, { blockId: 'urgency' }));
  if (view.orderLine) blocks.push(section(`*Order*\n${code(view.orderLine)}`, { blockId: 'order' }));
  if (view.pitfalls.length) {
    blocks.push(section(['*Pitfalls*', ...view.pitfalls.map((p) => `• ${esc(p)}`)].join('\n'), { blockId: 'pitfalls' }));
  }
  if (view.parentGuide) blocks.push(section(`*See also:* ${esc(view.parentGuide)}`, { blockId: 'parent-guide' }));
  blocks.push(divider, ...renderTrail(view.trail, consultId, view.step, 'Your answers'));
  blocks.push(section(`*Chart note*\n${code(view.chartNote)}`, { blockId: 'chart-note' }));
  blocks.push(context([
    `Source: ${esc(view.attribution)}`,
    ...(view.sources.length ? [`Sections: ${view.sources.map(esc).join('; ')}`] : []),
    `_${esc(view.disclaimer)}_`,
  ], 'criteria'));
  if (view.related.length) blocks.push(context(['*Related questions*'], 'related-heading'), actions('related', topicButtons(view.related)));
  blocks.push(...renderFeedback(view.feedback, consultId, view.step));
  if (view.handoff && !view.handoff.prominent) blocks.push(...renderHandoff(view.handoff, consultId, view.step));
  blocks.push(...renderControls(view.buttons, consultId, view.step));
  return { text: `${view.title}: ${view.statement}`, blocks };
}
