/**
 * Finds identifier-like text in a question (record numbers, dates of birth, phone numbers, names)
 * so the reply can remind the user not to type them. What is found is only removed before the
 * search; it is never echoed, logged or kept.
 */

/** The question with identifier-like spans blanked out, and whether any were found. */
export interface IdentifierScan {
  text: string;
  found: boolean;
}

/** A phone number, with its label if typed ("ph 617-555-0148", "tel: ..."). */
const PHONE = /(?:\b(?:ph|tel|phone|cell|mobile)\b\.?:?\s*)?\+?\(?\d[\d\s().-]{7,}\d/gi;

/** Patterns that are identifiers whatever the words around them. */
const PATTERNS: readonly RegExp[] = [
  // Record numbers: a label and what follows it, or any long run of digits.
  /\b(?:mrn|mr#|mr no|urn|nhs(?: no| number)?|hospital (?:no|number)|medical record(?: number)?|record number|acct|account)\b[\s:#.-]*[A-Za-z]*\d[\w-]*/gi,
  /\b\d{6,}\b/g,
  // Dates of birth: a label and its value, or a full date.
  /\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)\b[\s:]*[\w/.-]*\d[\w/.-]*/gi,
  /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/g,
  /\b\d{4}-\d{2}-\d{2}\b/g,
  // Phone numbers: nine or more digits in groups.
  PHONE,
  // Names with a title.
  /\b(?:[Mm]rs?|[Mm]s|[Mm]iss|[Mm]x|D[Rr])\.?\s+[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?/g,
];

const digitCount = (s: string) => s.replace(/\D/g, '').length;

/** The headings of a pasted report ("Impression: ...", "Findings: ..."): never a name. */
const REPORT_HEADINGS = /^(?:impression|findings?|conclusions?|indications?|technique|comparison|addendum|history|reports?|results?|summary|opinion|reason)$/i;

/**
 * Blanks identifier-like spans of `text`. `isKnownWord` says whether a capitalised word is an
 * ordinary word of this domain (vocabulary, stop words): a capitalised unknown word opening the
 * question before a comma or another capitalised unknown word ("Garcia, ...", "John Smith ...")
 * is taken for a name.
 */
export function scanIdentifiers(text: string, isKnownWord: (word: string) => boolean): IdentifierScan {
  let found = false;
  let out = text;
  for (const re of PATTERNS) {
    out = out.replace(re, (m) => {
      // A phone-like group must really hold a phone's worth of digits ("L3-4", "10-30" are not).
      if (re === PHONE && digitCount(m) < 9) return m;
      found = true;
      return ' ';
    });
  }
  const unknownCap = (w: string | undefined) => !!w && /^[A-Z][a-z'-]+$/.test(w) && !isKnownWord(w);
  // A pasted report's heading ("Impression:", "Findings -") is no name; a name may follow it ("Findings: Smith, 62M").
  const heading = /^\s*([A-Za-z]+)(?:\s*[:\u2013-])?\s*/.exec(out);
  const at = heading && REPORT_HEADINGS.test(heading[1]) ? heading[0].length : 0;
  const lead = /^\s*([A-Z][a-z'-]+)(?:\s+([A-Z][a-z'-]+))?(\s*[,:;-]|\s)/.exec(out.slice(at));
  if (lead && unknownCap(lead[1]) && (lead[3].trim() !== '' || unknownCap(lead[2]))) {
    found = true;
    out = out.slice(0, at) + out.slice(at + lead[0].length);
  }
  // "pt Alma Reyes", "pt R. Okafor": a name after "patient", with its surname or after an initial.
  const named = /\b(?:patient|pt|pts)\s+(?:[A-Z]\.\s*)?([A-Z][a-z'-]+)(?:\s+([A-Z][a-z'-]+))?/g;
  out = out.replace(named, (m, w: string, surname: string | undefined) => {
    if (!unknownCap(w)) return m;
    found = true;
    return surname && !unknownCap(surname) ? ` ${surname}` : ' ';
  });
  return { text: out, found };
}
