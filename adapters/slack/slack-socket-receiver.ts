import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { ReceiverMultipleAckError } from '@slack/bolt';
import { SocketModeClient, type SocketModeOptions } from '@slack/socket-mode';
import { describeFailure } from '../../src/errors/bot-error.js';
import { type Locale, translator } from '../../src/i18n/i18n.js';
import type { Logger } from '../../src/logger.js';
import { boltLogger } from './bolt-logger.js';
import { refuseSocketPayload } from './slack-boundary.js';
import { checkSocketPayload } from './slack-inbound.js';

/** What the Socket Mode client hands to `slack_event` listeners (its public event, as Bolt reads it). */
interface SlackEventArgs {
  readonly ack: (response?: Record<string, unknown>) => Promise<void>;
  readonly body: unknown;
  readonly retry_num?: number;
  readonly retry_reason?: string;
}

/**
 * Bolt's receiver seam over Socket Mode, built on the Socket Mode client's public `slack_event`
 * event (the one Bolt's own `SocketModeReceiver` listens to). Unlike Bolt's, it checks each
 * payload's shape before Bolt sees it — the HTTP route answers 400, here a payload of the wrong
 * shape is acknowledged (Slack would send it again) and refused with a logged code — and it
 * acknowledges what no listener acknowledged as soon as Bolt is done with it. Envelopes the client
 * itself cannot read (an `events_api` envelope without `payload.event`) never reach this event:
 * see docs/decisions/0009-documented-seams.md for that gap.
 */
export class SlackSocketReceiver implements Receiver {
  /** The Socket Mode client (public API only: `start`, `disconnect`, `slack_event`). */
  readonly client: SocketModeClient;
  private app: App | undefined;

  constructor(
    private readonly options: {
      readonly appToken: string;
      readonly logger: Logger;
      readonly locale: Locale;
      readonly clientOptions?: SocketModeOptions['clientOptions'];
      /** Counts a payload's handling as work in flight (shutdown waits for it). */
      readonly track: <T>(work: Promise<T>) => Promise<T>;
    },
  ) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: boltLogger(options.logger),
      ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
    });
    this.client.on('slack_event', (args: SlackEventArgs) => {
      void options.track(this.handle(args));
    });
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<unknown> {
    return this.client.start();
  }

  stop(): Promise<void> {
    return this.client.disconnect();
  }

  private async handle(args: SlackEventArgs): Promise<void> {
    const { logger, locale } = this.options;
    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) throw new ReceiverMultipleAckError();
      acked = true;
      await args.ack(
        response === undefined || response === null
          ? undefined
          : typeof response === 'string'
            ? { text: response }
            : (response as Record<string, unknown>),
      );
    };
    const check = checkSocketPayload(args.body);
    if (!check.ok) return refuseSocketPayload(args.body, ack, check.reason, { logger, locale });
    const app = this.app;
    if (!app) return ack();
    const event: ReceiverEvent = {
      body: args.body as Record<string, unknown>,
      ack,
      ...(args.retry_num !== undefined ? { retryNum: args.retry_num } : {}),
      ...(args.retry_reason ? { retryReason: args.retry_reason } : {}),
      customProperties: {},
    };
    try {
      await app.processEvent(event);
    } catch (error) {
      // Logged with a reference, as over HTTP; the payload is acknowledged below all the same.
      describeFailure(error, { logger, t: translator(locale), where: 'slack.process' });
    }
    // Bolt is done with the payload: every listener has returned, nothing else will acknowledge
    // it. Acknowledged now rather than left for Slack to send again.
    if (!acked)
      await ack().catch((error: unknown) =>
        logger.warn({ err: error }, 'Socket Mode acknowledgement not sent'),
      );
  }
}
