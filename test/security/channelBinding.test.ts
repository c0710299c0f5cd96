/**
 * Findings (High/Medium): the consult service checked only ownerId, never the channel, so a Teams
 * activity whose from.id was a Slack user's id answered that user's Slack consult (audited as the
 * Slack user's click); Teams new_consult drew any consult by id for whoever asked. Every consult
 * action is now bound to its channel, workspace/tenant and owner.
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultRecord } from '../../src/store/types.js';
import { tempDataDir } from '../support/tempDataDir.js';
import { SlackHarness } from '../slack/harness.js';
import { executeActivity, SERVICE_URL, submitActivity } from '../teams/teamsHarness.js';
import { WebClient } from '../web/webClient.js';

/** The Slack user whose consult the attacker targets; Teams lets the caller name any from.id. */
const SLACK_USER = { id: 'U1', name: 'Slack user', aadObjectId: 'aad-attacker' };

describe('security: a press from another channel or tenant changes nothing', () => {
  const h = new SlackHarness();
  const connector: unknown[] = [];
  let consult: ConsultRecord;
  beforeAll(async () => {
    await h.start({ env: { DATA_DIR: tempDataDir(), TEAMS_ALLOW_UNAUTHENTICATED: 'true', WEB_UI: 'true' } });
    nock(SERVICE_URL).persist()
      .post(/.*/).reply(200, (_uri, body) => { connector.push(body); return { id: `a${connector.length}` }; })
      .put(/.*/).reply(200, (_uri, body) => { connector.push(body); return { id: 'u' }; });
    await h.command('', 'U1', 'C1');
    [consult] = await h.server.store.recentByOwner('slack', 'T1', 'U1', 1) as [ConsultRecord];
  });
  afterAll(async () => { await h.stop(); });

  const teams = async (activity: unknown) => {
    const res = await fetch(`${h.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    return { status: res.status, text: await res.text() };
  };
  const answer = () => ({ action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: consult.id, step: 0 });
  const unchanged = async () => {
    expect(await h.server.store.get(consult.id)).toEqual(consult);
    const applied = (await h.server.store.auditSince(new Date(0))).filter((a) => a.consultId === consult.id && a.event !== 'start' && !a.event.startsWith('refused'));
    expect(applied).toEqual([]);
  };

  it("a Teams Action.Execute carrying a Slack consult's id and its owner's user id changes nothing", async () => {
    const res = await teams(executeActivity({ type: 'Action.Execute', verb: 'answer', data: answer() }, 'm1', SLACK_USER));
    expect(res.status).toBeLessThan(500);
    await unchanged();
    // Refused like a stranger's press, and audited as refused, from the channel it came through.
    const refused = (await h.server.store.auditSince(new Date(0))).filter((a) => a.consultId === consult.id && a.event.startsWith('refused:'));
    expect(refused.map((a) => [a.event, a.channel])).toEqual([['refused:answer', 'teams']]);
  });

  it('the same as an Action.Submit (a message with value) changes nothing', async () => {
    await teams(submitActivity(answer(), 'm1', SLACK_USER));
    await unchanged();
  });

  it("a Teams new_consult carrying a Slack consult's id does not draw that consult", async () => {
    connector.length = 0;
    const res = await teams(executeActivity({ type: 'Action.Execute', verb: 'new_consult', data: { action: 'new_consult', consultId: consult.id, step: 0 } }, 'm1', SLACK_USER));
    expect(res.text).not.toContain(consult.id);
    expect(JSON.stringify(connector)).not.toContain(consult.id);
    await unchanged();
  });

  it("the web page neither shows nor changes a Slack consult by its id", async () => {
    const web = new WebClient(h.server.url);
    await web.get('/');
    const page = await web.get(`/consult/${consult.id}`);
    expect(page.status).not.toBe(200);
    const click = await web.click(consult.id, 0, 'answer:suspicion:yes');
    expect(click.status).not.toBe(303);
    await unchanged();
  });
});
