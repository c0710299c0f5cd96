/**
 * `npm run faq:train`: trains the FAQ's learned ranker on faq.yaml's phrasings and every tuning set
 * (scripts/faqRanker/tuningSets.ts; never a frozen held-out set) and writes rules/<flow>/faq-ranker.json. Deterministic: the
 * same files give the same weights.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, loadContent } from '../src/content/loadContent.js';
import { createFaqIndex } from '../src/faq/faqIndex.js';
import { rankerClasses, trainingExamples } from './faqRanker/examples.js';
import { trainSoftmax } from './faqRanker/trainSoftmax.js';
import { rankerTuningSets } from './faqRanker/tuningSets.js';

const content = loadContent();
const faq = createFaqIndex(content, { ranker: null });
const sets = rankerTuningSets();
const examples = trainingExamples(content, faq, sets.map((s) => s.cases));
const weights = trainSoftmax(examples, rankerClasses(content), ['faq.yaml', ...sets.map((s) => s.name)]);
const file = join(PROJECT_ROOT, 'rules', content.flow.rules, 'faq-ranker.json');
const text = `${JSON.stringify(weights)}\n`;
writeFileSync(file, text);
console.log(`faq:train: ${examples.length} examples, ${weights.classes.length} classes, ${Object.keys(weights.weights).length} features -> ${file} (${(text.length / 1024).toFixed(0)} KiB)`);
