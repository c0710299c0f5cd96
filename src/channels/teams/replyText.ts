import type { ReplyStyle } from '../../consult/rejections.js';

/**
 * How rejection texts name things in Teams. A Teams mention needs an entity with the user's display
 * name, which the bot does not store, so the owner is described rather than mentioned.
 */
export const TEAMS_REPLY_STYLE: ReplyStyle = {
  startHint: 'a message saying "consult" to the bot',
  mention: () => 'the person who started this consult',
};

/** Product wording for the few plain-text replies the Teams channel sends. */
export const TEAMS_TEXT = {
  help: 'Send "consult" to start a consult: I ask a few questions and show the imaging guidance. In a personal chat you can also ask a question in your own words.',
  groupHelp: 'Mention me with "consult" to start a consult here. For questions in your own words, open a personal chat with me.',
  unreadableButton: 'That button could not be read; nothing was changed.',
  topicMissing: 'That topic is not available any more; nothing was changed.',
  welcomeHint: 'Send "consult" at any time to start one, or "help" to see this again.',
  startedBelow: 'A new consult has started in this conversation.',
  topicBelow: 'The answer is posted below.',
  failed: 'Sorry, something went wrong on my side. Your consult keeps every answer it saved: press a button again to continue, or send "consult" to start a new one.',
} as const;
