import { describe, expect, it } from 'vitest';
import { ConsultService } from '../../src/consult/consultService.js';
import { UnknownPathwayError } from '../../src/consult/engineLookup.js';
import { composeView } from '../../src/interaction/composeView.js';
import { Pathways } from '../../src/interaction/pathways.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { copyPathway, pathwayRoot } from '../support/copyPathway.js';

const SHIPPED = 'spine-infection-abnormal-imaging';
const WHERE = { channel: 'slack', workspace: 'T1', conversation: 'C1', ownerId: 'U1' } as const;

describe('pathway registry', () => {
  it('installs every flows/*.yaml with its rules folder; the file name is the id; one installed pathway is the default', () => {
    expect(Pathways.load().ids()).toEqual([SHIPPED]);
    expect(Pathways.load().defaultId).toBe(SHIPPED);
    const root = pathwayRoot();
    copyPathway(root, 'copy-of-spine');
    const both = Pathways.load({ roots: [root] });
    expect(both.ids()).toEqual(['copy-of-spine', SHIPPED]);
    expect(both.get('copy-of-spine')!.content.flow.id).toBe('copy-of-spine');
    // Two installed and none configured: nobody guesses; the user (or DEFAULT_PATHWAY) chooses.
    expect(both.defaultId).toBeUndefined();
    expect(Pathways.load({ roots: [root], defaultId: SHIPPED }).defaultId).toBe(SHIPPED);
    expect(() => Pathways.load({ roots: [root], defaultId: 'nope' })).toThrow('DEFAULT_PATHWAY: no pathway "nope" is installed');
  });

  it('stops with a message naming the broken file', () => {
    const root = pathwayRoot();
    copyPathway(root, 'broken', { edit: (yaml) => yaml.replace('next: prior_imaging', 'next: nowhere') });
    expect(() => Pathways.load({ roots: [root] })).toThrow(new RegExp(`Pathway ${root}/flows/broken.yaml cannot be installed:\\n[\\s\\S]*  flows/broken.yaml: questions\\[0\\].options\\[0\\].next: unknown next question or outcome "nowhere"`));
  });

  it('starts on a named pathway, refuses an unknown one, and keeps drawing a consult while another pathway is installed', async () => {
    const root = pathwayRoot();
    copyPathway(root, 'second', { edit: (yaml) => yaml.replace('prompt: Do you clinically suspect a spine infection?', 'prompt: Second pathway first question?') });
    const store = new MemoryStore();
    const before = new ConsultService({ store, pathways: Pathways.load(), ttlHours: 1 });
    const { record } = await before.start(WHERE);
    expect(record.flowId).toBe(SHIPPED);

    const pathways = Pathways.load({ roots: [root] });
    const after = new ConsultService({ store, pathways, ttlHours: 1 });
    await expect(after.start(WHERE)).rejects.toThrow(UnknownPathwayError);
    await expect(after.start({ ...WHERE, pathwayId: 'nope' })).rejects.toThrow('no pathway "nope" is installed');
    const second = await after.start({ ...WHERE, pathwayId: 'second' });
    expect(second.record.flowId).toBe('second');
    expect(composeView(pathways.forConsult('second'), second.record, { radiology: false })).toMatchObject({ question: { prompt: 'Second pathway first question?' } });

    const old = (await store.get(record.id))!;
    expect(composeView(pathways.forConsult(old.flowId), old, { radiology: false })).toMatchObject({ kind: 'question', question: { prompt: 'Do you clinically suspect a spine infection?' } });
    const clicked = await after.click({ actor: { channel: 'slack', workspace: 'T1', userId: 'U1' }, data: { action: 'answer', questionId: 'suspicion', optionId: 'yes', consultId: record.id, step: 0 } });
    expect(clicked).toMatchObject({ ok: true, record: { flowId: SHIPPED, step: 1 } });
  });
});
