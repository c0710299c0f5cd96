/**
 * Reads the clinical state a question states before anything is searched: MRI positive, negative or indeterminate;
 * compression or not; neurologic deficit or intact; MRI possible or not; contrast given or not. Cue words and NegEx
 * triggers are data (faq-state.yaml); this applies the NegEx scope rule (Chapman et al., 2001) and combines them.
 */
import type { CueRole, FaqRulesFiles } from './faqRulesFiles.js';
import { compilePhrases, composedTerms, type PhraseHit, type ScanToken } from './phraseScan.js';
import { REPORT_WORDS, asksAbout, located } from './questionForm.js';
import { answersInPlace, asksWhetherFound } from './answeredCue.js';
import { FINDING_ROLES, MRI_ROLES, studyOf } from './resultSubject.js';
import { compressionOfAnother, deficitOverrides, onlyResidualIntact } from './apparentConflicts.js';
import { showsUnnamed, shownWordsOf } from './shownUnnamed.js';
import { assertionOf } from './negationScope.js';
import { perAsk } from './askScope.js';

/** The state a question states; an axis it does not mention is absent. */
export interface ClinicalState {
  mri?: 'positive' | 'negative' | 'indeterminate';
  compression?: 'yes' | 'no';
  neuro?: 'deficit' | 'intact';
  mriPossible?: 'yes' | 'no';
  contrast?: 'given' | 'none';
  /** Safety axes whose cues contradict each other: the bot must not pick one. */
  conflicts: Array<'mri' | 'compression' | 'neuro'>;
  /** Cue roles the question mentions at all (in any assertion), e.g. whether it names infection. */
  mentioned?: CueRole[];
  /** Cue roles the question affirms of this patient (not negated, uncertain or hypothetical). */
  affirmed?: CueRole[];
  /** Cue roles the question names as sought or possible ("imaging for suspected metastases"): hypothetical and uncertain mentions. */
  sought?: CueRole[];
}

/** What a cue asserts about the patient after negation scope. */
export type Assertion = 'affirmed' | 'negated' | 'uncertain' | 'hypothetical';

/** A cue word found in the question, with what it asserts. */
export interface CueMention {
  role: CueRole;
  assertion: Assertion;
  start: number;
  end: number;
}

/** A compiled state reader. */
export interface StateReader {
  /** The cue mentions of a question (after shorthand expansion), in text order. */
  mentions(text: string): { tokens: ScanToken[]; cues: CueMention[] };
  /** The state a question states. */
  read(text: string): ClinicalState;
  /** Stems of the words a cue or trigger phrase of the question used ("no evidence of"). */
  explained(text: string): Set<string>;
}

const TRIGGERS = ['pre', 'post', 'uncertain', 'uncertainPre', 'uncertainPost', 'hypothetical', 'hypotheticalPost', 'purpose', 'terminators'] as const;
const MRI_AXIS_ROLES: ReadonlySet<CueRole> = new Set(['finding', 'finding-general', 'finding-signal', 'result-positive', 'result-negative', 'result-indeterminate']);

/** Compiles the cue and trigger lists of faq-state.yaml. */
export function compileStateReader(file: FaqRulesFiles['state']): StateReader {
  const lists = new Map<string, string[]>();
  for (const t of TRIGGERS) lists.set(`t:${t}`, file.triggers[t]);
  // Stryker disable next-line ArrayDeclaration: a made-up phrase nobody types changes no reading
  for (const cue of [...file.cues, ...file.composed.map((c) => ({ role: c.role, terms: composedTerms(c) }))]) lists.set(`c:${cue.role}`, [...(lists.get(`c:${cue.role}`) ?? []), ...cue.terms]);
  const scanner = compilePhrases(lists);
  const shownWords = shownWordsOf(file.shown, (w) => scanner.tokens(w).map((t) => t.stem));
  const window = file.window;

  // One question is read several times in an ask (state, explained words): scan it once (askScope.ts).
  const scanned = perAsk((text: string) => {
    const tokens = scanner.tokens(text);
    return { tokens, hits: scanner.scan(tokens) };
  });

  function mentions(text: string) {
    const { tokens, hits } = scanned(text);
    const cues: CueMention[] = [];
    // Tokens inside a cue phrase: the items a list of cues is made of.
    const cueAt = new Set<number>();
    for (const h of hits) if (h.labels.some((l) => l.startsWith('c:'))) for (let k = h.start; k < h.end; k++) cueAt.add(k);
    const inPlace = answersInPlace(tokens, hits);
    hits.forEach((hit, idx) => {
      if (inPlace.answers.has(hit.start)) return;
      const deniesNext = deniesCompression(hit, hits[idx + 1], tokens);
      for (const label of hit.labels) {
        if (!label.startsWith('c:') || deniesNext) continue;
        const role = label.slice(2) as CueRole;
        // Answered "no" in place ("compression? no"): the lone answer sits past the break NegEx stops at.
        const said = inPlace.negated.has(hit.start) ? 'negated' : assertionOf(role, idx, hits, tokens, cueAt, window);
        // A finding in a yes/no question naming no study ("is infection off the table?",
        // "can an abscess occur without discitis?"), or asking whether a study found it ("is there
        // an abscess on the MRI?"), is asked about, not found.
        const asked = asksAbout(tokens, hits, hit.start) || asksWhetherFound(tokens, hit.start);
        const assertion = said === 'affirmed' && FINDING_ROLES.has(role) && asked ? 'hypothetical' : said;
        cues.push({ role, assertion, start: hit.start, end: hit.end });
      }
    });
    // With the MRI still pending, a compression asked about ("is there anything compressing the cord?", "could anything be
    // compressing it?") is not stated.
    const pending = cues.some((c) => c.role === 'mri-pending' && c.assertion === 'affirmed');
    for (const c of cues) if (pending && c.role === 'compression' && c.assertion === 'affirmed' && (asksAbout(tokens, hits, c.start) || asksWhetherFound(tokens, c.start))) c.assertion = 'hypothetical';
    return { tokens, cues };
  }

  return {
    mentions,
    explained(text) {
      const { tokens, hits } = scanned(text);
      return new Set(hits.flatMap((h) => tokens.slice(h.start, h.end).map((t) => t.stem)));
    },
    read(text) {
      const { tokens, cues } = mentions(text);
      return combine(cues, tokens, showsUnnamed(tokens, scanned(text).hits, shownWords));
    },
  };
}

/** Whether a cue that is also a negation trigger ("nothing") only denies the compression right after it
 * in its clause ("nothing compressing", "nothing's squished"): it then says nothing of the MRI itself. */
function deniesCompression(hit: PhraseHit, next: PhraseHit | undefined, tokens: readonly ScanToken[]): boolean {
  return hit.labels.includes('t:pre') && !!next && next.labels.includes('c:compression') && !tokens.slice(hit.end, next.start).some((t) => t.brk);
}

/**
 * Combines cue mentions into one state; contradictory safety cues become conflicts.
 * @param unnamedShown whether a study is said to show something no cue names (shownUnnamed.ts): a negated finding alone is then no negative MRI.
 */
export function combine(cues: readonly CueMention[], tokens: readonly ScanToken[], unnamedShown = false): ClinicalState {
  const state: ClinicalState = {
    conflicts: [],
    mentioned: [...new Set(cues.map((c) => c.role))],
    affirmed: [...new Set(cues.filter((c) => c.assertion === 'affirmed').map((c) => c.role))],
    sought: [...new Set(cues.filter((c) => c.assertion === 'hypothetical' || c.assertion === 'uncertain').map((c) => c.role))],
  };
  const live = cues.filter((c) => c.assertion !== 'hypothetical' && c.role !== 'ignore');
  const has = (role: CueRole, ...as: Assertion[]) => live.some((c) => c.role === role && as.includes(c.assertion));

  // MRI result: only cues that describe the MRI, not the radiograph, CT or another subject ("reflexes normal",
  // "cultures positive"). With no study named, a finding stated with its compression status ("SEA, no cord
  // compression") or an epidural abscess or phlegmon stated where it is ("small ventral SEA", role mri-finding) is the MRI's.
  const onlyMri = live.some((c) => c.role === 'compression' || (c.role === 'mri-finding' && c.assertion === 'affirmed' && located(tokens, c.start)));
  const studies = live.filter((c) => MRI_ROLES.has(c.role) || c.role === 'other-study' || c.role === 'other-subject');
  // A report named with no study ("report reads: nonspecific, infection not excluded") is the MRI's
  // too, the initial imaging being abnormal by this pathway's premise; but only as indeterminate: a
  // positive or negative read could be another study's report.
  const noStudy = !studies.some((c) => c.role !== 'other-subject');
  const byReport = noStudy && tokens.some((t) => REPORT_WORDS.has(t.stem));
  const impliedMri = noStudy && (onlyMri || byReport);
  // Implied or named, a result word said of the labs or the reflexes is still not the MRI's.
  const mriCues = live.filter((c) => {
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: keeping a cue of another role changes nothing, saysMri asks only for MRI-axis roles
    if (!MRI_AXIS_ROLES.has(c.role)) return false;
    const study = studyOf(c, studies, tokens);
    return impliedMri ? study !== 'other-subject' : MRI_ROLES.has(study);
  });
  const saysMri = (role: CueRole, ...as: Assertion[]) => mriCues.some((c) => c.role === role && as.includes(c.assertion));
  const explicit = new Set<string>();
  if (saysMri('result-positive', 'affirmed')) explicit.add('positive');
  if (saysMri('result-negative', 'affirmed') || saysMri('result-positive', 'negated')) explicit.add('negative');
  if (saysMri('result-indeterminate', 'affirmed', 'uncertain') || saysMri('result-positive', 'uncertain')) explicit.add('indeterminate');
  const findingFound = saysMri('finding', 'affirmed') || saysMri('finding-general', 'affirmed');
  const infectionExcluded = saysMri('finding-general', 'negated');
  // A signal change ("endplate enhancement", "marrow edema") is not a diagnosis, but an MRI
  // showing one is never a negative MRI: "didn't show an abscess but endplate enhancement".
  const signalFound = saysMri('finding-signal', 'affirmed', 'uncertain');
  // A finding left open ("early discitis cannot be excluded. No epidural collection") is no negative MRI.
  const findingOpen = saysMri('finding', 'uncertain') || saysMri('finding-general', 'uncertain');
  const negativeStated = explicit.has('negative') || ((saysMri('finding', 'negated') || infectionExcluded) && !findingFound && !findingOpen && explicit.size === 0);
  // Edema on a non-contrast MRI with no collection is what the source calls hard to tell from early
  // osteomyelitis without contrast: indeterminate, never positive or negative. Contrast named only in a
  // later sentence ("... no collection. Repeat it with gad?") is asked about, not given.
  const reported = Math.max(...mriCues.map((c) => c.end));
  const contrastGiven = live.some((c) => c.role === 'contrast' && c.assertion === 'affirmed' && !tokens.slice(reported, c.start).some((t) => t.brk === 'sentence'));
  const nonContrastSignal = signalFound && negativeStated && !explicit.has('negative') && !infectionExcluded && has('non-contrast', 'affirmed') && !contrastGiven;
  if (nonContrastSignal) state.mri = 'indeterminate';
  else if (explicit.size > 1 || (explicit.has('negative') && findingFound) || (signalFound && negativeStated) || (infectionExcluded && (explicit.has('positive') || saysMri('finding', 'affirmed')))) {
    state.conflicts.push('mri');
  } else if (explicit.size === 1) {
    state.mri = [...explicit][0] as ClinicalState['mri'];
  } else if (findingFound) state.mri = 'positive';
  else if (saysMri('finding', 'uncertain') || saysMri('finding-general', 'uncertain')) state.mri = 'indeterminate';
  else if (infectionExcluded || (saysMri('finding', 'negated') && !unnamedShown)) state.mri = 'negative';
  if (state.mri !== 'indeterminate' && byReport && !onlyMri) delete state.mri;
  // An MRI pending ("MRI tomorrow", "awaiting MRI read") and no other named: no MRI result is stated.
  if (has('mri-pending', 'affirmed') && !live.some((c) => MRI_ROLES.has(c.role))) {
    delete state.mri;
    state.conflicts = state.conflicts.filter((axis) => axis !== 'mri');
  }

  // Compression: an uncertain mention counts as present (escalating is the safe side).
  const compressed = has('compression', 'affirmed', 'uncertain');
  const notCompressed = has('compression', 'negated');
  if (compressed && notCompressed && !compressionOfAnother(live, tokens)) state.conflicts.push('compression');
  else if (compressed) state.compression = 'yes';
  else if (notCompressed) state.compression = 'no';

  const deficit = has('deficit', 'affirmed', 'uncertain') || has('intact', 'negated');
  // One symptom denied beside another stated ("weakness and no numbness", "no weakness but can't void") is a deficit.
  const intact = has('intact', 'affirmed') || (has('deficit', 'negated') && !has('deficit', 'affirmed', 'uncertain'));
  if (deficit && intact && deficitOverrides(live, tokens)) state.neuro = 'deficit';
  else if ((deficit && intact) || (intact && onlyResidualIntact(live, tokens))) state.conflicts.push('neuro');
  else if (deficit) state.neuro = 'deficit';
  else if (intact) state.neuro = 'intact';

  if (has('mri-possible', 'affirmed')) state.mriPossible = 'yes';
  else if (has('mri-possible', 'negated') || has('mri-impossible', 'affirmed', 'uncertain')) state.mriPossible = 'no';

  const given = has('contrast', 'affirmed');
  const none = has('contrast', 'negated') || has('non-contrast', 'affirmed');
  if (given !== none) state.contrast = given ? 'given' : 'none';
  return state;
}

export { fits, seeksOtherDisease, type Applicability } from './stateFit.js';
