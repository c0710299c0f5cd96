import { describe, expect, it } from 'vitest';
import { loadContent, readRawContent } from '../../src/content/loadContent.js';
import { ContentError, parseContent, type RawContent } from '../../src/flow/parseContent.js';

/** The real content files as read from disk, read once (reading parses YAML; each test breaks its own copy). */
const shipped = readRawContent();
/** A deep copy of the real content files, for breaking one thing at a time. */
const raw = (): RawContent => structuredClone(shipped);
const data = (r: RawContent['flow']) => r.data as any;

function problemsOf(mutate: (r: RawContent) => void): string {
  const r = raw();
  mutate(r);
  try {
    parseContent(r);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as Error).message;
  }
  throw new Error('expected the broken content to be rejected');
}

describe('flow and rules content', () => {
  it('loads the shipped flow with every citation found in the source', () => {
    const content = loadContent();
    expect(content.flow.id).toBe('spine-infection-abnormal-imaging');
    expect(content.flow.questions.map((q) => q.id)).toEqual([
      'suspicion', 'prior_imaging', 'neuro', 'post_op', 'mri_contraindication', 'region', 'mri_result', 'cord_compression',
    ]);
    const required = [
      'ct-with-contrast', 'mri-contraindication', 'sclerotic-endplates', 'urgency-neuro-intact', 'spine-level',
      'pitfall-non-contrast-mri', 'pitfall-delay', 'pitfall-post-operative', 'why-not-fdg-pet', 'why-not-bone-scan',
      'why-mri-with-contrast', 'ddx-discitis-osteomyelitis', 'ddx-epidural-abscess', 'ddx-malignancy',
      'ddx-degenerative-modic', 'inclusion-criteria', 'exclusions', 'recommendation', 'after-mri-positive',
      'after-mri-negative', 'after-mri-indeterminate', 'cord-compression-emergency',
    ];
    expect(content.rules.faq.entries.map((e) => e.id)).toEqual(expect.arrayContaining(required));
  });

  it.each([
    ['unknown next question', (r: RawContent) => { data(r.flow).questions[2].options[0].next = 'post_opp'; },
      'flows/spine-infection-abnormal-imaging.yaml: questions[2].options[0].next: unknown next question or outcome "post_opp"'],
    ['outcome id with no text', (r: RawContent) => { data(r.rules.outcomes).outcomes = data(r.rules.outcomes).outcomes.filter((o: any) => o.id !== 'indeterminate-follow-up'); },
      'flows/spine-infection-abnormal-imaging.yaml: questions[6].options[2].next: unknown next question or outcome "indeterminate-follow-up" (an outcome needs its text in rules/spine-infection-abnormal-imaging/outcomes.yaml)'],
    ['option without a route', (r: RawContent) => { delete data(r.flow).questions[1].options[1].next; },
      'flows/spine-infection-abnormal-imaging.yaml: questions[1].options[1].next: every option needs a route'],
    ['fact without a citation', (r: RawContent) => { delete data(r.rules.procedures).procedures[1].source; },
      'rules/spine-infection-abnormal-imaging/procedures.yaml: procedures[1].source: is missing'],
    ['citation quoting words the source does not have', (r: RawContent) => { data(r.rules.pitfalls).pitfalls[0].source.quote = 'always accept a plain MRI'; },
      'rules/spine-infection-abnormal-imaging/pitfalls.yaml: pitfalls[0].source.quote: "always accept a plain MRI" does not appear in rules/spine-infection-abnormal-imaging/source.txt'],
    ['citation naming a heading the source does not have', (r: RawContent) => { data(r.rules.faq).entries[0].source.section = 'Made-up heading'; },
      'rules/spine-infection-abnormal-imaging/faq.yaml: entries[0].source.section: "Made-up heading" is not a heading'],
    ['wrong schema version', (r: RawContent) => { data(r.flow).schemaVersion = 2; },
      'flows/spine-infection-abnormal-imaging.yaml: schemaVersion: schemaVersion must be 1'],
    ['unknown procedure on an outcome', (r: RawContent) => { data(r.rules.outcomes).outcomes[5].procedures.push('pet-mri'); },
      'rules/spine-infection-abnormal-imaging/outcomes.yaml: outcomes[5].procedures[3]: unknown procedure "pet-mri"'],
    ['a question nothing routes to', (r: RawContent) => { data(r.flow).questions[0].options[0].next = 'neuro'; },
      'questions[1]: question "prior_imaging" is never reached from "suspicion"'],
    ['routing that loops', (r: RawContent) => { data(r.flow).questions[3].options[1].next = 'neuro'; },
      'routing loops back to "neuro"'],
    ['region table missing an option', (r: RawContent) => { data(r.rules.regions).regions.pop(); },
      'rules/spine-infection-abnormal-imaging/regions.yaml: (top level): no entry for option "poorly_localized" of "region"'],
    ['a placeholder the answers may not fill', (r: RawContent) => { data(r.flow).questions[1].options[0].next = 'post_op'; },
      'rules/spine-infection-abnormal-imaging/outcomes.yaml: outcomes[5]: uses {urgency} but can be reached without answering "neuro"'],
    ['a quote from under another heading', (r: RawContent) => { data(r.rules.pitfalls).pitfalls[0].source.section = 'Malignancy'; },
      'rules/spine-infection-abnormal-imaging/pitfalls.yaml: pitfalls[0].source.quote: "Always specify “without and with IV contrast.”" does not appear under "Malignancy"'],
    ['empty help text', (r: RawContent) => { data(r.flow).questions[4].help = '  '; },
      'flows/spine-infection-abnormal-imaging.yaml: questions[4].help: must not be empty'],
    ['an emergency that would not say nobody is paged', (r: RawContent) => { data(r.rules.followup).noPaging.outcomes = ['emergent-neuro-deficit']; },
      'rules/spine-infection-abnormal-imaging/outcomes.yaml: outcomes[7].kind: emergency "neurosurgical-emergency" must be listed in followup.yaml noPaging.outcomes'],
    ['a reading pointer on an emergency', (r: RawContent) => { data(r.rules.outcomes).outcomes[3].parentGuide = true; },
      'rules/spine-infection-abnormal-imaging/outcomes.yaml: outcomes[3].parentGuide: an emergency leads with its action: no reading pointer'],
    ['a recommendation without urgency', (r: RawContent) => { delete data(r.rules.outcomes).outcomes[6].urgency; },
      'rules/spine-infection-abnormal-imaging/outcomes.yaml: outcomes[6].urgency: a recommendation must state its urgency'],
    ['an unknown urgency scale', (r: RawContent) => { data(r.rules.outcomes).outcomes[6].urgency = 'alternatvies'; },
      'rules/spine-infection-abnormal-imaging/outcomes.yaml: outcomes[6].urgency: unknown urgency scale "alternatvies"'],
    ['an urgency scale keyed by a non-answer', (r: RawContent) => { data(r.rules.urgency).scales.alternatives[1].when = 'moderate'; },
      'rules/spine-infection-abnormal-imaging/urgency.yaml: scales.alternatives[1].when: "moderate" is not an option of "neuro"'],
    ['a related topic that is not an FAQ entry', (r: RawContent) => { data(r.rules.outcomes).outcomes[5].related = ['ct-with-contrast', 'pet-mri']; },
      'rules/spine-infection-abnormal-imaging/outcomes.yaml: outcomes[5].related[1]: unknown FAQ entry "pet-mri"'],
    ['more than three related topics', (r: RawContent) => { data(r.rules.outcomes).outcomes[5].related.push('spine-level'); },
      'rules/spine-infection-abnormal-imaging/outcomes.yaml: outcomes[5].related'],
    ['a source text reviewed on another day (stale attribution)', (r: RawContent) => { r.source.text = r.source.text.replace('May 29, 2026', 'June 3, 2027'); },
      'rules/spine-infection-abnormal-imaging/criteria.yaml: article.reviewed: "May 29, 2026" does not appear in rules/spine-infection-abnormal-imaging/source.txt'],
    ['a source text with another title', (r: RawContent) => { r.source.text = `Another article\n${r.source.text}`; },
      'rules/spine-infection-abnormal-imaging/criteria.yaml: article.title: is not the title of rules/spine-infection-abnormal-imaging/source.txt'],
    ['a review date that is not the article\'s', (r: RawContent) => { data(r.rules.criteria).reviewDate = '2026-05-30'; },
      'rules/spine-infection-abnormal-imaging/criteria.yaml: reviewDate: 2026-05-30 is not the article\'s review date "May 29, 2026"'],
  ])('rejects %s with a message naming the file and path', (_name, mutate, expected) => {
    expect(problemsOf(mutate)).toContain(expected);
  });

  it('accepts an article title written with other case, dashes and spacing than the source\'s first line', () => {
    const r = raw();
    data(r.rules.criteria).article.title = '  what is the next imaging step for suspected spine infection after abnormal X–rays  or\tCT?  ';
    expect(() => parseContent(r)).not.toThrow();
  });

  it('refuses an article title whose words differ from the source\'s, even with the same letters', () => {
    expect(problemsOf((r) => { data(r.rules.criteria).article.title = 'What Is the Next Imaging Step for Suspected Spine Infection After Abnormal X-rays orCT?'; }))
      .toContain('rules/spine-infection-abnormal-imaging/criteria.yaml: article.title: is not the title of rules/spine-infection-abnormal-imaging/source.txt');
  });

  it('names a missing rules file', () => {
    expect(() => loadContent('spine-infection-abnormal-imaging', '/nonexistent')).toThrow(
      'rules/spine-infection-abnormal-imaging/criteria.yaml: cannot be read (missing file?)',
    );
  });
});
