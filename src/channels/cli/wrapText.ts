/** Wraps one line at spaces; continuation lines keep its indentation and list marker width. */
function wrapLine(line: string, max: number): string {
  if (line.length <= max) return line;
  const lead = /^\s*/.exec(line)![0];
  const marker = /^(?:[a-z]?\d+\)|!!|[-!*])\s+/.exec(line.slice(lead.length))?.[0] ?? '';
  const indent = lead + ' '.repeat(marker.length);
  const out: string[] = [];
  let current = lead;
  for (const word of line.slice(lead.length).split(/ +/)) {
    if (current.trim() === '') current += word;
    else if (`${current} ${word}`.length <= max) current += ` ${word}`;
    else {
      out.push(current);
      current = indent + word;
    }
  }
  out.push(current);
  return out.join('\n');
}

/**
 * Wraps terminal text to `width` columns (at least 20) at spaces, so long help and outcome lines
 * stay readable in a narrow window. Words longer than the width are left whole, never split.
 */
export function wrapText(text: string, width: number): string {
  const max = Math.max(20, width);
  return text.split('\n').map((line) => wrapLine(line, max)).join('\n');
}

/** Wrapped to the terminal's width when standard output is one; piped output stays as it is for scripts. */
export function toTerminal(text: string, columns: number | undefined = process.stdout.columns): string {
  return columns ? wrapText(text, columns) : text;
}
