import type { Activity } from 'botbuilder';

/** The Teams tenant an activity comes from; consults and the radiology channel are kept per tenant. */
export function tenantOf(a: Pick<Activity, 'conversation' | 'channelData'>): string {
  const channelData = a.channelData as { tenant?: { id?: string } } | undefined;
  return a.conversation.tenantId ?? channelData?.tenant?.id ?? 'teams';
}
