/**
 * Product wording shared by every channel: the product's name and the labels of buttons that are
 * not clinical content. Clinical wording (questions, outcomes, the label that reopens a consult)
 * lives in flows/ and rules/.
 */
export const PRODUCT = {
  /** Shown as the App Home header and the web page's brand. */
  name: 'Spine consult',
} as const;

/** Labels of the buttons every channel draws. */
export const LABELS = {
  back: 'Back',
  restart: 'Restart',
  cancel: 'Cancel',
  newConsult: 'New consult',
  change: 'Change',
  startConsult: 'Start a consult',
  askRadiology: 'Ask radiology',
  claim: "I'll take it",
} as const;
