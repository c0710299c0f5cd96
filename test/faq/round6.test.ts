/**
 * Round 6 of issue 15: a class held-out v5's misses showed (v5 is tuning data since v6 was frozen),
 * tested with our own wordings: asking how to rule a finding out states no result. "how do we r/o
 * SEA" had been read as a negative MRI ("rule out" negating the abscess).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';

const faq = createFaqIndex(loadContent(), { ranker: null });

describe('asking how to rule a finding out states no MRI result', () => {
  it.each([
    'how do we rule out an epidural abscess before the mri is done',
    'how do i r/o discitis if the mri is delayed',
    'mri booked for tomorrow - how can we exclude osteomyelitis until then?',
    'the mri is not till monday, best way to rule out SEA?',
    'we need to r/o an abscess on the mri, how urgent',
    'trying to rule out discitis, is an mri without contrast enough',
    'how would you rule out infection at L4-5 with an mri',
    'pacer not mri safe, how do we r/o epidural abscess',
  ])('%j: no negative MRI', (q) => {
    const r = faq.ask(q);
    expect(r.state?.mri).toBeUndefined();
    expect(r.view.kind === 'faq' ? r.view.faqId : r.view.kind).not.toBe('after-mri-negative');
  });

  it.each(['mri ruled out discitis', 'MRI: abscess ruled out. next?', 'the mri rules out an abscess'])('%j: a study ruling it out is still a negative MRI', (q) => {
    expect(faq.ask(q).state?.mri).toBe('negative');
  });
});
