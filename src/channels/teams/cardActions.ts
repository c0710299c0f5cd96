import type { ClickData } from '../../consult/clickData.js';
import type { CardJson } from './cardTypes.js';

/** Card data for Teams-only buttons that are not consult clicks (FAQ topics, "Start a consult"). */
export type TeamsOnlyData = { action: 'faq_topic'; faqId: string } | { action: 'start_consult'; pathwayId?: string };

/** Everything a button of this bot can carry. */
export type ButtonData = ClickData | TeamsOnlyData;

/** Button emphasis, as Adaptive Cards names it. */
export type ActionStyle = 'positive' | 'destructive';

/**
 * A Universal Action button (Action.Execute, verb = the action) with an Action.Submit fallback
 * carrying the same data, for Teams clients without Universal Actions.
 */
export function executeAction(title: string, data: ButtonData, style?: ActionStyle): CardJson {
  const common = { title, ...(style ? { style } : {}) };
  return {
    type: 'Action.Execute',
    ...common,
    verb: data.action,
    data,
    fallback: { type: 'Action.Submit', ...common, data },
  };
}

/** Click data for a consult button, drawn at `step`. */
export function click(
  consultId: string,
  step: number,
  action: ClickData['action'],
  extra: Partial<Pick<ClickData, 'questionId' | 'optionId' | 'choice' | 'reason'>> = {},
): ClickData {
  return { action, ...extra, consultId, step };
}
