import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRouteHandler } from '@microsoft/teams.apps';
import type { Logger } from '../../src/logger.js';
import { BodyError, readJson, refuseBody } from '../../src/server/body.js';
import type { ServiceUrlPolicy } from './service-urls.js';
import { teamsActivityShape } from './teams-inbound.js';

/** Largest activity `/api/messages` reads (Teams messages are ≤ ~80 kB; cards and invokes more). */
export const TEAMS_BODY_LIMIT = 512 * 1024;

/**
 * `POST /api/messages` in front of the Teams SDK: the body is read within
 * {@link TEAMS_BODY_LIMIT} (413 beyond), must be JSON (400/415), must have the shape of an
 * activity (400 — the SDK casts whatever it gets), and must name an allowed `serviceUrl` (403:
 * delmal never answers to a host that is not Bot Framework's). The SDK then validates the token.
 */
export function teamsActivitiesRoute(
  handler: () => HttpRouteHandler | undefined,
  options: { readonly logger: Logger; readonly serviceUrls: ServiceUrlPolicy },
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await readJson(req, TEAMS_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return refuseBody(res, error, { error: error.message });
    }
    const activity = teamsActivityShape.safeParse(body);
    if (!activity.success) {
      options.logger.warn(
        { issues: activity.error.issues.map((i) => i.path.join('.')).slice(0, 5) },
        'Teams request is not an activity; refused',
      );
      return send(res, 400, { error: 'bad_request' });
    }
    if (!options.serviceUrls(activity.data.serviceUrl)) {
      // The host is not logged in full: it is whatever the sender wrote.
      options.logger.warn(
        { type: activity.data.type },
        'Teams activity names a serviceUrl outside the allow-list',
      );
      return send(res, 403, { error: 'service_url_not_allowed' });
    }
    const route = handler();
    if (!route) return send(res, 503, { error: 'teams_not_initialized' });
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([, v]) => v !== undefined),
    ) as Record<string, string | string[]>;
    const response = await route({ body, headers });
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(response.body === undefined ? '' : JSON.stringify(response.body));
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
