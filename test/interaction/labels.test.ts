import { afterEach, describe, expect, it } from 'vitest';
import { clip, clipWatch, LIMITS } from '../../src/channels/slack/blockKit.js';
import { renderFaq as slackFaq } from '../../src/channels/slack/renderFaq.js';
import { renderHelp } from '../../src/channels/slack/renderHelp.js';
import { renderHome } from '../../src/channels/slack/renderHome.js';
import { renderSlack } from '../../src/channels/slack/renderSlack.js';
import { renderFaq as teamsFaq } from '../../src/channels/teams/renderFaq.js';
import { renderTeams } from '../../src/channels/teams/renderTeams.js';
import { renderWelcome } from '../../src/channels/teams/renderWelcome.js';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { loadFaqRulesFiles } from '../../src/faq/faqRulesFiles.js';
import { notSureView } from '../../src/faq/replies.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import type { FaqView } from '../../src/flow/viewTypes.js';
import { walkAllPaths } from '../flow/flowPaths.js';
import { composedOf } from '../support/composed.js';

/** Longest button label Teams shows uncut on a phone; longer titles end in "..." there. */
const TEAMS_LABEL_MAX = 40;
const content = loadContent();
const engine = createFlowEngine(content);
const faq = createFaqIndex(content);
const CONSULT_ID = '3f1c2a9e-1111-4222-8333-444455556666';
const info = { criteria: content.rules.criteria, disclaimer: content.rules.criteria.disclaimer, ttlHours: 72 };

/** Every view a consult shows on every forward path, with "Ask radiology" on, and every FAQ reply. */
const consultViews = [...new Map(walkAllPaths(engine).flatMap((p) => p.states).map((s) => [`${s.value}|${s.context.step}|${JSON.stringify(s.context.answers)}`, s])).values()]
  .map((s) => composedOf(s, { radiology: true }));
const entries = content.rules.faq.entries;
const { labels } = loadFaqRulesFiles(content.flow.rules, new Set(entries.map((e) => e.id))).routing;
const faqViews: FaqView[] = [
  ...entries.map((e) => faq.topic(e.id)!),
  faq.ask('help').view,
  notSureView(entries, true, labels),
  notSureView(entries, false, labels),
];

/** Every Adaptive Card action title in a card. */
function actionTitles(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(actionTitles);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string' ? [o.title] : [];
  return [...own, ...Object.values(o).flatMap(actionTitles)];
}

describe('labels and texts are never cut', () => {
  const cuts: string[] = [];
  const watching = () => { clipWatch.onClip = (length, max) => { cuts.push(`${length} > ${max}`); }; };
  afterEach(() => { clipWatch.onClip = () => {}; cuts.length = 0; });

  it('clip() is never silent: a cut is reported', () => {
    watching();
    expect(clip('x'.repeat(80), LIMITS.buttonText)).toHaveLength(LIMITS.buttonText);
    expect(cuts).toEqual(['80 > 75']);
  });

  it(`Slack: nothing is cut on any consult path (${consultViews.length} views), FAQ reply, help or App Home`, () => {
    watching();
    expect(consultViews.length).toBeGreaterThan(20);
    for (const v of consultViews) renderSlack(v, CONSULT_ID);
    for (const v of faqViews) slackFaq(v);
    renderHelp(info);
    renderHome(info, []);
    expect(cuts).toEqual([]);
  });

  it(`Teams: every button label on every path and FAQ reply fits in ${TEAMS_LABEL_MAX} characters`, () => {
    const cards = [...consultViews.map((v) => renderTeams(v, CONSULT_ID)), ...faqViews.map((v) => teamsFaq(v))];
    const help = faq.ask('help').view;
    if (help.kind === 'help') cards.push(renderWelcome(help));
    const titles = cards.flatMap(actionTitles);
    expect(titles.length).toBeGreaterThan(100);
    expect([...new Set(titles.filter((t) => t.length > TEAMS_LABEL_MAX))]).toEqual([]);
  });

  it('outcome and FAQ topic buttons show the short label from rules/, not the full question', () => {
    const entry = entries.find((e) => e.id === 'mri-contraindication')!;
    expect(labels[entry.id].length).toBeLessThan(entry.question.length);
    expect(actionTitles(teamsFaq(notSureView([entry], true, labels)))).toContain(labels[entry.id]);
    const withTopic = consultViews.find((v) => v.kind === 'outcome' && v.related.some((t) => t.faqId === entry.id));
    expect(withTopic && withTopic.kind === 'outcome' && withTopic.related.find((t) => t.faqId === entry.id)?.title).toBe(labels[entry.id]);
  });
});
