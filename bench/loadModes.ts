import { performance } from 'node:perf_hooks';
import type { Clinician } from './clinicians.js';
import type { SignedPoster } from './slackTraffic.js';
import type { SlackStandIn } from './slackStandIn.js';
import { summarise, type RunStats } from './stats.js';

const REPLY_TIMEOUT_MS = 5000;
/**
 * In the paced (fixed-rate) mode a clinician reads a freshly posted consult before the first
 * click (Slack shows a message only after chat.postMessage returned). The saturation runs click
 * at once (BENCH_READ_MS to change that), as the independent closed-loop test did: with 250 ms of
 * reading, 50 clinicians cannot keep even the bare app busy, so the run would not be saturation.
 * A first click that beats the bot's saving of the new message's ts carries the ts (the click
 * payload's container.message_ts), so it is answered with chat.update like any other click.
 */
export const READ_NEW_MESSAGE_MS = 250;

/** What a load run needs: the signed client, the Slack stand-in, and how to make a clinician. */
export interface LoadTarget {
  poster: SignedPoster;
  standIn: SlackStandIn;
  clinician: (n: number) => Clinician;
}

/**
 * Sends one request and waits for the Web API call it causes; latency runs from `since`
 * (the send time, or the scheduled time in the open-loop mode) to that call's arrival.
 */
async function oneRequest(t: LoadTarget, c: Clinician, since: number): Promise<{ latency?: number; error?: string; finished: boolean; posted?: boolean }> {
  const req = c.nextRequest();
  const reply = t.standIn.next(c.channel);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((r) => { timer = setTimeout(() => r(undefined), REPLY_TIMEOUT_MS); });
  let failure: string | undefined;
  const status = await t.poster.post(req).catch((err: NodeJS.ErrnoException) => { failure = err.code ?? err.message; return 0; });
  const arrival = status === 200 ? await Promise.race([reply, timeout]) : undefined;
  clearTimeout(timer);
  if (!arrival) {
    t.standIn.cancel(c.channel);
    return { finished: false, error: failure ?? (status === 200 ? 'no Web API call in 5 s' : `HTTP ${status}`) };
  }
  return { latency: arrival.at - since, finished: c.onReply(arrival.message), posted: arrival.method === 'chat.postMessage' };
}

/** Closed loop: `concurrency` clinicians each click again as soon as the bot's answer arrives. */
export async function saturation(t: LoadTarget, concurrency: number, seconds: number, readMs = 0): Promise<RunStats> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let consults = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async (_, i) => {
    const c = t.clinician(i);
    while (performance.now() < end) {
      const r = await oneRequest(t, c, performance.now());
      if (r.latency === undefined) errors.push(r.error!);
      else latencies.push(r.latency);
      if (r.finished) consults++;
      if (r.posted && readMs > 0) await new Promise((res) => setTimeout(res, readMs));
    }
  }));
  return summarise(latencies, errors, (performance.now() - start) / 1000, consults);
}

/**
 * Open loop: requests start at a fixed rate whatever the answers do (so latency includes no
 * queueing in the load generator); each goes to an idle clinician, or a new one joins.
 */
export async function fixedRate(t: LoadTarget, perSecond: number, seconds: number): Promise<RunStats> {
  const latencies: number[] = [];
  const idle: Clinician[] = [];
  const pending: Promise<void>[] = [];
  const errors: string[] = [];
  let consults = 0;
  let made = 0;
  let sent = 0;
  const total = Math.round(perSecond * seconds);
  const start = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * perSecond) + 1);
      for (; sent < due; sent++) {
        const scheduled = start + (sent * 1000) / perSecond;
        const c = idle.pop() ?? t.clinician(made++);
        pending.push(oneRequest(t, c, scheduled).then((r) => {
          if (r.latency === undefined) errors.push(r.error!);
          else latencies.push(r.latency);
          if (r.finished) consults++;
          if (r.posted) setTimeout(() => idle.push(c), READ_NEW_MESSAGE_MS);
          else idle.push(c);
        }));
      }
      if (sent >= total) done();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(pending);
  return summarise(latencies, errors, seconds, consults);
}
