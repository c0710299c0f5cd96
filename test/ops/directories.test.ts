import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSlackManifest, SLACK_MANIFEST_PATH } from '../../scripts/slack/slackManifest.js';
import { BRAND_COLOUR } from '../../src/config/brand.js';
import { ConfigSchema, loadConfig } from '../../src/config/config.js';
import { WEB_STYLES } from '../../src/channels/web/webAssets.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('ready for the Slack and Teams directories', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(loadConfig({
      DATA_DIR: tempDataDir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WEB_UI: 'false',
      PRIVACY_CONTACT: 'privacy@hospital.example', RETENTION_DAYS: '14', CONSULT_TTL_HOURS: '48',
    }));
  });
  afterAll(async () => { await server?.close(); });

  it.each(['/privacy', '/terms'])('GET %s answers 200 with the configured contact, even with the web page off', async (path) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('privacy@hospital.example');
    expect(html).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('the privacy page says what is stored, for how long, and that no patient identifiers are', async () => {
    const html = await (await fetch(`${server.url}/privacy`)).text();
    expect(html).toContain('What is stored');
    expect(html).toContain('deleted 14 days after their last change');
    expect(html).toContain('nobody answers for 48 hours expires');
    expect(html).toContain('Never enter patient identifiers');
  });

  it('GET /favicon.ico is the app icon, not a 404', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('one brand colour: Slack manifest, Teams manifest and the web page', () => {
    expect(parse(read('manifests/slack/manifest.yaml')).display_information.background_color.toUpperCase()).toBe(BRAND_COLOUR);
    expect(JSON.parse(read('manifests/teams/manifest.json')).accentColor.toUpperCase()).toBe(BRAND_COLOUR);
    expect(WEB_STYLES).toContain(`--accent:${BRAND_COLOUR}`);
    expect(WEB_STYLES).toContain('.topbar{background:var(--accent)');
  });

  it('every environment variable the server reads is in the README\'s table', () => {
    const table = read('README.md').split('\n').filter((l) => l.startsWith('| `'));
    const missing = Object.keys(ConfigSchema.shape).filter((name) => !table.some((row) => row.includes(`\`${name}\``)));
    expect(missing).toEqual([]);
  });

  it('npm run manifest:slack fills the public URL and the result still validates against the Slack schema', () => {
    const filled = parse(fillSlackManifest(readFileSync(SLACK_MANIFEST_PATH, 'utf8'), 'https://spine.hospital.example/'));
    expect(filled.settings.event_subscriptions.request_url).toBe('https://spine.hospital.example/slack/events');
    expect(filled.settings.interactivity.request_url).toBe('https://spine.hospital.example/slack/events');
    expect(filled.features.slash_commands[0].url).toBe('https://spine.hospital.example/slack/events');
    expect(JSON.stringify(filled)).not.toContain('YOUR-HOST');
    const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
    const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(JSON.parse(read('test/slack/fixtures/slack-manifest.schema.1.0.0.json')));
    expect(validate(filled), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    [undefined, /No public URL/],
    ['http://spine.hospital.example', /only calls HTTPS/],
    ['https://spine.hospital.example/slack/events', /base URL only/],
    ['spine.hospital.example', /Not a URL/],
  ])('npm run manifest:slack refuses %s with a reason', (url, reason) => {
    expect(() => fillSlackManifest('x', url)).toThrow(reason);
  });
});
