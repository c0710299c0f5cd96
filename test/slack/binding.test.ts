import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackHarness } from './harness.js';
import { play, START, type Row } from './transcript.js';

const RADIOLOGY = 'CRAD';
const NO_PRIOR: Row[] = [START, ['press answer:suspicion:yes', 'question:prior_imaging'], ['press answer:prior_imaging:none', 'outcome:out-of-scope-no-prior-imaging']];

describe('Slack presses are bound to the consult\'s workspace and owner', () => {
  const h = new SlackHarness();
  beforeAll(async () => { await h.start({ env: { SLACK_RADIOLOGY_CHANNEL: RADIOLOGY } }); });
  afterAll(async () => { await h.stop(); });
  beforeEach(() => h.slack.reset());

  it('refuses the owner\'s user id pressing from another workspace, changes nothing, and audits the refusal', async () => {
    const msg = await play(h, [START]);
    const [consult] = await h.server.store.recentByOwner('slack', 'T1', 'U1', 1);
    const payload = h.actionPayload(msg, h.button(msg, 'answer:suspicion:yes'), 'U1') as Record<string, any>;
    payload.team = { id: 'T2', domain: 'elsewhere' };
    payload.user.team_id = 'T2';
    await h.sendAction(payload);
    expect(await h.server.store.get(consult.id)).toEqual(consult);
    expect(h.slack.ephemerals.map((e) => e.text)).toEqual(['Only <@U1> can answer this one; start your own with /spine-consult.']);
    const audit = (await h.server.store.auditSince(new Date(0))).filter((a) => a.consultId === consult.id);
    expect(audit.at(-1)).toMatchObject({ event: 'refused:answer', userId: 'U1', channel: 'slack' });
  });

  it('posts once to the radiology channel when "Ask radiology" is pressed twice at once', async () => {
    const msg = await play(h, NO_PRIOR);
    await Promise.all([h.press(msg, 'handoff:request'), h.press(msg, 'handoff:request')]);
    expect(h.slack.apiCalls('chat.postMessage').filter((c) => c.args.channel === RADIOLOGY)).toHaveLength(1);
    const [consult] = await h.server.store.recentByOwner('slack', 'T1', 'U1', 1);
    const events = (await h.server.store.auditSince(new Date(0))).filter((a) => a.consultId === consult.id).map((a) => a.event);
    expect(events.filter((e) => e === 'handoff:requested')).toHaveLength(1);
  });
});
