import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildStartupBanner, liveChannels, publicUrl } from '../../src/http/startupBanner.js';

describe('start-up banner', () => {
  it.each([
    [{}, { slack: 'off', teams: 'closed', web: true, cds: 'local' }],
    [{ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, { slack: 'off', teams: 'local-unauthenticated', web: true, cds: 'local' }],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }, { slack: 'http', teams: 'closed', web: false, cds: 'local' }],
    [{ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' }, { slack: 'socket', teams: 'closed', web: false, cds: 'local' }],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }, { slack: 'off', teams: 'authenticated', web: false, cds: 'local' }],
    [{ MicrosoftAppId: 'id', WEB_UI: 'true' }, { slack: 'off', teams: 'authenticated', web: true, cds: 'local' }],
    [{ WEB_UI: 'false' }, { slack: 'off', teams: 'closed', web: false, cds: 'local' }],
    [{ NODE_ENV: 'production' }, { slack: 'off', teams: 'closed', web: true, cds: 'off' }],
    [{ TEAMS_ENABLED: 'false' }, { slack: 'off', teams: 'off', web: true, cds: 'local' }],
    [{ CDS_CLIENTS: '[]', NODE_ENV: 'production' }, { slack: 'off', teams: 'closed', web: true, cds: 'jwt' }],
  ])('derives live channels from %j', (env, expected) => {
    expect(liveChannels(loadConfig(env))).toEqual(expected);
  });

  it('tells a newcomer what is live and which URL to open', () => {
    expect(buildStartupBanner({ slack: 'off', teams: 'local-unauthenticated', web: true, cds: 'local' }, 'http://localhost:3000')).toBe([
      'spine-consult is running',
      '  Web:   on - open http://localhost:3000/ in a browser',
      '  Slack: off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)',
      '  Teams: on - http://localhost:3000/api/messages, UNAUTHENTICATED from this machine only (TEAMS_ALLOW_UNAUTHENTICATED=true; local development only, set MicrosoftAppId for real use)',
      '  CDS Hooks: on - http://localhost:3000/cds-services, this machine only (set CDS_CLIENTS and PUBLIC_URL for an EHR)',
      '  Health: http://localhost:3000/healthz',
      '  WARNING: Teams activities are NOT AUTHENTICATED; anything on this machine can drive the bot. Local development only.',
      '',
      'Try next:',
      '  http://localhost:3000/  run a consult in the browser',
      '  npm run consult  run a consult in this terminal (another window)',
      '  docs/slack.md, docs/teams.md  connect Slack or Teams',
    ].join('\n'));
    expect(buildStartupBanner({ slack: 'http', teams: 'authenticated', web: false, cds: 'off' }, 'http://h:1')).toBe([
      'spine-consult is running',
      '  Web:   off (set WEB_UI=true to enable)',
      '  Slack: on - events at http://h:1/slack/events',
      '  Teams: on - http://h:1/api/messages',
      '  CDS Hooks: off (set CDS_CLIENTS and PUBLIC_URL)',
      '  Health: http://h:1/healthz',
      '',
      'Try next:',
      '  WEB_UI=true npm start  to add the browser consult',
      '  npm run consult  run a consult in this terminal (another window)',
      '  docs/slack.md, docs/teams.md  connect Slack or Teams',
    ].join('\n'));
  });

  it('shows localhost for a server bound to every interface', () => {
    expect(publicUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(publicUrl('::', 8080)).toBe('http://localhost:8080');
    expect(publicUrl('::1', 80)).toBe('http://[::1]:80');
    expect(publicUrl('10.0.0.5', 3000)).toBe('http://10.0.0.5:3000');
  });
});
