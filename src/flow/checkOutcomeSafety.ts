import type { FlowFile, Rules } from './schema.js';
import type { Problem, RawContent } from './parseContent.js';

/**
 * Safety rules on outcomes that data alone could break: every emergency carries the "nobody is
 * paged" notice and no reading pointer before its action; every recommendation states an
 * urgency; urgency scales and related FAQ topics resolve.
 */
export function checkOutcomeSafety(flow: FlowFile, rules: Rules, raw: RawContent, problems: Problem[]): void {
  const file = raw.rules.outcomes.file;
  const urgencyFile = raw.rules.urgency.file;
  const faqIds = new Set(rules.faq.entries.map((e) => e.id));
  const neuro = flow.questions.find((q) => q.id === rules.urgency.question);
  const answers = new Set(neuro?.options.map((o) => o.id));
  for (const [name, scale] of Object.entries(rules.urgency.scales)) {
    scale.forEach((r, i) => answers.has(r.when)
      || problems.push({ file: urgencyFile, path: ['scales', name, i, 'when'], message: `"${r.when}" is not an option of "${rules.urgency.question}"` }));
  }
  rules.outcomes.outcomes.forEach((o, oi) => {
    const at = (...path: PropertyKey[]) => ['outcomes', oi, ...path];
    if (typeof o.urgency === 'string' && !rules.urgency.scales[o.urgency]) {
      problems.push({ file, path: at('urgency'), message: `unknown urgency scale "${o.urgency}" (add it under scales in ${urgencyFile})` });
    }
    if (o.kind === 'recommendation' && o.urgency === false) {
      problems.push({ file, path: at('urgency'), message: 'a recommendation must state its urgency: set urgency to true or a scale' });
    }
    if (o.kind === 'emergency') {
      if (!rules.followup.noPaging.outcomes.includes(o.id)) {
        problems.push({ file, path: at('kind'), message: `emergency "${o.id}" must be listed in followup.yaml noPaging.outcomes, so every channel says nobody is paged` });
      }
      if (o.parentGuide) problems.push({ file, path: at('parentGuide'), message: 'an emergency leads with its action: no reading pointer' });
    }
    o.related.forEach((id, i) => faqIds.has(id)
      || problems.push({ file, path: at('related', i), message: `unknown FAQ entry "${id}"` }));
  });
}
