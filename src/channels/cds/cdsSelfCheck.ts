import type { FlowEngine } from '../../flow/engine.js';
import { ContentError } from '../../flow/parseContent.js';
import type { CdsRules } from './cdsRules.js';
import { answersFor, runFlow } from './decideOrders.js';
import { fill } from './renderCdsCard.js';

/** Every combination of the exclusion flags (the infection flag is always set when a card is drawn). */
function flagSets(rules: CdsRules): Array<Set<string>> {
  const exclusions = rules.flags.map((f) => f.id).filter((id) => rules.answers.some((a) => 'flag' in a && a.flag === id));
  return exclusions.reduce<Array<Set<string>>>((sets, id) => [...sets, ...sets.map((s) => new Set([...s, id]))], [new Set()]);
}

/**
 * Runs the flow for every region and exclusion flag at start-up, so a content change that leaves
 * cds.yaml's answers short of an outcome, or a summary of 140 characters or more, stops the
 * server with a ContentError instead of failing an EHR's call.
 */
export function checkCdsRules(engine: FlowEngine, rules: CdsRules): void {
  for (const { when: region } of engine.content.rules.regions.regions) {
    for (const flags of flagSets(rules)) {
      const snapshot = runFlow(engine, answersFor(rules, flags, { region }));
      const what = `region "${region}"${flags.size ? ` with ${[...flags].join(', ')}` : ''}`;
      if (!snapshot) throw new ContentError(`cds.yaml: answers: the flow does not reach an outcome for ${what}`);
      const view = engine.view(snapshot);
      if (view.kind !== 'outcome') throw new ContentError(`cds.yaml: answers: the flow does not reach an outcome for ${what}`);
      const best = view.ratings[0];
      const summary = view.outcomeKind === 'recommendation' && best ? fill(rules.card.summary, { study: best.study, rating: best.rating }) : view.title;
      if (summary.length >= 140) throw new ContentError(`cds.yaml: card.summary: "${summary}" is ${summary.length} characters for ${what}; CDS Hooks allows fewer than 140`);
    }
  }
}
