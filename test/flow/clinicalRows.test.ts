/**
 * One test per row of the clinical review table in issue 14 (S1-S3, F1-F4, W1-W4): each names
 * what the bot did wrong and checks the fixed behaviour through the real content and engine.
 */
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/channels/slack/renderSlack.js';
import { renderTeams } from '../../src/channels/teams/renderTeams.js';
import { renderWeb } from '../../src/channels/web/renderWeb.js';
import { renderPage } from '../../src/channels/web/renderPage.js';
import { WEB_STYLES } from '../../src/channels/web/webAssets.js';
import { renderText } from '../../src/channels/cli/renderText.js';
import { loadContent } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import type { OutcomeView, QuestionView } from '../../src/flow/viewTypes.js';
import { composedOf } from '../support/composed.js';
import { consultFrom, walkAllPaths } from './flowPaths.js';

const engine = createFlowEngine(loadContent());
const TO_MRI = { suspicion: 'yes', prior_imaging: 'abnormal', neuro: 'none', post_op: 'no', mri_contraindication: 'no', region: 'lumbar' };
const EMERGENT_NEURO = { suspicion: 'yes', prior_imaging: 'abnormal', neuro: 'severe' };
const NEUROSURGICAL = { ...TO_MRI, mri_result: 'positive', cord_compression: 'yes' };
const view = (answers: Record<string, string>) => engine.view(consultFrom(engine, answers));
const outcome = (answers: Record<string, string>) => view(answers) as OutcomeView;
const everything = (v: OutcomeView) => [v.title, v.statement, ...v.details].join(' ');
const ARTICLE = 'What Is the Next Imaging Step for Suspected Spine Infection After Abnormal X-rays or CT?';
const outcomes = walkAllPaths(engine).map((p) => engine.view(p.end)).filter((v): v is OutcomeView => v.kind === 'outcome');

describe('issue 14 clinical review rows', () => {
  it('S1: the cord question and the neurosurgical emergency include compression of the cauda equina', () => {
    const q = view({ ...TO_MRI, mri_result: 'positive' }) as QuestionView;
    expect(q.question.id).toBe('cord_compression');
    expect(q.question.prompt).toMatch(/spinal cord or the cauda equina/);
    const v = outcome({ ...TO_MRI, mri_result: 'positive', cord_compression: 'yes' });
    expect(v.statement).toMatch(/cauda equina/);
  });

  it('S2: the neurosurgical emergency names Infectious Disease, biopsy, admission and IV antibiotics', () => {
    const v = outcome({ ...TO_MRI, mri_result: 'positive', cord_compression: 'yes' });
    expect(v.outcomeId).toBe('neurosurgical-emergency');
    expect(v.statement).toMatch(/^Escalate immediately to the on-call spine surgeon/);
    const text = everything(v);
    for (const part of ['Infectious Disease', 'biopsy', 'admission', 'IV antibiotics']) expect(text).toContain(part);
  });

  it('S3: with new mild neurologic symptoms the contraindicated and post-operative outcomes say emergent', () => {
    const alternatives = outcome({ ...TO_MRI, neuro: 'mild', mri_contraindication: 'yes' });
    expect(alternatives.outcomeId).toBe('mri-contraindicated-alternatives');
    expect(alternatives.urgency).toMatchObject({ level: 'emergent', label: 'Emergent' });
    const postOp = outcome({ ...TO_MRI, neuro: 'mild', post_op: 'yes' });
    expect(postOp.outcomeId).toBe('out-of-scope-post-operative');
    expect(postOp.urgency).toMatchObject({ level: 'emergent' });
    expect(postOp.urgency!.text).toMatch(/within hours/);
  });

  it('S4: the web page and the terminal show the safety notice on both emergency outcomes', () => {
    for (const answers of [EMERGENT_NEURO, NEUROSURGICAL]) {
      const v = composedOf(consultFrom(engine, answers)) as OutcomeView;
      expect(v.outcomeKind).toBe('emergency');
      expect(renderWeb(composedOf(consultFrom(engine, answers)), { consultId: 'c1', csrf: 't' })).toContain('This bot does not page anyone.');
      expect(renderText(composedOf(consultFrom(engine, answers)))).toContain('This bot does not page anyone.');
    }
  });

  it('F1: neurologically intact shows both timing statements and the priority "Urgent - typically within 24 hours"', () => {
    const v = outcome(TO_MRI);
    expect(v.urgency!.label).toBe('Urgent - typically within 24 hours');
    expect(v.urgency!.text).toMatch(/typically within 24 hours/);
    expect(v.urgency!.text).toMatch(/suspicion is high and the initial imaging is abnormal, the MRI should be obtained emergently/);
    expect(v.orderLine).toContain('Priority: Urgent - typically within 24 hours.');
  });

  it('F2: an indeterminate MRI says a biopsy may still be pursued, not that it can give the diagnosis', () => {
    const v = outcome({ ...TO_MRI, mri_result: 'indeterminate' });
    expect(everything(v)).toMatch(/CT-guided biopsy may still be pursued/);
    expect(everything(v)).not.toMatch(/can still give/);
  });

  it('F3: every outcome names the article, its review date and reviewer, and that it summarises the ACR criteria', () => {
    for (const v of outcomes) {
      for (const text of [v.attribution, v.chartNote.split('\n')[0]]) {
        expect(text).toContain(`"${ARTICLE}"`);
        expect(text).toContain('reviewed May 29, 2026 by Pouyan Golshani, MD, Interventional Radiologist');
        expect(text).toContain('a summary of the ACR Appropriateness Criteria');
        expect(text).toContain("The appropriateness ratings are the ACR's.");
      }
      expect(v.chartNote).not.toContain('reviewed 2026-05-29');
    }
    const v = composedOf(consultFrom(engine, TO_MRI));
    const footers = [JSON.stringify(renderSlack(v, 'c1')), JSON.stringify(renderTeams(v, 'c1')), renderWeb(v, { consultId: 'c1', csrf: 't' }), renderText(v)];
    for (const f of footers) expect(f).toContain(ARTICLE);
    // The web page's top bar does not present the article's review date as the ACR's.
    const page = renderPage({ title: 't', flowTitle: 'f', criteria: outcome(TO_MRI).criteria, disclaimer: 'd', main: '' });
    expect(page).toContain('<p class="criteria">Summary of the ACR Appropriateness Criteria - Suspected Spine Infection · <span>article reviewed 2026-05-29</span></p>');
  });

  it('F4: the contraindicated chart note lists both alternatives, CT myelogram and FDG-PET/CT', () => {
    const v = outcome({ ...TO_MRI, mri_contraindication: 'yes' });
    expect(v.chartNote).toMatch(/CT myelogram - May Be Appropriate/);
    expect(v.chartNote).toMatch(/FDG-PET\/CT - May Be Appropriate, radiation 10-30 mSv/);
  });

  it('W1: only the immediate post-surgical setting is excluded; recent spinal procedures stay a risk factor', () => {
    const first = view({}) as QuestionView;
    expect(first.question.help).toMatch(/recent spinal procedures/);
    const postOp = view({ suspicion: 'yes', prior_imaging: 'abnormal', neuro: 'none' }) as QuestionView;
    expect(postOp.question.id).toBe('post_op');
    expect(postOp.question.prompt).toMatch(/immediate post-operative/);
    expect(postOp.question.prompt).not.toMatch(/recent spine surgery/i);
    expect(postOp.question.help).toMatch(/recent spinal procedures are a risk factor/i);
  });

  it('W2: the contraindication is asked before the region, and the alternatives outcome never asks the region', () => {
    const next = view({ suspicion: 'yes', prior_imaging: 'abnormal', neuro: 'none', post_op: 'no' }) as QuestionView;
    expect(next.question.id).toBe('mri_contraindication');
    for (const v of outcomes.filter((o) => o.outcomeId === 'mri-contraindicated-alternatives')) {
      expect(v.trail.map((t) => t.questionId)).not.toContain('region');
    }
  });

  it('W3: no garbled source headings, no reading pointer on emergencies, and the web marks emergencies in red', () => {
    for (const v of outcomes) for (const s of v.sources) expect(s).not.toMatch(/:$/);
    for (const v of outcomes.filter((o) => o.outcomeKind === 'emergency')) expect(v.parentGuide).toBeUndefined();
    for (const answers of [EMERGENT_NEURO, NEUROSURGICAL]) {
      const html = renderWeb(composedOf(consultFrom(engine, answers)), { consultId: 'c1', csrf: 't' });
      expect(html).toContain('<p class="eyebrow eyebrow-emergency">Emergency</p>');
    }
    expect(WEB_STYLES).toContain('.eyebrow-emergency{color:#b3261e}');
  });

  it('W4: every outcome offers up to three related FAQ topics, covering the related source sections', () => {
    const faqIds = new Set(engine.content.rules.faq.entries.map((e) => e.id));
    for (const v of outcomes) {
      expect(v.related.length).toBeGreaterThan(0);
      expect(v.related.length).toBeLessThanOrEqual(3);
      for (const t of v.related) expect(faqIds).toContain(t.faqId);
    }
    const offered = new Set(outcomes.flatMap((v) => v.related.map((t) => t.faqId)));
    for (const id of ['sclerotic-endplates', 'ct-with-contrast', 'ddx-epidural-abscess', 'ddx-discitis-osteomyelitis', 'ddx-malignancy', 'ddx-degenerative-modic']) {
      expect(offered).toContain(id);
    }
  });
});
