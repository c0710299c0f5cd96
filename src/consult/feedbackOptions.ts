/** Feedback choices, as stored and audited (`feedback:<choice>`). */
export const FEEDBACK_CHOICES = ['as_recommended', 'something_else', 'not_ordering'] as const;
/** Reasons for ordering something else (`feedback:something_else:<reason>`). */
export const FEEDBACK_REASONS = ['contraindication', 'patient_factors', 'availability', 'specialist_advice', 'other'] as const;

/** What the clinician did with a recommendation (enumerated; never free text). */
export type FeedbackChoice = (typeof FEEDBACK_CHOICES)[number];
/** Why something else was ordered (enumerated; never free text). */
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** Button labels for the feedback choices (product wording, shared by every channel). */
export const CHOICE_LABELS: Record<FeedbackChoice, string> = {
  as_recommended: 'Ordering as recommended',
  something_else: 'Ordering something else',
  not_ordering: 'Not ordering',
};

/** Button labels for the reasons behind "Ordering something else". */
export const REASON_LABELS: Record<FeedbackReason, string> = {
  contraindication: 'Contraindication',
  patient_factors: 'Patient factors',
  availability: 'Availability',
  specialist_advice: 'Specialist advice',
  other: 'Other',
};
