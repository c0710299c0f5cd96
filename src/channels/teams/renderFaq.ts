import type { FaqAnswerView, FaqNotSureView, FaqTopic, FaqView, HelpView } from '../../flow/viewTypes.js';
import { LABELS } from '../../interaction/product.js';
import { executeAction } from './cardActions.js';
import { adaptiveCard, text, type AdaptiveCard, type CardJson } from './cardTypes.js';
import { criteriaLine } from './renderParts.js';

const startButton = () => executeAction(LABELS.startConsult, { action: 'start_consult' }, 'positive');

/** An ActionSet of `faq_topic` buttons, one per topic; none when there are no topics. */
export function topicButtons(id: string, topics: FaqTopic[]): CardJson[] {
  if (topics.length === 0) return [];
  return [{ type: 'ActionSet', id, actions: topics.map((t) => executeAction(t.title, { action: 'faq_topic', faqId: t.faqId })) }];
}

/** The FAQ's fixed notices (identifier reminder, consult offer), if any. */
const notices = (lines: string[] | undefined): CardJson[] =>
  (lines?.length ? [{ type: 'Container', id: 'faq-notices', items: lines.map((l) => text(l, { size: 'Small' })) }] : []);

function renderAnswer(view: FaqAnswerView): AdaptiveCard {
  return adaptiveCard(
    [
      {
        type: 'Container',
        id: `faq:${view.faqId}`,
        items: [
          text(view.question, { weight: 'Bolder', size: 'Medium' }),
          text(view.answer),
          text(`Source: ${view.section}`, { size: 'Small', isSubtle: true }),
        ],
      },
      ...notices(view.notices),
      ...(view.related.length > 0 ? [text('Related', { weight: 'Bolder', separator: true })] : []),
      ...topicButtons('related', view.related),
      criteriaLine(view.criteria),
    ],
    [startButton()],
  );
}

function renderNotSure(view: FaqNotSureView): AdaptiveCard {
  return adaptiveCard(
    [{ type: 'Container', id: 'faq:none', items: [text(view.text), ...topicButtons('suggestions', view.suggestions)] }, ...notices(view.notices)],
    [startButton()],
  );
}

function renderHelp(view: HelpView): AdaptiveCard {
  return adaptiveCard(
    [
      {
        type: 'Container',
        id: 'help',
        items: [text(view.title, { weight: 'Bolder', size: 'Medium' }), ...view.paragraphs.map((p) => text(p))],
      },
      criteriaLine(view.criteria),
      text(view.disclaimer, { size: 'Small', isSubtle: true, id: 'disclaimer' }),
    ],
    [startButton()],
  );
}

/** An FAQ answer (element id `faq:<faqId>`), a "not sure" reply with topics (`faq:none`), or help. */
export function renderFaq(view: FaqView): AdaptiveCard {
  switch (view.kind) {
    case 'faq': return renderAnswer(view);
    case 'faq-none': return renderNotSure(view);
    case 'help': return renderHelp(view);
  }
}
