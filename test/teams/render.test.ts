import type { ComposedView } from '../../src/interaction/composeView.js';
import { composedOf } from '../support/composed.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFaq } from '../../src/channels/teams/renderFaq.js';
import { renderTeams } from '../../src/channels/teams/renderTeams.js';
import { loadContent } from '../../src/content/loadContent.js';
import type { ConsultEvent } from '../../src/flow/buildMachine.js';
import { createFlowEngine, type PersistedConsult } from '../../src/flow/engine.js';
import type { CriteriaInfo, FaqView, View } from '../../src/flow/viewTypes.js';

const engine = createFlowEngine(loadContent());

/** The view after answering `steps` (`question=option`, or an event type such as RECORD_RESULT). */
function viewAfter(...steps: string[]): ComposedView {
  let consult: PersistedConsult = engine.start();
  for (const step of steps) {
    const [questionId, optionId] = step.split('=');
    const event = (optionId ? { type: 'ANSWER', questionId, optionId } : { type: questionId }) as ConsultEvent;
    const result = engine.apply(consult, event);
    if (!result.ok) throw new Error(`${step}: ${result.reason}`);
    consult = result.next;
  }
  return composedOf(consult);
}

// Written out independently of the renderer, so a change in button shape fails here.
const button = (title: string, data: object, style?: string) => ({
  type: 'Action.Execute', title, ...(style ? { style } : {}), verb: (data as { action: string }).action, data,
  fallback: { type: 'Action.Submit', title, ...(style ? { style } : {}), data },
});
const tb = (text: string, extra: object = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
const CARD = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', msteams: { width: 'Full' } };
const CRITERIA_LINE = tb('ACR Appropriateness Criteria - Suspected Spine Infection (Abnormal initial radiographs or CT). Reviewed 2026-05-29.',
  { size: 'Small', isSubtle: true, id: 'criteria' });

describe('renderTeams', () => {
  it('draws the first question with help text, options and the controls the view allows', () => {
    expect(renderTeams(viewAfter(), 'c-1')).toEqual({
      ...CARD,
      body: [
        CRITERIA_LINE,
        {
          type: 'Container', id: 'question:suspicion', separator: false,
          items: [
            tb('Question 1: Suspicion of infection', { size: 'Small', isSubtle: true }),
            tb('Do you clinically suspect a spine infection?', { weight: 'Bolder', size: 'Medium' }),
            tb('Signs: new or worsening focal back pain, fever, raised ESR or CRP. Risk factors: recent bacteremia, IV drug use, immunosuppression, recent spinal procedures.', { isSubtle: true }),
            {
              type: 'ActionSet', id: 'options',
              actions: [
                button('Yes, suspected', { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: 'c-1', step: 0 }),
                button('No', { action: 'answer', questionId: 'suspicion', optionId: 'no', consultId: 'c-1', step: 0 }),
              ],
            },
          ],
        },
      ],
      actions: [
        button('Restart', { action: 'restart', consultId: 'c-1', step: 0 }),
        button('Cancel', { action: 'cancel', consultId: 'c-1', step: 0 }, 'destructive'),
      ],
    });
  });

  it('draws the trail with a Change button per answer, and Back once there is an answer', () => {
    const card = renderTeams(viewAfter('suspicion=yes'), 'c-1');
    expect(card.body[1]).toEqual({
      type: 'Container', id: 'trail',
      items: [
        tb('Your answers', { weight: 'Bolder', size: 'Small', isSubtle: true }),
        {
          type: 'ColumnSet', id: 'trail:suspicion',
          columns: [
            { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [tb('**Suspicion of infection:** Yes, suspected')] },
            { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [button('Change', { action: 'change', questionId: 'suspicion', consultId: 'c-1', step: 1 })] }] },
          ],
        },
      ],
    });
    expect(card.actions).toEqual([
      button('Back', { action: 'back', consultId: 'c-1', step: 1 }),
      button('Restart', { action: 'restart', consultId: 'c-1', step: 1 }),
      button('Cancel', { action: 'cancel', consultId: 'c-1', step: 1 }, 'destructive'),
    ]);
  });

  it('draws recommend-mri (lumbar, neurologically intact) exactly as reviewed', () => {
    const expected = JSON.parse(readFileSync(new URL('./expected/recommend-mri-lumbar-intact.card.json', import.meta.url), 'utf8'));
    const card = renderTeams(viewAfter('suspicion=yes', 'prior_imaging=abnormal', 'neuro=none', 'post_op=no', 'mri_contraindication=no', 'region=lumbar'), 'c-1');
    expect(card).toEqual(expected);
    expect(card.body[0]).toMatchObject({ id: 'outcome:recommend-mri', style: 'good' });
    expect(card.actions!.map((a) => a.title)).toEqual(['Record MRI result', 'Back', 'Restart', 'Cancel', 'New consult']);
    // Teams rejects cards over about 28 KB.
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });

  it('draws a closed outcome without a Change button, with only "New consult", and an emergency in attention style', () => {
    const card = renderTeams(viewAfter('suspicion=yes', 'prior_imaging=abnormal', 'neuro=severe'), 'c-9');
    expect(card.body[0]).toMatchObject({ type: 'Container', id: 'outcome:emergent-neuro-deficit', style: 'attention' });
    expect(JSON.stringify(card)).not.toContain('"Change"');
    expect(card.actions).toEqual([button('New consult', { action: 'new_consult', consultId: 'c-9', step: 3 })]);
  });

  it('draws a cancelled notice with "New consult"', () => {
    expect(renderTeams(viewAfter('CANCEL'), 'c-2')).toEqual({
      ...CARD,
      body: [{ type: 'Container', id: 'notice:cancelled', items: [tb('Consult cancelled.')] }],
      actions: [button('New consult', { action: 'new_consult', consultId: 'c-2', step: 1 })],
    });
  });
});

describe('renderFaq', () => {
  const criteria: CriteriaInfo = { name: 'Criteria', variant: 'Variant', reviewDate: '2026-05-29' };
  const start = button('Start a consult', { action: 'start_consult' }, 'positive');
  const criteriaLine = tb('Criteria (Variant). Reviewed 2026-05-29.', { size: 'Small', isSubtle: true, id: 'criteria' });

  it.each<[string, FaqView, object]>([
    ['an answer', {
      kind: 'faq', faqId: 'ct-with-contrast', question: 'Q?', answer: 'A.', section: 'S', criteria,
      related: [{ faqId: 'spine-level', title: 'Which level?' }],
    }, {
      ...CARD,
      body: [
        { type: 'Container', id: 'faq:ct-with-contrast', items: [tb('Q?', { weight: 'Bolder', size: 'Medium' }), tb('A.'), tb('Source: S', { size: 'Small', isSubtle: true })] },
        tb('Related', { weight: 'Bolder', separator: true }),
        { type: 'ActionSet', id: 'related', actions: [button('Which level?', { action: 'faq_topic', faqId: 'spine-level' })] },
        criteriaLine,
      ],
      actions: [start],
    }],
    ['a not-sure reply', { kind: 'faq-none', text: 'Not sure.', suggestions: [{ faqId: 'exclusions', title: 'Who is excluded?' }] }, {
      ...CARD,
      body: [{ type: 'Container', id: 'faq:none', items: [tb('Not sure.'), { type: 'ActionSet', id: 'suggestions', actions: [button('Who is excluded?', { action: 'faq_topic', faqId: 'exclusions' })] }] }],
      actions: [start],
    }],
    ['an answer with notices', {
      kind: 'faq', faqId: 'recommendation', question: 'Q?', answer: 'A.', section: 'S', criteria, related: [], notices: ['No identifiers.', 'Start a consult.'],
    }, {
      ...CARD,
      body: [
        { type: 'Container', id: 'faq:recommendation', items: [tb('Q?', { weight: 'Bolder', size: 'Medium' }), tb('A.'), tb('Source: S', { size: 'Small', isSubtle: true })] },
        { type: 'Container', id: 'faq-notices', items: [tb('No identifiers.', { size: 'Small' }), tb('Start a consult.', { size: 'Small' })] },
        criteriaLine,
      ],
      actions: [start],
    }],
    ['a not-sure reply with a notice', { kind: 'faq-none', text: 'Not sure.', suggestions: [], notices: ['No identifiers.'] }, {
      ...CARD,
      body: [
        { type: 'Container', id: 'faq:none', items: [tb('Not sure.')] },
        { type: 'Container', id: 'faq-notices', items: [tb('No identifiers.', { size: 'Small' })] },
      ],
      actions: [start],
    }],
    ['help', { kind: 'help', title: 'T', paragraphs: ['P1', 'P2'], criteria, disclaimer: 'D.' }, {
      ...CARD,
      body: [
        { type: 'Container', id: 'help', items: [tb('T', { weight: 'Bolder', size: 'Medium' }), tb('P1'), tb('P2')] },
        criteriaLine,
        tb('D.', { size: 'Small', isSubtle: true, id: 'disclaimer' }),
      ],
      actions: [start],
    }],
  ])('draws %s', (_name, view, expected) => {
    expect(renderFaq(view)).toEqual(expected);
  });
});
