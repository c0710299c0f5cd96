import { createInterface } from 'node:readline/promises';
import type { ClickData } from '../../consult/clickData.js';
import { ConsultService } from '../../consult/consultService.js';
import { FollowUpService } from '../../consult/followUpService.js';
import { composeView, type ComposedView } from '../../interaction/composeView.js';
import type { Pathway, Pathways } from '../../interaction/pathways.js';
import { MemoryStore } from '../../store/memoryStore.js';
import type { ConsultRecord } from '../../store/types.js';
import { renderText } from './renderText.js';
import { toTerminal } from './wrapText.js';

/** The terminal's one user and place: the consult lives in memory for this run only. */
const WHERE = { channel: 'cli', workspace: 'local', conversation: 'terminal', ownerId: 'terminal-user' } as const;
const ME = { channel: WHERE.channel, workspace: WHERE.workspace, userId: WHERE.ownerId };

/** What a typed key asks for at this view; undefined for "quit", a string for "say this and ask again". */
function readKey(view: ComposedView, input: string): Omit<ClickData, 'consultId' | 'step'> | string | undefined {
  const n = Number(input);
  if (input === 'q') return undefined;
  // No "b" where there is nothing to go back to (the first question): it would only say so.
  if (input === 'b' && view.controls.back) return { action: 'back' };
  if (input === 'r') return { action: 'restart' };
  if (view.kind === 'question') {
    if (Number.isInteger(n) && n >= 1 && n <= view.question.options.length) {
      return { action: 'answer', questionId: view.question.id, optionId: view.question.options[n - 1].id };
    }
    return `Type a number from 1 to ${view.question.options.length}, ${view.controls.back ? 'b, ' : ''}r or q.`;
  }
  const pick = /^([fr])(\d+)$/.exec(input);
  const f = view.kind === 'outcome' ? view.feedback : undefined;
  if (pick && f && pick[1] === 'f' && f.choices[Number(pick[2]) - 1]) return { action: 'feedback', choice: f.choices[Number(pick[2]) - 1].id as ClickData['choice'] };
  if (pick && f && pick[1] === 'r' && f.reasons[Number(pick[2]) - 1]) {
    return { action: 'feedback', choice: 'something_else', reason: f.reasons[Number(pick[2]) - 1].id as ClickData['reason'] };
  }
  if (input === 'y' && view.buttons.some((b) => b.action === 'record_result')) return { action: 'record_result' };
  return undefined;
}

/** Asks the questions one by one on the terminal, through the same core as every other channel. */
export async function interactiveConsult(pathways: Pathways, pathway: Pathway): Promise<void> {
  const store = new MemoryStore();
  const service = new ConsultService({ store, pathways, ttlHours: 24 });
  const followUp = new FollowUpService({ store, pathways });
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  let { record }: { record: ConsultRecord } = await service.start({ ...WHERE, pathwayId: pathway.id });
  try {
    for (;;) {
      const view = composeView(pathway, record, { radiology: false });
      console.log(`\n${toTerminal(renderText(view, { interactive: true }))}`);
      if (view.kind === 'notice') return;
      const reopen = view.buttons.find((b) => b.action === 'record_result');
      const hint = view.kind === 'outcome' ? `\n${reopen ? `y = ${reopen.label.toLowerCase()}, ` : ''}${view.feedback && !view.feedback.recorded ? 'f<n>/r<n> = feedback, ' : ''}b = back, anything else quits ` : '> ';
      const key = readKey(view, (await rl.question(hint)).trim().toLowerCase());
      if (key === undefined) return;
      if (typeof key === 'string') { console.log(key); continue; }
      const data = { ...key, consultId: record.id, step: record.step } as ClickData;
      const result = data.action === 'feedback'
        ? await followUp.feedback({ consultId: record.id, step: record.step, actor: ME, choice: data.choice!, ...(data.reason ? { reason: data.reason } : {}) })
        : await service.click({ actor: ME, data });
      if (result.ok) record = result.record;
      else console.log(data.action === 'back' ? 'Nothing to go back to.' : 'That does not fit this step.');
    }
  } finally {
    rl.close();
  }
}
