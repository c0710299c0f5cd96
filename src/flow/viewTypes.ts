/** One answered question, as shown in the trail above the current step. */
export interface TrailItem {
  questionId: string;
  question: string;
  optionId: string;
  answer: string;
  /** Whether a "change" button may jump back to this question. */
  canChange: boolean;
}

/** Which controls a view offers; channels draw only these. */
export interface Controls {
  back: boolean;
  restart: boolean;
  cancel: boolean;
  recordResult: boolean;
  newConsult: boolean;
}

/** The guidance a consult follows. */
export interface CriteriaInfo {
  name: string;
  variant: string;
  reviewDate: string;
}

/** Fields every consult view carries, so channels can stamp buttons with the step. */
interface ViewBase {
  flowId: string;
  flowVersion: string;
  step: number;
  trail: TrailItem[];
  controls: Controls;
  criteria: CriteriaInfo;
}

/** The current question with its options. */
export interface QuestionView extends ViewBase {
  kind: 'question';
  question: { id: string; label: string; prompt: string; help: string; options: Array<{ id: string; label: string }> };
  /** 1-based position among the questions asked so far, for "question 3". */
  number: number;
}

/** One row of the ratings table. */
export interface RatingRow {
  procedureId: string;
  study: string;
  rating: string;
  radiation: string;
  note?: string;
}

/** An outcome: recommendation, exclusion, emergency or post-MRI result. */
export interface OutcomeView extends ViewBase {
  kind: 'outcome';
  outcomeId: string;
  outcomeKind: 'recommendation' | 'exclusion' | 'emergency' | 'result';
  title: string;
  statement: string;
  details: string[];
  ratings: RatingRow[];
  urgency?: { level: 'urgent' | 'emergent'; label: string; text: string };
  orderLine?: string;
  pitfalls: string[];
  parentGuide?: string;
  /** Plain text to paste into the chart: no patient details. */
  chartNote: string;
  disclaimer: string;
  /** The source headings this outcome's statements come from. */
  sources: string[];
  /** Names the article, its reviewer and review date, and that it summarises the ACR criteria. */
  attribution: string;
  /** Up to three FAQ topics related to this outcome, offered as buttons after the outcome. */
  related: FaqTopic[];
  /** Product safety wording shown prominently (e.g. "this bot does not page anyone"); set by src/consult. */
  safetyNotice?: string;
  /** Feedback on the recommendation, when the outcome asks for it; set by src/consult, not the flow. */
  feedback?: FeedbackView;
  /** "Ask radiology", when a radiology channel is configured; set by src/consult, not the flow. */
  handoff?: HandoffView;
}

/** A labelled choice for a follow-up button (ids are enumerated; labels are product wording). */
export interface FollowUpOption {
  id: string;
  label: string;
}

/** Feedback buttons on a recommendation, or the one-line record once given. */
export interface FeedbackView {
  /** "Ordering as recommended" / "Ordering something else" / "Not ordering"; empty once recorded. */
  choices: FollowUpOption[];
  /** Reasons to pick after "Ordering something else"; empty otherwise. */
  reasons: FollowUpOption[];
  /** e.g. "Feedback: ordering something else - availability", once recorded. */
  recorded?: string;
}

/** The radiology hand-off on an outcome: the button, or where the request stands. */
export interface HandoffView {
  /** Drawn near the top (exclusions, contraindications, severe deficit) rather than with the controls. */
  prominent: boolean;
  state: 'available' | 'requested' | 'claimed';
  /** The button label while available ("Ask radiology"). */
  label: string;
  /** Who took it (a platform user id), once claimed. */
  claimedBy?: string;
  /** Their display name where the platform gave one (Teams). */
  claimedByName?: string;
}

/** A short message instead of a question or outcome (cancelled, guidance changed, errors). */
export interface NoticeView {
  kind: 'notice';
  notice: 'cancelled' | 'flow-changed';
  text: string;
  step: number;
  controls: Controls;
}

/** The channel-neutral view of a consult; renderers turn it into Block Kit, Adaptive Cards or text. */
export type View = QuestionView | OutcomeView | NoticeView;

/** A topic the clinician can tap for its FAQ answer. */
export interface FaqTopic {
  faqId: string;
  title: string;
}

/** A confident answer to a free-text question, from rules/<flow>/faq.yaml. */
export interface FaqAnswerView {
  kind: 'faq';
  faqId: string;
  /** The entry's canonical question (never the user's own words). */
  question: string;
  answer: string;
  /** The source heading the answer comes from. */
  section: string;
  related: FaqTopic[];
  criteria: CriteriaInfo;
  /** Fixed notices from rules data (identifier reminder, consult offer); never the user's text. */
  notices?: string[];
}

/** No confident match: say so honestly and offer the closest topics. */
export interface FaqNotSureView {
  kind: 'faq-none';
  text: string;
  suggestions: FaqTopic[];
  /** Fixed notices from rules data (identifier reminder); never the user's text. */
  notices?: string[];
}

/** What the bot does and its limits (greetings, "help"). */
export interface HelpView {
  kind: 'help';
  title: string;
  paragraphs: string[];
  criteria: CriteriaInfo;
  disclaimer: string;
}

/** Replies to free text in a direct message. */
export type FaqView = FaqAnswerView | FaqNotSureView | HelpView;
