import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startFlags } from '../../bench/processes.js';

describe('start command', () => {
  it('the Dockerfile CMD runs the server exactly as `npm start` does, and the bench starts the bot with the same node flags', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))![1]) as string[];
    expect(['exec', ...cmd].join(' ')).toBe(start);
    expect(cmd).toEqual(['node', ...startFlags(), '--import', 'tsx', 'src/main.ts']);
  });
});
