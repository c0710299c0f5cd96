import type { Citation } from './schema.js';
import type { Problem } from './parseContent.js';

/** Folds typographic quotes, dashes, case and spacing, so content matches the source text as written. */
export function foldText(s: string): string {
  const spaced = s
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  // Stryker disable next-line MethodExpression: folding both sides to upper case compares just as well
  return spaced.toLowerCase();
}

/**
 * Checks that every citation names a heading of the source (a line that starts with `section`)
 * and that its quote appears in the source under that heading, before the next cited heading.
 */
export function checkCitations(
  citations: Array<{ file: string; path: PropertyKey[]; citation: Citation }>,
  source: { file: string; text: string },
  problems: Problem[],
): void {
  const lines = source.text.split(/\r?\n/).map(foldText);
  const whole = foldText(source.text);
  // Every line some citation names as its section is a heading; a quote must sit before the next one.
  const headingAt = new Set(citations.map((c) => lines.findIndex((l) => l.startsWith(foldText(c.citation.section)))));
  for (const { file, path, citation } of citations) {
    const section = foldText(citation.section);
    const quote = foldText(citation.quote);
    const at = lines.findIndex((l) => l.startsWith(section));
    if (at < 0) {
      problems.push({ file, path: [...path, 'section'], message: `"${citation.section}" is not a heading of ${source.file}` });
    } else if (!whole.includes(quote)) {
      problems.push({ file, path: [...path, 'quote'], message: `"${citation.quote}" does not appear in ${source.file}` });
    } else if (!lines.slice(at, nextHeading(headingAt, at, lines.length)).join(' ').includes(quote)) {
      problems.push({ file, path: [...path, 'quote'], message: `"${citation.quote}" does not appear under "${citation.section}"` });
    }
  }
}

function nextHeading(headings: Set<number>, at: number, end: number): number {
  let next = end;
  // Stryker disable next-line EqualityOperator: h never equals next (headings are distinct line indexes, all below the end)
  for (const h of headings) if (h > at && h < next) next = h;
  return next;
}
