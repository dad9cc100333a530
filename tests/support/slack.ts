import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** The environment of a delmal whose Slack app talks to a fake Web API at `apiUrl`. */
export const slackEnv = (slack: { apiUrl: string }) => ({
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
});

/** Posts a request to `/slack/events` signed the way Slack signs it (v0 HMAC-SHA256). */
export async function postSlack(
  base: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: {
    secret?: string;
    timestamp?: number;
    retryNum?: number;
    signature?: string;
    /** More headers (e.g. a load balancer's `x-request-id`). */
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature ??
    `v0=${createHmac('sha256', options.secret ?? TEST_SIGNING_SECRET)
      .update(`v0:${timestamp}:${body}`)
      .digest('hex')}`;
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...(options.retryNum !== undefined
        ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
      ...options.headers,
    },
    body,
  });
}

/** A slash command as Slack sends it: form fields. */
export function slashCommand(
  text: string,
  fields: { userId?: string; responseUrl: string; triggerId?: string },
): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'region',
    channel_id: 'C0NETWORK',
    channel_name: 'lag-missbruk',
    user_id: fields.userId ?? 'U0MEMBER',
    user_name: 'medlem',
    command: '/delmal',
    text,
    api_app_id: 'A0DELMAL',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `trigger-${Math.random()}`,
  }).toString();
}

/** An Events API envelope. */
export function eventCallback(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T0001',
    api_app_id: 'A0DELMAL',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
  });
}

/** A button press as Slack sends it: form field `payload` with JSON. */
export function blockAction(
  action: { actionId: string; value: string },
  fields: {
    responseUrl: string;
    ephemeral: boolean;
    userId?: string;
    channel?: string;
    threadTs?: string;
    /** The message the button is on (default: one fixed message). */
    messageTs?: string;
  },
): string {
  const ts = fields.messageTs ?? '1700000000.000100';
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'region' },
    user: { id: fields.userId ?? 'U0MEMBER', name: 'medlem', team_id: 'T0001' },
    api_app_id: 'A0DELMAL',
    token: 'legacy',
    container: {
      type: 'message',
      message_ts: ts,
      channel_id: fields.channel ?? 'D0DM',
      is_ephemeral: fields.ephemeral,
    },
    trigger_id: `trigger-${Math.random()}`,
    channel: { id: fields.channel ?? 'D0DM', name: 'directmessage' },
    message: {
      type: 'message',
      ts,
      text: '',
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
    response_url: fields.responseUrl,
    actions: [
      {
        action_id: action.actionId,
        block_id: 'b1',
        type: 'button',
        value: action.value,
        action_ts: '1700000001.0',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal submission as Slack sends it: form field `payload` with the view's state. */
export function viewSubmission(fields: {
  userId: string;
  activityId: string;
  status?: string;
  note?: string;
  nextStep?: string;
  needsSupport?: boolean;
  /** `edit`: the modal behind "Ändra svaret". */
  mode?: 'new' | 'edit';
  viewId?: string;
}): string {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'region' },
    user: { id: fields.userId, name: 'owner', team_id: 'T0001' },
    api_app_id: 'A0DELMAL',
    token: 'legacy',
    trigger_id: `trigger-${Math.random()}`,
    view: {
      id: fields.viewId ?? 'V0CHECKIN',
      type: 'modal',
      callback_id: 'delmal_checkin',
      private_metadata: JSON.stringify({
        activityId: fields.activityId,
        ...(fields.mode ? { mode: fields.mode } : {}),
      }),
      hash: 'h',
      state: {
        values: {
          status: {
            status: {
              type: 'static_select',
              selected_option: fields.status
                ? { value: fields.status, text: { type: 'plain_text', text: fields.status } }
                : null,
            },
          },
          note: { note: { type: 'plain_text_input', value: fields.note ?? null } },
          next_step: { next_step: { type: 'plain_text_input', value: fields.nextStep ?? null } },
          support: {
            support: {
              type: 'checkboxes',
              selected_options: fields.needsSupport
                ? [{ value: 'yes', text: { type: 'plain_text', text: 'Behöver stöd' } }]
                : [],
            },
          },
        },
      },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
