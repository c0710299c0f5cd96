/**
 * Audit events are enumerated names built from flow ids (see AuditRow.event); anything else is
 * refused so that free text can never reach the append-only trail, whatever a caller passes.
 */
const AUDIT_EVENT = /^(start|back|restart|cancel|record_result|expire|answer:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}|change:[A-Za-z0-9_-]{1,64}|feedback:(as_recommended|not_ordering|something_else:(contraindication|patient_factors|availability|specialist_advice|other))|handoff:(requested|claimed)|refused:(answer|back|restart|cancel|change|record_result|new_consult|feedback|handoff|claim))$/;

/** Throws unless `event` is one of the enumerated audit event names. */
export function assertAuditEvent(event: string): void {
  if (!AUDIT_EVENT.test(event)) throw new Error(`refusing audit event that is not an enumerated name (${event.length} chars)`);
}
