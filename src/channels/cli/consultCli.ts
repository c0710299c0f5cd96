import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadContent } from '../../content/loadContent.js';
import { createFlowEngine, type FlowEngine, type PersistedConsult } from '../../flow/engine.js';
import type { ConsultEvent } from '../../flow/buildMachine.js';
import { renderText } from './renderText.js';
import { AnswersError, parseAnswers, runScripted } from './scriptedConsult.js';

const USAGE = `Usage: npm run consult [-- --answers q=option,q=option,... [--json]]
  Without --answers the consult asks each question: type the option's number,
  b = back, r = restart, q = quit.
  --answers  answer without prompts, e.g. suspicion=yes,prior_imaging=abnormal,neuro=none,...
  --json     print {"flow", "outcome", "answers", "view"} as JSON (with --answers)`;

/** Prints the finished consult as text or as the JSON document scripts rely on. */
function report(engine: FlowEngine, consult: PersistedConsult, json: boolean): void {
  const view = engine.view(consult);
  if (!json) return void console.log(renderText(view));
  const answers = Object.fromEntries(consult.context.answers.map((a) => [a.questionId, a.optionId]));
  const flow = { id: consult.flowId, version: consult.flowVersion };
  console.log(JSON.stringify({ flow, outcome: engine.outcomeId(consult) ?? null, answers, view }, null, 2));
}

/** Asks the questions one by one on the terminal. */
async function interactive(engine: FlowEngine): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  let consult = engine.start();
  try {
    for (;;) {
      const view = engine.view(consult);
      console.log(`\n${renderText(view)}`);
      let event: ConsultEvent | undefined;
      if (view.kind === 'question') {
        const input = (await rl.question('> ')).trim().toLowerCase();
        const n = Number(input);
        if (input === 'q') return;
        if (input === 'b') event = { type: 'BACK' };
        else if (input === 'r') event = { type: 'RESTART' };
        else if (Number.isInteger(n) && n >= 1 && n <= view.question.options.length) {
          event = { type: 'ANSWER', questionId: view.question.id, optionId: view.question.options[n - 1].id };
        } else {
          console.log(`Type a number from 1 to ${view.question.options.length}, b, r or q.`);
          continue;
        }
      } else if (view.kind === 'outcome' && view.controls.recordResult) {
        const input = (await rl.question('\nRecord the MRI result now? (y = yes, b = back, anything else quits) ')).trim().toLowerCase();
        if (input === 'y') event = { type: 'RECORD_RESULT' };
        else if (input === 'b') event = { type: 'BACK' };
        else return;
      } else return;
      const result = engine.apply(consult, event);
      if (result.ok) consult = result.next;
      else console.log(event.type === 'BACK' ? 'Nothing to go back to.' : 'That does not fit this step.');
    }
  } finally {
    rl.close();
  }
}

/** Entry point: `npm run consult`. */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { answers: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) return console.log(USAGE), 0;
  const engine = createFlowEngine(loadContent());
  if (args.answers === undefined) {
    if (args.json) return console.error(`--json needs --answers\n${USAGE}`), 2;
    await interactive(engine);
    return 0;
  }
  try {
    report(engine, runScripted(engine, parseAnswers(engine, args.answers)), Boolean(args.json));
    return 0;
  } catch (err) {
    if (err instanceof AnswersError) return console.error(`error: ${err.message}`), 2;
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((err: Error) => {
  console.error(err.name === 'ContentError' ? err.message : err);
  return 1;
});
