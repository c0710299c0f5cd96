/** Block Kit limits this adapter renders within (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  sectionText: 3000,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  contextElements: 10,
} as const;

/** A plain_text object. */
export interface PlainText { type: 'plain_text'; text: string; emoji?: boolean }
/** A mrkdwn text object. */
export interface Mrkdwn { type: 'mrkdwn'; text: string }
/** A button element. */
export interface Button { type: 'button'; text: PlainText; action_id: string; value: string; style?: 'primary' | 'danger' }
/** The blocks this adapter uses. */
export type Block =
  | { type: 'section'; block_id?: string; text: Mrkdwn; accessory?: Button }
  | { type: 'context'; block_id?: string; elements: Mrkdwn[] }
  | { type: 'actions'; block_id?: string; elements: Button[] }
  | { type: 'header'; block_id?: string; text: PlainText }
  | { type: 'divider' };

/** A message body: Block Kit blocks plus the plain `text` shown in notifications and by screen readers. */
export interface SlackMessage { text: string; blocks: Block[] }

/**
 * Who hears about a cut. A cut is a last resort that keeps Slack from refusing the whole message;
 * it is never silent: mountSlack logs it and the labels test (test/interaction/labels.test.ts)
 * fails on it, so content that does not fit gets a shorter label in rules/ instead.
 */
export const clipWatch: { onClip: (length: number, max: number) => void } = { onClip: () => {} };

/** Shortens text to `max` characters, marking the cut with an ellipsis, and reports the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  clipWatch.onClip(text.length, max);
  return `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A section with mrkdwn text, clipped to the section limit. */
export function section(text: string, extra: { blockId?: string; accessory?: Button } = {}): Block {
  return {
    type: 'section',
    ...(extra.blockId ? { block_id: extra.blockId } : {}),
    text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) },
    ...(extra.accessory ? { accessory: extra.accessory } : {}),
  };
}

/** A context block of mrkdwn lines. */
export function context(lines: string[], blockId?: string): Block {
  return {
    type: 'context',
    ...(blockId ? { block_id: blockId } : {}),
    elements: lines.slice(0, LIMITS.contextElements).map((t) => ({ type: 'mrkdwn' as const, text: clip(t, LIMITS.contextText) })),
  };
}

/** A header block. */
export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.headerText) } };
}

/** An actions block of buttons. */
export function actions(blockId: string, elements: Button[]): Block {
  return { type: 'actions', block_id: blockId, elements: elements.slice(0, LIMITS.actionsElements) };
}

/** A button; the label is clipped to the button limit. */
export function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(label, LIMITS.buttonText) },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** A divider. */
export const divider: Block = { type: 'divider' };
