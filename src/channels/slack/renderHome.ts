import { PRODUCT } from '../../interaction/product.js';
import type { RecordStatus } from '../../store/types.js';
import { actions, context, divider, esc, header, section, type Block } from './blockKit.js';
import { criteriaLine, startButton } from './renderHelp.js';
import { COMMAND, type ProductInfo } from './productInfo.js';

/** One recent consult as App Home lists it. */
export interface HomeItem {
  status: RecordStatus;
  /** The outcome's title when the consult reached one. */
  outcomeTitle?: string;
  createdAt: Date;
}

/** An App Home tab view for views.publish. */
export interface HomeView { type: 'home'; blocks: Block[] }

const STATUS: Record<RecordStatus, string> = { active: 'in progress', finished: 'finished', cancelled: 'cancelled', expired: 'expired' };

/** Slack renders <!date> in the reader's own time zone; the fallback is UTC. */
function when(d: Date): string {
  const fallback = `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(d.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

function itemLine(item: HomeItem): string {
  const what = item.outcomeTitle ? `${esc(item.outcomeTitle)} (${STATUS[item.status]})` : STATUS[item.status];
  return `• ${when(item.createdAt)}: ${what}`;
}

const HOW_IT_WORKS = [
  '*How it works*',
  `1. Press *Start a consult* here, type \`${COMMAND}\` in a channel I am in, or use the shortcut *Start a spine consult* (the lightning bolt menu).`,
  '2. Answer a few button questions. Nothing to type, and never any patient identifiers.',
  '3. Read the rated imaging options, how urgent it is, an order line and a note for the chart.',
  'Questions in your own words: send me a direct message.',
].join('\n');

/** App Home: what the bot does, a start button, and the user's recent consults. */
export function renderHome(info: ProductInfo, recent: HomeItem[]): HomeView {
  return {
    type: 'home',
    blocks: [
      header(PRODUCT.name),
      section(`Runs a short button consult following ${criteriaLine(info)}. Start one here (it opens in our direct message) or type \`${COMMAND}\` in a channel.`, { blockId: 'about' }),
      context([`_${esc(info.disclaimer)}_`], 'disclaimer'),
      actions('start', [startButton()]),
      // First open: nothing to list yet, so say how a consult works instead.
      ...(recent.length === 0 ? [section(HOW_IT_WORKS, { blockId: 'how-it-works' })] : []),
      divider,
      section(['*Your recent consults*', ...(recent.length ? recent.slice(0, 5).map(itemLine) : ['None yet.'])].join('\n'), { blockId: 'recent' }),
    ],
  };
}
