/**
 * The small slice of the Adaptive Cards 1.5 schema this bot draws. Kept structural (no SDK types)
 * so the renderers stay pure and survive the move from botbuilder to @microsoft/agents-hosting.
 */

/** Any card element or action, as plain JSON. */
export type CardJson = { [key: string]: unknown };

/** An Adaptive Card 1.5 payload. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardJson[];
  actions?: CardJson[];
  msteams?: { width: 'Full' };
}

/** The MIME type Bot Framework uses for Adaptive Card attachments and invoke responses. */
export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Wraps body and actions into a version 1.5 card, full width in Teams so tables fit. */
export function adaptiveCard(body: CardJson[], actions: CardJson[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/** A wrapping text block; `extra` sets weight, size, colour and the like. */
export function text(value: string, extra: CardJson = {}): CardJson {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}
