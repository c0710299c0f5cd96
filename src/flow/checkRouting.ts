import type { FlowFile, Rules } from './schema.js';
import type { Problem, RawContent } from './parseContent.js';

type Push = (file: string, path: PropertyKey[], message: string) => void;

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  return new Set(ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))));
}

/**
 * Cross-checks the flow against its rules: every route leads somewhere, every outcome has its
 * text, every reference resolves, every question is reached, and routing never loops.
 */
export function checkRouting(flow: FlowFile, rules: Rules, raw: RawContent, problems: Problem[]): void {
  const push: Push = (file, path, message) => problems.push({ file, path, message });
  const flowFile = raw.flow.file;
  const outcomesFile = raw.rules.outcomes.file;
  const questions = new Map(flow.questions.map((q) => [q.id, q]));
  const outcomes = new Map(rules.outcomes.outcomes.map((o) => [o.id, o]));

  if (flow.rules !== flow.id) push(flowFile, ['rules'], `names rules "${flow.rules}" but the flow id is "${flow.id}"`);
  for (const d of duplicates(flow.questions.map((q) => q.id))) push(flowFile, ['questions'], `question id "${d}" is used twice`);
  for (const d of duplicates(rules.outcomes.outcomes.map((o) => o.id))) push(outcomesFile, ['outcomes'], `outcome id "${d}" is used twice`);
  if (!questions.has(flow.start)) push(flowFile, ['start'], `unknown question "${flow.start}"`);

  const edges = new Map<string, string[]>();
  flow.questions.forEach((q, qi) => {
    for (const d of duplicates(q.options.map((o) => o.id))) push(flowFile, ['questions', qi, 'options'], `option id "${d}" is used twice`);
    q.options.forEach((o, oi) => {
      if (questions.has(o.next) && outcomes.has(o.next)) {
        push(flowFile, ['questions', qi, 'options', oi, 'next'], `"${o.next}" is both a question and an outcome`);
      } else if (!questions.has(o.next) && !outcomes.has(o.next)) {
        push(flowFile, ['questions', qi, 'options', oi, 'next'],
          `unknown next question or outcome "${o.next}" (an outcome needs its text in ${outcomesFile})`);
      }
    });
    edges.set(q.id, q.options.map((o) => o.next));
  });
  flow.continuations.forEach((c, ci) => {
    const outcome = outcomes.get(c.outcome);
    if (!outcome) push(flowFile, ['continuations', ci, 'outcome'], `unknown outcome "${c.outcome}"`);
    else if (!outcome.recordResult) push(outcomesFile, ['outcomes', rules.outcomes.outcomes.indexOf(outcome), 'recordResult'], `must be true: the flow continues "${c.outcome}" with "${c.question}"`);
    if (!questions.has(c.question)) push(flowFile, ['continuations', ci, 'question'], `unknown question "${c.question}"`);
    // Stryker disable next-line ArrayDeclaration: an edge to a node that is no question or outcome changes no check
    edges.set(c.outcome, [...(edges.get(c.outcome) ?? []), c.question]);
  });

  rules.outcomes.outcomes.forEach((o, oi) => {
    const procedures = new Set(rules.procedures.procedures.map((p) => p.id));
    const pitfalls = new Set(rules.pitfalls.pitfalls.map((p) => p.id));
    o.procedures.forEach((p, i) => procedures.has(p) || push(outcomesFile, ['outcomes', oi, 'procedures', i], `unknown procedure "${p}"`));
    o.pitfalls.forEach((p, i) => pitfalls.has(p) || push(outcomesFile, ['outcomes', oi, 'pitfalls', i], `unknown pitfall "${p}"`));
    if (o.recordResult && !flow.continuations.some((c) => c.outcome === o.id)) {
      push(outcomesFile, ['outcomes', oi, 'recordResult'], `"${o.id}" records a result but the flow has no continuation for it`);
    }
  });

  checkAnswerTable(raw.rules.urgency.file, 'rules', rules.urgency.question, rules.urgency.rules.map((r) => r.when), questions, push, false);
  checkAnswerTable(raw.rules.regions.file, 'regions', rules.regions.question, rules.regions.regions.map((r) => r.when), questions, push, true);
  checkReachAndLoops(flowFile, flow, edges, questions, push);
  checkPlaceholders(flow, rules, edges, outcomesFile, push);
}

/** Whether `target` can be reached from `start` without passing through `avoid`. */
function reachableAvoiding(edges: Map<string, string[]>, start: string, target: string, avoid: string): boolean {
  const seen = new Set<string>([avoid]);
  const stack = [start];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === target) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    // Stryker disable next-line ArrayDeclaration: an edge to a node that is no question or outcome changes no check
    stack.push(...(edges.get(node) ?? []));
  }
  return false;
}

/**
 * An outcome whose text says {study} or {urgency} must only be reachable through the question
 * that fills it; otherwise a consult could show a recommendation with the blank filled by a guess.
 */
function checkPlaceholders(flow: FlowFile, rules: Rules, edges: Map<string, string[]>, file: string, push: Push): void {
  const fillers = { '{study}': rules.regions.question, '{urgency}': rules.urgency.question };
  rules.outcomes.outcomes.forEach((o, oi) => {
    // join() writes a missing orderLine or procedure name as nothing.
    const procedureNames = o.procedures.map((id) => rules.procedures.procedures.find((p) => p.id === id)?.name);
    // Stryker disable next-line StringLiteral: no placeholder spans two texts, so any separator finds the same ones
    const text = [o.title, o.statement.text, ...o.details.map((d) => d.text), o.orderLine, ...procedureNames].join(' ');
    for (const [placeholder, question] of Object.entries(fillers)) {
      if (text.includes(placeholder) && reachableAvoiding(edges, flow.start, o.id, question)) {
        push(file, ['outcomes', oi], `uses ${placeholder} but can be reached without answering "${question}"`);
      }
    }
  });
}

function checkAnswerTable(file: string, list: string, questionId: string, whens: string[], questions: Map<string, FlowFile['questions'][number]>, push: Push, complete: boolean): void {
  const q = questions.get(questionId);
  if (!q) return push(file, ['question'], `unknown question "${questionId}"`);
  const options = new Set(q.options.map((o) => o.id));
  whens.forEach((w, i) => options.has(w) || push(file, [list, i, 'when'], `"${w}" is not an option of "${questionId}"`));
  if (complete) for (const o of options) if (!whens.includes(o)) push(file, [], `no entry for option "${o}" of "${questionId}"`);
}

function checkReachAndLoops(file: string, flow: FlowFile, edges: Map<string, string[]>, questions: Map<string, unknown>, push: Push): void {
  const reached = new Set<string>();
  const onStack = new Set<string>();
  const visit = (node: string): void => {
    if (onStack.has(node)) return push(file, ['questions'], `routing loops back to "${node}"`);
    if (reached.has(node)) return;
    reached.add(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) visit(next);
    onStack.delete(node);
  };
  // An unknown start is reported where the questions are checked; visiting it reaches nothing.
  visit(flow.start);
  flow.questions.forEach((q, qi) => reached.has(q.id) || push(file, ['questions', qi], `question "${q.id}" is never reached from "${flow.start}"`));
}
