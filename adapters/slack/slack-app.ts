import { App } from '@slack/bolt';
import { ErrorCode, type WebAPICallError, WebClient } from '@slack/web-api';
import type { SlackConfig } from '../../src/config/config.js';
import type { HttpServer } from '../../src/server/http-server.js';
import { boltLogger } from './bolt-logger.js';
import { retryAfterSecondsFetch } from './retry-after-fetch.js';
import { registerSlackHandlers, type SlackHandlerDeps } from './slack-handlers.js';
import { SlackHttpReceiver } from './slack-http-route.js';
import { SLACK_CALL_TIMEOUT_MS, SlackPort } from './slack-port.js';
import { SlackSocketReceiver } from './slack-socket-receiver.js';

/** Slack refused our credentials (invalid_auth, account_inactive …): nothing will work until they are fixed. */
export class SlackRejectedError extends Error {
  readonly code = 'SLACK_REJECTED';
  constructor(readonly slackError: string) {
    super(`Slack rejected the bot token: ${slackError}`);
  }
}

export interface SlackAdapter {
  /**
   * The Bolt app every Slack request goes through (its receiver hands each one to
   * `app.processEvent`): global middleware added with `app.use` runs for every request, `/delmal`
   * included. Tests use it to check that this stays so across Bolt upgrades.
   */
  readonly app: App;
  /** Slack as a neutral chat port: every message delmal sends to Slack goes through it. */
  readonly port: SlackPort;
  /** Connects Socket Mode, when configured; HTTP mode needs nothing more than the route. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * delmal as a Bolt 5 app. Over HTTP, `SlackHttpReceiver` (Bolt's receiver seam: signature and
 * timestamp verification always on, ack timeout, retry headers) handles `POST /slack/events` on
 * delmal's shared server. With `SLACK_APP_TOKEN`, Socket Mode instead: no public address.
 * Outgoing messages go through the outbox and the `SlackPort`, with the Web API's own retries off.
 */
export function createSlackAdapter(
  config: SlackConfig,
  server: HttpServer,
  deps: SlackHandlerDeps,
): SlackAdapter {
  const logger = boltLogger(deps.logger);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    fetch: retryAfterSecondsFetch(),
    logger,
  };
  const socketMode = config.appToken !== undefined;
  // Both receivers are Bolt's documented receiver seam (init/start/stop, events handed to
  // `app.processEvent`): every request — `/delmal` included — goes through Bolt's own dispatch,
  // with its authorize, context, global middleware (`app.use`) and listener middleware.
  const receiver = socketMode
    ? new SlackSocketReceiver({
        appToken: config.appToken ?? '',
        logger: deps.logger,
        locale: deps.locale,
        // Socket Mode's own Web API client (apps.connections.open) takes its options from here,
        // not from the App's clientOptions: SLACK_API_URL must reach it too.
        clientOptions: { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}) },
        track: (work) => server.work.track(work),
      })
    : // Acks before the work (Slack's 3 seconds hold even when the database is slow), on the shared server.
      new SlackHttpReceiver({ signingSecret: config.signingSecret ?? '', logger: deps.logger });
  const app = new App({
    token: config.botToken,
    logger,
    clientOptions,
    // auth.test runs in start(), where a rejected token stops start-up with a clear message and an
    // unreachable Slack is retried — instead of an unhandled rejection in the constructor.
    deferInitialization: true,
    // Bolt's conversation store is unused here and costs an Error (with stack) on every request.
    convoStore: false,
    receiver,
  });
  registerSlackHandlers(app, deps);
  // The outbox's client: every call aborted by the client itself before the outbox's send timeout.
  const client = new WebClient(config.botToken, { ...clientOptions, timeout: SLACK_CALL_TIMEOUT_MS });
  const port = new SlackPort({ client, db: deps.db, clock: deps.clock });
  if (receiver instanceof SlackHttpReceiver) server.route('POST', '/slack/events', receiver.route());
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  const initialise = async (): Promise<void> => {
    try {
      await app.init();
      if (socketMode) await app.start();
      deps.logger.info({ socketMode }, 'Slack connected');
    } catch (error) {
      const rejected = rejectedAtStart(error);
      if (rejected) throw new SlackRejectedError(rejected);
      deps.logger.warn({ err: error }, 'Slack unreachable at start-up; retrying in 30 s');
      if (!stopped)
        retry = setTimeout(
          () =>
            void initialise().catch((failure: unknown) =>
              deps.logger.error({ err: failure }, 'Slack rejected the bot token on a retry; Slack stays off'),
            ),
          30_000,
        ).unref();
    }
  };
  return {
    app,
    port,
    start: initialise,
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (socketMode)
        await app
          .stop()
          .catch((error: unknown) => deps.logger.warn({ err: error }, 'Socket Mode did not stop cleanly'));
    },
  };
}

// Slack's own trouble at start-up: worth retrying. Any other refusal is about our credentials.
const TRANSIENT_AT_START = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** The error code when Slack refused the credentials (retrying will not help), else undefined. */
function rejectedAtStart(error: unknown): string | undefined {
  const e = error as WebAPICallError;
  if (e.code === ErrorCode.PlatformError) {
    const code = String(e.data.error);
    return TRANSIENT_AT_START.has(code) ? undefined : code;
  }
  if (e.code === ErrorCode.HTTPError && e.statusCode < 500 && e.statusCode !== 408 && e.statusCode !== 429)
    return `http_${e.statusCode}`;
  return undefined;
}
