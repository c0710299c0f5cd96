import { LABELS } from '../../interaction/product.js';
import { actions, button, context, esc, section, type SlackMessage } from './blockKit.js';
import { NEW_CONSULT_VALUE } from './buttonValue.js';
import { COMMAND, type ProductInfo } from './productInfo.js';

/** The "Start a consult" button (App Home, FAQ replies, help). */
export const startButton = () => button(LABELS.startConsult, 'control:new_consult', NEW_CONSULT_VALUE, 'primary');

/** The buttons that start a consult on one installed pathway each (`start:<pathwayId>`). */
export function renderPathwayChoice(pathways: Array<{ id: string; title: string }>): SlackMessage {
  return {
    text: 'Which pathway? Several are installed here.',
    blocks: [
      section('*Which pathway?* Several are installed here; pick the one that fits.', { blockId: 'pathways' }),
      actions('start', pathways.map((p) => button(p.title, `start:${p.id}`, NEW_CONSULT_VALUE))),
    ],
  };
}

/** One line saying which guidance the bot follows. */
export function criteriaLine(info: ProductInfo): string {
  const c = info.criteria;
  return `*${esc(c.name)}* · ${esc(c.variant)} · reviewed ${esc(c.reviewDate)}`;
}

/** What the bot does and its limits: `/spine-consult help`. */
export function renderHelp(info: ProductInfo): SlackMessage {
  const does = [
    '*What this bot does*',
    `Runs a short button consult that follows ${criteriaLine(info)}, then shows the rated imaging options, urgency, a copyable order line and a chart note.`,
    `Type \`${COMMAND}\` in a channel I am in, or in a direct message with me. Only the person who starts a consult can answer it.`,
    'In a direct message you can also ask me a question in your own words.',
  ];
  const limits = [
    '*Limits*',
    '• It covers only the scenario named above.',
    `• ${esc(info.disclaimer)}`,
    '• Never type patient names or identifiers: the bot does not need them, and it does not keep what you type.',
    `• A consult expires after ${info.ttlHours} hours without an answer.`,
  ];
  return {
    text: `What this bot does: a button consult following ${info.criteria.name}. ${info.disclaimer}`,
    blocks: [section(does.join('\n'), { blockId: 'help' }), section(limits.join('\n'), { blockId: 'limits' }), actions('start', [startButton()])],
  };
}
