/**
 * Round 8 polarity findings (t10c's first measurement): an MRI that showed something the cues do not
 * name, with one finding denied ("MRI shows spondylitis without abscess"), was read as a negative MRI
 * and got negative-MRI advice; "D-O" (discitis-osteomyelitis) was not known; "the normal MRI pathway"
 * (t10b) read as a normal MRI; spinal hardware named as "rods and screws" was not post-operative (review). Our own wordings.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { expand, stateOf } from './readState.js';
import { shownEntry } from './shownEntry.js';

const faq = createFaqIndex(loadContent());
const mriOf = (q: string) => stateOf(q).mri;
const shown = (q: string) => shownEntry(faq, q);

describe('an MRI that showed something unnamed, one finding denied, is no negative MRI', () => {
  it.each([
    'MRI shows spondylitis without abscess. what next?',
    'mri revealed vertebral osteitis, no epidural collection. next steps',
    'MRI demonstrates L3-4 pyogenic spondylitis without an abscess, plan?',
    'the MRI showed a septic facet joint but no abscess, now what',
    'MRI shows T7 osteitis, no abscess, no cord compression. what do we do',
    // Review: punctuation introducing what was shown, and "clearly" (stemmed like the result word "clear").
    'MRI shows: spondylitis at L2, no abscess. next?',
    'MRI revealed - osteitis of T9, no collection. what now',
    'MRI showed (T11-12) vertebral osteitis, no abscess. plan?',
    'MRI clearly shows osteitis at L1, no collection. next steps',
  ])('%s: no MRI result read, never negative-MRI advice', (q) => {
    expect(mriOf(q)).toBeUndefined();
    expect(shown(q)).not.toBe('after-mri-negative');
  });

  it.each<[string, string]>([
    ['MRI shows no abscess. what next?', 'after-mri-negative'],
    ['MRI at L4-5 shows no abscess or discitis, now what', 'after-mri-negative'],
    ["contrast MRI didn't show any abscess or discitis, what now", 'after-mri-negative'],
    ['xr shows endplate erosions, MRI negative for infection, next?', 'after-mri-negative'],
    ['CT showed spondylitis, but the MRI showed no abscess or discitis. next?', 'after-mri-negative'],
    ['MRI showed that there is no abscess or discitis. next?', 'after-mri-negative'],
    ['MRI did not clearly show much, no abscess or discitis. what now?', 'after-mri-negative'],
  ])('%s -> %s (a denial by the MRI, or another study showing the unnamed thing, still reads negative)', (q, id) => {
    expect(mriOf(q)).toBe('negative');
    expect(shown(q)).toBe(id);
  });
});

describe('"the normal MRI pathway" is the usual process, not an MRI read as normal', () => {
  it.each([
    'new saddle numbness and suspected spine infection: does the normal MRI pathway still apply?',
    'do we follow the standard MRI protocol for someone 3 weeks after a fusion',
    'is the usual pathway right for her, x-ray abnormal and fever?',
  ])('%s: no MRI result read, never negative-MRI advice', (q) => {
    expect(mriOf(q)).toBeUndefined();
    expect(shown(q)).not.toBe('after-mri-negative');
  });

  it('an MRI read as normal still is', () => {
    expect(mriOf('MRI normal. per the pathway, what next?')).toBe('negative');
  });
});

describe('"D-O" and "D/O" are discitis-osteomyelitis (capitals only)', () => {
  it.each([
    'MRI shows D-O at T11-12 without abscess, is biopsy needed?',
    'MRI c/w D/O at L2-3, no epidural abscess. next steps?',
  ])('%s -> after-mri-positive', (q) => {
    expect(mriOf(q)).toBe('positive');
    expect(shown(q)).toBe('after-mri-positive');
  });

  it('"d/o" in lower case stays a disorder', () => {
    expect(expand('sleep d/o')).not.toContain('discitis');
  });
});

describe('spinal hardware named in other words is post-operative: outside the pathway, never the recommendation', () => {
  it.each([
    'rods and screws put in at L2-4 six weeks ago, now fever, xr shows lucency. what next?',
    'screws placed at L5-S1 in spring, febrile now, x-ray abnormal. which scan?',
    'instrumented fusion T11-L1, new fever, CT shows lucency. next imaging?',
  ])('%s', (q) => {
    expect(shown(q)).not.toBe('recommendation');
    expect(faq.ask(q).state?.affirmed).toContain('post-operative');
  });
});
