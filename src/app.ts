// The composition root: the only file in src/ that imports adapters/ and commands/ (biome.json
// enforces it), so the core stays unaware of which platforms and commands exist.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LocalPort } from '../adapters/local/local-port.js';
import { registerPlayground } from '../adapters/local/playground.js';
import { checkSlackLimits, renderSlackMessage } from '../adapters/slack/render-blocks.js';
import { createSlackAdapter } from '../adapters/slack/slack-app.js';
import { renderAdaptiveCard } from '../adapters/teams/render-card.js';
import { serviceUrlPolicy } from '../adapters/teams/service-urls.js';
import { createTeamsAdapter } from '../adapters/teams/teams-app.js';
import { homeReply } from '../commands/home.js';
import { COMMANDS } from '../commands/index.js';
import { type Db, openDatabase } from '../db/connection.js';
import { deliveryHealth } from '../db/delivery-health.repository.js';
import { ensureDatabaseReady } from './catalog/catalog-seed.js';
import { CatalogStore } from './catalog/catalog-store.js';
import type { ChatPort } from './chat/chat-port.js';
import type { ChatDeps } from './chat/handle-message.js';
import type { Platform } from './chat/inbound.js';
import { ReplyCache } from './chat/reply-cache.js';
import { databaseCheckIns } from './checkins/check-in-service.js';
import { IdentityWarmup } from './checkins/identity-warmup.js';
import { promptSendTime } from './checkins/prompt-refresh.js';
import { CheckInEngine } from './checkins/round-engine.js';
import type { AskWiring } from './cli/ask-command.js';
import type { Clock } from './clock.js';
import type { Config } from './config/config.js';
import { Outbox } from './delivery/outbox-v2.js';
import { PortDeliverer } from './delivery/port-deliverer.js';
import { digestThreads } from './digest/digest-thread.js';
import { databaseNetworks } from './digest/network-service.js';
import { type DigestJob, digestJob } from './digest/run-due-digests.js';
import { startTicker, type TickJob } from './jobs/ticker.js';
import type { Logger } from './logger.js';
import { databaseAway } from './schedule/away-service.js';
import { SwedishCalendar } from './schedule/calendar.js';
import { registerHealthRoutes } from './server/health.js';
import { HttpServer } from './server/http-server.js';
import { WarmUp } from './server/warm-up.js';

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
  /** Resolves when the start-up warm-up (the search index) has ended, ready or failed. */
  warmedUp(): Promise<void>;
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
  deps: {
    logger: Logger;
    clock: Clock;
    host?: string;
    /** Tests set 0 to take the slow path: ack empty, answer through the outbox. */
    slackInlineAnswerMs?: number;
    /** Tests point Teams token validation at a local key server. */
    teamsOpenIdMetadataUrl?: string;
    /** Origins allowed as Teams serviceUrl besides Bot Framework's own (tests: the fake connector). */
    teamsServiceUrls?: readonly string[];
    /** Run the jobs every minute (`delmal serve`); tests tick by hand. */
    ticker?: boolean;
  },
): Promise<RunningDelmal> {
  const db = openDatabase(config.database, (error) =>
    deps.logger.warn({ err: error }, 'database connection lost; the pool reconnects on the next query'),
  );
  try {
    const ready = await ensureDatabaseReady(db, deps.clock);
    deps.logger.info(
      { database: db.description, migrations: ready.migrations, seeded: ready.seeded },
      'database ready',
    );
    const server = new HttpServer(deps.logger);
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
    const deliveries: Outbox = new Outbox(db, deps.clock, deps.logger, deliverer);
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
    };
    // The search index (and its Swedish dictionary) is built right after listening, not during
    // someone's first question; /healthz answers meanwhile, /readyz says 503 until it is done.
    const warmUp = new WarmUp(() => chat.store.warmUp(), deps.logger);
    registerHealthRoutes(server, db, warmUp);
    const slack = config.slack
      ? createSlackAdapter(config.slack, server, {
          chat,
          deliveries,
          db,
          clock: deps.clock,
          logger: deps.logger,
          locale: config.locale,
          inlineAnswerMs: deps.slackInlineAnswerMs,
        })
      : undefined;
    const teams = createTeamsAdapter(
      config,
      server,
      { chat, deliveries, db, clock: deps.clock, logger: deps.logger, locale: config.locale },
      {
        openIdMetadataUrl: deps.teamsOpenIdMetadataUrl,
        serviceUrls: serviceUrlPolicy(deps.teamsServiceUrls),
      },
    );
    const playground = config.env === 'local' || config.env === 'test';
    const localPort = playground ? new LocalPort({ db, clock: deps.clock }) : undefined;
    if (playground) registerPlayground(server, chat, config.locale, localPort);
    if (slack) ports.set('slack', slack.port);
    if (teams) ports.set('teams', teams.port);
    if (localPort) ports.set('local', localPort);
    const calendar = new SwedishCalendar(config.locale);
    const catalog = async () => (await chat.store.get()).view.catalog;
    // Who claims slots and rounds from this process (shown in schedule_runs.claimed_by).
    const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const checkIns = new CheckInEngine({
      db,
      deliveries,
      calendar,
      logger: deps.logger,
      worker,
      timeZone: config.timezone,
      catalog,
      platforms: new Set(ports.keys()),
    });
    const digests = digestJob({
      db,
      catalog: async () => (await chat.store.get()).view,
      deliveries,
      logger: deps.logger,
      worker,
    });
    const warmup = new IdentityWarmup({ db, ports, logger: deps.logger, calendar, catalog });
    // Every minute, in this order.
    const jobs: TickJob[] = [
      { name: 'check-in-rounds', run: (now) => checkIns.tick(now) },
      digests,
      { name: 'identity-warmup', run: (now) => warmup.run(now) },
    ];
    // The playground lets anyone pick who they are: locally it listens on loopback only.
    await slack?.start();
    await teams?.start();
    const port = await server.listen(config.port, deps.host ?? (playground ? '127.0.0.1' : '0.0.0.0'));
    void server.work.track(warmUp.start());
    deliveries.start();
    const ticker = deps.ticker ? startTicker(jobs, { clock: deps.clock, logger: deps.logger }) : undefined;
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
      checkIns,
      jobs,
      digests,
      settled: async () => {
        await server.work.idle();
        await deliveries.drain();
        await server.work.idle();
      },
      warmedUp: () => warmUp.settled(),
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
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Waits for `work` until `deadline` (a `performance.now()` time); true when it finished in time. */
async function withinDeadline(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
