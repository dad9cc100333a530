// The composition root: with src/platforms.ts (how each platform starts) the only files in src/
// that import adapters/ and commands/ (biome.json enforces it), so the core stays unaware of which
// platforms and commands exist.
import type { EmailPlatform } from '../adapters/email/email-platform.js';
import { smtpTransport } from '../adapters/email/mail-transport.js';
import type { LocalPort } from '../adapters/local/local-port.js';
import { checkSlackLimits, renderSlackMessage } from '../adapters/slack/render-blocks.js';
import type { SlackAdapter } from '../adapters/slack/slack-app.js';
import { renderAdaptiveCard } from '../adapters/teams/render-card.js';
import type { TeamsAdapter } from '../adapters/teams/teams-app.js';
import { homeReply } from '../commands/home.js';
import { COMMANDS } from '../commands/index.js';
import { type Db, openDatabase } from '../db/connection.js';
import { deliveryHealth } from '../db/delivery-health.repository.js';
import type { AdapterDeps } from './asking/adapter-deps.js';
import type { ChatDeps } from './asking/handle-message.js';
import { ReplyCache } from './asking/reply-cache.js';
import { ensureDatabaseReady } from './catalog/catalog-seed.js';
import type { ChatPort } from './chat/chat-port.js';
import type { Platform } from './chat/inbound.js';
import { databaseCheckIns } from './checkins/check-in-service.js';
import { databaseOwnerRounds } from './checkins/owner-rounds.js';
import { promptSendTime } from './checkins/prompt-refresh.js';
import type { CheckInEngine } from './checkins/round-engine.js';
import type { AskWiring } from './cli/ask-command.js';
import type { MailWiring } from './cli/mail-command.js';
import type { Clock } from './clock.js';
import type { Config } from './config/config.js';
import { Outbox } from './delivery/outbox.js';
import { PortDeliverer } from './delivery/port-deliverer.js';
import { digestThreads } from './digest/digest-thread.js';
import { databaseNetworks } from './digest/network-service.js';
import type { DigestJob } from './digest/run-due-digests.js';
// Fills the outbox's registry with every feature's message kinds.
import './message-kinds.js';
import { minuteJobs } from './jobs/minute-jobs.js';
import { afterFirstRun, runJobs, startTicker, type TickJob } from './jobs/ticker.js';
import type { Logger } from './logger.js';
import { countedDeliverer } from './metrics/metrics.js';
import { prometheusMetrics } from './metrics/prometheus.js';
import {
  reserveSdkRoutes,
  type SdkAdapters,
  type SdkOptions,
  startOwnPlatforms,
  startSdkAdapters,
} from './platforms.js';
import { databaseAway } from './schedule/away-service.js';
import { SwedishCalendar } from './schedule/calendar.js';
import { CatalogStore } from './search/catalog-store.js';
import { withinDeadline } from './server/deadline.js';
import { registerHealthRoutes } from './server/health.js';
import { HttpServer } from './server/http-server.js';
import type { InFlight } from './server/in-flight.js';
import { registerMetricsRoute } from './server/metrics-route.js';
import { WarmUp } from './server/warm-up.js';

/** What `delmal mail test` sends with: the e-mail adapter's SMTP relay, closed after the one message. */
export const mailWiring: MailWiring = {
  sendTest: async (config, mail) => {
    const transport = smtpTransport(config);
    try {
      const sent = await transport.send(mail);
      if (sent.ok) return { ok: true, messageId: sent.answer.messageId, response: sent.answer.response };
      const { result } = sent;
      return {
        ok: false,
        error: 'error' in result ? result.error : `${result.kind} (${result.retryAfterMs} ms)`,
      };
    } finally {
      transport.close();
    }
  },
};

/** What `delmal ask` runs and prints with: the same commands and renderers the adapters use. */
export const askWiring: AskWiring = {
  commands: COMMANDS,
  home: homeReply,
  slack: (reply, t) => {
    const message = renderSlackMessage(reply, t);
    return { rendered: message, problems: checkSlackLimits(message) };
  },
  teams: (reply, t) => ({ rendered: renderAdaptiveCard(reply, t), problems: [] }),
};

export interface RunningDelmal {
  readonly port: number;
  readonly db: Db;
  readonly chat: ChatDeps;
  /** Delivers neutral items through the configured platforms' chat ports. */
  readonly deliverer: PortDeliverer;
  /** The outbox over those ports: how the core and the adapters send (`enqueue`, `sendNow`). */
  readonly deliveries: Outbox;
  /** The playground's port, in the local and test environments. */
  readonly localPort: LocalPort | undefined;
  /** The platform adapters that started (their framework apps take middleware: `slack.app.use`). */
  readonly slack: SlackAdapter | undefined;
  readonly teams: TeamsAdapter | undefined;
  /** E-mail prompts and the answer page, when e-mail is on (always locally; `SMTP_URL` in production). */
  readonly email: EmailPlatform | undefined;
  /** Scheduled check-ins: one `tick(now)` opens due rounds, reminds, catches up (also `delmal checkins run-due`). */
  readonly checkIns: CheckInEngine;
  /** What the minute ticker runs, in order (with `ticker: true` it runs every minute). */
  readonly jobs: readonly TickJob[];
  /** The weekly network digests as a ticker job: `run(now)` sends what is due (call it every minute). */
  readonly digests: DigestJob;
  /**
   * Resolves once no request or handler is in flight and the outbox has delivered what is due:
   * what a test awaits before checking that something did *not* happen.
   */
  settled(): Promise<void>;
  /**
   * Shuts down gracefully: stops accepting, lets requests in flight and the sends in progress
   * finish within `graceMs` (0: cut at once), releases unused outbox claims, closes the database.
   */
  close(graceMs?: number): Promise<void>;
}

/** How long `delmal serve` lets in-flight work finish after SIGTERM/SIGINT. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Starts delmal: database ready (migrated, catalog seeded), then one HTTP server for every route.
 * Everything it depends on is passed in, so tests start the real thing with a temp database and port 0.
 */
export async function startDelmal(
  config: Config,
  deps: SdkOptions & {
    logger: Logger;
    clock: Clock;
    host?: string;
    /** Run the jobs every minute (`delmal serve`); tests tick by hand. */
    ticker?: boolean;
    /**
     * Called once the warm-up has ended and once after the ticker's first run: the two bursts of
     * start-up work (`delmal serve` gives their memory back then).
     */
    afterStartUp?: () => void;
    /**
     * Awaited once the server listens, before the platform SDKs are loaded: tests hold the adapters
     * back here to send requests that arrive before them (`work` counts the requests in flight).
     */
    beforeAdapters?: (listening: { port: number; work: InFlight }) => Promise<void>;
  },
): Promise<RunningDelmal> {
  const db = openDatabase(config.database, (error) =>
    deps.logger.warn({ err: error }, 'database connection lost; the pool reconnects on the next query'),
  );
  const server = new HttpServer(deps.logger);
  try {
    const ready = await ensureDatabaseReady(db, deps.clock);
    deps.logger.info(
      { database: db.description, migrations: ready.migrations, seeded: ready.seeded },
      'database ready',
    );
    // The ports are known once the adapters exist, and the adapters send through the outbox: the
    // deliverer reads the map at send time, after it is filled below.
    const ports = new Map<Platform, ChatPort>();
    const deliverer = new PortDeliverer(ports, {
      db,
      locale: config.locale,
      sendTime: [
        promptSendTime({ db, deliveries: () => deliveries, logger: deps.logger }),
        // Slack cannot expand a digest's details inline: they follow in the digest's thread.
        digestThreads({ deliveries: () => deliveries, platforms: new Set(['slack']), logger: deps.logger }),
      ],
    });
    // Metrics only with DELMAL_METRICS_TOKEN: prom-client is not even loaded otherwise.
    const metrics = config.metricsToken ? await prometheusMetrics(db, deps.clock) : undefined;
    const deliveries: Outbox = new Outbox(
      db,
      deps.clock,
      deps.logger,
      metrics ? countedDeliverer(deliverer, metrics) : deliverer,
      { leaseMs: config.leaseMs },
    );
    const chat: ChatDeps = {
      store: new CatalogStore(db),
      checkIns: databaseCheckIns(db, deps.clock, { deliveries: () => deliveries, logger: deps.logger }),
      commands: COMMANDS,
      home: homeReply,
      clock: deps.clock,
      logger: deps.logger,
      timezone: config.timezone,
      replies: new ReplyCache(),
      deliveries: () => deliveryHealth(db.kysely, deps.clock.now().toISOString()),
      away: databaseAway(db, deps.clock, config.timezone),
      networks: databaseNetworks(db, deps.clock),
      rounds: databaseOwnerRounds(db, deps.clock, new SwedishCalendar(config.locale)),
    };
    // The platform SDKs take about a second to load: they come after `listen`, so /healthz answers
    // meanwhile; a Slack or Teams request arriving sooner waits on its reserved route until its
    // adapter is there.
    let loadAdapters: (adapters: Promise<SdkAdapters>) => void = () => {};
    const adapters = new Promise<SdkAdapters>((resolve) => {
      loadAdapters = resolve;
    });
    const { logger, clock } = deps;
    const adapterDeps: AdapterDeps = { chat, deliveries, db, clock, logger, locale: config.locale };
    reserveSdkRoutes(config, server, adapters);
    // Then the search index (and its Swedish dictionary) is built, not during someone's first
    // question; /readyz says 503 until both are done.
    const warmUp = new WarmUp(async () => {
      await adapters;
      await chat.store.warmUp();
    }, deps.logger);
    registerHealthRoutes(server, db, warmUp, deps.clock, deps.logger);
    if (metrics && config.metricsToken) registerMetricsRoute(server, metrics, config.metricsToken);
    // The playground's clock control runs the minute jobs, which exist further down.
    let tickOnce: () => Promise<void> = async () => {};
    let listeningOn = 0;
    const { localPort, email } = startOwnPlatforms(config, server, {
      db,
      chat,
      clock,
      deliveries,
      tick: () => tickOnce(),
      ownUrl: () => `http://127.0.0.1:${listeningOn}`,
    });
    const playground = localPort !== undefined;
    if (localPort) ports.set('local', localPort);
    if (email) ports.set('email', email.port);
    // The playground lets anyone pick who they are: locally it listens on loopback only.
    const port = await server.listen(config.port, deps.host ?? (playground ? '127.0.0.1' : '0.0.0.0'));
    listeningOn = port;
    void server.work.track(warmUp.start().then(() => deps.afterStartUp?.()));
    loadAdapters(
      (async () => {
        await deps.beforeAdapters?.({ port, work: server.work });
        return startSdkAdapters(config, server, adapterDeps, deps);
      })(),
    );
    const { slack, teams } = await adapters;
    if (slack) ports.set('slack', slack.port);
    if (teams) ports.set('teams', teams.port);
    const { checkIns, digests, jobs } = minuteJobs({ db, deliveries, chat, ports, config, logger, metrics });
    deliveries.start();
    const ticked = deps.afterStartUp ? [...jobs, afterFirstRun(deps.afterStartUp)] : jobs;
    const ticker = deps.ticker ? startTicker(ticked, { clock: deps.clock, logger: deps.logger }) : undefined;
    // Not the ticker's own tick: that one returns a tick already running (begun at an earlier
    // simulated time) instead of ticking at the new time. The jobs are safe to run side by side.
    tickOnce = () => runJobs(jobs, { clock: deps.clock, logger: deps.logger });
    deps.logger.info(
      { port, env: config.env, slack: Boolean(config.slack), teams: Boolean(config.teams), playground },
      'delmal listening',
    );
    return {
      port,
      db,
      chat,
      deliverer,
      deliveries,
      localPort,
      slack,
      teams,
      email,
      checkIns,
      jobs,
      digests,
      settled: async () => {
        await server.work.idle();
        await deliveries.drain();
        await server.work.idle();
      },
      close: async (graceMs = 0) => {
        // Wall time, not the injected clock: a budget for real waiting.
        const deadline = performance.now() + graceMs;
        await ticker?.stop();
        await slack?.stop();
        await server.close(graceMs);
        // What the finished requests queued goes out within what is left of the grace; then the
        // outbox stops (the send in progress finishes, unused claims are released).
        const delivered = await withinDeadline(deliveries.drain(), deadline);
        const stopped = await withinDeadline(deliveries.stop(), delivered ? deadline : 0);
        if (!stopped) deps.logger.warn('shutdown grace over with a send in progress; its lease expires');
        await warmUp.settled();
        email?.transport.close();
        await db.close();
      },
    };
  } catch (error) {
    // Listening already when an adapter failed to start (Slack refused the token): the requests
    // waiting for it get their 503 before the server closes.
    await server.close(SHUTDOWN_GRACE_MS);
    await db.close();
    throw error;
  }
}
