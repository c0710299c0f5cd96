import type { Config } from '../config/config.js';

/** Which channels a configuration brings up, and how. */
export interface LiveChannels {
  /** Slack: HTTP events, Socket Mode, or off (no credentials). */
  slack: 'http' | 'socket' | 'off';
  /** Teams: authenticated (app id set), unauthenticated local development, or off (production without an app id). */
  teams: 'authenticated' | 'local-unauthenticated' | 'off';
  /** The browser page at `/`. */
  web: boolean;
}

/** Derives the live channels from config: the web page is on by default only when no chat credentials are set. */
export function liveChannels(config: Config): LiveChannels {
  const slack = config.SLACK_APP_TOKEN && config.SLACK_BOT_TOKEN ? 'socket'
    : config.SLACK_SIGNING_SECRET && config.SLACK_BOT_TOKEN ? 'http' : 'off';
  const teams = !config.TEAMS_ENABLED ? 'off' : config.MicrosoftAppId ? 'authenticated' : config.NODE_ENV === 'production' ? 'off' : 'local-unauthenticated';
  const chatConfigured = slack !== 'off' || teams === 'authenticated';
  return { slack, teams, web: config.WEB_UI ?? !chatConfigured };
}

/** The lines a newcomer sees at start-up: which channels are live and the URL to open. */
export function buildStartupBanner(channels: LiveChannels, url: string): string {
  const slack = { http: `on - events at ${url}/slack/events`, socket: 'on - Socket Mode', off: 'off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)' }[channels.slack];
  const teams = {
    authenticated: `on - ${url}/api/messages`,
    'local-unauthenticated': `on - ${url}/api/messages, UNAUTHENTICATED (local development only; set MicrosoftAppId)`,
    off: 'off (set MicrosoftAppId)',
  }[channels.teams];
  const web = channels.web ? `on - open ${url}/ in a browser` : 'off (set WEB_UI=true to enable)';
  return [
    'spine-consult is running',
    `  Web:   ${web}`,
    `  Slack: ${slack}`,
    `  Teams: ${teams}`,
    `  Health: ${url}/healthz`,
  ].join('\n');
}

/** The URL people should open: localhost when bound to every interface. */
export function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
