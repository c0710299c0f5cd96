import type { CriteriaInfo } from '../../flow/viewTypes.js';

/** What help and App Home say about the bot; criteria and disclaimer come from rules/, never from here. */
export interface ProductInfo {
  criteria: CriteriaInfo;
  disclaimer: string;
  /** Hours without an answer before a consult expires. */
  ttlHours: number;
}

/** The slash command, as registered in the manifest. */
export const COMMAND = '/spine-consult';

/** The global shortcut's callback_id ("Start a spine consult"), as declared in the manifest. */
export const START_SHORTCUT = 'start_consult';
