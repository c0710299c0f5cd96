import { ADAPTIVE_CARD_TYPE, type AdaptiveCard } from './cardTypes.js';

/** The body of an `adaptiveCard/action` invoke response (Universal Actions). */
export type AdaptiveCardInvokeResponse =
  | { statusCode: 200; type: typeof ADAPTIVE_CARD_TYPE; value: AdaptiveCard }
  | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string }
  | { statusCode: 400 | 500; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } };

/** Replaces the clicked card with `card` for the clicker. */
export const cardResponse = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: card });

/** Shows a short message to the clicker only; the card stays as it is. */
export const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text,
});

/** A client error (unreadable button) or a server error, in the Universal Actions error shape. */
export const errorResponse = (statusCode: 400 | 500, code: string, message: string): AdaptiveCardInvokeResponse => ({
  statusCode, type: 'application/vnd.microsoft.error', value: { code, message },
});
