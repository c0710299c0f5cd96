import type { Rules } from './schema.js';
import type { Problem, RawContent } from './parseContent.js';
import { foldText as fold } from './checkCitations.js';

/**
 * The article named on every outcome must be the one in the source text: its title is the first
 * line, its reviewer and review date appear there, and `reviewDate` is the same day. A new source
 * text with another review date fails here until criteria.yaml is updated (no stale attribution).
 */
export function checkAttribution(criteria: Rules['criteria'], raw: RawContent, problems: Problem[]): void {
  const file = raw.rules.criteria.file;
  const source = fold(raw.source.text);
  // split always yields at least one line.
  const firstLine = fold(raw.source.text.split(/\r?\n/)[0]!);
  const { title, reviewer, reviewed } = criteria.article;
  if (fold(title) !== firstLine) problems.push({ file, path: ['article', 'title'], message: `is not the title of ${raw.source.file}` });
  for (const [key, value] of [['reviewer', reviewer], ['reviewed', reviewed]] as const) {
    if (!source.includes(fold(value))) problems.push({ file, path: ['article', key], message: `"${value}" does not appear in ${raw.source.file}` });
  }
  const parsed = new Date(`${reviewed} 12:00 UTC`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== criteria.reviewDate) {
    problems.push({ file, path: ['reviewDate'], message: `${criteria.reviewDate} is not the article's review date "${reviewed}"` });
  }
}
