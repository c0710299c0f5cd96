/**
 * Words around the clinical question (issue 15, round 2): the setting (who asks, where, when,
 * weights and clock times) neither helps nor hurts; subjects this FAQ never answers are declined
 * whatever else the question says; a risk factor alone does not make a question ours; "does this
 * apply" is the scope question; clauses typed before an intent are context.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/loadContent.js';
import { createFaqIndex } from '../../src/faq/faqIndex.js';
import { loadSynonyms } from '../../src/faq/synonyms.js';
import { analyse } from '../../src/faq/textAnalysis.js';

const content = loadContent();
const faq = createFaqIndex(content);
const table = loadSynonyms(content.flow.rules);
const shown = (q: string) => {
  const { view } = faq.ask(q);
  return view.kind === 'faq' ? view.faqId : view.kind === 'faq-none' ? 'decline' : 'help';
};

describe('the setting around a question (synonyms.yaml contextWords)', () => {
  it.each([
    ['nurse here, pt stable in bed 12 - can the mri wait till tomorrow', 'urgency-neuro-intact'],
    ['ED attending here - suspect discitis after abnl t spine ct, what scan should i request', 'recommendation'],
    ['nuclear med wants to do a 3 phase bone scan instead, thoughts', 'why-not-bone-scan'],
    ['pt stable, neuro intact, mri slot is friday, ok?', 'urgency-neuro-intact'],
  ])('%j is judged on its clinical words -> %s', (q, id) => {
    expect(shown(q)).toBe(id);
  });

  it('a setting word does not explain an unknown clinical word', () => {
    expect(shown('nurse here, bed 12: can the mri wait')).toBe('urgency-neuro-intact');
    expect(shown('nurse here, bed 12: zqxw qvzk, can the mri wait')).toBe('decline');
  });

  it('weights, sizes and clock times are not search terms; vertebral levels and ages already were not', () => {
    expect(analyse('190kg 8am 3mo 12mm', table, 'query')).toEqual([]);
    expect(analyse('190 kg', table, 'query')).not.toEqual([]);
    expect(shown('obese pt, 190kg, wont fit in the scanner - what else')).toBe('mri-contraindication');
  });
});

describe('subjects the FAQ never answers (faq-routing.yaml offTopic)', () => {
  it.each([
    ['mri positive for discitis - how long abx', 'mri positive for discitis - next steps'],
    ['mri shows discitis, what abx should we start', 'mri shows discitis, what should we do'],
    ['sea with cord compression, should i give steroids', 'sea with cord compression, who do i call'],
    ['pt w discitis on mri, how many weeks of iv abx', 'pt w discitis on mri, next step'],
  ])('%j is declined although %j is answered', (off, on) => {
    expect(shown(on)).not.toBe('decline');
    const reply = faq.ask(off);
    expect(reply.view.kind).toBe('faq-none');
    expect(reply.unsure).toBe('off-topic');
  });

  it('word pairs about antibiotics themselves (offTopicNear) decline, in either order', () => {
    for (const q of ['mri showed discitis. how long iv abx before oral', 'mri showed discitis, abx for how long', 'mri c/w SEA, when to stop abx']) {
      expect(faq.ask(q).unsure, q).toBe('off-topic');
    }
    expect(shown('mri showed discitis, next step')).toBe('after-mri-positive');
  });

  it('steroids as a risk factor are context, not the subject', () => {
    expect(shown('diabetic on steroids, crp up, ct lumbar shows erosion at L2-3. best next imaging?')).toBe('recommendation');
  });
});

describe('risk factors and management words alone (synonyms.yaml supportingTerms)', () => {
  it('declines a question whose only FAQ words are risk factors or management', () => {
    expect(shown('should i consult ID for bacteremia')).toBe('decline');
    expect(shown('fever and bacteremia')).toBe('decline');
  });

  it('still answers when they come with a subject of this pathway', () => {
    expect(shown('does my pt with fever, back pain and bacteremia fit this pathway')).toBe('inclusion-criteria');
  });
});

describe('the scope intent (faq-routing.yaml intents.scope)', () => {
  it.each([
    ['is this for post op patients', 'exclusions'],
    ['pt had L4-5 fusion last month, does this pathway still apply', 'exclusions'],
    ['pt has no imaging yet, can i use this', 'exclusions'],
    ['does this apply to a pt with fever and back pain', 'inclusion-criteria'],
  ])('%j -> %s', (q, id) => {
    const reply = faq.ask(q);
    expect(reply.view).toMatchObject({ kind: 'faq', faqId: id });
    expect(reply.intent).toBe('scope');
  });

  it('a scope question naming no exclusion gets who the pathway covers; naming one, who it is not for', () => {
    expect(shown('is this for pts with fever and back pain')).toBe('inclusion-criteria');
    expect(shown('is this for pts with fever and back pain after a fusion')).toBe('exclusions');
  });
});

describe('clauses typed before an intent question are context', () => {
  it('answers when the context clause is mostly known and declines when it is mostly unknown', () => {
    expect(shown('xr shows endplate irregularity L3-4, which scan now?')).toBe('recommendation');
    expect(shown('xr shows zqxw qvzk L3-4, which scan now?')).toBe('decline');
    // The first clause is never the context of nothing: its unknown word still counts.
    expect(shown('dev urinary incontinence tonight, mri timing?')).toBe('pitfall-delay');
    expect(shown('dev zqxw incontinence tonight')).toBe('decline');
  });

  it('a wait named while asking for another study instead is not the urgency question', () => {
    expect(faq.ask('can i do a ct w contrast instead, mri has a 2 day wait').intent).toBeUndefined();
    expect(faq.ask('mri has a 2 day wait, is that ok').intent).toBe('urgency');
  });
});

describe('state words added in round 2 (faq-state.yaml)', () => {
  it.each([
    ['mri couldnt exclude infection', 'indeterminate'],
    ['mri could not rule out early discitis', 'indeterminate'],
    ['discitis cannot be excluded on the mri', 'indeterminate'],
  ])('%j reads the MRI as %s', (q, mri) => {
    expect(faq.ask(q).state?.mri).toBe(mri);
    expect(shown(q)).toBe('after-mri-indeterminate');
  });

  it('an MRI named as an option to compare is not the study of a result', () => {
    expect(faq.ask('pet/ct vs mri for spondylodiscitis').state?.mri).toBeUndefined();
    expect(faq.ask('is ct with iv contrast as good as mri for an epidural abscess').state?.mri).toBeUndefined();
    expect(shown('is ct with iv contrast as good as mri for an epidural abscess')).toBe('ct-with-contrast');
  });

  it('reads plain-word compression ("squashing the cord") as compression', () => {
    expect(faq.ask('big epidural abscess squashing the cord on mri').state?.compression).toBe('yes');
    expect(shown('big epidural abscess squashing the cord on mri')).toBe('cord-compression-emergency');
    expect(faq.ask('epidural abscess on mri, not squashing the cord').state?.compression).toBe('no');
  });

  it('reads "cant feel legs" as a deficit, which makes the wait question the emergent one', () => {
    expect(faq.ask('pt cant feel legs now, mri in am ok?').state?.neuro).toBe('deficit');
    expect(shown('pt cant feel legs now, mri in am ok?')).toBe('pitfall-delay');
  });
});
