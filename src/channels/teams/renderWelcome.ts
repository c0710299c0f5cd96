import type { HelpView } from '../../flow/viewTypes.js';
import { LABELS, PRODUCT } from '../../interaction/product.js';
import { executeAction } from './cardActions.js';
import { adaptiveCard, text, type AdaptiveCard } from './cardTypes.js';
import { criteriaLine } from './renderParts.js';
import { TEAMS_TEXT } from './replyText.js';

/**
 * The card a conversation gets once, when the app is installed there (element id `welcome`): what
 * the bot does and its limits (the help text, which says never to type patient identifiers), how
 * to get help, and a "Start a consult" button.
 */
export function renderWelcome(help: HelpView): AdaptiveCard {
  return adaptiveCard(
    [
      {
        type: 'Container',
        id: 'welcome',
        items: [
          text(`Welcome to ${PRODUCT.name}`, { weight: 'Bolder', size: 'Medium' }),
          ...help.paragraphs.map((p) => text(p)),
          text(TEAMS_TEXT.welcomeHint),
        ],
      },
      criteriaLine(help.criteria),
      text(help.disclaimer, { size: 'Small', isSubtle: true, id: 'disclaimer' }),
    ],
    [executeAction(LABELS.startConsult, { action: 'start_consult' }, 'positive')],
  );
}
