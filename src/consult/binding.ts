import { auditRow, type AuditRow, type Channel, type ConsultRecord } from '../store/types.js';

/** Who pressed: the channel and workspace (Slack team, Teams tenant, "local") the press came through, and the user there. */
export interface Actor {
  channel: Channel;
  workspace: string;
  userId: string;
}

/** Whether `actor` presses from the consult's own channel and workspace (where a colleague may claim its hand-off). */
export function sameWorkspace(record: ConsultRecord, actor: Actor): boolean {
  return record.channel === actor.channel && record.workspace === actor.workspace;
}

/**
 * The one rule for acting on a consult: only its owner, pressing through the consult's own channel
 * and workspace. A user id from another channel or tenant is a stranger, whatever it says.
 */
export function isBound(record: ConsultRecord, actor: Actor): boolean {
  return sameWorkspace(record, actor) && record.ownerId === actor.userId;
}

/** Whether `actor` may see the consult as it stands: someone in its own conversation, channel and workspace. */
export function canSee(record: ConsultRecord, actor: Actor, conversation: string | undefined): boolean {
  return sameWorkspace(record, actor) && conversation === record.conversation;
}

/** The audit row of a refused press: who tried what, through which channel; the consult itself is untouched. */
export function refusalAudit(record: ConsultRecord, actor: Actor, action: string, at: Date): Omit<AuditRow, 'seq'> {
  return { ...auditRow(record, actor.userId, `refused:${action}`, at), channel: actor.channel };
}
