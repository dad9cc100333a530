import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

/**
 * The shapes of what Slack posts to `/slack/events`, checked before Bolt sees a request: Bolt
 * trusts a signed body and crashes (an unhandled rejection in its receiver) on `null`, and its
 * listeners assume fields Slack always sends. Only what delmal's handlers read is required;
 * everything else passes through untouched, so a new Slack field never breaks us.
 */

const id = z.string().min(1).max(255);
const text = z.string().max(40_000);

const urlVerification = z.looseObject({
  type: z.literal('url_verification'),
  challenge: z.string().max(200),
});

// The events delmal listens to; other event types are acknowledged by Bolt and ignored.
const messageEvent = z.looseObject({
  type: z.literal('message'),
  channel: id,
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  user: id.optional(),
  text: text.optional(),
  ts: z.string().optional(),
});
const mentionEvent = z.looseObject({
  type: z.literal('app_mention'),
  channel: id,
  user: id.optional(),
  text,
  ts: z.string(),
  thread_ts: z.string().optional(),
});
const homeEvent = z.looseObject({ type: z.literal('app_home_opened'), user: id, tab: z.string().optional() });
const otherEvent = z.looseObject({ type: z.string().min(1) });
const HANDLED = new Set(['message', 'app_mention', 'app_home_opened']);
const event = z.union([
  messageEvent,
  mentionEvent,
  homeEvent,
  otherEvent.refine((e) => !HANDLED.has(e.type)),
]);
const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id,
  event_id: id,
  event,
});
const appRateLimited = z.looseObject({ type: z.literal('app_rate_limited') });

const slashCommand = z.looseObject({
  command: z.string().min(1).max(64),
  text: z.string().max(40_000),
  team_id: id,
  user_id: id,
  channel_id: id.optional(),
  response_url: z.url({ protocol: /^https?$/ }),
  trigger_id: id,
});

const user = z.looseObject({ id });
const team = z.looseObject({ id }).nullish();
const action = z.looseObject({
  action_id: id,
  block_id: z.string().optional(),
  type: z.string(),
  value: z.string().max(2000).optional(),
});
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user,
  team,
  actions: z.array(action).min(1).max(25),
  trigger_id: id,
  response_url: z.url({ protocol: /^https?$/ }).optional(),
  container: z.looseObject({ is_ephemeral: z.boolean().optional() }).optional(),
  channel: z.looseObject({ id }).optional(),
  message: z.looseObject({ thread_ts: z.string().optional() }).optional(),
});
const stateValue = z.looseObject({
  type: z.string().optional(),
  value: z.string().max(3000).nullish(),
  selected_option: z.looseObject({ value: z.string().max(150) }).nullish(),
});
const viewSubmission = z.looseObject({
  type: z.enum(['view_submission', 'view_closed']),
  user,
  team,
  view: z.looseObject({
    id: id.optional(),
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).optional(),
    // Slack sends `state: {}` (no `values`) for a view without inputs.
    state: z
      .looseObject({ values: z.record(z.string(), z.record(z.string(), stateValue)).optional() })
      .optional(),
  }),
});
// Interactions delmal does not offer; acknowledged (by the fallback listeners) and ignored.
const otherInteraction = z.looseObject({
  type: z.enum(['shortcut', 'message_action', 'block_suggestion', 'interactive_message']),
  user: user.optional(),
});

/** JSON bodies: the Events API. */
const jsonBody = z.union([urlVerification, eventCallback, appRateLimited]);
/** `payload=<json>` forms: interactivity. */
const interaction = z.union([blockActions, viewSubmission, otherInteraction]);

export type SlackBodyCheck = { ok: true } | { ok: false; reason: string };

/** Socket Mode hands over the same payloads already parsed, each kind in its own envelope. */
const socketPayloads = {
  events_api: jsonBody,
  slash_commands: slashCommand,
  interactive: interaction,
} as const;

/**
 * Checks a Socket Mode payload (Bolt's `body`) against the same shapes as the HTTP route, by the
 * kind of envelope it came in (`events_api`, `slash_commands`, `interactive`). `reason` is for the
 * log — never the payload itself.
 */
export function checkSocketPayload(body: unknown): SlackBodyCheck {
  // Bolt does not say which envelope a body came in; what the body looks like decides which check.
  const kind =
    body !== null && typeof body === 'object'
      ? 'command' in body
        ? 'slash_commands'
        : 'type' in body && body.type === 'event_callback'
          ? 'events_api'
          : 'interactive'
      : 'events_api';
  return socketPayloads[kind].safeParse(body).success
    ? { ok: true }
    : { ok: false, reason: `socket mode ${kind} payload` };
}

/** A signed HTTP body that passed its shape check, parsed once: what Bolt's `processEvent` receives. */
export type SlackBodyParse = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Parses a signed body the way Bolt's own receiver does (form when the content type is exactly
 * `application/x-www-form-urlencoded`, JSON otherwise; a form's `payload` field is JSON) and
 * checks its shape; the body is parsed once and handed on as it is (unknown fields kept).
 * `reason` names what was wrong, for the log — never the body itself.
 */
export function checkSlackBody(raw: string, contentType: string | undefined): SlackBodyParse {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseQuery(raw);
      if (form.ssl_check === '1') return { ok: true, body: { ssl_check: '1' } };
      if (typeof form.payload === 'string') {
        const payload: unknown = JSON.parse(form.payload);
        return interaction.safeParse(payload).success
          ? { ok: true, body: payload as Record<string, unknown> }
          : { ok: false, reason: 'interaction payload' };
      }
      if (form.payload !== undefined) return { ok: false, reason: 'repeated payload field' };
      return slashCommand.safeParse(form).success
        ? { ok: true, body: form }
        : { ok: false, reason: 'slash command form' };
    }
    const body: unknown = JSON.parse(raw);
    return jsonBody.safeParse(body).success
      ? { ok: true, body: body as Record<string, unknown> }
      : { ok: false, reason: 'event body' };
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
}
