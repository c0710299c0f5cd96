import type { TrailItem } from '../../flow/viewTypes.js';
import { LABELS } from '../../interaction/product.js';
import { button, esc, section, type Block } from './blockKit.js';
import { consultValue } from './buttonValue.js';

/** One trail line, e.g. "*Prior imaging:* Abnormal or equivocal". */
export function trailLine(item: TrailItem): string {
  return `*${esc(item.question)}:* ${esc(item.answer)}`;
}

/**
 * The answers so far: one section per answer with a "Change" button when the view allows
 * changing it, otherwise a single compact summary section.
 */
export function renderTrail(trail: TrailItem[], consultId: string, step: number, heading?: string): Block[] {
  if (trail.length === 0) return [];
  if (!trail.some((t) => t.canChange)) {
    const lines = trail.map((t) => `• ${trailLine(t)}`);
    return [section([...(heading ? [`*${heading}*`] : []), ...lines].join('\n'), { blockId: 'trail' })];
  }
  const head = heading ? [section(`*${heading}*`, { blockId: 'trail' })] : [];
  return [
    ...head,
    ...trail.map((t) =>
      section(trailLine(t), {
        blockId: `trail:${t.questionId}`,
        ...(t.canChange ? { accessory: button(LABELS.change, `control:change:${t.questionId}`, consultValue(consultId, step)) } : {}),
      })),
  ];
}
