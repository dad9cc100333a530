import { createHmac, randomUUID } from 'node:crypto';

/** A fresh `/delmal <text>` slash command, signed as Slack signs it (current timestamp). */
export function signedSlashCommand(
  secret: string,
  text: string,
  responseUrl: string,
): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    team_id: 'T0001',
    channel_id: 'C0BENCH',
    user_id: 'U0BENCH',
    command: '/delmal',
    text,
    response_url: responseUrl,
    trigger_id: randomUUID(),
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
  };
}

/** One signed `/delmal <text>` to `url`, returning the response body (delmal answers in its ack). */
export async function postSlashCommand(
  url: string,
  secret: string,
  text: string,
  responseUrl: string,
): Promise<string> {
  const { body, headers } = signedSlashCommand(secret, text, responseUrl);
  const response = await fetch(url, { method: 'POST', headers, body });
  return response.text();
}
