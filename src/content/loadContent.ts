import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ContentError, parseContent, type Content, type RawContent, type RawFile } from '../flow/parseContent.js';
import { RULES_FILES } from '../flow/schema.js';
import type { Rules } from '../flow/schema.js';

/** The repository root (flows/ and rules/ live there). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The pathway ids under `root`: one per flows/<id>.yaml, sorted. */
export function listFlowIds(root = PROJECT_ROOT): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, 'flows'));
  } catch {
    throw new ContentError(`${join(root, 'flows')}: no flows folder (each pathway is flows/<id>.yaml with rules/<id>/)`);
  }
  return names.filter((n) => n.endsWith('.yaml')).map((n) => n.slice(0, -'.yaml'.length)).sort();
}

/** The only pathway under `root`; a ContentError when there is none or several (then name one). */
export function onlyFlowId(root = PROJECT_ROOT): string {
  const ids = listFlowIds(root);
  if (ids.length === 1) return ids[0];
  throw new ContentError(ids.length === 0
    ? `${join(root, 'flows')}: no pathway (flows/<id>.yaml) found`
    : `several pathways are installed (${ids.join(', ')}): name one`);
}

/** Reads and parses one YAML file; a ContentError names the file (relative to `root`) when it cannot. */
export function readYamlFile(root: string, path: string): RawFile {
  const file = relative(root, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ContentError(`${file}: cannot be read (missing file?)`);
  }
  try {
    return { file, data: parseYaml(text) };
  } catch (err) {
    throw new ContentError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * Reads flows/<id>.yaml, rules/<id>/*.yaml and the source text, unvalidated (tests break them on
 * purpose). The file name is the pathway's id: a copied flow file with a stale `id` or `rules`
 * inside still loads under its own name with its own rules folder.
 */
export function readRawContent(id?: string, root = PROJECT_ROOT): RawContent {
  const flowId = id ?? onlyFlowId(root);
  const rulesDir = join(root, 'rules', flowId);
  const rules = Object.fromEntries(
    Object.keys(RULES_FILES).map((name) => [name, readYamlFile(root, join(rulesDir, `${name}.yaml`))]),
  ) as Record<keyof Rules, RawFile>;
  const sourcePath = join(rulesDir, 'source.txt');
  let sourceText: string;
  try {
    sourceText = readFileSync(sourcePath, 'utf8');
  } catch {
    throw new ContentError(`${relative(root, sourcePath)}: the clinical source text is missing; every citation is checked against it`);
  }
  const flow = readYamlFile(root, join(root, 'flows', `${flowId}.yaml`));
  if (flow.data && typeof flow.data === 'object' && !Array.isArray(flow.data)) {
    flow.data = { ...(flow.data as object), id: flowId, rules: flowId };
  }
  return {
    flow,
    rules,
    source: { file: relative(root, sourcePath), text: sourceText },
  };
}

/** Reads and validates flows/<id>.yaml with rules/<id>/*.yaml; throws ContentError naming file and path. */
export function loadContent(flowId?: string, root = PROJECT_ROOT): Content {
  return parseContent(readRawContent(flowId ?? onlyFlowId(root), root));
}
