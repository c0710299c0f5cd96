import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/content/loadContent.js';

const run = promisify(execFile);
const TSX = `${PROJECT_ROOT}/node_modules/.bin/tsx`;

async function consult(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['src/channels/cli/consultCli.ts', ...args], { cwd: PROJECT_ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const BASE = 'suspicion=yes,prior_imaging=abnormal,neuro=none,post_op=no,region=lumbar';
const DONE_WHEN = 'suspicion=yes,prior_imaging=abnormal,neuro=mild,post_op=no,region=thoracic,mri_contraindication=yes';

// Each test runs its own child process: they run side by side (vitest's maxConcurrency, 5).
describe.concurrent('npm run consult', () => {
  it('prints recommend-mri as JSON for the lumbar, neuro-intact answers', async () => {
    const r = await consult('--answers', `${BASE},mri_contraindication=no`, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.flow).toEqual({ id: 'spine-infection-abnormal-imaging', version: '2026-05-29.2' });
    expect(out.outcome).toBe('recommend-mri');
    expect(out.answers).toEqual({ suspicion: 'yes', prior_imaging: 'abnormal', neuro: 'none', post_op: 'no', region: 'lumbar', mri_contraindication: 'no' });
    const text = JSON.stringify(out.view);
    for (const phrase of ['lumbar spine', 'without and with IV contrast', 'Usually Appropriate', 'Urgent - typically within 24 hours']) expect(text).toContain(phrase);
  });

  it.each([
    ['suspicion=no', 'not-applicable-no-suspicion'],
    ['suspicion=yes,prior_imaging=none', 'out-of-scope-no-prior-imaging'],
    ['suspicion=yes,prior_imaging=normal', 'out-of-scope-normal-imaging'],
    ['suspicion=yes,prior_imaging=abnormal,neuro=severe', 'emergent-neuro-deficit'],
    ['suspicion=yes,prior_imaging=abnormal,neuro=mild,post_op=yes', 'out-of-scope-post-operative'],
    [`${BASE},mri_contraindication=yes`, 'mri-contraindicated-alternatives'],
    [`${BASE},mri_contraindication=no,mri_result=positive,cord_compression=yes`, 'neurosurgical-emergency'],
    [`${BASE},mri_contraindication=no,mri_result=positive,cord_compression=no`, 'positive-management'],
    [`${BASE},mri_contraindication=no,mri_result=negative`, 'negative-revisit-differential'],
    [`${BASE},mri_contraindication=no,mri_result=indeterminate`, 'indeterminate-follow-up'],
  ])('%s -> %s', async (answers, outcome) => {
    const r = await consult('--answers', answers, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outcome).toBe(outcome);
  });

  it.each([
    ['suspicion=yes,prior_imagng=abnormal', 'unknown question "prior_imagng"'],
    ['suspicion=maybe', 'unknown option "maybe" for suspicion; options: yes, no'],
    ['suspicion=yes', 'no answer for prior_imaging'],
    ['suspicion', '"suspicion" is not question=option'],
  ])('rejects %s on stderr with exit code 2', async (answers, message) => {
    const r = await consult('--answers', answers);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('notes, without failing, answers the path never asks (the region once MRI is contraindicated)', async () => {
    const r = await consult('--answers', 'suspicion=no,region=lumbar', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: the flow never reaches region with these answers, so they were not used (it ended at "not-applicable-no-suspicion")');
    expect(JSON.parse(r.stdout).outcome).toBe('not-applicable-no-suspicion');
  });

  it('says "emergent" for new mild symptoms when MRI is contraindicated (issue 14 done-when command)', async () => {
    const r = await consult('--answers', DONE_WHEN);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MRI CONTRAINDICATED');
    expect(r.stdout).toMatch(/^Urgency: Emergent\. New neurologic symptoms - the imaging is emergent/m);
    expect(r.stderr).toContain('the flow never reaches region');
  });

  it('prints readable text without --json', async () => {
    const r = await consult('--answers', 'suspicion=yes,prior_imaging=abnormal,neuro=severe');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('!!! EMERGENCY: ESCALATE NOW - EMERGENT EVALUATION NEEDED !!!');
    expect(r.stdout).toContain('Neurologic status: Severe or progressing deficit');
  });
});
