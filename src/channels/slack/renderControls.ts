import type { Controls } from '../../flow/viewTypes.js';
import { actions, button, type Block, type Button } from './blockKit.js';
import { consultValue, NEW_CONSULT_VALUE } from './buttonValue.js';

/** The control buttons a view allows, in a fixed order; empty when it allows none. */
export function renderControls(controls: Controls, consultId: string, step: number): Block[] {
  const value = consultValue(consultId, step);
  const buttons: Button[] = [];
  if (controls.recordResult) buttons.push(button('Record MRI result', 'control:record_result', value, 'primary'));
  if (controls.back) buttons.push(button('Back', 'control:back', value));
  if (controls.restart) buttons.push(button('Restart', 'control:restart', value));
  if (controls.cancel) buttons.push(button('Cancel', 'control:cancel', value, 'danger'));
  if (controls.newConsult) buttons.push(button('New consult', 'control:new_consult', NEW_CONSULT_VALUE));
  return buttons.length ? [actions('controls', buttons)] : [];
}
