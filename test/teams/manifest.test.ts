import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, fillManifest, PackageError, TEAMS_MANIFEST_DIR } from '../../scripts/teams/packageTeamsApp.js';
import { colorIcon, outlineIcon } from '../../scripts/teams/makeIcons.js';

const template = JSON.parse(readFileSync(join(TEAMS_MANIFEST_DIR, 'manifest.json'), 'utf8'));
const png = (file: string) => PNG.sync.read(readFileSync(join(TEAMS_MANIFEST_DIR, file)));
const ENV = { MicrosoftAppId: '1b2c3d4e-0000-4000-8000-123456789abc', TEAMS_BOT_DOMAIN: 'spine.example.org', TEAMS_DEVELOPER_NAME: 'Example Health' };

describe('Teams manifest', () => {
  it('is a v1.30 manifest that validates against the official schema bundled in @microsoft/app-manifest', async () => {
    expect(template.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(template.manifestVersion).toBe('1.30');
    expect(await AppManifestUtils.validateAgainstSchema(template)).toEqual([]);
  });

  it('the schema check has teeth: a manifest with a bad bot scope fails it', async () => {
    const broken = { ...template, bots: [{ ...template.bots[0], scopes: ['personal', 'everywhere'] }] };
    expect((await AppManifestUtils.validateAgainstSchema(broken)).length).toBeGreaterThan(0);
  });

  it('declares one bot in personal, team and groupChat scopes with consult and help commands', () => {
    expect(template.bots).toHaveLength(1);
    expect(template.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    const lists = template.bots[0].commandLists as Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      // "set radiology channel" only works in a team channel, so only the team list offers it.
      const extra = list.scopes.includes('team') ? ['set radiology channel'] : [];
      expect(list.commands.map((c) => c.title)).toEqual(['consult', 'help', ...extra]);
    }
  });
});

describe('Teams icons', () => {
  it('color.png is 192x192', () => {
    const color = png('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
  });

  it('outline.png is 32x32, only white or fully transparent, with both present', () => {
    const outline = png('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let white = 0;
    let clear = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) clear++;
      else if (a === 255 && r === 255 && g === 255 && b === 255) white++;
      else throw new Error(`pixel ${i / 4} is neither white nor transparent: ${[r, g, b, a]}`);
    }
    expect(white).toBeGreaterThan(50);
    expect(clear).toBeGreaterThan(50);
  });

  it('the committed PNGs are what the icon script draws', () => {
    expect(png('color.png').data.equals(colorIcon().data)).toBe(true);
    expect(png('outline.png').data.equals(outlineIcon().data)).toBe(true);
  });
});

describe('npm run package:teams', () => {
  it('zips manifest.json, color.png and outline.png at the root, with ids and domain filled from env', async () => {
    const zip = await JSZip.loadAsync(await buildTeamsPackage(ENV));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.id).toBe(ENV.MicrosoftAppId);
    expect(manifest.bots[0].botId).toBe(ENV.MicrosoftAppId);
    expect(manifest.validDomains).toEqual(['spine.example.org']);
    expect(manifest.developer).toEqual({
      name: 'Example Health', websiteUrl: 'https://spine.example.org/',
      privacyUrl: 'https://spine.example.org/privacy', termsOfUseUrl: 'https://spine.example.org/terms',
    });
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('uses TEAMS_APP_ID for the app id when given, keeping the bot id', () => {
    const m = fillManifest(template, { ...ENV, TEAMS_APP_ID: 'aaaaaaaa-0000-4000-8000-000000000001' });
    expect([m.id, m.bots[0].botId]).toEqual(['aaaaaaaa-0000-4000-8000-000000000001', ENV.MicrosoftAppId]);
  });

  it.each([
    [{}, /MicrosoftAppId is not set[\s\S]*TEAMS_BOT_DOMAIN is not set[\s\S]*TEAMS_DEVELOPER_NAME is not set/],
    [{ ...ENV, MicrosoftAppId: 'my-bot' }, /MicrosoftAppId must be a GUID/],
    [{ ...ENV, TEAMS_BOT_DOMAIN: 'https://spine.example.org/api' }, /TEAMS_BOT_DOMAIN must be a host name only/],
  ])('refuses with a clear error when settings are missing or malformed (%o)', async (env, message) => {
    await expect(buildTeamsPackage(env)).rejects.toSatisfy((e: Error) => e instanceof PackageError && message.test(e.message));
  });
});
