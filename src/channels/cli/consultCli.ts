import { parseArgs } from 'node:util';
import type { PersistedConsult } from '../../flow/engine.js';
import { composeView } from '../../interaction/composeView.js';
import { Pathways, type Pathway } from '../../interaction/pathways.js';
import { interactiveConsult } from './interactiveConsult.js';
import { renderText } from './renderText.js';
import { toTerminal } from './wrapText.js';
import { AnswersError, parseAnswers, runScripted } from './scriptedConsult.js';

const USAGE = `Usage: npm run consult [-- [--flow <pathway>] --answers q=option,q=option,... [--json]]
  Without --answers the consult asks each question: type the option's number,
  b = back, r = restart, q = quit.
  --flow     the pathway to run (flows/<id>.yaml); default: the only or DEFAULT_PATHWAY
  --answers  answer without prompts, e.g. question=option,question=option,...
  --json     print {"flow", "outcome", "answers", "view"} as JSON (with --answers)`;

/** Prints the finished consult as text or as the JSON document scripts rely on. */
function report(pathway: Pathway, consult: PersistedConsult, json: boolean): void {
  const view = composeView(pathway, { snapshot: consult }, { radiology: false });
  if (!json) return void console.log(toTerminal(renderText(view)));
  const answers = Object.fromEntries(consult.context.answers.map((a) => [a.questionId, a.optionId]));
  const flow = { id: consult.flowId, version: consult.flowVersion };
  console.log(JSON.stringify({ flow, outcome: pathway.engine.outcomeId(consult) ?? null, answers, view }, null, 2));
}

/** The installed pathways, as the server would install them (PATHWAY_DIRS, DEFAULT_PATHWAY). */
function installed(): Pathways {
  const roots = (process.env.PATHWAY_DIRS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return Pathways.load({ roots, ...(process.env.DEFAULT_PATHWAY ? { defaultId: process.env.DEFAULT_PATHWAY } : {}) });
}

/** Entry point: `npm run consult`. */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { flow: { type: 'string' }, answers: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) return console.log(USAGE), 0;
  const pathways = installed();
  const id = args.flow ?? pathways.defaultId;
  const pathway = id === undefined ? undefined : pathways.get(id);
  if (!pathway) {
    console.error(`error: ${id === undefined ? 'several pathways are installed; choose one with --flow' : `no pathway "${id}"`}; installed: ${pathways.ids().join(', ')}`);
    return 2;
  }
  if (args.answers === undefined) {
    if (args.json) return console.error(`--json needs --answers\n${USAGE}`), 2;
    await interactiveConsult(pathways, pathway);
    return 0;
  }
  try {
    const { consult, notAsked } = runScripted(pathway.engine, parseAnswers(pathway.engine, args.answers));
    if (notAsked.length) console.error(`note: the flow never reaches ${notAsked.join(', ')} with these answers, so they were not used (it ended at "${consult.value}")`);
    report(pathway, consult, Boolean(args.json));
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
