import type { CriteriaInfo, TrailItem } from '../../flow/viewTypes.js';
import type { ControlButton } from '../../interaction/composeView.js';
import { LABELS } from '../../interaction/product.js';
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
            items: [{ type: 'ActionSet', actions: [executeAction(LABELS.change, click(consultId, step, 'change', { questionId: t.questionId }))] }],
          }]
        : []),
    ],
  }));
  return [{ type: 'Container', id: 'trail', ...(separator ? { separator } : {}), items: [text('Your answers', { weight: 'Bolder', size: 'Small', isSubtle: true }), ...rows] }];
}

/** The composed view's control buttons (labels and order from src/interaction), as card actions. */
export function controlActions(buttons: ControlButton[], consultId: string, step: number): CardJson[] {
  const style = { primary: 'positive', danger: 'destructive' } as const;
  return buttons.map((b) => executeAction(b.label, click(consultId, step, b.action), b.emphasis && style[b.emphasis]));
}

/** The guidance name, variant and review date, in small print. */
export function criteriaLine(criteria: CriteriaInfo): CardJson {
  return text(`${criteria.name} (${criteria.variant}). Reviewed ${criteria.reviewDate}.`, { size: 'Small', isSubtle: true, id: 'criteria' });
}
