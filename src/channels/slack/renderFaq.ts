import type { FaqTopic, FaqView } from '../../flow/viewTypes.js';
import { actions, button, clip, context, esc, header, section, type Block, type SlackMessage } from './blockKit.js';
import { startButton } from './renderHelp.js';

const MAX_TOPICS = 10;
/** One `faq:<id>` button per topic (the action the FAQ-topic handler answers). */
export const topicButtons = (topics: FaqTopic[]) => topics.slice(0, MAX_TOPICS).map((t) => button(t.title, `faq:${t.faqId}`, t.faqId));
/** The FAQ's fixed notices (identifier reminder, consult offer) as one context block, if any. */
const notices = (lines: string[] | undefined): Block[] => (lines?.length ? [context(lines.map(esc), 'faq-notices')] : []);

/** A reply to a typed DM: an FAQ answer (`faq:<id>`), a "not sure" with topics (`faq:none`), or help. */
export function renderFaq(view: FaqView): SlackMessage {
  switch (view.kind) {
    case 'faq': {
      const blocks: Block[] = [
        section(`*${esc(view.question)}*\n${esc(view.answer)}`, { blockId: `faq:${view.faqId}` }),
        context([`Source: ${esc(view.section)} · *${esc(view.criteria.name)}* · reviewed ${esc(view.criteria.reviewDate)}`], 'source'),
        ...notices(view.notices),
        actions('faq-topics', [...topicButtons(view.related), startButton()]),
      ];
      return { text: clip(`${view.question} ${view.answer}`, 3000), blocks };
    }
    case 'faq-none':
      return {
        text: view.text,
        blocks: [section(esc(view.text), { blockId: 'faq:none' }), ...notices(view.notices), actions('faq-topics', [...topicButtons(view.suggestions), startButton()])],
      };
    case 'help':
      return {
        text: `${view.title}: ${view.paragraphs.join(' ')}`,
        blocks: [
          header(view.title),
          ...view.paragraphs.slice(0, 20).map((p, i) => section(esc(p), { blockId: `help:${i}` })),
          context([`*${esc(view.criteria.name)}* · reviewed ${esc(view.criteria.reviewDate)}`, `_${esc(view.disclaimer)}_`], 'criteria'),
          actions('start', [startButton()]),
        ],
      };
  }
}
