import { describe, expect, it } from 'vitest';
import { renderFaqAnswer, renderFaqBox } from '../../src/channels/web/renderFaq.js';

const criteria = { name: 'Criteria', variant: 'Variant', reviewDate: '2026-01-01' };

describe('renderFaq', () => {
  it('renders a confident answer under faq:<faqId>, with related topics as posted buttons', () => {
    const html = renderFaqAnswer({
      kind: 'faq', faqId: 'ct-with-contrast', question: 'CT <instead>?', answer: 'No & never.', section: 'Why "CT"', criteria,
      related: [{ faqId: 'spine-level', title: 'Spine level' }],
    }, { csrf: 'tok', consultId: 'c-1' });
    expect(html).toBe([
      '<article id="faq:ct-with-contrast" class="faq-answer">',
      '<h3>CT &lt;instead&gt;?</h3>',
      '<p>No &amp; never.</p>',
      '<p class="sources">Source: Why &quot;CT&quot;</p>',
      '<form method="post" action="/web/faq" class="faq-topics" data-enhance="faq">',
      '<input type="hidden" name="csrf" value="tok">',
      '<input type="hidden" name="consultId" value="c-1">',
      '<h4>Related</h4>',
      '<ul>',
      '<li><button type="submit" name="topic" value="spine-level" class="btn-link">Spine level</button></li>',
      '</ul>',
      '</form>',
      '</article>',
    ].join('\n'));
  });

  it('renders "not sure" under faq:none with the closest topics, and help under faq:help', () => {
    expect(renderFaqAnswer({ kind: 'faq-none', text: 'Not sure.', suggestions: [] }, { csrf: 'tok' })).toBe(
      '<article id="faq:none" class="faq-answer">\n<p>Not sure.</p>\n</article>');
    expect(renderFaqAnswer({ kind: 'help', title: 'Help', paragraphs: ['One', 'Two'], criteria, disclaimer: 'D.' }, { csrf: 'tok' })).toBe(
      '<article id="faq:help" class="faq-answer">\n<h3>Help</h3>\n<p>One</p>\n<p>Two</p>\n<p class="disclaimer">D.</p>\n</article>');
  });

  it('shows the FAQ notices as escaped paragraphs after the answer or the "not sure" text', () => {
    expect(renderFaqAnswer({
      kind: 'faq', faqId: 'recommendation', question: 'Q?', answer: 'A.', section: 'S', criteria, related: [], notices: ['No <ids>.'],
    }, { csrf: 'tok' })).toBe([
      '<article id="faq:recommendation" class="faq-answer">',
      '<h3>Q?</h3>',
      '<p>A.</p>',
      '<p class="sources">Source: S</p>',
      '<p class="notice">No &lt;ids&gt;.</p>',
      '</article>',
    ].join('\n'));
    expect(renderFaqAnswer({ kind: 'faq-none', text: 'Not sure.', suggestions: [], notices: ['No ids.'] }, { csrf: 'tok' })).toBe(
      '<article id="faq:none" class="faq-answer">\n<p>Not sure.</p>\n<p class="notice">No ids.</p>\n</article>');
  });

  it('offers a labelled field', () => {
    const box = renderFaqBox({ csrf: 'tok' });
    expect(box).toContain('<label for="faq-text">Your question about this guidance</label>');
    expect(box).toContain('<input id="faq-text" name="text" type="text" maxlength="300" autocomplete="off" required aria-describedby="faq-hint">');
    expect(box).toContain('<div id="faq-result" aria-live="polite"></div>');
  });
});
