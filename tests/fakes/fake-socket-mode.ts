import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's Socket Mode endpoint on 127.0.0.1: greets a connecting app with `hello`, sends it
 * envelopes (slash commands, events) and collects the acknowledgements it sends back.
 */
export class FakeSocketMode {
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private connected: (() => void) | undefined;
  readonly ready = new Promise<void>((resolve) => {
    this.connected = resolve;
  });

  async start(): Promise<string> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server?.once('listening', () => resolve()));
    this.server.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id) this.acks.get(message.envelope_id)?.(message.payload);
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A0DELMAL' },
          debug_info: { host: 'fake', approximate_connection_time: 3600 },
        }),
      );
      this.connected?.();
    });
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  /** Sends one envelope and resolves with the payload of its acknowledgement. */
  send(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: unknown,
    envelopeId: string,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${envelopeId}`)), 8000);
      this.acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      this.socket?.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
    });
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
