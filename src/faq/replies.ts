/**
 * Builds the channel-neutral FAQ replies (src/flow/viewTypes.ts). Every clinical word in them
 * comes from rules/ data; the fixed wording here only explains what the bot is and is not.
 * None of them carries the user's own text.
 */
import type { Content } from '../flow/parseContent.js';
import type { FaqEntry } from '../flow/schema.js';
import type { CriteriaInfo, FaqAnswerView, FaqNotSureView, FaqTopic, HelpView } from '../flow/viewTypes.js';

/** The guidance the answers come from, as shown under every reply. */
export function criteriaInfo(content: Content): CriteriaInfo {
  const { name, variant, reviewDate } = content.rules.criteria;
  return { name, variant, reviewDate };
}

/** Button labels by faq id (faq-routing.yaml; at most 40 characters, so never cut). */
export type TopicLabels = Readonly<Record<string, string>>;

/** A button-sized reference to an entry: its id and short label (its question if it has none). */
export function topicOf(entry: FaqEntry, labels: TopicLabels = {}): FaqTopic {
  return { faqId: entry.id, title: labels[entry.id] ?? entry.question };
}

/** The answer to one entry, with up to three related topics and any notices (never the user's text). */
export function answerView(
  entry: FaqEntry,
  related: readonly FaqEntry[],
  content: Content,
  labels: TopicLabels = {},
  notices: readonly string[] = [],
): FaqAnswerView {
  return {
    kind: 'faq',
    faqId: entry.id,
    question: entry.question,
    answer: entry.answer,
    section: entry.source.section,
    related: related.slice(0, 3).map((e) => topicOf(e, labels)),
    criteria: criteriaInfo(content),
    ...(notices.length > 0 ? { notices: [...notices] } : {}),
  };
}

/**
 * The honest "not sure". `related` says whether the suggestions are close to the question or
 * only the general starting points, so the wording does not pretend a link that is not there.
 */
export function notSureView(
  suggestions: readonly FaqEntry[],
  related: boolean,
  labels: TopicLabels = {},
  notices: readonly string[] = [],
): FaqNotSureView {
  const text = related
    ? "I'm not sure which of these you mean. Choose the closest topic, or rephrase your question."
    : "I can only answer questions about imaging for suspected spine infection after abnormal "
      + 'radiographs or CT, and I could not match that. These topics are a good place to start; '
      + 'type "help" to see what I can do.';
  return {
    kind: 'faq-none',
    text,
    suggestions: suggestions.slice(0, 3).map((e) => topicOf(e, labels)),
    ...(notices.length > 0 ? { notices: [...notices] } : {}),
  };
}

/** What the bot does, how to start a consult, and its limits (for greetings and "help"). */
export function helpView(content: Content): HelpView {
  const criteria = criteriaInfo(content);
  return {
    kind: 'help',
    title: 'Spine infection imaging consult',
    paragraphs: [
      'I walk you through the ACR guidance for the next imaging step in suspected spine '
        + 'infection when the first radiographs or CT are abnormal or equivocal, and what to do '
        + 'once the MRI result is back.',
      'To start a consult, type /spine-consult in Slack or send "consult" to me in Teams, then '
        + 'answer the button questions. You can also ask me a question here, for example '
        + '"why not a CT with contrast?" or "what if the patient has a pacemaker?".',
      'Limits: this is decision support only. It does not replace clinical judgement or advice '
        + 'from radiology, and it covers only this one scenario. Never type patient identifiers '
        + '(names, record numbers, dates of birth) into this chat.',
      `Guidance: ${criteria.name} (${criteria.variant}), reviewed ${criteria.reviewDate}.`,
    ],
    criteria,
    disclaimer: content.rules.criteria.disclaimer,
  };
}
