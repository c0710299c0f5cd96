/**
 * Reads docs/hazard-log.md and checks it against the test suite: every hazard has its cause,
 * effect, risks and at least one control; every control names a test as
 * `test/<file>.test.ts > <describe> > ... > <test name>`, and that file and those titles exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One hazard as the log states it. */
export interface Hazard {
  id: string;
  title: string;
  fields: Record<string, string>;
  controls: Array<{ text: string; tests: string[] }>;
}

const SEVERITY = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
const LIKELIHOOD = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;
/** DCB0129 risk matrix: rows by likelihood (Very low first), columns by severity (Minor first). */
const MATRIX = [[1, 1, 2, 2, 3], [1, 2, 2, 3, 4], [2, 2, 3, 3, 4], [2, 3, 3, 4, 5], [3, 4, 4, 5, 5]];
const REQUIRED = ['Cause', 'Effect', 'Initial risk', 'Residual risk', 'Controls'];

/** Test references in a control: single or double backtick code spans naming a test file. */
function testRefs(text: string): string[] {
  const refs: string[] = [];
  for (const m of text.matchAll(/``\s(.+?)\s``|`([^`]+)`/g)) {
    const ref = (m[1] ?? m[2]).trim();
    if (/^test\/\S+\.test\.ts > /.test(ref)) refs.push(ref);
  }
  return refs;
}

/** Splits the log into hazards (`### H<n>. Title`) with their bullet fields and controls. */
export function parseHazardLog(markdown: string): Hazard[] {
  const parts = markdown.split(/^### /m).slice(1);
  return parts.map((part) => {
    const [heading, ...lines] = part.split('\n');
    const m = /^(H\d+)\.\s+(.+)$/.exec(heading.trim());
    const fields: Record<string, string> = {};
    const controls: Hazard['controls'] = [];
    for (const line of lines) {
      const field = /^- \*\*(.+?):\*\*\s*(.*)$/.exec(line);
      if (field) fields[field[1]] = field[2];
      const control = /^\s+- (.+)$/.exec(line);
      if (control && 'Controls' in fields) controls.push({ text: control[1], tests: testRefs(control[1]) });
    }
    return { id: m?.[1] ?? heading.trim(), title: m?.[2] ?? '', fields, controls };
  });
}

/** Index of the parenthesis closing the one at `open`, skipping string literals. */
function closingParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The titles of describe/it/test calls in a test file, in source order, with their kind. */
export function testTitles(src: string): Array<{ kind: 'describe' | 'test'; title: string; at: number }> {
  const out: Array<{ kind: 'describe' | 'test'; title: string; at: number }> = [];
  for (const m of src.matchAll(/\b(describe|it|test)\b(?=[.(])/g)) {
    let i = m.index + m[1].length;
    // Modifiers: `.skip`, `.only`; `.each([...])`, `.skipIf(cond)` take arguments before the title call.
    for (let mod = /^\.(\w+)/.exec(src.slice(i)); mod; mod = /^\.(\w+)/.exec(src.slice(i))) {
      i += mod[0].length;
      if (['each', 'for', 'skipIf', 'runIf'].includes(mod[1]) && src[i] === '(') i = closingParen(src, i) + 1;
      if (i <= 0) break;
    }
    const title = /^\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*)\1/.exec(src.slice(i));
    if (title) out.push({ kind: m[1] === 'describe' ? 'describe' : 'test', title: title[2].replace(/\\(['"`\\])/g, '$1'), at: m.index });
  }
  return out;
}

/** Problems with one test reference, or none when its file and titles exist (describes before the test). */
export function checkTestRef(ref: string, root: string): string[] {
  const [file, ...names] = ref.split(' > ');
  if (!existsSync(join(root, file))) return [`${ref}: no file ${file}`];
  if (names.length === 0) return [`${ref}: names no test`];
  const titles = testTitles(readFileSync(join(root, file), 'utf8'));
  let after = -1;
  const problems: string[] = [];
  names.forEach((name, i) => {
    const kind = i === names.length - 1 ? 'test' : 'describe';
    const found = titles.find((t) => t.kind === kind && t.title === name && t.at > after);
    if (!found) problems.push(`${ref}: no ${kind} "${name}" in ${file}`);
    else after = found.at;
  });
  return problems;
}

function riskProblems(h: Hazard, key: 'Initial risk' | 'Residual risk'): string[] {
  const m = /^severity (.+?), likelihood (.+?), risk (\d)$/.exec(h.fields[key] ?? '');
  if (!m) return [`${h.id}: "${key}" must read "severity <S>, likelihood <L>, risk <n>"`];
  const s = SEVERITY.indexOf(m[1] as (typeof SEVERITY)[number]);
  const l = LIKELIHOOD.indexOf(m[2] as (typeof LIKELIHOOD)[number]);
  if (s < 0 || l < 0) return [`${h.id}: ${key}: unknown severity or likelihood`];
  return MATRIX[l][s] === Number(m[3]) ? [] : [`${h.id}: ${key}: the matrix gives ${MATRIX[l][s]}, not ${m[3]}`];
}

/** Every problem in the log; empty when it is complete and every named test exists. */
export function checkHazardLog(markdown: string, root: string): string[] {
  const problems: string[] = [];
  for (const h of parseHazardLog(markdown)) {
    for (const f of REQUIRED) if (!(f in h.fields)) problems.push(`${h.id}: missing "${f}"`);
    problems.push(...riskProblems(h, 'Initial risk'), ...riskProblems(h, 'Residual risk'));
    if (h.controls.length === 0) problems.push(`${h.id}: no controls`);
    for (const c of h.controls) {
      if (c.tests.length === 0) problems.push(`${h.id}: control names no test: ${c.text.slice(0, 60)}`);
      for (const ref of c.tests) problems.push(...checkTestRef(ref, root).map((p) => `${h.id}: ${p}`));
    }
  }
  return problems;
}
