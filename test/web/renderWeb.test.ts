import { composed, composedOf } from '../support/composed.js';
import type { Composed } from '../../src/interaction/composeView.js';
import { describe, expect, it } from 'vitest';
import { renderWeb } from '../../src/channels/web/renderWeb.js';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine, type PersistedConsult } from '../../src/flow/engine.js';
import type { NoticeView, OutcomeView, QuestionView } from '../../src/flow/viewTypes.js';

const engine = createFlowEngine(loadContent());
const ctx = { consultId: 'c-1', csrf: 'tok' };
const criteria = { name: 'Criteria', variant: 'Variant', reviewDate: '2026-01-01' };

/** Applies answers from the start, failing loudly if the flow refuses one. */
function walk(...answers: Array<[string, string]>): PersistedConsult {
  let c = engine.start();
  for (const [questionId, optionId] of answers) {
    const r = engine.apply(c, { type: 'ANSWER', questionId, optionId });
    if (!r.ok) throw new Error(`${questionId}:${optionId} refused: ${r.reason}`);
    c = r.next;
  }
  return c;
}

describe('renderWeb', () => {
  it('renders a question as one form of real buttons, stamped with consult, step and token, all text escaped', () => {
    const view: QuestionView = {
      kind: 'question', flowId: 'f', flowVersion: '1', step: 2, number: 2, criteria,
      trail: [{ questionId: 'q1', question: 'First <b>', optionId: 'a', answer: 'A & B', canChange: true }],
      controls: { back: true, restart: true, cancel: true, recordResult: false, newConsult: false },
      question: { id: 'q2', label: 'Label', prompt: 'Prompt "quoted"?', help: "It's <help>", options: [{ id: 'x', label: '<script>alert(1)</script>' }, { id: 'y', label: 'Y' }] },
    };
    expect(renderWeb(composed(view), { ...ctx, csrf: 't"><' })).toBe([
      '<form method="post" action="/web/click" class="consult-form" data-enhance="consult" data-step="2">',
      '<input type="hidden" name="csrf" value="t&quot;&gt;&lt;">',
      '<input type="hidden" name="consultId" value="c-1">',
      '<input type="hidden" name="step" value="2">',
      '<section class="trail" aria-labelledby="trail-heading">',
      '<h2 id="trail-heading" class="section-label">Your answers</h2>',
      '<ol>',
      '<li>',
      '<span class="trail-q">First &lt;b&gt;</span>',
      '<span class="trail-a">A &amp; B</span>',
      '<button type="submit" name="click" value="change:q1" class="btn-link" aria-label="Change: First &lt;b&gt;">Change</button>',
      '</li>',
      '</ol>',
      '</section>',
      '<section id="question:q2" class="card question" aria-labelledby="current-heading">',
      '<p class="eyebrow">Question 2 · Label</p>',
      '<h2 id="current-heading" tabindex="-1">Prompt &quot;quoted&quot;?</h2>',
      '<p class="help">It&#39;s &lt;help&gt;</p>',
      '<div class="options" role="group" aria-labelledby="current-heading">',
      '<button type="submit" name="click" value="answer:q2:x" class="btn-option">&lt;script&gt;alert(1)&lt;/script&gt;</button>',
      '<button type="submit" name="click" value="answer:q2:y" class="btn-option">Y</button>',
      '</div>',
      '</section>',
      '<div class="controls">',
      '<button type="submit" name="click" value="control:back" class="btn-secondary">Back</button>',
      '<button type="submit" name="click" value="control:restart" class="btn-secondary">Restart</button>',
      '<button type="submit" name="click" value="control:cancel" class="btn-quiet">Cancel</button>',
      '</div>',
      '</form>',
    ].join('\n'));
  });

  it('renders a notice with its flash and only the controls it offers', () => {
    const view: NoticeView = { kind: 'notice', notice: 'cancelled', text: 'Consult cancelled.', step: 4, controls: { back: false, restart: false, cancel: false, recordResult: false, newConsult: true } };
    expect(renderWeb(composed(view), { ...ctx, notice: 'Old <button>.' })).toBe([
      '<form method="post" action="/web/click" class="consult-form" data-enhance="consult" data-step="4">',
      '<input type="hidden" name="csrf" value="tok">',
      '<input type="hidden" name="consultId" value="c-1">',
      '<input type="hidden" name="step" value="4">',
      '<p class="flash" role="alert">Old &lt;button&gt;.</p>',
      '<section id="notice:cancelled" class="card notice" aria-labelledby="current-heading">',
      '<h2 id="current-heading" tabindex="-1">Consult cancelled.</h2>',
      '</section>',
      '<div class="controls">',
      '<button type="submit" name="click" value="control:new_consult" class="btn-primary">New consult</button>',
      '</div>',
      '</form>',
    ].join('\n'));
  });

  it('renders the recommend-mri outcome: ratings table, urgency, copyable order line and chart note, pitfalls, disclaimer', () => {
    const consult = walk(['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'lumbar']);
    const view = composedOf(consult) as Composed<OutcomeView>;
    expect(view.kind).toBe('outcome');
    const html = renderWeb(view, ctx);
    expect(html).toContain(`<section id="outcome:recommend-mri" class="card outcome outcome-recommendation" aria-labelledby="current-heading">\n<p class="eyebrow eyebrow-recommendation">Recommendation</p>\n<h2 id="current-heading" tabindex="-1">${view.title}</h2>`);
    expect(html).toContain(`<p class="urgency urgency-urgent"><strong>${view.urgency!.label}</strong> ${view.urgency!.text.replaceAll("'", '&#39;')}</p>`);
    const first = view.ratings[0]!;
    expect(html).toContain(`<tr>\n<th scope="row">${first.study}</th>\n<td data-label="Rating"><span class="rating rating-usually-appropriate">Usually Appropriate</span></td>\n<td data-label="Radiation">${first.radiation}</td>\n</tr>`);
    expect(html).toContain([
      '<div class="copyable">',
      '<div class="copyable-head"><h3 id="order-line-heading">Order</h3>',
      '<button type="button" class="btn-copy" data-copy="order-line" aria-describedby="order-line-heading" hidden>Copy order</button></div>',
      `<p id="order-line" class="copy-text">${view.orderLine}</p>`,
      '</div>',
    ].join('\n'));
    expect(html).toContain('<pre id="chart-note" class="copy-text">');
    expect(html.match(/<ul class="pitfalls">[\s\S]*?<\/ul>/)![0].match(/<li>/g)).toHaveLength(view.pitfalls.length);
    expect(html).toContain(`<p class="disclaimer">${view.disclaimer.replaceAll("'", '&#39;')}</p>`);
    expect(html).toContain([
      '<div class="controls">',
      '<button type="submit" name="click" value="control:record_result" class="btn-primary">Record MRI result</button>',
      '<button type="submit" name="click" value="control:new_consult" class="btn-secondary">New consult</button>',
      '<button type="submit" name="click" value="control:back" class="btn-secondary">Back</button>',
      '<button type="submit" name="click" value="control:restart" class="btn-secondary">Restart</button>',
      '<button type="submit" name="click" value="control:cancel" class="btn-quiet">Cancel</button>',
      '</div>',
    ].join('\n'));
    // Trail items on an open outcome can still be changed.
    expect(html.match(/value="change:/g)).toHaveLength(6);
    expect(html).toContain(`<p class="sources">Source: ${view.attribution.replaceAll('"', '&quot;').replaceAll("'", '&#39;')}</p>`);
  });

  it('offers the related topics after the consult form, as FAQ topic buttons posting the topic id only', () => {
    const view = composedOf(walk(['suspicion', 'no'])) as Composed<OutcomeView>;
    const html = renderWeb({ ...view, related: [{ faqId: 'inclusion-criteria', title: 'Who <fits>?' }] }, ctx);
    expect(html.endsWith([
      '</form>',
      '<form method="post" action="/web/faq" class="faq-topics" data-enhance="faq">',
      `<input type="hidden" name="csrf" value="${ctx.csrf}">`,
      `<input type="hidden" name="consultId" value="${ctx.consultId}">`,
      '<h4>Related questions</h4>',
      '<ul>',
      '<li><button type="submit" name="topic" value="inclusion-criteria" class="btn-link">Who &lt;fits&gt;?</button></li>',
      '</ul>',
      '</form>',
    ].join('\n'))).toBe(true);
    expect(renderWeb({ ...view, related: [] }, ctx)).not.toContain('action="/web/faq"');
  });

  it('marks an emergency outcome in red and puts the escalation first', () => {
    const view = composedOf(walk(['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'severe'])) as Composed<OutcomeView>;
    const html = renderWeb(view, ctx);
    expect(html).toContain([
      '<section id="outcome:emergent-neuro-deficit" class="card outcome outcome-emergency" aria-labelledby="current-heading">',
      '<p class="eyebrow eyebrow-emergency">Emergency</p>',
      '<h2 id="current-heading" tabindex="-1">Escalate now - emergent evaluation needed</h2>',
      '<p class="statement">Escalate now. An acute, severe or rapidly progressing neurologic deficit needs emergent evaluation, which may change the imaging choice or its sequence.</p>',
    ].join('\n'));
    expect(html).not.toContain('parent-guide');
  });

  it('puts the outcome first: title, urgency, order line, then the actions, then the detail; the answers fold in after', () => {
    const view = composedOf(walk(['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'lumbar'])) as Composed<OutcomeView>;
    const html = renderWeb(view, ctx);
    const at = (s: string) => { const i = html.indexOf(s); expect(i, s).toBeGreaterThan(-1); return i; };
    const order = ['id="current-heading"', 'class="urgency', 'id="order-line"', 'value="control:record_result"', '<table class="ratings">', 'id="chart-note"', '</section>', '<details class="trail trail-summary">'].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('<summary>Your answers (6)</summary>');
    expect(html).not.toContain('<details class="trail trail-summary" open');
  });

  it('renders a closed outcome without change buttons, order line or ratings when it has none', () => {
    const view = composedOf(walk(['suspicion', 'no'])) as Composed<OutcomeView>;
    const html = renderWeb(view, ctx);
    expect(html).toContain(`<section id="outcome:not-applicable-no-suspicion" class="card outcome outcome-exclusion"`);
    expect(html).not.toContain('value="change:');
    expect(html).not.toContain('id="order-line"');
    expect(html).not.toContain('<table');
    expect(html.match(/<div class="controls">[\s\S]*?<\/div>/)![0]).toBe(
      '<div class="controls">\n<button type="submit" name="click" value="control:new_consult" class="btn-primary">New consult</button>\n</div>');
  });
});
