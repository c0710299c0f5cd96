/**
 * Try the FAQ search from a terminal: `npm run faq -- "can the mri wait till monday"`.
 * Prints the matched entry id and score with the answer, or the "not sure" reply with its
 * suggestions, or the help text, exactly as a channel would receive them. The question
 * itself is not echoed, as in the bot.
 */
import { loadContent } from '../content/loadContent.js';
import type { FaqView } from '../flow/viewTypes.js';
import { createFaqIndex, type FaqReply } from './faqIndex.js';

const USAGE = `Usage: npm run faq -- "your question"
  Prints what the bot would answer in a direct message: the matched entry and its score,
  or the closest topics when it is not sure. Never type patient details.`;

/** Renders a reply as plain text lines for the terminal. */
export function formatReply(reply: FaqReply): string {
  const lines: string[] = [];
  const view: FaqView = reply.view;
  switch (view.kind) {
    case 'faq':
      lines.push(`match: ${view.faqId} (score ${reply.match ? reply.match.score.toFixed(2) : '-'})`);
      lines.push('', view.question, view.answer, `Source: ${view.section}`);
      if (view.related.length > 0) {
        lines.push('', 'Related:', ...view.related.map((t) => `  - ${t.title} [${t.faqId}]`));
      }
      lines.push('', `${view.criteria.name} (${view.criteria.variant}), reviewed ${view.criteria.reviewDate}`);
      break;
    case 'faq-none':
      lines.push(`match: none${reply.unsure ? ` (${reply.unsure})` : ''}`, '', view.text);
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

/** Runs the CLI with the given arguments (joined as one question); returns the exit code. */
export function main(args: readonly string[]): number {
  const text = args.join(' ').trim();
  if (args[0] === '--help' || args[0] === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (!text) {
    console.error(USAGE);
    return 2;
  }
  try {
    const faq = createFaqIndex(loadContent());
    console.log(formatReply(faq.ask(text)));
    return 0;
  } catch (err) {
    // Broken rules data: print the loader's message, which names the file and the path.
    console.error((err as Error).message);
    return 1;
  }
}

// Run only when executed directly (tsx src/faq/faqCli.ts), not when imported by tests.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  process.exitCode = main(process.argv.slice(2));
}
