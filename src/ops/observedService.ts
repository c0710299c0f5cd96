import { performance } from 'node:perf_hooks';
import { ConsultService, type ClickInput, type ClickResult, type ConsultServiceOptions, type StartInput } from '../consult/consultService.js';
import type { View } from '../flow/viewTypes.js';
import { setConsultId } from '../log/requestContext.js';
import type { ConsultRecord } from '../store/types.js';
import type { Metrics } from './metrics.js';

/**
 * The consult service with metrics and log context: every channel calls start and click, so
 * counting here covers Slack, Teams and the web page without touching any of them.
 */
export class ObservedConsultService extends ConsultService {
  constructor(opts: ConsultServiceOptions, private readonly metrics: Metrics) {
    super(opts);
  }

  override async start(input: StartInput): Promise<{ record: ConsultRecord; view: View }> {
    const started = await super.start(input);
    setConsultId(started.record.id);
    this.metrics.consultsStarted.inc({ channel: input.channel });
    return started;
  }

  override async click(input: ClickInput): Promise<ClickResult> {
    setConsultId(input.data.consultId);
    const t0 = performance.now();
    const result = await super.click(input);
    this.metrics.stepSeconds.observe({ result: result.ok ? 'applied' : 'rejected' }, (performance.now() - t0) / 1000);
    if (!result.ok) {
      this.metrics.clicksRejected.inc({ reason: result.reason });
      // The service marks an active consult expired on its first late click; the record it
      // returns is the one it loaded, still active. Later clicks find it already expired.
      if (result.reason === 'expired' && result.record?.status === 'active') this.metrics.consultsExpired.inc({ how: 'late-click' });
      return result;
    }
    if (result.record.status === 'finished' && result.record.outcomeId) this.metrics.consultsFinished.inc({ outcome: result.record.outcomeId });
    if (result.record.status === 'cancelled') this.metrics.consultsCancelled.inc();
    return result;
  }
}
