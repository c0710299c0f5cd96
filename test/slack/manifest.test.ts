import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMAND, START_SHORTCUT } from '../../src/channels/slack/productInfo.js';

const root = new URL('../../', import.meta.url);
const manifest = parse(readFileSync(new URL('manifests/slack/manifest.yaml', root), 'utf8'));
const schema = JSON.parse(readFileSync(new URL('test/slack/fixtures/slack-manifest.schema.1.0.0.json', root), 'utf8'));
const source = (file: string) => readFileSync(new URL(`src/channels/slack/${file}`, root), 'utf8');

describe('manifests/slack/manifest.yaml', () => {
  it('is valid against the official Slack manifest schema', () => {
    const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the command the code registers, on /slack/events', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.slash_commands[0].url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
  });

  it('subscribes to exactly the events the code listens to', () => {
    const mount = source('mountSlack.ts');
    // The handlers by event type, in mountSlack's onEvent table.
    const table = /const onEvent[^=]*= \{([\s\S]*?)\n {2}\};/.exec(mount)?.[1] ?? '';
    const listened = [...table.matchAll(/^\s*([a-z_]+): tracked\(/gm)].map((m) => m[1]);
    expect(listened.sort()).toEqual(['app_home_opened', 'app_mention', 'message']);
    // message events are only handled in DMs (channel_type im), hence message.im.
    expect(source('handleEvents.ts')).toContain("event.channel_type !== 'im'");
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
  });

  it('asks for the least bot scopes the Web API calls need', () => {
    const files = ['consultDelivery.ts', 'handleAction.ts', 'handleEvents.ts', 'handleFirstContact.ts', 'mountSlack.ts', 'botIdentity.ts'].map(source).join('\n');
    const methods = new Set([...files.matchAll(/client\.([a-z]+\.[a-zA-Z]+)\(/g)].map((m) => m[1]));
    expect([...methods].sort()).toEqual(['auth.test', 'chat.postMessage', 'chat.update', 'conversations.open', 'views.publish']);
    // chat.postMessage/chat.update: chat:write; conversations.open (DM): im:write; message.im: im:history;
    // the slash command: commands; views.publish and auth.test need no scope.
    // app_mention: app_mentions:read.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:write']);
  });

  it('declares the global shortcut the code registers', () => {
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ name: 'Start a spine consult', type: 'global', callback_id: START_SHORTCUT })]);
    expect(source('mountSlack.ts')).toContain('args.body.callback_id === START_SHORTCUT ? onShortcut');
  });

  it('keeps Socket Mode off by default and the Messages tab on', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });
});
