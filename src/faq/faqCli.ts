/**
 * Ask the FAQ from a terminal. The way to use it: put the question on standard input, so it never
 * appears in a command line, shell history or npm's own log:
 *   echo "can the mri wait till monday" | npm run -s faq
 *   echo "can the mri wait till monday" | npm run -s faq -- --json
 * A question given as arguments (`npm run faq -- "..."`) still works, but npm records its command
 * line in its debug log. Prints the reply exactly as a channel would receive it (or as JSON with
 * --json); the question itself is never echoed, as in the bot.
 */
import { loadContent } from '../content/loadContent.js';
import type { FaqView } from '../flow/viewTypes.js';
import { createFaqIndex, type FaqReply } from './faqIndex.js';

const USAGE = `Usage: npm run -s faq [-- --json] < question   (or: echo "your question" | npm run -s faq)
  Prints what the bot would answer in a direct message: the matched entry and its score, or the
  closest topics when it is not sure (--json: the reply as JSON). Read from standard input, the
  question reaches no command line, shell history or npm log. Never type patient details.`;

/** Renders a reply as plain text lines for the terminal. */
export function formatReply(reply: FaqReply): string {
  const lines: string[] = [];
  const view: FaqView = reply.view;
  switch (view.kind) {
    case 'faq':
      lines.push(`match: ${view.faqId} (score ${reply.match ? reply.match.score.toFixed(2) : '-'}${reply.intent ? `, intent ${reply.intent}` : ''})`);
      lines.push('', view.question, view.answer, `Source: ${view.section}`);
      if (view.notices?.length) lines.push('', ...view.notices);
      if (view.related.length > 0) {
        lines.push('', 'Related:', ...view.related.map((t) => `  - ${t.title} [${t.faqId}]`));
      }
      lines.push('', `${view.criteria.name} (${view.criteria.variant}), reviewed ${view.criteria.reviewDate}`);
      break;
    case 'faq-none':
      lines.push(`match: none${reply.unsure ? ` (${reply.unsure})` : ''}`, '', view.text);
      if (view.notices?.length) lines.push('', ...view.notices);
      if (view.suggestions.length > 0) {
        lines.push('', 'Topics:', ...view.suggestions.map((t) => `  - ${t.title} [${t.faqId}]`));
      }
      break;
    case 'help':
      lines.push('match: help', '', view.title, ...view.paragraphs.map((p) => `\n${p}`), '', view.disclaimer);
      break;
  }
  return lines.join('\n');
}

/** The reply as JSON: the view and why it was chosen; never the question. */
export function formatJson(reply: FaqReply): string {
  const { view, match, unsure, intent, identifier } = reply;
  return JSON.stringify({ view, match, unsure, intent, identifier }, null, 2);
}

/** Options and question words of a command line: `--json` is an option, `--` ends the options. */
export function parseArgs(args: readonly string[]): { json: boolean; help: boolean; words: string[] } {
  const words: string[] = [];
  let json = false;
  let help = false;
  let options = true;
  for (const a of args) {
    if (options && a === '--') options = false;
    else if (options && a === '--json') json = true;
    else if (options && (a === '--help' || a === '-h')) help = true;
    else words.push(a);
  }
  return { json, help, words };
}

/** Reads all of standard input as text. */
async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs the CLI; returns the exit code. The question comes from the arguments, or from standard
 * input when there are none and input is not a terminal.
 */
export async function main(args: readonly string[], stdin: NodeJS.ReadStream = process.stdin): Promise<number> {
  const { json, help, words } = parseArgs(args);
  if (help) {
    console.log(USAGE);
    return 0;
  }
  let text = words.join(' ').trim();
  if (!text && !stdin.isTTY) text = (await readStdin(stdin)).trim();
  if (!text) {
    console.error(USAGE);
    return 2;
  }
  try {
    const faq = createFaqIndex(loadContent());
    const reply = faq.ask(text);
    console.log(json ? formatJson(reply) : formatReply(reply));
    return 0;
  } catch (err) {
    // Broken rules data: print the loader's message, which names the file and the path.
    console.error((err as Error).message);
    return 1;
  }
}

// Run only when executed directly (tsx src/faq/faqCli.ts), not when imported by tests.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
