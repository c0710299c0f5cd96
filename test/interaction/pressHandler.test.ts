/**
 * The press handler's rules, the same for every channel: what a start, a step, feedback, a hand-off
 * and a claim turn into, what a refusal tells whom, and how runPress delivers and settles effects.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { FollowUpService } from '../../src/consult/followUpService.js';
import { loadContent, PROJECT_ROOT } from '../../src/content/loadContent.js';
import { createFlowEngine } from '../../src/flow/engine.js';
import type { ChannelPort, Delivered, Effect, Press } from '../../src/interaction/effects.js';
import { HANDOFF_TEXT } from '../../src/interaction/handoffText.js';
import { Pathways } from '../../src/interaction/pathways.js';
import { PressHandler, runPress, UNKNOWN_PATHWAY } from '../../src/interaction/pressHandler.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import type { ConsultRecord } from '../../src/store/types.js';
import { testEngine } from '../store/storeHarness.js';

const OWNER = { channel: 'slack', workspace: 'T1', userId: 'U1' } as const;
const style = { startHint: '/spine-consult', mention: (id: string) => `<@${id}>`, mentionStaff: (id: string) => `staff <@${id}>` };
const withRadiology: Pick<ChannelPort, 'style' | 'capabilities'> = { style, capabilities: () => ({ radiology: true }) };
const noRadiology: Pick<ChannelPort, 'style' | 'capabilities'> = { style, capabilities: () => ({ radiology: false }) };
const TO_MRI: Array<[string, string]> = [['suspicion', 'yes'], ['prior_imaging', 'abnormal'], ['neuro', 'none'], ['post_op', 'no'], ['mri_contraindication', 'no'], ['region', 'lumbar']];
const widget = () => createFlowEngine(loadContent('not-clinical-widget', join(PROJECT_ROOT, 'test/fixtures/pathways')));

function core(pathways = Pathways.of(testEngine())) {
  const store = new MemoryStore();
  const service = new ConsultService({ store, pathways, ttlHours: 1 });
  const followUp = new FollowUpService({ store, pathways });
  return { store, service, followUp, presses: new PressHandler({ service, followUp, pathways }) };
}

async function consultTo(service: ConsultService, answers: Array<[string, string]>, conversation = 'C1') {
  let { record } = await service.start({ channel: 'slack', workspace: 'T1', conversation, ownerId: 'U1' });
  for (const [questionId, optionId] of answers) {
    const r = await service.click({ actor: OWNER, data: { action: 'answer', questionId, optionId, consultId: record.id, step: record.step } });
    if (!r.ok) throw new Error(r.reason);
    record = r.record;
  }
  return record;
}

type Settling = Extract<Effect, { settle: unknown }>;
const settling = (effect: Effect | undefined): Settling => {
  if (!effect || !('settle' in effect)) throw new Error(`expected an effect to settle, got ${effect?.kind}`);
  return effect;
};

describe('start', () => {
  it('starts the named pathway in the presser\'s conversation, and saves the message it was posted as', async () => {
    const c = core();
    const [post, ...rest] = await c.presses.handle({ actor: OWNER, conversation: 'C9', data: { action: 'start', pathwayId: testEngine().content.flow.id } }, withRadiology);
    expect(rest).toEqual([]);
    const { record } = settling(post);
    expect(post).toMatchObject({ kind: 'post', record: { channel: 'slack', workspace: 'T1', ownerId: 'U1', conversation: 'C9', flowId: testEngine().content.flow.id } });
    expect(await settling(post).settle({ ref: 'C9:1700000000.000100' })).toEqual([]);
    expect((await c.store.get(record.id))!.messageRef).toBe('C9:1700000000.000100');
  });

  it('leaves the message unsaved when posting produced none', async () => {
    const c = core();
    const [post] = await c.presses.handle({ actor: OWNER, conversation: 'C9', data: { action: 'start' } }, withRadiology);
    expect(await settling(post).settle(undefined)).toEqual([]);
    expect(await settling(post).settle({})).toEqual([]);
    expect((await c.store.get(settling(post).record.id))!.messageRef).toBeNull();
  });

  it('treats a name that is no installed pathway as no name, and offers the pathways when several are installed and none is the default', async () => {
    const one = core();
    const [post] = await one.presses.handle({ actor: OWNER, conversation: 'C1', data: { action: 'start', pathwayId: 'no-such-pathway' } }, withRadiology);
    expect(post).toMatchObject({ kind: 'post', record: { flowId: testEngine().content.flow.id } });
    const several = core(new Pathways([testEngine(), widget()]));
    const offer = await several.presses.handle({ actor: OWNER, conversation: 'C1', data: { action: 'start', pathwayId: 'no-such-pathway' } }, withRadiology);
    expect(offer).toEqual([{ kind: 'choosePathway', pathways: several.presses['deps'].pathways.list().map((p) => ({ id: p.id, title: p.title })) }]);
    expect((offer[0] as Extract<Effect, { kind: 'choosePathway' }>).pathways.map((p) => p.id).sort()).toEqual(['not-clinical-widget', testEngine().content.flow.id]);
    const named = await several.presses.handle({ actor: OWNER, conversation: 'C1', data: { action: 'start', pathwayId: 'not-clinical-widget' } }, withRadiology);
    expect(named[0]).toMatchObject({ kind: 'post', record: { flowId: 'not-clinical-widget' } });
  });

  it('starts nothing from a press with no conversation to post in, and says so', async () => {
    const c = core();
    expect(await c.presses.handle({ actor: OWNER, data: { action: 'start' } }, withRadiology)).toEqual([{ kind: 'tell', text: UNKNOWN_PATHWAY }]);
    expect(UNKNOWN_PATHWAY).toBe('A consult cannot be started from here; nothing was started.');
    expect(await c.store.recentByOwner('slack', 'T1', 'U1', 5)).toEqual([]);
  });

  it('"New consult" on a consult that is gone is a plain start', async () => {
    const c = core();
    expect((await c.presses.handle({ actor: OWNER, conversation: 'C1', data: { action: 'new_consult', consultId: 'gone', step: 0 } }, withRadiology)).map((e) => e.kind)).toEqual(['post']);
  });

  it('"New consult" starts on the old consult\'s pathway, or as a plain start when that pathway is gone', async () => {
    const c = core(new Pathways([testEngine(), widget()]));
    const { record: old } = await c.service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1', pathwayId: 'not-clinical-widget' });
    const again = await c.presses.handle({ actor: OWNER, conversation: 'C1', data: { action: 'new_consult', consultId: old.id, step: 0 } }, withRadiology);
    expect(again[0]).toMatchObject({ kind: 'post', record: { flowId: 'not-clinical-widget' } });
    const { record: other } = await c.service.start({ channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1', pathwayId: 'not-clinical-widget' });
    expect(await c.store.update({ ...other, flowId: 'retired-pathway' }, other.version, null)).toBe(true);
    const offered = await c.presses.handle({ actor: OWNER, conversation: 'C1', data: { action: 'new_consult', consultId: other.id, step: 0 } }, withRadiology);
    expect(offered.map((e) => e.kind)).toEqual(['choosePathway', 'unchanged']);
  });
});

describe('answers and controls', () => {
  it('redraws the consult after an accepted press, saving the message pressed on when none is saved yet', async () => {
    const c = core();
    const record = await consultTo(c.service, []);
    const effects = await c.presses.handle({ actor: OWNER, conversation: 'C1', messageRef: '1700000000.000200', data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } }, withRadiology);
    expect(effects).toEqual([{ kind: 'show', record: await c.store.get(record.id) }]);
    expect((await c.store.get(record.id))!.messageRef).toBe('1700000000.000200');
  });

  it('saves no message from a press that names none', async () => {
    const c = core();
    const record = await consultTo(c.service, []);
    await c.presses.handle({ actor: OWNER, conversation: 'C1', data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } }, withRadiology);
    expect((await c.store.get(record.id))!.messageRef).toBeNull();
  });

  it('saves no message from a press that names no conversation', async () => {
    const c = core();
    const record = await consultTo(c.service, []);
    await c.presses.handle({ actor: OWNER, messageRef: '1700000000.000200', data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } }, withRadiology);
    expect((await c.store.get(record.id))!.messageRef).toBeNull();
  });

  it('redraws the owner\'s consult on a stale press and says why; tells a stranger only why', async () => {
    const c = core();
    const record = await consultTo(c.service, [['suspicion', 'yes']]);
    const stale = { action: 'back', consultId: record.id, step: 0 } as const;
    expect(await c.presses.handle({ actor: OWNER, conversation: 'C1', data: stale }, withRadiology)).toEqual([
      { kind: 'show', record }, { kind: 'tell', text: 'That button is from an earlier step; the consult has moved on. Use the buttons on its current step.' },
    ]);
    expect(await c.presses.handle({ actor: { ...OWNER, userId: 'U2' }, conversation: 'C1', data: stale }, withRadiology)).toEqual([
      { kind: 'tell', text: 'Only <@U1> can answer this one; start your own with /spine-consult.' },
    ]);
  });

  it('hands a repeated press back to its owner unchanged, without a word, and gives a stranger nothing', async () => {
    const c = core();
    const record = await consultTo(c.service, [['suspicion', 'yes']]);
    const repeat = { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } as const;
    expect(await c.presses.handle({ actor: OWNER, conversation: 'C1', data: repeat }, withRadiology)).toEqual([{ kind: 'unchanged', record }]);
  });

  it('says a consult that is gone is no longer available', async () => {
    const c = core();
    expect(await c.presses.handle({ actor: OWNER, data: { action: 'back', consultId: 'gone', step: 0 } }, withRadiology)).toEqual([
      { kind: 'tell', text: 'This consult is no longer available. Start a new one with /spine-consult.' },
    ]);
  });
});

describe('feedback and the radiology hand-off', () => {
  it('records feedback and redraws; refuses a feedback press without a choice as not fitting the step', async () => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    expect(await c.presses.handle({ actor: OWNER, data: { action: 'feedback', consultId: record.id, step: 6 } }, withRadiology)).toEqual([
      { kind: 'tell', text: 'That action does not fit this step of the consult; nothing was changed.' },
    ]);
    const effects = await c.presses.handle({ actor: OWNER, data: { action: 'feedback', choice: 'something_else', reason: 'availability', consultId: record.id, step: 6 } }, withRadiology);
    const saved = (await c.store.get(record.id))!;
    expect(effects).toEqual([{ kind: 'show', record: saved }]);
    expect(saved.followUp?.feedback).toMatchObject({ choice: 'something_else', reason: 'availability' });
  });

  it('posts the hand-off with the consult\'s summary, then shows it sent', async () => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    const [post] = await c.presses.handle({ actor: OWNER, data: { action: 'handoff', consultId: record.id, step: 6 } }, withRadiology);
    expect(post).toMatchObject({ kind: 'postToRadiology', summary: c.followUp.summary(record) });
    expect(settling(post).record.id).toBe(record.id);
    const after = await settling(post).settle({ ref: 'CRAD:1.1', originRef: 'origin-1' });
    const saved = (await c.store.get(record.id))!;
    expect(after).toEqual([{ kind: 'show', record: saved }]);
    expect(saved.followUp?.handoff).toMatchObject({ postRef: 'CRAD:1.1', originRef: 'origin-1' });
  });

  it('gives the reservation back when the post failed, and says so', async () => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    const [post] = await c.presses.handle({ actor: OWNER, data: { action: 'handoff', consultId: record.id, step: 6 } }, withRadiology);
    expect(await settling(post).settle(undefined)).toEqual([{ kind: 'tell', text: HANDOFF_TEXT.postFailed }]);
    const [again] = await c.presses.handle({ actor: OWNER, data: { action: 'handoff', consultId: record.id, step: 6 } }, withRadiology);
    expect(again).toMatchObject({ kind: 'postToRadiology' });
  });

  it('sends nothing where no radiology channel is set up, and refuses a hand-off on a consult that is gone', async () => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    expect(await c.presses.handle({ actor: OWNER, data: { action: 'handoff', consultId: record.id, step: 6 } }, noRadiology)).toEqual([
      { kind: 'tell', text: 'No radiology channel is set up, so nothing was sent.' },
    ]);
    expect(await c.presses.handle({ actor: OWNER, data: { action: 'handoff', consultId: 'gone', step: 6 } }, withRadiology)).toEqual([
      { kind: 'tell', text: 'This consult is no longer available. Start a new one with /spine-consult.' },
    ]);
  });

  it('updates the radiology post and tells the consult\'s conversation on a claim; a second claim names who took it', async () => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    const [post] = await c.presses.handle({ actor: OWNER, data: { action: 'handoff', consultId: record.id, step: 6 } }, withRadiology);
    await settling(post).settle({ ref: 'CRAD:1.1' });
    const claim = (userId: string, userName?: string) =>
      c.presses.handle({ actor: { ...OWNER, userId }, fromRadiology: true, ...(userName ? { userName } : {}), data: { action: 'claim', consultId: record.id, step: 6 } }, withRadiology);
    const taken = await claim('R1', 'Dr Rad');
    const saved = (await c.store.get(record.id))!;
    expect(taken).toEqual([
      { kind: 'updateRadiologyPost', record: saved, summary: c.followUp.summary(saved) },
      { kind: 'notifyOrigin', record: saved },
    ]);
    expect(saved.followUp?.handoff).toMatchObject({ claimedBy: 'R1', claimedByName: 'Dr Rad' });
    expect(await claim('R2')).toEqual([{ kind: 'tell', text: 'Dr Rad has already taken this one; thank you. Nothing was changed.' }]);
  });

  it('names a colleague who claimed without a display name the channel\'s way', async () => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    const [post] = await c.presses.handle({ actor: OWNER, data: { action: 'handoff', consultId: record.id, step: 6 } }, withRadiology);
    await settling(post).settle({ ref: 'CRAD:1.1' });
    const claim = (userId: string) => c.presses.handle({ actor: { ...OWNER, userId }, fromRadiology: true, data: { action: 'claim', consultId: record.id, step: 6 } }, withRadiology);
    await claim('R1');
    expect(await claim('R2')).toEqual([{ kind: 'tell', text: 'staff <@R1> has already taken this one; thank you. Nothing was changed.' }]);
    // A channel that cannot name someone from an id alone says "Someone".
    const plain = { style: { startHint: '/spine-consult', mention: style.mention }, capabilities: () => ({ radiology: true }) };
    expect(await c.presses.handle({ actor: { ...OWNER, userId: 'R3' }, fromRadiology: true, data: { action: 'claim', consultId: record.id, step: 6 } }, plain))
      .toEqual([{ kind: 'tell', text: 'Someone has already taken this one; thank you. Nothing was changed.' }]);
  });
});

describe('runPress', () => {
  /** A port that records what it delivered; posts produce `ref` (or fail when it is 'fail'). */
  const recordingPort = (ref: string | 'fail') => {
    const delivered: string[] = [];
    const port = {
      ...withRadiology,
      async deliver(effect: Effect): Promise<Delivered | void> {
        delivered.push(effect.kind);
        if (effect.kind === 'post' || effect.kind === 'postToRadiology') {
          if (ref === 'fail') throw new Error('platform down');
          return { ref };
        }
      },
    } as unknown as ChannelPort;
    return { port, delivered };
  };

  it('delivers every effect after the core decided, and what a post produced settles it', async () => {
    const c = core();
    const { port, delivered } = recordingPort('C1:1.1');
    const order: string[] = [];
    await runPress(c.presses, port, { actor: OWNER, conversation: 'C1', data: { action: 'start' } }, async () => { order.push(`decided after ${delivered.length} deliveries`); });
    expect(order).toEqual(['decided after 0 deliveries']);
    expect(delivered).toEqual(['post']);
    const [record] = await c.store.recentByOwner('slack', 'T1', 'U1', 1) as ConsultRecord[];
    expect(record!.messageRef).toBe('C1:1.1');
  });

  it('settles a failed post as nothing delivered, and delivers what that settling returns', async () => {
    const c = core();
    const record = await consultTo(c.service, TO_MRI);
    const { port, delivered } = recordingPort('fail');
    await runPress(c.presses, port, { actor: OWNER, data: { action: 'handoff', consultId: record.id, step: 6 } });
    expect(delivered).toEqual(['postToRadiology', 'tell']);
    expect((await c.store.get(record.id))!.followUp?.handoff).toBeUndefined();
  });
});
