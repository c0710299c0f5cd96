import type { ControlButton } from '../../interaction/composeView.js';
import { actions, button, type Block } from './blockKit.js';
import { consultValue, NEW_CONSULT_VALUE } from './buttonValue.js';

/** The control buttons a composed view carries (labels and order from src/interaction); empty when none. */
export function renderControls(buttons: ControlButton[], consultId: string, step: number): Block[] {
  const value = consultValue(consultId, step);
  const drawn = buttons.map((b) => button(b.label, `control:${b.action}`, b.action === 'new_consult' ? NEW_CONSULT_VALUE : value, b.emphasis));
  return drawn.length ? [actions('controls', drawn)] : [];
}
