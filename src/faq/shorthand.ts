/**
 * Expands clinical shorthand ("w/o", "c/w", "r/o", "abx", "+") into words before the state is read
 * and the FAQ is searched, so both see "without", "consistent with", "rule out". The list is data
 * (rules/<flow>/faq-shorthand.yaml); only the reading of a bare "+" is fixed here.
 */
import type { FaqRulesFiles } from './faqRulesFiles.js';

/** A compiled shorthand table. */
export interface ShorthandTable {
  /** Returns `text` with every shorthand replaced by its meaning. */
  expand(text: string): string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isWordChar = (c: string) => /[A-Za-z0-9]/.test(c);

/** One alternative: the typed form as a whole word (a form ending in "/" or "+" needs no end). */
function pattern(typed: string): string {
  const body = escape(typed).replace(/\s+/g, '\\s+');
  const end = isWordChar(typed.at(-1)!) ? '(?![A-Za-z0-9/])' : '';
  return `(?<![A-Za-z0-9/+-])${body}${end}`;
}

function compile(list: Array<{ typed: string; means: string }>, flags: string): ((t: string) => string) {
  if (list.length === 0) return (t) => t;
  const byLength = [...list].sort((a, b) => b.typed.length - a.typed.length);
  const meaning = new Map(byLength.map((e) => [e.typed.toLowerCase().replace(/\s+/g, ' '), e.means]));
  const re = new RegExp(byLength.map((e) => pattern(e.typed)).join('|'), flags);
  return (t) => t.replace(re, (m) => ` ${meaning.get(m.toLowerCase().replace(/\s+/g, ' ')) ?? m} `);
}

/**
 * A bare "+" is "positive" when it sticks to a word ("SEA+", "+SEA") or precedes "for" or the end
 * of a clause ("MRI + for DO", "MRI +, no abscess"); between two words it is "and" ("fever + back pain").
 */
export function expandPlus(text: string): string {
  return text
    .replace(/([A-Za-z0-9])\+(?=\s|$|[,.;:!?])/g, '$1 positive ')
    .replace(/(^|\s)\+([A-Za-z])/g, '$1positive $2')
    .replace(/\+(?=\s*(for\b|[,.;:!?]|$))/gi, ' positive ')
    // Opening the text, a clause or a contrast ("+ SEA, cord ok", "neg for abscess but + osteo"), "+" joins nothing: it is a finding.
    .replace(/(^|[,;:(]\s*|\bbut\s+)\+\s+(?=[A-Za-z])/gi, '$1positive ')
    .replace(/\s\+\s/g, ' and ');
}

/**
 * A "?" stuck to the front of a word is a query ("mri for ?DO", "mri ?SEA", "mri: ?early discitis"):
 * a request names what is looked for with it as often as a report names what it cannot exclude,
 * so it becomes "suspected", which says nothing about a result (the safe reading), and is never a
 * sentence end. After a report's verb ("read as ?early discitis") it hedges the result: "possible".
 * A report's own words ("equivocal") still state its result.
 */
export function expandQuery(text: string): string {
  // A "?" opening a clause and standing alone ("abnormal at L4-5; ? small SEA") queries what follows.
  return text.replace(/(^|[;:,(]\s*)\?\s+(?=[A-Za-z])/g, '$1?').replace(/(^|[\s(:,;/])\?+(?=[A-Za-z])/g, (_m, lead: string, at: number) => (REPORTED.test(text.slice(0, at + lead.length)) ? `${lead}possible ` : `${lead}suspected `));
}

/** A report's own words right before a "?" ("read as ?early discitis", "shows ?SEA"): there the
 * "?" hedges a result the report gives, so it is "possible" (uncertain), not a request's "suspected". */
const REPORTED = /\b(read as|reads as|reported as|report(s|ed)? says?|shows|showed|showing|demonstrates|demonstrated|reveals|revealed|c\/w|consistent with|impression)\s*:?\s*$/i;

/** Compiles the shorthand file: a leading "?", exact-case forms ("DO"), then the others, then "+". */
export function compileShorthand(file: FaqRulesFiles['shorthand']): ShorthandTable {
  const exact = compile(file.expansions.filter((e) => e.exactCase), 'g');
  const loose = compile(file.expansions.filter((e) => !e.exactCase), 'gi');
  return { expand: (text) => expandPlus(loose(exact(expandQuery(text)))) };
}
