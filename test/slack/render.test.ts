import { composed } from '../support/composed.js';
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/channels/slack/renderSlack.js';
import { renderFaq } from '../../src/channels/slack/renderFaq.js';
import { renderHome } from '../../src/channels/slack/renderHome.js';
import { renderHelp } from '../../src/channels/slack/renderHelp.js';
import type { NoticeView, OutcomeView, QuestionView } from '../../src/flow/viewTypes.js';

const criteria = { name: 'Criteria X', variant: 'Variant Y', reviewDate: '2026-05-29' };
const V = (s: number) => JSON.stringify({ c: 'c1', s });
const controls = { back: true, restart: true, cancel: true, recordResult: false, newConsult: false };

const question: QuestionView = {
  kind: 'question', flowId: 'f', flowVersion: '1', step: 2, criteria, number: 2, controls,
  trail: [{ questionId: 'q1', question: 'First <q>', optionId: 'a', answer: 'A & B', canChange: true }],
  question: { id: 'q2', label: 'Second', prompt: 'Pick one?', help: 'Some help.', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] },
};

describe('renderSlack', () => {
  it('renders a question with its trail, help, options and controls', () => {
    expect(renderSlack(composed(question), 'c1')).toEqual({
      text: 'Question 2: Pick one?',
      blocks: [
        { type: 'context', block_id: 'criteria', elements: [{ type: 'mrkdwn', text: '*Criteria X* · Variant Y' }] },
        {
          type: 'section', block_id: 'trail:q1', text: { type: 'mrkdwn', text: '*First &lt;q&gt;:* A &amp; B' },
          accessory: { type: 'button', text: { type: 'plain_text', text: 'Change' }, action_id: 'control:change:q1', value: V(2) },
        },
        { type: 'divider' },
        { type: 'section', block_id: 'question:q2', text: { type: 'mrkdwn', text: '*Question 2: Second*\nPick one?' } },
        { type: 'context', block_id: 'help', elements: [{ type: 'mrkdwn', text: 'Some help.' }] },
        {
          type: 'actions', block_id: 'answers:q2', elements: [
            { type: 'button', text: { type: 'plain_text', text: 'X' }, action_id: 'answer:q2:x', value: V(2) },
            { type: 'button', text: { type: 'plain_text', text: 'Y' }, action_id: 'answer:q2:y', value: V(2) },
          ],
        },
        {
          type: 'actions', block_id: 'controls', elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Back' }, action_id: 'control:back', value: V(2) },
            { type: 'button', text: { type: 'plain_text', text: 'Restart' }, action_id: 'control:restart', value: V(2) },
            { type: 'button', text: { type: 'plain_text', text: 'Cancel' }, action_id: 'control:cancel', value: V(2), style: 'danger' },
          ],
        },
      ],
    });
  });

  it('clips a long option label to 75 characters', () => {
    const long = { ...question, question: { ...question.question, options: [{ id: 'x', label: 'L'.repeat(100) }] } };
    const options = renderSlack(composed(long), 'c1').blocks[5] as { elements: Array<{ text: { text: string } }> };
    expect(options.elements[0].text.text).toBe(`${'L'.repeat(74)}…`);
  });

  it('renders an outcome with every part and the record-result control', () => {
    const outcome: OutcomeView = {
      kind: 'outcome', flowId: 'f', flowVersion: '1', step: 6, criteria, outcomeId: 'o1', outcomeKind: 'recommendation',
      title: 'Do Z', statement: 'Statement.', details: ['Detail.'],
      ratings: [{ procedureId: 'p', study: 'Study Z', rating: 'Usually Appropriate', radiation: '0 mSv', note: 'Note.' }],
      urgency: { level: 'urgent', label: 'Soon', text: 'Urgency text.' },
      orderLine: 'Order `Z`', pitfalls: ['Pitfall.'], parentGuide: 'Parent guide',
      trail: [{ questionId: 'q1', question: 'First', optionId: 'a', answer: 'A', canChange: false }],
      chartNote: 'Chart.', disclaimer: 'Disclaimer.', sources: ['Heading'], attribution: '"Article", reviewed by R.',
      related: [{ faqId: 'f1', title: 'Why <this>?' }, { faqId: 'f2', title: 'And that?' }],
      controls: { back: false, restart: false, cancel: false, recordResult: true, newConsult: true },
    };
    expect(renderSlack(composed(outcome), 'c1')).toEqual({
      text: 'Do Z: Statement.',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Do Z' } },
        { type: 'section', block_id: 'outcome:o1', text: { type: 'mrkdwn', text: 'Statement.\n\nDetail.' } },
        { type: 'section', block_id: 'ratings', text: { type: 'mrkdwn', text: '*Ratings*\n• *Study Z*: Usually Appropriate · radiation 0 mSv\n    _Note._' } },
        { type: 'section', block_id: 'urgency', text: { type: 'mrkdwn', text: '*Urgency: Soon*\nUrgency text.' } },
        { type: 'section', block_id: 'order', text: { type: 'mrkdwn', text: '*Order*\n```Order ʼZʼ```' } },
        { type: 'section', block_id: 'pitfalls', text: { type: 'mrkdwn', text: '*Pitfalls*\n• Pitfall.' } },
        { type: 'section', block_id: 'parent-guide', text: { type: 'mrkdwn', text: '*See also:* Parent guide' } },
        { type: 'divider' },
        { type: 'section', block_id: 'trail', text: { type: 'mrkdwn', text: '*Your answers*\n• *First:* A' } },
        { type: 'section', block_id: 'chart-note', text: { type: 'mrkdwn', text: '*Chart note*\n```Chart.```' } },
        {
          type: 'context', block_id: 'criteria', elements: [
            { type: 'mrkdwn', text: 'Source: "Article", reviewed by R.' },
            { type: 'mrkdwn', text: 'Sections: Heading' },
            { type: 'mrkdwn', text: '_Disclaimer._' },
          ],
        },
        { type: 'context', block_id: 'related-heading', elements: [{ type: 'mrkdwn', text: '*Related questions*' }] },
        {
          type: 'actions', block_id: 'related', elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Why <this>?' }, action_id: 'faq:f1', value: 'f1' },
            { type: 'button', text: { type: 'plain_text', text: 'And that?' }, action_id: 'faq:f2', value: 'f2' },
          ],
        },
        {
          type: 'actions', block_id: 'controls', elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Record MRI result' }, action_id: 'control:record_result', value: V(6), style: 'primary' },
            { type: 'button', text: { type: 'plain_text', text: 'New consult' }, action_id: 'control:new_consult', value: 'new' },
          ],
        },
      ],
    });
  });

  it('renders an emergency with a siren, the action first and the safety notice right under it', () => {
    const emergency: OutcomeView = {
      kind: 'outcome', flowId: 'f', flowVersion: '1', step: 3, criteria, outcomeId: 'e1', outcomeKind: 'emergency',
      title: 'Call now', statement: 'Escalate now.', details: [], ratings: [], pitfalls: [],
      trail: [], chartNote: 'Chart.', disclaimer: 'Disclaimer.', sources: [], attribution: 'A.', related: [],
      safetyNotice: 'Nobody is paged.',
      controls: { back: false, restart: false, cancel: false, recordResult: false, newConsult: true },
    };
    expect(renderSlack(composed(emergency), 'c1').blocks.slice(0, 3)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '🚨 Call now' } },
      { type: 'section', block_id: 'outcome:e1', text: { type: 'mrkdwn', text: 'Escalate now.' } },
      { type: 'section', block_id: 'safety', text: { type: 'mrkdwn', text: ':warning: *Nobody is paged.*' } },
    ]);
  });

  it('renders a notice', () => {
    const notice: NoticeView = { kind: 'notice', notice: 'cancelled', text: 'Consult cancelled.', step: 3, controls: { ...controls, back: false, restart: false, cancel: false, newConsult: true } };
    expect(renderSlack(composed(notice), 'c1')).toEqual({
      text: 'Consult cancelled.',
      blocks: [
        { type: 'section', block_id: 'notice:cancelled', text: { type: 'mrkdwn', text: 'Consult cancelled.' } },
        { type: 'actions', block_id: 'controls', elements: [{ type: 'button', text: { type: 'plain_text', text: 'New consult' }, action_id: 'control:new_consult', value: 'new' }] },
      ],
    });
  });
});

const start = { type: 'button', text: { type: 'plain_text', text: 'Start a consult' }, action_id: 'control:new_consult', value: 'new', style: 'primary' };

describe('renderFaq', () => {
  it('renders an answer with block faq:<faqId> and related topics', () => {
    expect(renderFaq({ kind: 'faq', faqId: 'a1', question: 'Q?', answer: 'Ans.', section: 'Sec', related: [{ faqId: 'b2', title: 'B' }], criteria })).toEqual({
      text: 'Q? Ans.',
      blocks: [
        { type: 'section', block_id: 'faq:a1', text: { type: 'mrkdwn', text: '*Q?*\nAns.' } },
        { type: 'context', block_id: 'source', elements: [{ type: 'mrkdwn', text: 'Source: Sec · *Criteria X* · reviewed 2026-05-29' }] },
        { type: 'actions', block_id: 'faq-topics', elements: [{ type: 'button', text: { type: 'plain_text', text: 'B' }, action_id: 'faq:b2', value: 'b2' }, start] },
      ],
    });
  });

  it('renders "not sure" with block faq:none and topic buttons', () => {
    expect(renderFaq({ kind: 'faq-none', text: 'Not sure.', suggestions: [{ faqId: 'b2', title: 'B' }] })).toEqual({
      text: 'Not sure.',
      blocks: [
        { type: 'section', block_id: 'faq:none', text: { type: 'mrkdwn', text: 'Not sure.' } },
        { type: 'actions', block_id: 'faq-topics', elements: [{ type: 'button', text: { type: 'plain_text', text: 'B' }, action_id: 'faq:b2', value: 'b2' }, start] },
      ],
    });
  });

  it('shows the FAQ notices (identifier reminder, consult offer) as one context block before the buttons', () => {
    const notices = ['No identifiers <please>.', 'Start a consult to record it.'];
    expect(renderFaq({ kind: 'faq', faqId: 'a1', question: 'Q?', answer: 'Ans.', section: 'Sec', related: [], criteria, notices }).blocks).toEqual([
      { type: 'section', block_id: 'faq:a1', text: { type: 'mrkdwn', text: '*Q?*\nAns.' } },
      { type: 'context', block_id: 'source', elements: [{ type: 'mrkdwn', text: 'Source: Sec · *Criteria X* · reviewed 2026-05-29' }] },
      { type: 'context', block_id: 'faq-notices', elements: [{ type: 'mrkdwn', text: 'No identifiers &lt;please&gt;.' }, { type: 'mrkdwn', text: 'Start a consult to record it.' }] },
      { type: 'actions', block_id: 'faq-topics', elements: [start] },
    ]);
    expect(renderFaq({ kind: 'faq-none', text: 'Not sure.', suggestions: [], notices: ['No identifiers.'] }).blocks).toEqual([
      { type: 'section', block_id: 'faq:none', text: { type: 'mrkdwn', text: 'Not sure.' } },
      { type: 'context', block_id: 'faq-notices', elements: [{ type: 'mrkdwn', text: 'No identifiers.' }] },
      { type: 'actions', block_id: 'faq-topics', elements: [start] },
    ]);
  });
});

describe('renderHome and renderHelp', () => {
  const info = { criteria, disclaimer: 'Disclaimer.', ttlHours: 72 };

  it('renders App Home with recent consults', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    expect(renderHome(info, [{ status: 'finished', outcomeTitle: 'Do Z', createdAt: at }, { status: 'active', createdAt: at }])).toEqual({
      type: 'home',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Spine consult' } },
        { type: 'section', block_id: 'about', text: { type: 'mrkdwn', text: 'Runs a short button consult following *Criteria X* · Variant Y · reviewed 2026-05-29. Start one here (it opens in our direct message) or type `/spine-consult` in a channel.' } },
        { type: 'context', block_id: 'disclaimer', elements: [{ type: 'mrkdwn', text: '_Disclaimer._' }] },
        { type: 'actions', block_id: 'start', elements: [start] },
        { type: 'divider' },
        {
          type: 'section', block_id: 'recent', text: {
            type: 'mrkdwn',
            text: '*Your recent consults*\n• <!date^1767323045^{date_short_pretty} {time}|2026-01-02 03:04 UTC>: Do Z (finished)\n• <!date^1767323045^{date_short_pretty} {time}|2026-01-02 03:04 UTC>: in progress',
          },
        },
      ],
    });
  });

  it('help names the limits, including the content disclaimer and expiry', () => {
    const help = renderHelp(info);
    const limits = help.blocks[1] as { text: { text: string } };
    expect(limits.text.text).toBe([
      '*Limits*',
      '• It covers only the scenario named above.',
      '• Disclaimer.',
      '• Never type patient names or identifiers: the bot does not need them, and it does not keep what you type.',
      '• A consult expires after 72 hours without an answer.',
    ].join('\n'));
  });
});
