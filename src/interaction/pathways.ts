import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listFlowIds, loadContent, PROJECT_ROOT } from '../content/loadContent.js';
import type { EngineLookup } from '../consult/engineLookup.js';
import { createFlowEngine, type FlowEngine } from '../flow/engine.js';
import { ContentError, type Content } from '../flow/parseContent.js';
import { loadFaqRulesFiles } from '../faq/faqRulesFiles.js';

/** One installed pathway: its checked content and the engine that runs it. */
export interface Pathway {
  id: string;
  /** The flow's title, e.g. for a "choose a pathway" button. */
  title: string;
  content: Content;
  engine: FlowEngine;
  /** Short button labels for FAQ topics (rules/<id>/faq-routing.yaml, at most 40 characters), by faq id. */
  topicLabels: Readonly<Record<string, string>>;
}

/** A pathway's short topic labels, or none when it has no faq-routing.yaml (buttons then show the question). */
function topicLabelsOf(content: Content, root: string): Record<string, string> {
  if (!existsSync(join(root, 'rules', content.flow.rules, 'faq-routing.yaml'))) return {};
  return loadFaqRulesFiles(content.flow.rules, new Set(content.rules.faq.entries.map((e) => e.id)), root).routing.labels;
}

/** Outcome ids named in followup.yaml must exist; a typo would silently drop a safety notice. */
export function checkFollowUpRules(content: Content): void {
  const known = new Set(content.rules.outcomes.outcomes.map((o) => o.id));
  const { followup } = content.rules;
  const named = [...followup.noPaging.outcomes, ...followup.askRadiology.prominentOn, ...followup.feedback.outcomes];
  const unknown = [...new Set(named.filter((id) => !known.has(id)))];
  if (unknown.length) {
    throw new ContentError(`rules/${content.flow.id}/followup.yaml: names unknown outcomes: ${unknown.join(', ')}`);
  }
}

/**
 * The installed pathways, looked up by id (a consult's `flowId`). Every pathway is checked when
 * it is added, so a broken one stops start-up with a message naming its file.
 */
export class Pathways implements EngineLookup {
  private readonly byId = new Map<string, Pathway>();
  readonly defaultId: string | undefined;

  constructor(engines: FlowEngine[], defaultId?: string, rootOf: (engine: FlowEngine) => string = () => PROJECT_ROOT) {
    for (const engine of engines) {
      const { content } = engine;
      checkFollowUpRules(content);
      if (this.byId.has(content.flow.id)) throw new ContentError(`flows/${content.flow.id}.yaml: pathway "${content.flow.id}" is installed twice`);
      this.byId.set(content.flow.id, { id: content.flow.id, title: content.flow.title, content, engine, topicLabels: topicLabelsOf(content, rootOf(engine)) });
    }
    if (defaultId !== undefined && !this.byId.has(defaultId)) {
      throw new ContentError(`DEFAULT_PATHWAY: no pathway "${defaultId}" is installed (installed: ${this.ids().join(', ') || 'none'})`);
    }
    this.defaultId = defaultId ?? (this.byId.size === 1 ? this.ids()[0] : undefined);
  }

  /** Pathways over already-built engines (tests, tools). */
  static of(...engines: FlowEngine[]): Pathways {
    return new Pathways(engines);
  }

  /**
   * Loads every flows/<id>.yaml with rules/<id>/ under the project root and each extra root
   * (e.g. a test fixture folder). Throws ContentError naming the broken file.
   */
  static load(opts: { roots?: string[]; defaultId?: string } = {}): Pathways {
    const roots = [PROJECT_ROOT, ...(opts.roots ?? [])];
    const rootOf = new Map<FlowEngine, string>();
    const engines = roots.flatMap((root) => listFlowIds(root).map((id) => {
      try {
        const engine = createFlowEngine(loadContent(id, root));
        rootOf.set(engine, root);
        return engine;
      } catch (err) {
        if (err instanceof ContentError) throw new ContentError(`Pathway ${join(root, 'flows', `${id}.yaml`)} cannot be installed:\n${err.message}`);
        throw err;
      }
    }));
    return new Pathways(engines, opts.defaultId, (engine) => rootOf.get(engine) ?? PROJECT_ROOT);
  }

  /** Installed pathway ids, sorted. */
  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  /** Every installed pathway, by id. */
  list(): Pathway[] {
    return this.ids().map((id) => this.byId.get(id)!);
  }

  get(id: string): Pathway | undefined {
    return this.byId.get(id);
  }

  /**
   * The pathway that draws a consult of `flowId`: its own, or (when it is no longer installed) any
   * installed one, whose engine shows the "guidance changed" notice for a foreign consult.
   */
  forConsult(flowId: string): Pathway {
    return this.byId.get(flowId) ?? this.list()[0];
  }

  engine(flowId: string): FlowEngine | undefined {
    return this.byId.get(flowId)?.engine;
  }

  /** The pathway that speaks for the product (help, FAQ, page title): the default, else the first installed (flows/ before PATHWAY_DIRS). */
  primary(): Pathway {
    return this.byId.get(this.defaultId ?? '') ?? this.byId.values().next().value!;
  }
}
