import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, type HttpRouteHandler } from '@microsoft/teams.apps';

import type { Config } from '../../src/config/config.js';
import type { HttpServer } from '../../src/server/http-server.js';
import { ConnectorClient } from './connector-client.js';
import { ConversationReferences } from './conversation-references.js';
import type { ServiceUrlPolicy } from './service-urls.js';
import { registerTeamsHandlers, type TeamsHandlerDeps } from './teams-handlers.js';
import { teamsActivitiesRoute } from './teams-http-route.js';
import { teamsLogger } from './teams-logger.js';
import { TeamsPort } from './teams-port.js';

/** Middleware of the Teams SDK (`app.use`): sees every activity before delmal's routes. */
export type TeamsMiddleware = Parameters<App['use']>[0];

export interface TeamsAdapter {
  /** Teams as a neutral chat port. */
  readonly port: TeamsPort;
  start(): Promise<void>;
}

/**
 * delmal as a Teams SDK v2 app on the shared server: the SDK's protocol logic (JWT validation,
 * activity routing, invoke responses) behind `POST /api/messages`, through its `httpServerAdapter`
 * seam. With credentials every request must carry a valid Bot Framework token; without them,
 * unauthenticated requests are accepted only in the local and test environments (Bot Framework
 * Emulator, the test suite). In production without credentials there is no Teams at all.
 */
export function createTeamsAdapter(
  config: Config,
  server: HttpServer,
  deps: TeamsHandlerDeps,
  options: {
    readonly openIdMetadataUrl?: string;
    readonly serviceUrls: ServiceUrlPolicy;
    /** Registered before delmal's routes: the SDK runs routes and middleware in registration order. */
    readonly middleware?: readonly TeamsMiddleware[];
  },
): TeamsAdapter | undefined {
  if (!config.teams && config.env === 'production') return undefined;
  let handler: HttpRouteHandler | undefined;
  const app = new App({
    ...(config.teams
      ? {
          clientId: config.teams.clientId,
          clientSecret: config.teams.clientSecret,
          tenantId: config.teams.tenantId,
        }
      : {}),
    // Always explicit, so no environment variable of the SDK's own can relax it.
    dangerouslyAllowUnauthenticatedRequests:
      !config.teams && (config.env === 'local' || config.env === 'test'),
    httpServerAdapter: {
      registerRoute: (_method, path, route) => {
        if (path === '/api/messages') handler = route;
      },
    },
    // Without Teams credentials (local and test only) accepting unauthenticated requests is the
    // intended set-up, not something to warn about at every start.
    logger: teamsLogger(
      deps.logger,
      'teams',
      config.teams ? [] : [/dangerouslyAllowUnauthenticatedRequests is enabled/],
    ),
    // Tests point token validation at a local key server; production uses the public cloud's.
    ...(options.openIdMetadataUrl
      ? { cloud: withOverrides(PUBLIC, { openIdMetadataUrl: options.openIdMetadataUrl }) }
      : {}),
    activity: { mentions: { stripText: true } },
  });
  // Every activity, messages included, goes through the SDK's processing: its middleware
  // (`app.use`, the mention stripping the `activity.mentions.stripText` option above installs),
  // plugins, error events and routes.
  for (const middleware of options.middleware ?? []) app.use(middleware);
  const conversations = new ConversationReferences(deps.db, deps.clock);
  registerTeamsHandlers(app, deps, conversations);
  const connector = new ConnectorClient(app.tokenProvider);

  server.route(
    'POST',
    '/api/messages',
    teamsActivitiesRoute(() => handler, { logger: deps.logger, serviceUrls: options.serviceUrls }),
  );
  return {
    port: new TeamsPort({
      app,
      // Answers go out with the SDK's own bot token, without its per-call client and axios.
      connector,
      conversations,
      db: deps.db,
      clock: deps.clock,
      serviceUrls: options.serviceUrls,
    }),
    start: () => app.initialize(),
  };
}
