// Part of the composition root: how each platform is started and wired to the core — the
// playground and its clock control, e-mail, Slack and Teams. With src/app.ts, the only module in
// src/ that imports adapters/ (biome.json enforces it).
import { createEmailPlatform, type EmailPlatform } from '../adapters/email/email-platform.js';
import { LocalPort } from '../adapters/local/local-port.js';
import { registerPlayground } from '../adapters/local/playground.js';
import type { SlackAdapter } from '../adapters/slack/slack-app.js';
import { serviceUrlPolicy } from '../adapters/teams/service-urls.js';
import type { TeamsAdapter, TeamsMiddleware } from '../adapters/teams/teams-app.js';
import type { Db } from '../db/connection.js';
import type { AdapterDeps } from './asking/adapter-deps.js';
import type { ChatDeps } from './asking/handle-message.js';
import { type Clock, isSimulated } from './clock.js';
import type { Config } from './config/config.js';
import type { Outbox } from './delivery/outbox.js';
import type { HttpServer } from './server/http-server.js';

/** How the platform SDKs are started; tests and benchmarks set these, `delmal serve` none. */
export interface SdkOptions {
  /** Tests set 0 to take the slow path: ack empty, answer through the outbox. */
  readonly slackInlineAnswerMs?: number;
  /** Tests point Teams token validation at a local key server. */
  readonly teamsOpenIdMetadataUrl?: string;
  /** Origins allowed as Teams serviceUrl besides Bot Framework's own (tests: the fake connector). */
  readonly teamsServiceUrls?: readonly string[];
  /** Teams SDK middleware (`app.use`), registered before delmal's own routes so it runs for every activity. */
  readonly teamsMiddleware?: readonly TeamsMiddleware[];
}

/** The platform adapters that started (their framework apps take middleware: `slack.app.use`). */
export interface SdkAdapters {
  readonly slack: SlackAdapter | undefined;
  readonly teams: TeamsAdapter | undefined;
}

/** Teams runs without credentials only in the local and test environments. */
const teamsWanted = (config: Config): boolean => Boolean(config.teams) || config.env !== 'production';

/**
 * Holds the routes of the SDK platforms this process will start: a Slack or Teams request that
 * arrives before its adapter (the SDKs load after `listen`) waits on its route for `adapters`.
 */
export function reserveSdkRoutes(config: Config, server: HttpServer, adapters: Promise<SdkAdapters>): void {
  if (config.slack && config.slack.appToken === undefined) server.reserve('POST', '/slack/events', adapters);
  if (teamsWanted(config)) server.reserve('POST', '/api/messages', adapters);
}

/**
 * Loads the configured platforms' adapters (and with them their SDKs), registers their routes on
 * `server` and starts them (Slack's auth.test, Socket Mode's connection).
 */
export async function startSdkAdapters(
  config: Config,
  server: HttpServer,
  deps: AdapterDeps,
  options: SdkOptions,
): Promise<SdkAdapters> {
  const [slackModule, teamsModule] = await Promise.all([
    config.slack ? import('../adapters/slack/slack-app.js') : undefined,
    teamsWanted(config) ? import('../adapters/teams/teams-app.js') : undefined,
  ]);
  const slack =
    config.slack && slackModule
      ? slackModule.createSlackAdapter(config.slack, server, {
          ...deps,
          inlineAnswerMs: options.slackInlineAnswerMs,
        })
      : undefined;
  const teams = teamsModule?.createTeamsAdapter(config, server, deps, {
    openIdMetadataUrl: options.teamsOpenIdMetadataUrl,
    // Locally, Microsoft's own tools (Agents Playground, Bot Framework Emulator) are the
    // connector, on a loopback address; production keeps the strict allow-list.
    serviceUrls: serviceUrlPolicy(options.teamsServiceUrls, { loopback: config.env === 'local' }),
    middleware: options.teamsMiddleware ?? [],
  });
  await slack?.start();
  await teams?.start();
  return { slack, teams };
}

/** The platforms that need no SDK, ready before the server listens. */
export interface OwnPlatforms {
  /** The playground's port, in the local and test environments. */
  readonly localPort: LocalPort | undefined;
  /** E-mail prompts and the answer page, when e-mail is on (always locally; `SMTP_URL` in production). */
  readonly email: EmailPlatform | undefined;
}

/**
 * Registers the playground (local and test environments only) and e-mail (when configured) on
 * `server`. A simulated clock (`delmal serve --clock`) gets a control in the playground that moves
 * it forward and runs the minute jobs on the way (`tick`, bound late: the jobs come later).
 */
export function startOwnPlatforms(
  config: Config,
  server: HttpServer,
  deps: {
    readonly db: Db;
    readonly chat: ChatDeps;
    readonly clock: Clock;
    readonly deliveries: Outbox;
    readonly tick: () => Promise<void>;
    /** Where the server listens, once it does (the answer links point there locally). */
    readonly ownUrl: () => string;
  },
): OwnPlatforms {
  const { db, chat, clock } = deps;
  const playground = config.env === 'local' || config.env === 'test';
  const localPort = playground ? new LocalPort({ db, clock }) : undefined;
  const control =
    playground && isSimulated(clock)
      ? { clock, tick: deps.tick, deliver: () => deps.deliveries.drain() }
      : undefined;
  if (playground)
    registerPlayground(server, chat, config.locale, localPort, {
      clock,
      timeZone: config.timezone,
      ...(control ? { control } : {}),
    });
  const email = config.email
    ? createEmailPlatform(config.email, {
        db,
        server,
        chat,
        clock,
        locale: config.locale,
        ownUrl: deps.ownUrl,
      })
    : undefined;
  return { localPort, email };
}
