/** Product wording for the radiology hand-off, the same on every channel (names are filled in by each). */
export const HANDOFF_TEXT = {
  requested: 'Sent to the radiology channel; nobody has taken it yet.',
  claimed: (who: string) => `Radiology: ${who} has taken this one.`,
  someone: 'a radiologist',
  postTitle: 'Radiology question',
  postTaken: (who: string) => `Taken by ${who}.`,
  told: (who: string) => `${who} from radiology has taken your question about this consult.`,
  postFailed: 'The radiology channel did not accept the post, so nothing was sent. Please try again, or ask an admin to check the radiology channel set-up.',
} as const;
