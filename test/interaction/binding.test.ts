import { describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { FollowUpService } from '../../src/consult/followUpService.js';
import type { ChannelPort, Effect, Press } from '../../src/interaction/effects.js';
import { PressHandler } from '../../src/interaction/pressHandler.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { testPathways } from '../store/storeHarness.js';

const SLACK_OWNER = { channel: 'slack', workspace: 'T1', userId: 'U1' };
const START = { channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' };
const style = { startHint: '/spine-consult', mention: (id: string) => `<@${id}>` };
const port: Pick<ChannelPort, 'style' | 'capabilities'> = { style, capabilities: () => ({ radiology: true }) };

function core() {
  const store = new MemoryStore();
  const pathways = testPathways();
  const service = new ConsultService({ store, pathways, ttlHours: 1 });
  const followUp = new FollowUpService({ store, pathways });
  return { store, service, followUp, presses: new PressHandler({ service, followUp, pathways }) };
}

async function consultTo(service: ConsultService, answers: Array<[string, string]>) {
  let { record } = await service.start(START);
  for (const [questionId, optionId] of answers) {
    const r = await service.click({ actor: SLACK_OWNER, data: { action: 'answer', questionId, optionId, consultId: record.id, step: record.step } });
    if (!r.ok) throw new Error(r.reason);
    record = r.record;
  }
  return record;
}

const TO_MRI: Array<[string, string]> = [['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'lumbar']];
/** The owner's user id, arriving through another channel or another workspace. */
const IMPOSTORS = [
  ['another channel', { channel: 'teams', workspace: 'T1', userId: 'U1' }],
  ['another workspace', { channel: 'slack', workspace: 'T2', userId: 'U1' }],
  ['a stranger', { channel: 'slack', workspace: 'T1', userId: 'U2' }],
] as const;

describe('every consult action is bound to its channel, workspace and owner (one rule, in the core)', () => {
  it.each(IMPOSTORS)('refuses answers and controls from %s, changes nothing, and audits the refusal', async (_name, actor) => {
    const c = core();
    const record = await consultTo(c.service, [['suspicion', 'yes']]);
    for (const data of [
      { action: 'answer', questionId: 'prior_imaging', optionId: 'abnormal', consultId: record.id, step: 1 },
      { action: 'back', consultId: record.id, step: 1 },
      { action: 'cancel', consultId: record.id, step: 1 },
    ] as const) {
      const effects = await c.presses.handle({ actor, data, conversation: 'C1' }, port);
      expect(effects).toEqual([{ kind: 'tell', text: 'Only <@U1> can answer this one; start your own with /spine-consult.' }]);
    }
    expect(await c.store.get(record.id)).toEqual(record);
    const audit = (await c.store.auditSince(new Date(0))).filter((a) => a.consultId === record.id);
    expect(audit.slice(-3).map((a) => [a.event, a.userId, a.channel])).toEqual([
      ['refused:answer', actor.userId, actor.channel], ['refused:back', actor.userId, actor.channel], ['refused:cancel', actor.userId, actor.channel],
    ]);
  });

  it.each(IMPOSTORS)('refuses feedback and "Ask radiology" from %s, posts nothing, and audits both', async (_name, actor) => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    const feedback = await c.presses.handle({ actor, data: { action: 'feedback', choice: 'as_recommended', consultId: record.id, step: 6 } }, port);
    const handoff = await c.presses.handle({ actor, data: { action: 'handoff', consultId: record.id, step: 6 } }, port);
    for (const effects of [feedback, handoff]) {
      expect(effects).toEqual([{ kind: 'tell', text: 'Only <@U1> can use these buttons; start your own consult with /spine-consult.' }]);
    }
    expect(await c.store.get(record.id)).toEqual(record);
    const events = (await c.store.auditSince(new Date(0))).filter((a) => a.consultId === record.id).map((a) => a.event);
    expect(events.slice(-2)).toEqual(['refused:feedback', 'refused:handoff']);
  });

  it('accepts a claim from a colleague in the same workspace only, on the radiology post only', async () => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    const [post] = await c.presses.handle({ actor: SLACK_OWNER, data: { action: 'handoff', consultId: record.id, step: 6 } }, port);
    expect(post).toMatchObject({ kind: 'postToRadiology' });
    await (post as Extract<Effect, { kind: 'postToRadiology' }>).settle({ ref: 'CRAD:1.1' });
    const sent = (await c.store.get(record.id))!;
    const claim = (actor: Press['actor'], fromRadiology: boolean) =>
      c.presses.handle({ actor, fromRadiology, data: { action: 'claim', consultId: record.id, step: 6 } }, port);
    const invalid = [{ kind: 'tell', text: 'That action does not fit this step of the consult; nothing was changed.' }];
    expect(await claim({ channel: 'teams', workspace: 'T1', userId: 'R1' }, true)).toEqual(invalid);
    expect(await claim({ channel: 'slack', workspace: 'T2', userId: 'R1' }, true)).toEqual(invalid);
    expect(await claim({ channel: 'slack', workspace: 'T1', userId: 'R1' }, false)).toEqual(invalid);
    expect(await c.store.get(record.id)).toEqual(sent);
    const taken = await claim({ channel: 'slack', workspace: 'T1', userId: 'R1' }, true);
    expect(taken.map((e) => e.kind)).toEqual(['updateRadiologyPost', 'notifyOrigin']);
    const events = (await c.store.auditSince(new Date(0))).filter((a) => a.consultId === record.id).map((a) => [a.event, a.channel]);
    expect(events.slice(-4)).toEqual([['handoff:requested', 'slack'], ['refused:claim', 'teams'], ['refused:claim', 'slack'], ['handoff:claimed', 'slack']]);
  });

  it('"New consult" starts the presser\'s own consult and hands the old card back only to someone in its conversation', async () => {
    const c = core();
    const record = await consultTo(c.service, [['suspicion', 'no']]);
    const press = (actor: Press['actor'], conversation: string) => c.presses.handle({ actor, conversation, data: { action: 'new_consult', consultId: record.id, step: 1 } }, port);
    const same = await press({ channel: 'slack', workspace: 'T1', userId: 'U2' }, 'C1');
    expect(same.map((e) => e.kind)).toEqual(['post', 'unchanged']);
    expect(same[1]).toMatchObject({ record: { id: record.id } });
    expect(same[0]).toMatchObject({ record: { channel: 'slack', workspace: 'T1', ownerId: 'U2', conversation: 'C1' } });
    for (const [actor, conversation] of [
      [{ channel: 'teams', workspace: 'tenant-9', userId: 'U1' }, 'C1'],
      [{ channel: 'slack', workspace: 'T2', userId: 'U1' }, 'C1'],
      [{ channel: 'slack', workspace: 'T1', userId: 'U1' }, 'C-elsewhere'],
    ] as const) {
      const effects = await press(actor, conversation);
      expect(effects.map((e) => e.kind)).toEqual(['post']);
      expect(effects[0]).toMatchObject({ record: { channel: actor.channel, workspace: actor.workspace, ownerId: 'U1', conversation } });
    }
  });
});
