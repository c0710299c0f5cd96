import { performance } from 'node:perf_hooks';
import { ConsultService, type ClickInput, type ClickResult, type ConsultServiceOptions, type StartInput } from '../consult/consultService.js';
import type { View } from '../flow/viewTypes.js';
import { fixedFieldLogger, type Logger } from '../log/logger.js';
import { setConsultId } from '../log/requestContext.js';
import type { ConsultRecord } from '../store/types.js';
import type { Metrics } from './metrics.js';

/**
 * The consult service with metrics and log context: every channel calls start and click, so
 * counting here covers Slack, Teams and the web page without touching any of them.
 */
export class ObservedConsultService extends ConsultService {
  /** Step and start lines carry ids, step numbers and enumerated names only. */
  private readonly logger?: Logger;

  constructor(opts: ConsultServiceOptions, private readonly metrics: Metrics, logger?: Logger) {
    super(opts);
    this.logger = logger && fixedFieldLogger(logger);
  }

  override async start(input: StartInput): Promise<{ record: ConsultRecord; view: View }> {
    const started = await super.start(input);
    setConsultId(started.record.id);
    this.metrics.consultsStarted.inc({ channel: input.channel });
    this.logger?.info({ channel: input.channel, step: started.record.step }, 'consult started');
    return started;
  }

  override async click(input: ClickInput): Promise<ClickResult> {
    setConsultId(input.data.consultId);
    const t0 = performance.now();
    const result = await super.click(input);
    const seconds = (performance.now() - t0) / 1000;
    this.metrics.stepSeconds.observe({ result: result.ok ? 'applied' : 'rejected' }, seconds);
    // Ids, step numbers and enumerated names only: what the bot did, never what anyone typed.
    this.logger?.info({
      action: input.data.action, fromStep: input.data.step, ok: result.ok, ...(result.ok ? {} : { reason: result.reason }),
      step: result.record?.step, status: result.record?.status, ms: Math.round(seconds * 10_000) / 10,
    }, 'consult step');
    if (!result.ok) {
      this.metrics.clicksRejected.inc({ reason: result.reason });
      // The service marks an active consult expired on its first late click; the record it
      // returns is the one it loaded, still active. Later clicks find it already expired.
      if (result.reason === 'expired' && result.record?.status === 'active') this.metrics.consultsExpired.inc({ how: 'late-click' });
      return result;
    }
    // An outcome is reached only by an answer; some outcomes stay open for a later result, so
    // "finished" status alone would never count the most common outcome.
    if (input.data.action === 'answer' && result.record.outcomeId) this.metrics.consultsFinished.inc({ outcome: result.record.outcomeId });
    if (result.record.status === 'cancelled') this.metrics.consultsCancelled.inc();
    return result;
  }
}
