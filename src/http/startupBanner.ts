import type { Config } from '../config/config.js';

/** Which channels a configuration brings up, and how. */
export interface LiveChannels {
  /** Slack: HTTP events, Socket Mode, or off (no credentials). */
  slack: 'http' | 'socket' | 'off';
  /** Teams: authenticated (app id set), unauthenticated from loopback (explicit flag), closed (401: no app id), or off. */
  teams: 'authenticated' | 'local-unauthenticated' | 'closed' | 'off';
  /** The browser page at `/`. */
  web: boolean;
  /** CDS Hooks: client JWTs checked (CDS_CLIENTS), this machine only (development), or off (production without CDS_CLIENTS). */
  cds: 'jwt' | 'local' | 'off';
}

/** Derives the live channels from config: the web page is on by default only when no chat credentials are set. */
export function liveChannels(config: Config): LiveChannels {
  const slack = config.SLACK_APP_TOKEN && config.SLACK_BOT_TOKEN ? 'socket'
    : config.SLACK_SIGNING_SECRET && config.SLACK_BOT_TOKEN ? 'http' : 'off';
  const teams = !config.TEAMS_ENABLED ? 'off' : config.MicrosoftAppId ? 'authenticated'
    : config.TEAMS_ALLOW_UNAUTHENTICATED ? 'local-unauthenticated' : 'closed';
  const chatConfigured = slack !== 'off' || teams === 'authenticated';
  const cds = config.CDS_CLIENTS ? 'jwt' : config.NODE_ENV === 'production' ? 'off' : 'local';
  return { slack, teams, web: config.WEB_UI ?? !chatConfigured, cds };
}

/** The lines a newcomer sees at start-up: which channels are live, the URL to open, and what to try next. */
export function buildStartupBanner(channels: LiveChannels, url: string): string {
  const slack = { http: `on - events at ${url}/slack/events`, socket: 'on - Socket Mode', off: 'off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)' }[channels.slack];
  const teams = {
    authenticated: `on - ${url}/api/messages`,
    'local-unauthenticated': `on - ${url}/api/messages, UNAUTHENTICATED from this machine only (TEAMS_ALLOW_UNAUTHENTICATED=true; local development only, set MicrosoftAppId for real use)`,
    closed: `off - ${url}/api/messages answers 401 (set MicrosoftAppId, or TEAMS_ALLOW_UNAUTHENTICATED=true for local development)`,
    off: 'off (TEAMS_ENABLED=false)',
  }[channels.teams];
  const web = channels.web ? `on - open ${url}/ in a browser` : 'off (set WEB_UI=true to enable)';
  const cds = {
    jwt: `on - ${url}/cds-services (EHRs in CDS_CLIENTS)`,
    local: `on - ${url}/cds-services, this machine only (set CDS_CLIENTS and PUBLIC_URL for an EHR)`,
    off: 'off (set CDS_CLIENTS and PUBLIC_URL)',
  }[channels.cds];
  return [
    'spine-consult is running',
    `  Web:   ${web}`,
    `  Slack: ${slack}`,
    `  Teams: ${teams}`,
    `  CDS Hooks: ${cds}`,
    `  Health: ${url}/healthz`,
    ...(channels.teams === 'local-unauthenticated'
      ? ['  WARNING: Teams activities are NOT AUTHENTICATED; anything on this machine can drive the bot. Local development only.']
      : []),
    '',
    'Try next:',
    channels.web ? `  ${url}/  run a consult in the browser` : '  WEB_UI=true npm start  to add the browser consult',
    '  npm run consult  run a consult in this terminal (another window)',
    '  docs/slack.md, docs/teams.md  connect Slack or Teams',
  ].join('\n');
}

/** The URL people should open: localhost when bound to every interface. */
export function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
