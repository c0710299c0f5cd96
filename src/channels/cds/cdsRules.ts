import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT, readYamlFile } from '../../content/loadContent.js';
import { checkCitations } from '../../flow/checkCitations.js';
import { ContentError, formatPath, type Content, type Problem } from '../../flow/parseContent.js';
import { Citation } from '../../flow/schema.js';

const id = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'ids are lower case letters, digits, "_" or "-"');
const text = z.string().trim().min(1, 'must not be empty');
/** Matching terms are compared with normalised text, so they must already be in that form. */
const term = z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'terms are lower case words separated by single spaces');
const Coding = z.strictObject({ system: z.url(), code: text, display: text });

const Answer = z.union([
  z.strictObject({ question: id, option: id, assumed: z.boolean().default(false), flag: id.optional(), flagOption: id.optional() }),
  z.strictObject({ question: id, fromOrder: z.literal(true) }),
]);

/** rules/<pathway>/cds.yaml: discovery entry, order recognition, request facts and card wording. */
export const CdsRulesSchema = z.strictObject({
  schemaVersion: z.literal(1),
  service: z.strictObject({ title: text, description: text, usageRequirements: text, prefetch: z.record(id, text) }),
  answers: z.array(Answer).min(1),
  flags: z.array(z.strictObject({
    id, source: Citation, terms: z.array(term),
    codes: z.array(z.strictObject({ system: z.url(), prefix: text, display: text })),
  })),
  kinds: z.array(z.strictObject({
    id, label: text, procedure: id.optional(), recommended: z.boolean().default(false), whyNot: id.optional(),
  })),
  codes: z.array(Coding.extend({ kind: id, region: id })),
  text: z.strictObject({
    modalities: z.array(z.union([
      z.strictObject({ terms: z.array(term).min(1), kind: id }),
      z.strictObject({ terms: z.array(term).min(1), kinds: z.strictObject({ wwo: id, wo: id, w: id, unstated: id }) }),
    ])),
    contrast: z.strictObject({ wwo: z.array(term), wo: z.array(term), w: z.array(term) }),
    regions: z.array(z.strictObject({ terms: z.array(term).min(1), region: id })),
  }),
  card: z.strictObject({
    sourceLabel: text, summary: text, suggestion: text, removeDraft: text, createOrder: text, link: text, scope: text,
    ratingsHeading: text, whyNotHeading: text, overrideReasonSystem: z.string().regex(/^(urn|https?):/), topicSystem: z.string().regex(/^(urn|https?):/),
  }),
});

/** Validated cds.yaml of one pathway. */
export type CdsRules = z.infer<typeof CdsRulesSchema>;

/** The flag that makes an order "for suspected spine infection"; the others are exclusions. */
export const INFECTION_FLAG = 'suspected-infection';

/** Cross-checks cds.yaml against the pathway's flow and rules, so a renamed id fails at start-up. */
function crossCheck(rules: CdsRules, content: Content, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push({ file, path, message });
  const questions = new Map(content.flow.questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))]));
  const flags = new Set(rules.flags.map((f) => f.id));
  const kinds = new Set(rules.kinds.map((k) => k.id));
  const regions = new Set(content.rules.regions.regions.map((r) => r.when));
  const procedures = new Set(content.rules.procedures.procedures.map((p) => p.id));
  const faqs = new Set(content.rules.faq.entries.map((e) => e.id));
  rules.answers.forEach((a, i) => {
    const options = questions.get(a.question);
    if (!options) return at(['answers', i, 'question'], `"${a.question}" is not a question of the flow`);
    if ('option' in a) {
      if (!options.has(a.option)) at(['answers', i, 'option'], `"${a.option}" is not an option of "${a.question}"`);
      if (a.flagOption && !options.has(a.flagOption)) at(['answers', i, 'flagOption'], `"${a.flagOption}" is not an option of "${a.question}"`);
      if (a.flag && !flags.has(a.flag)) at(['answers', i, 'flag'], `"${a.flag}" is not a flag in this file`);
    } else if (a.question !== content.rules.regions.question) {
      at(['answers', i, 'question'], `fromOrder answers only the region question "${content.rules.regions.question}"`);
    }
  });
  if (!flags.has(INFECTION_FLAG)) at(['flags'], `needs the flag "${INFECTION_FLAG}"`);
  rules.kinds.forEach((k, i) => {
    if (k.procedure && !procedures.has(k.procedure)) at(['kinds', i, 'procedure'], `"${k.procedure}" is not in procedures.yaml`);
    if (k.whyNot && !faqs.has(k.whyNot)) at(['kinds', i, 'whyNot'], `"${k.whyNot}" is not in faq.yaml`);
  });
  if (rules.kinds.filter((k) => k.recommended).length !== 1) at(['kinds'], 'exactly one kind must be recommended');
  const checkKind = (kind: string, path: PropertyKey[]) => { if (!kinds.has(kind)) at(path, `"${kind}" is not a kind in this file`); };
  const checkRegion = (region: string, path: PropertyKey[]) => { if (!regions.has(region)) at(path, `"${region}" is not a region in regions.yaml`); };
  rules.codes.forEach((c, i) => { checkKind(c.kind, ['codes', i, 'kind']); checkRegion(c.region, ['codes', i, 'region']); });
  rules.text.modalities.forEach((m, i) => {
    for (const [key, kind] of Object.entries('kind' in m ? { kind: m.kind } : m.kinds)) checkKind(kind, ['text', 'modalities', i, key]);
  });
  rules.text.regions.forEach((r, i) => checkRegion(r.region, ['text', 'regions', i, 'region']));
  return problems;
}

/** The pathway's cds.yaml, checked; undefined when the pathway has none (it then offers no CDS service). */
export function findCdsRules(content: Content, root = PROJECT_ROOT): CdsRules | undefined {
  return existsSync(join(root, 'rules', content.flow.rules, 'cds.yaml')) ? loadCdsRules(content, root) : undefined;
}

/** Reads and checks rules/<pathway>/cds.yaml; throws ContentError naming the file and path of each problem. */
export function loadCdsRules(content: Content, root = PROJECT_ROOT): CdsRules {
  const raw = readYamlFile(root, join(root, 'rules', content.flow.rules, 'cds.yaml'));
  const parsed = CdsRulesSchema.safeParse(raw.data);
  const problems: Problem[] = parsed.success ? crossCheck(parsed.data, content, raw.file)
    : parsed.error.issues.map((i) => ({ file: raw.file, path: i.path, message: i.message }));
  if (parsed.success) {
    const sourceFile = join('rules', content.flow.rules, 'source.txt');
    const text = readSource(root, sourceFile);
    const citations = parsed.data.flags.map((f, i) => ({ file: raw.file, path: ['flags', i, 'source'], citation: f.source }));
    checkCitations(citations, { file: sourceFile, text }, problems);
  }
  if (problems.length > 0) {
    throw new ContentError(`Invalid CDS Hooks data:\n  ${problems.map((p) => `${p.file}: ${formatPath(p.path)}: ${p.message}`).join('\n  ')}`);
  }
  return parsed.data!;
}

function readSource(root: string, file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    throw new ContentError(`${file}: the clinical source text is missing; every citation is checked against it`);
  }
}
