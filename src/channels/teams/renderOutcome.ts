import type { OutcomeView, RatingRow } from '../../flow/viewTypes.js';
import type { Composed } from '../../interaction/composeView.js';
import { adaptiveCard, text, type AdaptiveCard, type CardJson } from './cardTypes.js';
import { renderFeedback, renderHandoff, renderSafety } from './renderFollowUp.js';
import { topicButtons } from './renderFaq.js';
import { controlActions, renderTrail } from './renderParts.js';

// Colour follows what kind of outcome it is, so an emergency never looks like routine advice.
const STYLE: Record<OutcomeView['outcomeKind'], string> = {
  recommendation: 'good',
  result: 'accent',
  exclusion: 'emphasis',
  emergency: 'attention',
};

function ratingsTable(rows: RatingRow[]): CardJson[] {
  if (rows.length === 0) return [];
  const cell = (items: CardJson[]): CardJson => ({ type: 'TableCell', items });
  const header = { type: 'TableRow', style: 'emphasis', cells: ['Study', 'Rating', 'Radiation'].map((h) => cell([text(h, { weight: 'Bolder' })])) };
  return [{
    type: 'Table',
    id: 'ratings',
    firstRowAsHeader: true,
    showGridLines: true,
    columns: [{ width: 3 }, { width: 2 }, { width: 2 }],
    rows: [
      header,
      ...rows.map((r) => ({
        type: 'TableRow',
        cells: [
          cell([text(r.study), ...(r.note ? [text(r.note, { size: 'Small', isSubtle: true })] : [])]),
          cell([text(r.rating)]),
          cell([text(r.radiation)]),
        ],
      })),
    ],
  }];
}

function section(id: string, heading: string, items: CardJson[], extra: CardJson = {}): CardJson {
  return { type: 'Container', id, separator: true, ...extra, items: [text(heading, { weight: 'Bolder' }), ...items] };
}

/**
 * An outcome card: the statement (element id `outcome:<outcomeId>`), ratings table, urgency, order
 * line, pitfalls, answer summary, chart note, criteria with review date and disclaimer, then
 * the composed view's control buttons.
 */
export function renderOutcome(view: Composed<OutcomeView>, consultId: string): AdaptiveCard {
  const { step } = view;
  const body: CardJson[] = [
    {
      type: 'Container',
      id: `outcome:${view.outcomeId}`,
      style: STYLE[view.outcomeKind],
      items: [
        text(view.title, { weight: 'Bolder', size: 'Large' }),
        text(view.statement),
        ...view.details.map((d) => text(d)),
      ],
    },
    ...renderSafety(view),
    // Where no pathway here fits, asking radiology is the next step, so it comes first.
    ...(view.handoff?.prominent ? renderHandoff(view.handoff, consultId, step) : []),
    ...ratingsTable(view.ratings),
  ];
  if (view.urgency) {
    body.push(section('urgency', `Urgency: ${view.urgency.label}`, [text(view.urgency.text)],
      { style: view.urgency.level === 'emergent' ? 'attention' : 'warning' }));
  }
  if (view.orderLine) body.push(section('order-line', 'Order line', [text(view.orderLine, { fontType: 'Monospace' })]));
  if (view.pitfalls.length > 0) body.push(section('pitfalls', 'Pitfalls', view.pitfalls.map((p) => text(`- ${p}`))));
  if (view.parentGuide) body.push(section('parent-guide', 'See also', [text(view.parentGuide)]));
  body.push(
    ...renderTrail(view.trail, consultId, step, true),
    section('chart-note', 'Chart note', [text(view.chartNote, { fontType: 'Monospace', size: 'Small' })]),
    ...renderFeedback(view.feedback, consultId, step),
    ...(view.handoff && !view.handoff.prominent ? renderHandoff(view.handoff, consultId, step) : []),
    ...(view.related.length ? [text('Related questions', { weight: 'Bolder', separator: true }), ...topicButtons('related', view.related)] : []),
    { type: 'Container', id: 'footer', separator: true, items: [
      text(`Source: ${view.attribution}`, { size: 'Small', isSubtle: true, id: 'criteria' }),
      text(`Sections: ${view.sources.join('; ')}`, { size: 'Small', isSubtle: true }),
      text(view.disclaimer, { size: 'Small', isSubtle: true, id: 'disclaimer' }),
    ] },
  );
  return adaptiveCard(body, controlActions(view.buttons, consultId, step));
}
