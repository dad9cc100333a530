import { App, type SlashCommand, SocketModeReceiver } from '@slack/bolt';
import { ErrorCode, type WebAPICallError, WebClient } from '@slack/web-api';
import type { SlackConfig } from '../../src/config/config.js';
import type { HttpServer } from '../../src/server/http-server.js';
import { boltLogger } from './bolt-logger.js';
import { retryAfterSecondsFetch } from './retry-after-fetch.js';
import { guardSocketEnvelopes, refuseSocketPayload } from './slack-boundary.js';
import { registerSlackHandlers, type SlackHandlerDeps } from './slack-handlers.js';
import { SlackHttpReceiver } from './slack-http-route.js';
import { checkSocketPayload } from './slack-inbound.js';
import { SLACK_CALL_TIMEOUT_MS, SlackPort } from './slack-port.js';
import { SLASH_COMMAND } from './slack-surface.js';

/** Slack refused our credentials (invalid_auth, account_inactive …): nothing will work until they are fixed. */
export class SlackRejectedError extends Error {
  readonly code = 'SLACK_REJECTED';
  constructor(readonly slackError: string) {
    super(`Slack rejected the bot token: ${slackError}`);
  }
}

export interface SlackAdapter {
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
  // Socket Mode's own Web API client (apps.connections.open) takes its options from here, not
  // from the App's clientOptions: SLACK_API_URL must reach it too.
  const receiver = socketMode
    ? new SocketModeReceiver({ appToken: config.appToken ?? '', logger, installerOptions: { clientOptions } })
    : // Acks before the work (Slack's 3 seconds hold even when the database is slow), on the shared server.
      new SlackHttpReceiver({ signingSecret: config.signingSecret ?? '', logger: deps.logger });
  if (receiver instanceof SocketModeReceiver)
    guardSocketEnvelopes(receiver.client, { logger: deps.logger, locale: deps.locale });
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
  // Handlers run on after Slack's ack: every event counts as in flight from the moment the receiver
  // hands it over (before the ack) until its handlers finish, so shutdown lets them finish.
  // Over Socket Mode no route sees the payload first: it is shape-checked here, as the HTTP route does.
  //
  // `/delmal` itself — the command people type, by far the busiest request — goes straight to its
  // listener once Bolt is initialised: Bolt's dispatch for a slash command (authorize with the one
  // bot token, its context and listener arguments, the command-name match) was a fifth of the
  // answer path's CPU and adds nothing the listener reads. The listener gets what Bolt would give it
  // (the command, the request's ack, a Web API client for the command's team with the app's client
  // options) and Bolt's error boundary (`app.error`'s handler) around it. Everything else is Bolt's.
  const processEvent = app.processEvent.bind(app);
  const slashCommand = registerSlackHandlers(app, deps);
  const teamClients = new Map<string, WebClient>();
  const clientFor = (teamId: string): WebClient => {
    let client = teamClients.get(teamId);
    if (!client) {
      client = new WebClient(config.botToken, { ...clientOptions, teamId });
      teamClients.set(teamId, client);
    }
    return client;
  };
  let initialised = false;
  app.processEvent = (event) => {
    const check = socketMode ? checkSocketPayload(event.body) : { ok: true as const };
    if (!check.ok)
      return server.work.track(
        refuseSocketPayload(event, check.reason, { logger: deps.logger, locale: deps.locale }),
      );
    const command = initialised ? ownSlashCommand(event.body) : undefined;
    return server.work.track(
      command
        ? slashCommand({ command, ack: event.ack, client: clientFor(command.team_id) })
        : processEvent(event),
    );
  };
  // The outbox's client: every call aborted by the client itself before the outbox's send timeout.
  const client = new WebClient(config.botToken, { ...clientOptions, timeout: SLACK_CALL_TIMEOUT_MS });
  const port = new SlackPort({ client, db: deps.db, clock: deps.clock });
  if (receiver instanceof SlackHttpReceiver) server.route('POST', '/slack/events', receiver.route());
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  const initialise = async (): Promise<void> => {
    try {
      await app.init();
      initialised = true;
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

/** A `/delmal` slash command as Bolt would dispatch it (a body with an `event` is an event to Bolt). */
function ownSlashCommand(body: Record<string, unknown>): SlashCommand | undefined {
  return body.command === SLASH_COMMAND && body.event === undefined
    ? (body as unknown as SlashCommand)
    : undefined;
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
