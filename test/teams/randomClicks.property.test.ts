import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickDataSchema } from '../../src/consult/clickData.js';
import { executeActivity, OTHER, OWNER, startTeamsBot, submitActivity, type TeamsTestBot } from './teamsHarness.js';

/**
 * Random card data, posted as Action.Execute and as Action.Submit, changes the consult only when it
 * is exactly a valid press by its owner on its current step; everything else leaves the store as it was.
 */
describe('Teams: random card data changes no consult unless the click is valid', () => {
  let bot: TeamsTestBot;
  beforeAll(async () => { bot = await startTeamsBot(); });
  afterAll(async () => { await bot.close(); });

  /** A fresh consult at question 2, shown on a message, as a real conversation leaves it. */
  async function freshConsult(): Promise<string> {
    const { record } = await bot.server.service.start({ channel: 'teams', workspace: 'tenant-1', conversation: 'a:1personal-owner', ownerId: OWNER.id });
    const shown = await bot.server.service.attachMessage(record, 'bot-activity-x');
    const moved = await bot.server.service.click({ actor: { channel: 'teams', workspace: 'tenant-1', userId: OWNER.id }, data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: shown.id, step: shown.step } });
    if (!moved.ok) throw new Error('setup failed');
    return shown.id;
  }

  const ids = ['suspicion', 'prior_imaging', 'neuro', 'yes', 'no', 'abnormal', 'none', 'x', '', '../', 'é'];
  const anything = fc.record({
    action: fc.oneof(fc.constantFrom('answer', 'back', 'restart', 'cancel', 'change', 'record_result', 'new_consult', 'faq_topic', 'start_consult', 'delete'), fc.string()),
    questionId: fc.constantFrom(...ids),
    optionId: fc.constantFrom(...ids),
    consultId: fc.oneof(fc.constant('THIS'), fc.uuid(), fc.string(), fc.integer()),
    step: fc.oneof(fc.constant('NOW'), fc.constantFrom(0, 1, 2), fc.integer(), fc.double(), fc.string()),
    extra: fc.jsonValue(),
  }, { requiredKeys: [] });
  // Well-formed presses on this consult's current step, so valid ones occur often enough to matter.
  const wellFormed = fc.record({
    action: fc.constantFrom('answer', 'back', 'restart', 'cancel', 'change', 'record_result', 'new_consult'),
    questionId: fc.constantFrom(...ids),
    optionId: fc.constantFrom(...ids),
    consultId: fc.constant('THIS'),
    step: fc.constant('NOW'),
  }, { requiredKeys: ['action', 'consultId', 'step'] });
  const dataArb = fc.oneof(anything, wellFormed);

  let moved = 0;
  it('holds for Action.Execute and Action.Submit, from the owner or someone else', async () => {
    await fc.assert(fc.asyncProperty(dataArb, fc.boolean(), fc.boolean(), async (raw, viaSubmit, byOwner) => {
      const consultId = await freshConsult();
      const before = await bot.server.service.get(consultId);
      // Sentinels keep the consult's own id and current step likely, so valid presses do occur.
      const data = { ...raw, ...(raw.consultId === 'THIS' ? { consultId } : {}), ...(raw.step === 'NOW' ? { step: before!.step } : {}) };
      const who = byOwner ? OWNER : OTHER;
      const activity = viaSubmit
        ? submitActivity(data, 'bot-activity-x', who)
        : executeActivity({ verb: data.action, data }, 'bot-activity-x', who);
      const res = await bot.post(activity);
      expect(res.status).toBeLessThan(500);
      const after = await bot.server.service.get(consultId);

      const parsed = ClickDataSchema.safeParse(data);
      const valid = parsed.success && byOwner && parsed.data.consultId === consultId
        && parsed.data.step === before!.step && parsed.data.action !== 'new_consult';
      if (!valid || after!.version === before!.version) {
        expect(after).toEqual(before);
      } else {
        // A valid press moved the consult exactly one saved step, and said which event it was.
        expect(after!.version).toBe(before!.version + 1);
        expect(after!.lastEventKey).toMatch(new RegExp(`^${before!.step}:.+:${OWNER.id}$`));
        moved++;
      }
    }), { numRuns: 150 });
    // Some generated presses were valid and did move a consult, so both branches were exercised.
    expect(moved).toBeGreaterThan(0);
  });

  it('a valid press from the generator space does move the consult (the property is not vacuous)', async () => {
    const consultId = await freshConsult();
    const before = await bot.server.service.get(consultId);
    const data = { action: 'answer', questionId: 'prior_imaging', optionId: 'abnormal', consultId, step: before!.step };
    const res = await bot.post(executeActivity({ verb: 'answer', data }, 'bot-activity-x'));
    expect(res.body.statusCode).toBe(200);
    expect((await bot.server.service.get(consultId))!.version).toBe(before!.version + 1);
  });
});
