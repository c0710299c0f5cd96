import { z } from 'zod';

/**
 * The minimum an incoming Bot Framework activity must carry before it is handed to the adapter:
 * a type, where to reply (an http(s) serviceUrl), the conversation and the sender. Anything less is a 400.
 */
export const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  channelId: z.string().min(1).max(64),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: z.looseObject({ id: z.string().min(1).max(512) }),
  recipient: z.looseObject({ id: z.string().min(1).max(512) }).optional(),
  text: z.string().max(28_000).optional(),
});

/** Explains, without echoing the payload, why a body is not an activity. */
export function describeEnvelopeError(body: unknown): string | undefined {
  const parsed = ActivityEnvelopeSchema.safeParse(body);
  if (parsed.success) return undefined;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))];
  return `Not a Bot Framework activity: missing or invalid ${fields.join(', ')}.`;
}
