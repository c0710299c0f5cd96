/**
 * `npm run manifest:slack -- https://spine.example.org` (or PUBLIC_URL=...): writes
 * build/slack/manifest.yaml, the committed manifest with every https://YOUR-HOST.example replaced
 * by the server's public base URL, ready to paste into "Create an app > From a manifest".
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The committed template. */
export const SLACK_MANIFEST_PATH = join(ROOT, 'manifests/slack/manifest.yaml');
/** Where the filled manifest is written. */
export const SLACK_MANIFEST_OUT = join(ROOT, 'build/slack/manifest.yaml');
/** The placeholder host in the template. */
export const PLACEHOLDER = 'https://YOUR-HOST.example';

const USAGE = `Usage: npm run manifest:slack -- https://your-host.example   (or set PUBLIC_URL)
  Writes ${SLACK_MANIFEST_OUT}: manifests/slack/manifest.yaml with the request URLs
  pointing at your server's /slack/events. The URL must be public HTTPS (see docs/slack.md).`;

/** Replaces the placeholder with `publicUrl` (https, no path); throws a one-line reason when it is not usable. */
export function fillSlackManifest(template: string, publicUrl: string | undefined): string {
  if (!publicUrl?.trim()) throw new Error('No public URL: pass it (npm run manifest:slack -- https://your-host.example) or set PUBLIC_URL');
  let url: URL;
  try {
    url = new URL(publicUrl.trim());
  } catch {
    throw new Error(`Not a URL: ${publicUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`Slack only calls HTTPS URLs: ${publicUrl}`);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error(`Give the base URL only, without a path: ${url.origin}`);
  return template.replaceAll(PLACEHOLDER, url.origin);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv[2];
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    const filled = fillSlackManifest(readFileSync(SLACK_MANIFEST_PATH, 'utf8'), arg ?? process.env.PUBLIC_URL);
    mkdirSync(dirname(SLACK_MANIFEST_OUT), { recursive: true });
    writeFileSync(SLACK_MANIFEST_OUT, filled);
    console.log(`Slack manifest written to ${SLACK_MANIFEST_OUT}`);
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(1);
  }
}
