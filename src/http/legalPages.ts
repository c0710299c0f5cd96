import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { parse } from 'yaml';
import { z } from 'zod';
import { esc, join as joinHtml } from '../channels/web/html.js';
import { BRAND_COLOUR } from '../config/brand.js';
import { PROJECT_ROOT } from '../content/loadContent.js';

const Page = z.object({
  title: z.string().min(1),
  sections: z.array(z.object({ heading: z.string().min(1), paragraphs: z.array(z.string().min(1)).min(1) })).min(1),
});
const LegalFile = z.object({ privacy: Page, terms: Page });

/** The privacy and terms pages as data (manifests/legal.yaml). */
export type LegalPages = z.infer<typeof LegalFile>;

/** What the pages fill in: the retention figures the server runs with and who to ask. */
export interface LegalFacts {
  retentionDays: number;
  ttlHours: number;
  /** PRIVACY_CONTACT; unset, the page points at whoever installed the app. */
  contact?: string;
}

/** The file the pages come from. */
export const LEGAL_FILE = join(PROJECT_ROOT, 'manifests/legal.yaml');

/** Reads and validates manifests/legal.yaml; throws naming the file and the bad field. */
export function loadLegalPages(file = LEGAL_FILE): LegalPages {
  const parsed = LegalFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`manifests/legal.yaml: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b2430;background:#f3f5f8}
header{background:${BRAND_COLOUR};color:#fff;padding:.9rem 1.25rem}header a{color:#fff;font-weight:700;text-decoration:none}
main{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 2rem}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}`;

/** Renders one page; placeholders {retentionDays}, {ttlHours} and {contact} take the facts. */
export function renderLegalPage(page: LegalPages['privacy'], facts: LegalFacts): string {
  const contact = facts.contact ?? 'the administrator who installed Spine Consult for your organisation.';
  const fill = (text: string) => text
    .replaceAll('{retentionDays}', String(facts.retentionDays))
    .replaceAll('{ttlHours}', String(facts.ttlHours))
    .replaceAll('{contact}', contact);
  return joinHtml([
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(page.title)} · Spine consult</title>`,
    '<link rel="icon" href="/favicon.ico" type="image/png">',
    `<style>${STYLE}</style></head>`,
    '<body>',
    '<header><a href="/">Spine consult</a></header>',
    '<main>',
    `<h1>${esc(page.title)}</h1>`,
    ...page.sections.flatMap((s) => [`<h2>${esc(s.heading)}</h2>`, ...s.paragraphs.map((p) => `<p>${esc(fill(p))}</p>`)]),
    '</main>',
    '</body>',
    '</html>',
  ]);
}

/** GET /privacy and GET /terms, rendered once at start-up (the facts do not change while running). */
export function legalRoutes(facts: LegalFacts, pages = loadLegalPages()): Router {
  const router = Router();
  const headers = { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'", 'X-Content-Type-Options': 'nosniff' };
  const privacy = renderLegalPage(pages.privacy, facts);
  const terms = renderLegalPage(pages.terms, facts);
  router.get('/privacy', (_req, res) => { res.set(headers).type('html').send(privacy); });
  router.get('/terms', (_req, res) => { res.set(headers).type('html').send(terms); });
  return router;
}
