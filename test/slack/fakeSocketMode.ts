import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** What the app sent back for one envelope. */
export interface Ack { envelope_id: string; payload?: Record<string, unknown> }

/**
 * Slack's side of Socket Mode on a local port: each connection gets `hello`; `deliver` sends an
 * envelope (`slash_commands`, `interactive`, `events_api`) and resolves with the app's ack, matched
 * by `envelope_id`; `disconnect` sends Slack's `disconnect` message, as Slack does before it
 * recycles a connection.
 */
export class FakeSocketMode {
  private wss!: WebSocketServer;
  /** Every connection the app opened, oldest first. */
  readonly sockets: WebSocket[] = [];
  /** Every ack received, in order. */
  readonly acks: Ack[] = [];
  private waiting = new Map<string, (ack: Ack) => void>();
  private connected: Array<() => void> = [];

  /** Starts listening; resolves with the ws:// URL that apps.connections.open should return. */
  async start(): Promise<string> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss.once('listening', () => resolve()));
    this.wss.on('connection', (ws) => {
      this.sockets.push(ws);
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Ack;
        this.acks.push(ack);
        this.waiting.get(ack.envelope_id)?.(ack);
        this.waiting.delete(ack.envelope_id);
      });
      ws.send(JSON.stringify({
        type: 'hello', num_connections: this.sockets.length,
        debug_info: { host: 'applink-test', build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: 'A1' },
      }));
      for (const resolve of this.connected.splice(0)) resolve();
    });
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/link/?ticket=test-ticket&app_id=A1`;
  }

  /** The connection the app is on now. */
  current(): WebSocket {
    const live = this.sockets.filter((s) => s.readyState === s.OPEN);
    if (live.length !== 1) throw new Error(`expected one open connection, found ${live.length}`);
    return live[0];
  }

  /** Sends one envelope on the open connection and resolves with the app's ack for it. */
  deliver(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<Ack> {
    const envelope_id = randomUUID();
    const acked = new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${type} envelope ${envelope_id}`)), 10_000);
      this.waiting.set(envelope_id, (ack) => { clearTimeout(timer); resolve(ack); });
    });
    // As Slack sends them: only Events API envelopes carry retry fields (0 and '' on the first delivery).
    const retry = type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {};
    this.current().send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type === 'slash_commands', ...retry }));
    return acked;
  }

  /** Sends Slack's `disconnect` and resolves once the app has closed that socket and connected again. */
  async disconnect(reason = 'refresh_requested'): Promise<void> {
    const old = this.current();
    const closed = new Promise<void>((resolve) => old.once('close', () => resolve()));
    const reconnected = new Promise<void>((resolve) => this.connected.push(resolve));
    old.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-test' } }));
    await closed;
    await reconnected;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
  }
}
