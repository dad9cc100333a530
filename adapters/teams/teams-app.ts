import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, type HttpRouteHandler } from '@microsoft/teams.apps';

import type { Config } from '../../src/config/config.js';
import { BodyError, readJson } from '../../src/server/body.js';
import type { HttpServer } from '../../src/server/http-server.js';
import { registerProactiveSender } from './proactive.js';
import { registerTeamsHandlers, type TeamsHandlerDeps } from './teams-handlers.js';
import { teamsLogger } from './teams-logger.js';
import { registerTeamsSenders } from './teams-senders.js';

export interface TeamsAdapter {
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
  options: { readonly openIdMetadataUrl?: string } = {},
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
  registerTeamsHandlers(app, deps);
  registerTeamsSenders(deps.outbox, app);
  registerProactiveSender(deps.outbox, app, deps);

  server.route('POST', '/api/messages', async (req, res) => {
    let body: unknown;
    try {
      body = await readJson(req, 256 * 1024);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      res.writeHead(error.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: error.message }));
      return;
    }
    if (!handler) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'teams_not_initialized' }));
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([, v]) => v !== undefined),
    ) as Record<string, string | string[]>;
    const response = await handler({ body, headers });
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(response.body === undefined ? '' : JSON.stringify(response.body));
  });
  return { start: () => app.initialize() };
}
