/**
 * Builds the Teams app package (`npm run package:teams`): manifests/teams/manifest.json with the
 * app id, bot id and domain filled from the environment, plus color.png and outline.png, zipped at
 * the root as Teams expects. Validates the result against the bundled v1.30 schema first.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { BRAND_COLOUR } from '../../src/config/brand.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the committed manifest template and icons live. */
export const TEAMS_MANIFEST_DIR = join(ROOT, 'manifests/teams');
/** Where `npm run package:teams` writes the zip. */
export const TEAMS_PACKAGE_PATH = join(ROOT, 'build/teams/spine-consult-teams.zip');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** A missing or malformed packaging setting, named for the operator. */
export class PackageError extends Error {
  override name = 'PackageError';
}

/** The environment variables the package reads. */
export interface PackageEnv {
  /** The Azure Bot registration's app id; also the Teams app id unless TEAMS_APP_ID is set. */
  MicrosoftAppId?: string;
  TEAMS_APP_ID?: string;
  /** Public host name of the bot (no scheme), e.g. spine-consult.example.org. */
  TEAMS_BOT_DOMAIN?: string;
  /** The organisation that publishes the app, shown in the Teams app details (the template's is a placeholder). */
  TEAMS_DEVELOPER_NAME?: string;
  TEAMS_PRIVACY_URL?: string;
  TEAMS_TERMS_URL?: string;
}

type Manifest = Record<string, any>;

/** Fills the template from `env`; throws PackageError naming every missing or malformed variable. */
export function fillManifest(template: Manifest, env: PackageEnv): Manifest {
  const problems: string[] = [];
  const appId = env.MicrosoftAppId?.trim();
  const teamsAppId = env.TEAMS_APP_ID?.trim() || appId;
  const domain = env.TEAMS_BOT_DOMAIN?.trim();
  const developer = env.TEAMS_DEVELOPER_NAME?.trim();
  if (!appId) problems.push('MicrosoftAppId is not set (the app id of the Azure Bot registration)');
  else if (!GUID.test(appId)) problems.push('MicrosoftAppId must be a GUID like 1b2c3d4e-0000-4000-8000-123456789abc');
  if (teamsAppId && !GUID.test(teamsAppId)) problems.push('TEAMS_APP_ID must be a GUID');
  if (!domain) problems.push('TEAMS_BOT_DOMAIN is not set (the public host name of the bot, e.g. spine-consult.example.org)');
  else if (!HOST.test(domain)) problems.push('TEAMS_BOT_DOMAIN must be a host name only, without https:// or a path');
  if (!developer) problems.push('TEAMS_DEVELOPER_NAME is not set (your organisation, shown as the publisher in Teams)');
  else if (developer.length > 32) problems.push('TEAMS_DEVELOPER_NAME must be at most 32 characters');
  if (problems.length > 0) throw new PackageError(`Cannot build the Teams package:\n  ${problems.join('\n  ')}`);
  const site = `https://${domain}/`;
  return {
    ...template,
    id: teamsAppId,
    developer: {
      ...template.developer,
      name: developer,
      websiteUrl: site,
      privacyUrl: env.TEAMS_PRIVACY_URL?.trim() || `${site}privacy`,
      termsOfUseUrl: env.TEAMS_TERMS_URL?.trim() || `${site}terms`,
    },
    bots: template.bots.map((b: Manifest) => ({ ...b, botId: appId })),
    accentColor: BRAND_COLOUR,
    validDomains: [domain],
  };
}

/** Builds the zip (manifest.json, color.png, outline.png at the root) after schema validation. */
export async function buildTeamsPackage(env: PackageEnv, dir = TEAMS_MANIFEST_DIR): Promise<Buffer> {
  const manifest = fillManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), env);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as never);
  if (errors.length > 0) throw new PackageError(`The filled manifest does not match its schema:\n  ${errors.join('\n  ')}`);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(manifest.icons.color, readFileSync(join(dir, manifest.icons.color)));
  zip.file(manifest.icons.outline, readFileSync(join(dir, manifest.icons.outline)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const USAGE = `Usage: npm run package:teams
  Writes ${TEAMS_PACKAGE_PATH} (manifest.json, color.png, outline.png) for Teams admin upload.
  Reads: MicrosoftAppId, TEAMS_BOT_DOMAIN, TEAMS_DEVELOPER_NAME (all required);
  TEAMS_APP_ID, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL (optional; the URLs default to
  https://TEAMS_BOT_DOMAIN/privacy and /terms, which this server answers).`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    const zip = await buildTeamsPackage(process.env);
    mkdirSync(dirname(TEAMS_PACKAGE_PATH), { recursive: true });
    writeFileSync(TEAMS_PACKAGE_PATH, zip);
    console.log(`Teams app package written to ${TEAMS_PACKAGE_PATH}`);
  } catch (err) {
    console.error(err instanceof PackageError ? err.message : err);
    process.exit(1);
  }
}
