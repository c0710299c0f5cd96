import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ContentError, parseContent, type Content, type RawContent, type RawFile } from '../flow/parseContent.js';
import { RULES_FILES } from '../flow/schema.js';
import type { Rules } from '../flow/schema.js';

/** The repository root (flows/ and rules/ live there). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The flow this product runs. */
export const DEFAULT_FLOW_ID = 'spine-infection-abnormal-imaging';

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

/** Reads flows/<id>.yaml, rules/<id>/*.yaml and the source text, unvalidated (tests break them on purpose). */
export function readRawContent(flowId = DEFAULT_FLOW_ID, root = PROJECT_ROOT): RawContent {
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
  return {
    flow: readYamlFile(root, join(root, 'flows', `${flowId}.yaml`)),
    rules,
    source: { file: relative(root, sourcePath), text: sourceText },
  };
}

/** Reads and validates flows/<id>.yaml with rules/<id>/*.yaml; throws ContentError naming file and path. */
export function loadContent(flowId = DEFAULT_FLOW_ID, root = PROJECT_ROOT): Content {
  return parseContent(readRawContent(flowId, root));
}
