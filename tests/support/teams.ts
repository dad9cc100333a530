import { randomUUID } from 'node:crypto';

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
