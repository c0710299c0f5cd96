import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(process.cwd(), 'test-output');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };

const TO_MRI = ['suspicion:yes', 'prior_imaging:abnormal', 'neuro:none', 'post_op:no', 'mri_contraindication:no', 'region:lumbar'];
const TO_RESULT = [...TO_MRI, 'record_result'];
/** One path to every outcome, as the answers pressed (`record_result` presses "Record MRI result"). */
const OUTCOMES: Record<string, string[]> = {
  'not-applicable-no-suspicion': ['suspicion:no'],
  'out-of-scope-no-prior-imaging': ['suspicion:yes', 'prior_imaging:none'],
  'out-of-scope-normal-imaging': ['suspicion:yes', 'prior_imaging:normal'],
  'emergent-neuro-deficit': ['suspicion:yes', 'prior_imaging:abnormal', 'neuro:severe'],
  'out-of-scope-post-operative': ['suspicion:yes', 'prior_imaging:abnormal', 'neuro:mild', 'post_op:yes'],
  'recommend-mri': TO_MRI,
  'mri-contraindicated-alternatives': [...TO_MRI.slice(0, -2), 'mri_contraindication:yes'],
  'neurosurgical-emergency': [...TO_RESULT, 'mri_result:positive', 'cord_compression:yes'],
  'positive-management': [...TO_RESULT, 'mri_result:positive', 'cord_compression:no'],
  'negative-revisit-differential': [...TO_RESULT, 'mri_result:negative'],
  'indeterminate-follow-up': [...TO_RESULT, 'mri_result:indeterminate'],
};

/** Tap targets smaller than 44x44 px among the visible buttons, links and summaries. */
const SMALL_TARGETS = `(() => {
  const small = [];
  for (const el of document.querySelectorAll('button, a[href], summary')) {
    const r = el.getBoundingClientRect();
    if (el.closest('[hidden]') || r.width === 0 || r.height === 0) continue;
    if (r.height < 44 || r.width < 44) small.push(el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
  }
  return small;
})()`;

/** Presses the answers in order, each by the value its button posts, waiting for the next view. */
async function walk(page: Page, presses: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Start a consult' }).click();
  await page.locator('[id="question:suspicion"]').waitFor();
  for (const p of presses) {
    const step = await page.locator('form.consult-form').getAttribute('data-step');
    await page.locator(`button[value="${p === 'record_result' ? 'control:record_result' : `answer:${p}`}"]`).click();
    await page.waitForFunction((s) => (globalThis as any).document.querySelector('form.consult-form')?.getAttribute('data-step') !== s, step);
  }
}

/** axe-core's violations on the page as it is now (rule id: the first offending element). */
async function axeViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.addScriptTag({ path: AXE });
  const result = await page.evaluate('axe.run(document).then((r) => r.violations.map((v) => v.id + ": " + v.nodes[0].target.join(" ")))');
  return result as string[];
}

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the web consult on a phone (390x844)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // bypassCSP: the page's CSP (script-src 'self') would refuse the injected axe-core script.
    page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true, bypassCSP: true });
    mkdirSync(OUT, { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('start page, a question and an FAQ answer: no sideways scroll, 44 px targets, no axe violations, a favicon', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('link[rel="icon"]', 'href')).toBe('/favicon.ico');
    expect(await page.evaluate('fetch("/favicon.ico").then((r) => r.status + " " + r.headers.get("content-type"))')).toBe('200 image/png');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(SMALL_TARGETS)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Start a consult' }).click();
    await page.locator('[id="question:suspicion"]').waitFor();
    await page.locator('button[value="answer:suspicion:yes"]').click();
    await page.locator('[id="question:prior_imaging"]').waitFor();
    await page.reload();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(SMALL_TARGETS)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#faq-text', 'why not a CT with contrast?');
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('#faq-result [id="faq:ct-with-contrast"]').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(SMALL_TARGETS)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  for (const [outcome, presses] of Object.entries(OUTCOMES)) {
    it(`${outcome}: title on the first screen, no sideways scroll, 44 px targets (answers folded and open), no axe violations`, async () => {
      await page.goto(`${server.url}/`);
      await walk(page, presses);
      await page.locator(`[id="outcome:${outcome}"]`).waitFor();
      await page.reload(); // measure as a clinician opening the link sees it: scrolled to the top
      const top = await page.evaluate('document.getElementById("current-heading").getBoundingClientRect().top + window.scrollY');
      expect(top).toBeGreaterThan(0);
      expect(top).toBeLessThan(PHONE.height);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      expect(await page.evaluate(SMALL_TARGETS)).toEqual([]);
      await page.screenshot({ path: join(OUT, `phone-${outcome}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      // The answers fold under the outcome; opened, their Change buttons are full-size targets too.
      const summary = page.locator('details.trail-summary > summary');
      expect(await page.locator('details.trail-summary').getAttribute('open')).toBeNull();
      await summary.click();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      expect(await page.evaluate(SMALL_TARGETS)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    }, 60_000);
  }

  it('the diagram opens full size from a 44 px link', async () => {
    await page.goto(`${server.url}/`);
    const link = page.getByRole('link', { name: 'Open the diagram full size' });
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/web/flow.svg')), link.click()]);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  }, 30_000);
});
