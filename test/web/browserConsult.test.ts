import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { phrasingFaq } from './phrasingFaq.js';
import { tempDataDir } from '../support/tempDataDir.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(process.cwd(), 'test-output');
// CI installs Debian's chromium (.ci/scripts/chromium.sh); elsewhere, say so instead of failing obscurely.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) console.warn(`browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

/** Clicks the button that posts `value` and waits for the section the next view draws. */
async function press(page: Page, value: string, next: string): Promise<void> {
  await page.locator(`button[value="${value}"]`).click();
  await page.locator(`[id="${next}"]`).waitFor();
}

describe.skipIf(!haveChromium && !process.env.CI)('web consult in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs a consult to recommend-mri, records a positive MRI and asks the FAQ, without reloads or outside requests', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Start a consult' }).click();
    await page.locator('[id="question:suspicion"]').waitFor();
    // Marks this document: a full reload would lose it, so it proves updates come by fetch.
    await page.evaluate('window.marker = 42');

    // Keyboard: the new question's heading takes focus; Tab reaches the first answer, Enter presses it.
    expect(await page.evaluate('document.activeElement.id')).toBe('current-heading');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.value')).toBe('answer:suspicion:yes');
    await page.keyboard.press('Enter');
    await page.locator('[id="question:prior_imaging"]').waitFor();

    await press(page, 'answer:prior_imaging:abnormal', 'question:neuro');
    await page.screenshot({ path: join(OUT, 'web-question.png'), fullPage: false });
    await press(page, 'answer:neuro:none', 'question:post_op');
    await press(page, 'answer:post_op:no', 'question:mri_contraindication');
    await press(page, 'answer:mri_contraindication:no', 'question:region');
    await press(page, 'answer:region:lumbar', 'outcome:recommend-mri');

    const outcome = page.locator('[id="outcome:recommend-mri"]');
    const text = await outcome.innerText();
    expect(text).toContain('without and with IV contrast');
    expect(text).toContain('Usually Appropriate');
    expect(text).toContain('24 hours');
    // The aria-live status line announces the new heading.
    await page.waitForFunction(() => {
      // Runs in the page (a DOM this Node-typed project does not declare).
      const doc = (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } | null } }).document;
      return doc.getElementById('status')?.textContent === doc.getElementById('current-heading')?.textContent;
    });

    // The copy button appears only with the script, and copies the order line exactly.
    await page.getByRole('button', { name: 'Copy order' }).click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(await page.locator('#order-line').textContent());
    await page.screenshot({ path: join(OUT, 'web-recommend-mri.png'), fullPage: true });

    const consultId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Record MRI result' }).click();
    await page.locator('[id="question:mri_result"]').waitFor();
    await press(page, 'answer:mri_result:positive', 'question:cord_compression');
    await press(page, 'answer:cord_compression:no', 'outcome:positive-management');
    const result = await page.locator('[id="outcome:positive-management"]').innerText();
    expect(result).toContain('MRI positive for infection');
    expect(result).toContain('Chart note');

    const record = await server.store.get(consultId);
    expect(record).toMatchObject({ channel: 'web', workspace: 'local', status: 'finished', outcomeId: 'positive-management' });
    expect(record!.ownerId).toMatch(/^web-/);

    // FAQ: the built-in index answers in place, with the entry's id on the answer.
    await page.fill('#faq-text', 'why not a CT with contrast?');
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('#faq-result [id="faq:ct-with-contrast"]').waitFor();
    expect(await page.locator('#faq-result').innerText()).toContain('soft tissue resolution');

    expect(await page.evaluate('window.marker')).toBe(42);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(OUT, 'web-consult.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('works with JavaScript off: forms post and redirect, copy buttons stay hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: 'Start a consult' }).click();
      await page.locator('[id="question:suspicion"]').waitFor();
      expect(page.url()).toMatch(new RegExp(`^${server.url}/consult/[\\w-]+$`));
      await press(page, 'answer:suspicion:no', 'outcome:not-applicable-no-suspicion');
      expect(await page.locator('button[data-copy]').first().isHidden()).toBe(true);
      await page.getByRole('button', { name: 'New consult' }).click();
      await page.locator('[id="question:suspicion"]').waitFor();
    } finally {
      await context.close();
    }
  }, 30_000);

  it('answers a typed question and a topic button in place when an FAQ port is wired', async () => {
    const withFaq = await startServer(loadConfig({ DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), { faq: phrasingFaq([]) });
    const page = await browser.newPage();
    try {
      await page.goto(`${withFaq.url}/`);
      await page.evaluate('window.marker = 7');
      await page.getByLabel('Your question about this guidance').fill('why not CT with contrast');
      await page.keyboard.press('Enter');
      await page.locator('[id="faq:ct-with-contrast"]').waitFor();
      await page.getByLabel('Your question about this guidance').fill('something else entirely');
      await page.getByRole('button', { name: 'Ask' }).click();
      await page.locator('[id="faq:none"]').waitFor();
      await page.getByRole('button', { name: 'Spine level' }).click();
      await page.locator('[id="faq:spine-level"]').waitFor();
      expect(await page.locator('#faq-result [id^="faq:"]').count()).toBe(1);
      expect(await page.evaluate('window.marker')).toBe(7);
      await page.screenshot({ path: join(OUT, 'web-faq.png') });
    } finally {
      await page.close();
      await withFaq.close();
    }
  }, 30_000);
});
