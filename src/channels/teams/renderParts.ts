import type { Controls, CriteriaInfo, TrailItem } from '../../flow/viewTypes.js';
import { click, executeAction } from './cardActions.js';
import { text, type CardJson } from './cardTypes.js';

/**
 * The answers so far, one row each; a "Change" button where the view allows jumping back.
 * Element id `trail` so tests and analytics can find it.
 */
export function renderTrail(trail: TrailItem[], consultId: string, step: number, separator = false): CardJson[] {
  if (trail.length === 0) return [];
  const rows = trail.map((t): CardJson => ({
    type: 'ColumnSet',
    id: `trail:${t.questionId}`,
    columns: [
      { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [text(`**${t.question}:** ${t.answer}`)] },
      ...(t.canChange
        ? [{
            type: 'Column', width: 'auto',
            items: [{ type: 'ActionSet', actions: [executeAction('Change', click(consultId, step, 'change', { questionId: t.questionId }))] }],
          }]
        : []),
    ],
  }));
  return [{ type: 'Container', id: 'trail', ...(separator ? { separator } : {}), items: [text('Your answers', { weight: 'Bolder', size: 'Small', isSubtle: true }), ...rows] }];
}

/** Back / Restart / Cancel, drawn only where the view offers them. */
export function controlActions(controls: Controls, consultId: string, step: number): CardJson[] {
  return [
    ...(controls.back ? [executeAction('Back', click(consultId, step, 'back'))] : []),
    ...(controls.restart ? [executeAction('Restart', click(consultId, step, 'restart'))] : []),
    ...(controls.cancel ? [executeAction('Cancel', click(consultId, step, 'cancel'), 'destructive')] : []),
  ];
}

/** The guidance name, variant and review date, in small print. */
export function criteriaLine(criteria: CriteriaInfo): CardJson {
  return text(`${criteria.name} (${criteria.variant}). Reviewed ${criteria.reviewDate}.`, { size: 'Small', isSubtle: true, id: 'criteria' });
}
