import { randomUUID } from 'node:crypto';
import { systemClock } from '../../src/clock.js';
import type { FakeConnector } from '../fakes/fake-connector.js';
import { startTestServer, type TestServer } from './server.js';

/** A Teams message activity as the Bot Framework posts it to /api/messages. */
export function teamsMessage(
  text: string,
  fields: {
    serviceUrl: string;
    conversationId?: string;
    conversationType?: string;
    value?: unknown;
    id?: string;
    /** Teams user id and AAD object id of the sender. */
    from?: { id: string; aadObjectId: string };
  },
): Record<string, unknown> {
  return {
    type: 'message',
    id: fields.id ?? randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: fields.serviceUrl,
    from: {
      ...(fields.from ?? { id: '29:user-1', aadObjectId: '00000000-0000-0000-0000-0000000000a1' }),
      name: 'Anna',
    },
    recipient: { id: '28:delmal', name: 'delmal' },
    conversation: {
      id: fields.conversationId ?? 'a:personal-1',
      conversationType: fields.conversationType ?? 'personal',
      tenantId: 'tenant-1',
    },
    text,
    ...(fields.value !== undefined ? { value: fields.value } : {}),
    locale: 'sv-SE',
  };
}

/** A Universal Action (Action.Execute, verb `delmal`) pressed on a card: the invoke Teams posts for it. */
export function teamsCardAction(
  data: Record<string, unknown>,
  fields: Parameters<typeof teamsMessage>[1],
): Record<string, unknown> {
  return {
    ...teamsMessage('', fields),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'delmal', data }, trigger: 'manual' },
  };
}

/** Posts an activity to delmal's Teams route. */
export function postActivity(
  base: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
}

/**
 * Starts `connector` and a delmal on SQLite and the wall clock that trusts it as a Teams service URL
 * (DELMAL_ENV=test, no Teams credentials: unauthenticated activities are accepted, as from the
 * Emulator). Its `stop()` stops both.
 */
export async function startTeamsTestServer(
  connector: FakeConnector,
  options: Parameters<typeof startTestServer>[3] = {},
): Promise<TestServer> {
  await connector.start();
  const server = await startTestServer({}, 'sqlite', systemClock, {
    ...options,
    teamsServiceUrls: [connector.serviceUrl],
  }).catch(async (error: unknown) => {
    await connector.stop();
    throw error;
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await connector.stop();
    },
  };
}
