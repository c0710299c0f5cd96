import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The bot's Prometheus metrics, on a registry of its own (several servers in one process never clash). */
export interface Metrics {
  registry: Registry;
  consultsStarted: Counter<'channel'>;
  consultsFinished: Counter<'outcome'>;
  consultsCancelled: Counter;
  consultsExpired: Counter<'how'>;
  clicksRejected: Counter<'reason'>;
  stepSeconds: Histogram<'result'>;
  storeErrors: Counter<'operation'>;
  faqQuestions: Counter<'result'>;
  /** Feedback on recommendations (by choice and reason) and radiology hand-offs (requested, claimed). */
  followUps: Counter<'event'>;
}

/** Creates the registry with process metrics (RSS, CPU, event-loop lag) and the consult metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    consultsStarted: new Counter({ name: 'spine_consults_started_total', help: 'Consults started', labelNames: ['channel'], registers }),
    consultsFinished: new Counter({ name: 'spine_consults_finished_total', help: 'Consults that reached an outcome, by outcome id', labelNames: ['outcome'], registers }),
    consultsCancelled: new Counter({ name: 'spine_consults_cancelled_total', help: 'Consults cancelled by their owner', registers }),
    consultsExpired: new Counter({ name: 'spine_consults_expired_total', help: 'Consults expired for lack of answers (on a late click, or by housekeeping)', labelNames: ['how'], registers }),
    clicksRejected: new Counter({ name: 'spine_clicks_rejected_total', help: 'Clicks that changed nothing, by reason (stale, not-owner, duplicate, invalid, expired...)', labelNames: ['reason'], registers }),
    stepSeconds: new Histogram({
      name: 'spine_consult_step_seconds', help: 'Time for one consult step in the service (load, check, transition, save)',
      labelNames: ['result'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers,
    }),
    storeErrors: new Counter({ name: 'spine_store_errors_total', help: 'Consult store operations that failed', labelNames: ['operation'], registers }),
    faqQuestions: new Counter({ name: 'spine_faq_questions_total', help: 'Free-text questions: answered, declined (not sure) or help', labelNames: ['result'], registers }),
    followUps: new Counter({ name: 'spine_follow_ups_total', help: 'Feedback by choice and reason (feedback:something_else:availability...) and hand-offs (handoff:requested, handoff:claimed)', labelNames: ['event'], registers }),
  };
}
