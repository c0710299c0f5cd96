import { z } from 'zod';
import { FlowFileSchema, RULES_FILES, type Citation, type FlowFile, type Rules } from './schema.js';
import { checkCitations } from './checkCitations.js';
import { checkRouting } from './checkRouting.js';
import { checkOutcomeSafety } from './checkOutcomeSafety.js';
import { checkAttribution } from './checkAttribution.js';

/** A file's parsed (YAML/JSON) data, with the path used in error messages. */
export interface RawFile {
  file: string;
  data: unknown;
}

/** Everything one flow needs, as read from disk, before validation. */
export interface RawContent {
  flow: RawFile;
  rules: Record<keyof Rules, RawFile>;
  source: { file: string; text: string };
}

/** A validated flow with its rules. */
export interface Content {
  flow: FlowFile;
  rules: Rules;
}

/** Broken flow or rules data; the message names the file and the path inside it. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Formats a zod/issue path the way people read data paths: `questions[2].options[0].next`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('') || '(top level)';
}

/** One problem found in a file. */
export interface Problem {
  file: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

function parseFile<S extends z.ZodType>(schema: S, raw: RawFile, problems: Problem[]): z.infer<S> | undefined {
  const result = schema.safeParse(raw.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
    const route = missing && issue.path.at(-1) === 'next';
    problems.push({
      file: raw.file,
      path: issue.path,
      message: route ? 'every option needs a route: add "next" (a question or outcome id)'
        : missing ? 'is missing' : issue.message,
    });
  }
  return undefined;
}

/** Validates the flow and its rules and cross-checks them; throws ContentError listing every problem. */
export function parseContent(raw: RawContent): Content {
  const problems: Problem[] = [];
  const flow = parseFile(FlowFileSchema, raw.flow, problems);
  const rules: Partial<Rules> = {};
  for (const name of Object.keys(RULES_FILES) as (keyof Rules)[]) {
    (rules as Record<string, unknown>)[name] = parseFile(RULES_FILES[name], raw.rules[name], problems);
  }
  if (problems.length === 0 && flow) {
    const full = rules as Rules;
    checkRouting(flow, full, raw, problems);
    checkOutcomeSafety(flow, full, raw, problems);
    checkAttribution(full.criteria, raw, problems);
    checkCitations(collectCitations(flow, full, raw), raw.source, problems);
  }
  if (problems.length > 0) {
    const lines = problems.map((p) => `${p.file}: ${formatPath(p.path)}: ${p.message}`);
    throw new ContentError(`Invalid flow data (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  ${lines.join('\n  ')}`);
  }
  return { flow: flow!, rules: rules as Rules };
}

/** Every citation in the content with where it sits, for checking against the source text. */
function collectCitations(flow: FlowFile, rules: Rules, raw: RawContent): Array<{ file: string; path: PropertyKey[]; citation: Citation }> {
  const out: Array<{ file: string; path: PropertyKey[]; citation: Citation }> = [];
  const walk = (file: string, value: unknown, path: PropertyKey[]) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(file, v, [...path, i]));
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if (typeof obj.section === 'string' && typeof obj.quote === 'string') {
        out.push({ file, path, citation: obj as Citation });
        return;
      }
      for (const [k, v] of Object.entries(obj)) walk(file, v, [...path, k]);
    }
  };
  walk(raw.flow.file, flow, []);
  for (const name of Object.keys(rules) as (keyof Rules)[]) walk(raw.rules[name].file, rules[name], []);
  return out;
}
