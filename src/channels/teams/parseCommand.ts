import { isPathwayId } from '../../consult/clickData.js';

/** A bot command from the manifest's command list; `consult <pathway>` names the pathway to start. */
export type Command = { kind: 'start'; pathwayId?: string } | { kind: 'help' } | { kind: 'set-radiology' };

const START = new Set(['consult', 'start', 'new consult', 'start consult', 'start a consult']);
const HELP = new Set(['help', '?']);

/**
 * Reads a command from message text whose @mention was already removed; undefined for anything
 * else (free text, which the caller must neither log nor store).
 */
export function parseCommand(text: string): Command | undefined {
  const t = text.trim().toLowerCase().replace(/^\/+/, '').replace(/[.!]+$/, '').replace(/\s+/g, ' ');
  if (START.has(t)) return { kind: 'start' };
  if (HELP.has(t)) return { kind: 'help' };
  if (t === 'set radiology channel') return { kind: 'set-radiology' };
  const named = /^consult (\S+)$/.exec(t);
  return named && isPathwayId(named[1]!) ? { kind: 'start', pathwayId: named[1] } : undefined;
}
