/** A bot command from the manifest's command list. */
export type Command = 'start' | 'help' | 'set-radiology';

const START = new Set(['consult', 'start', 'new consult', 'start consult', 'start a consult']);
const HELP = new Set(['help', '?']);

/**
 * Reads a command from message text whose @mention was already removed; undefined for anything
 * else (free text, which the caller must neither log nor store).
 */
export function parseCommand(text: string): Command | undefined {
  const t = text.trim().toLowerCase().replace(/^\/+/, '').replace(/[.!]+$/, '').replace(/\s+/g, ' ');
  if (START.has(t)) return 'start';
  if (HELP.has(t)) return 'help';
  if (t === 'set radiology channel') return 'set-radiology';
  return undefined;
}
