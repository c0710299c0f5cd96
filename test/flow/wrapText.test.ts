import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/channels/cli/wrapText.js';

describe('wrapText', () => {
  it('wraps at spaces to the width, keeping the indentation of list items', () => {
    const text = '    Signs: new or worsening focal back pain, fever, raised ESR or CRP.\n  2) Severe or progressing deficit needing emergent evaluation today';
    const wrapped = wrapText(text, 30);
    expect(wrapped.split('\n').every((l) => l.length <= 30)).toBe(true);
    expect(wrapped).toBe([
      '    Signs: new or worsening',
      '    focal back pain, fever,',
      '    raised ESR or CRP.',
      '  2) Severe or progressing',
      '     deficit needing emergent',
      '     evaluation today',
    ].join('\n'));
  });

  it('leaves short lines and blank lines alone, and never splits a long word', () => {
    expect(wrapText('short\n\nline', 40)).toBe('short\n\nline');
    expect(wrapText(`${'x'.repeat(50)} end`, 30)).toBe(`${'x'.repeat(50)}\nend`);
  });
});

describe('toTerminal', () => {
  it('wraps to the terminal width, and leaves piped output (no width) as it is for scripts', async () => {
    const { toTerminal } = await import('../../src/channels/cli/wrapText.js');
    const line = 'word '.repeat(30).trim();
    expect(toTerminal(line, 40).split('\n').every((l) => l.length <= 40)).toBe(true);
    expect(toTerminal(line, undefined)).toBe(line);
  });
});
