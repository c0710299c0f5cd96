/**
 * Test harness for the Teams channel: the real server (startServer) on an ephemeral port, real
 * Bot Framework activity shapes posted to /api/messages, and a nock-intercepted connector at
 * http://teams.test/ standing in for the Bot Framework service that Teams replies go to.
 */
import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import type { AdaptiveCard, CardJson } from '../../src/channels/teams/cardTypes.js';
import type { FaqPort } from '../../src/faq/faqPort.js';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { tempDataDir } from '../support/tempDataDir.js';

export const SERVICE_URL = 'http://teams.test/';
export const BOT = { id: '28:bot-app-id', name: 'Spine Consult' };
export const TENANT = 'tenant-1';
export const OWNER = { id: '29:owner', name: 'Dr Owner', aadObjectId: 'aad-owner' };
export const OTHER = { id: '29:other', name: 'Dr Other', aadObjectId: 'aad-other' };

/** A conversation of each Teams kind. */
export const CONVERSATIONS = {
  personal: { conversationType: 'personal', tenantId: TENANT, id: 'a:1personal-owner' },
  groupChat: { conversationType: 'groupChat', tenantId: TENANT, id: '19:group-chat@thread.v2' },
  channel: { conversationType: 'channel', tenantId: TENANT, id: '19:general@thread.tacv2;messageid=1700000000000' },
} as const;
export type ConversationKind = keyof typeof CONVERSATIONS;

/** One call the bot made to the connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  path: string;
  /** The activity id the connector answered with (POST) or that was updated (PUT). */
  id: string;
  body: { type?: string; text?: string; attachments?: Array<{ contentType: string; content: AdaptiveCard }>; [k: string]: unknown };
}

let seq = 0;
const nextId = () => `17000000${String(++seq).padStart(5, '0')}`;

function base(from: typeof OWNER, kind: ConversationKind) {
  return {
    id: nextId(),
    timestamp: new Date().toISOString(),
    serviceUrl: SERVICE_URL,
    channelId: 'msteams',
    from,
    conversation: CONVERSATIONS[kind],
    recipient: BOT,
    locale: 'en-US',
    channelData: { tenant: { id: TENANT } },
  };
}

/** A typed message, with the bot @mentioned as Teams does outside personal chats. */
export function messageActivity(text: string, from = OWNER, kind: ConversationKind = 'personal') {
  const mention = `<at>${BOT.name}</at>`;
  const mentioned = kind !== 'personal';
  return {
    ...base(from, kind),
    type: 'message',
    textFormat: 'plain',
    text: mentioned ? `${mention} ${text}` : text,
    ...(mentioned ? { entities: [{ type: 'mention', text: mention, mentioned: BOT }] } : {}),
  };
}

/** The `adaptiveCard/action` invoke Teams sends for an Action.Execute click. */
export function executeActivity(action: CardJson, replyToId: string, from = OWNER, kind: ConversationKind = 'personal') {
  return {
    ...base(from, kind),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
  };
}

/** The message Teams sends for an Action.Submit click: the button's data as `value`, no text. */
export function submitActivity(data: unknown, replyToId: string, from = OWNER, kind: ConversationKind = 'personal') {
  return { ...base(from, kind), type: 'message', replyToId, value: data };
}

/** Every Action.Execute in a card (body, nested containers, columns, action sets, card actions). */
export function actionsOf(card: object): CardJson[] {
  const found: CardJson[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as CardJson;
    if (obj.type === 'Action.Execute') found.push(obj);
    for (const [k, v] of Object.entries(obj)) if (k !== 'fallback' && k !== 'data') walk(v);
  };
  walk(card);
  return found;
}

/** Every element id in a card. */
export function idsOf(card: object): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as CardJson;
    if (typeof obj.id === 'string') ids.push(obj.id);
    for (const [k, v] of Object.entries(obj)) if (k !== 'data') walk(v);
  };
  walk(card);
  return ids;
}

/** Finds a button by title, or an answer button by `questionId=optionId`. */
export function findAction(card: object, label: string): CardJson {
  const answer = /^(\w+)=(\w+)$/.exec(label);
  const action = actionsOf(card).find((a) => {
    const data = a.data as { action: string; questionId?: string; optionId?: string };
    return answer ? data.action === 'answer' && data.questionId === answer[1] && data.optionId === answer[2] : a.title === label;
  });
  if (!action) throw new Error(`no button "${label}" on the card (ids: ${idsOf(card).join(', ')})`);
  return action;
}

/** A running Teams bot with its connector mock and captured log lines. */
export interface TeamsTestBot {
  server: RunningServer;
  calls: ConnectorCall[];
  logs: string[];
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  postRaw(body: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Set failUpdates to make the connector answer 500 to message updates (PUT). */
  connector: { failUpdates: boolean };
  close(): Promise<void>;
}

/** Starts the real server with a connector mock; `env` adds or overrides environment variables. */
export async function startTeamsBot(env: Record<string, string> = {}, faq?: FaqPort): Promise<TeamsTestBot> {
  const logs: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
  const logger = pino({ level: 'info' }, sink);
  const config = loadConfig({ DATA_DIR: tempDataDir(), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TEAMS_ALLOW_UNAUTHENTICATED: 'true', ...env });
  const server = await startServer(config, { logger, ...(faq ? { faq } : {}) });

  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const calls: ConnectorCall[] = [];
  const connector = { failUpdates: false };
  let activitySeq = 0;
  nock(SERVICE_URL).persist()
    .post(/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
    .reply(200, function (uri, body) {
      const id = `bot-activity-${++activitySeq}`;
      calls.push({ method: 'POST', path: decodeURIComponent(uri), id, body: body as ConnectorCall['body'] });
      return { id };
    })
    .put(/^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/)
    .reply(function (uri, body) {
      if (connector.failUpdates) return [500, { error: { code: 'ServiceError', message: 'connector down' } }];
      const id = decodeURIComponent(uri).split('/').pop()!;
      calls.push({ method: 'PUT', path: decodeURIComponent(uri), id, body: body as ConnectorCall['body'] });
      return [200, { id }];
    });

  const postRaw = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* plain-text body */ }
    return { status: res.status, body: parsed as any };
  };
  return {
    server, calls, logs, postRaw, connector,
    post: (activity, headers) => postRaw(JSON.stringify(activity), headers),
    async close() {
      nock.cleanAll();
      nock.enableNetConnect();
      await server.close();
    },
  };
}
