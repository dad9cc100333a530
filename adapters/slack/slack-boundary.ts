import type {
  App,
  ReceiverDispatchErrorHandlerArgs,
  ReceiverProcessEventErrorHandlerArgs,
  ReceiverUnhandledRequestHandlerArgs,
} from '@slack/bolt';
import { BotError, describeFailure } from '../../src/errors/bot-error.js';
import { type Locale, translator } from '../../src/i18n/i18n.js';
import type { Logger } from '../../src/logger.js';
import { CHECK_IN_CALLBACK } from './check-in-modal.js';
import { COMMAND_ACTION_PREFIX, URL_ACTION_PREFIX } from './render-blocks.js';
import { SHARE_ACTION } from './share-command.js';
import type { SlackTools } from './slack-context.js';

/** Bolt would answer a request nobody acknowledged with 404 after 3 s; ours answers 200 sooner. */
export const UNHANDLED_REQUEST_MS = 2800;

/** Action ids delmal's own messages do not carry: from another app, or from an old version of ours. */
const FOREIGN_ACTION = new RegExp(`^(?!${SHARE_ACTION}$|${COMMAND_ACTION_PREFIX}|${URL_ACTION_PREFIX})`);

/**
 * The receiver's half of the Slack error boundary: failures inside Bolt's HTTP pipeline are logged
 * with a reference (never the body) and answered 200 when nothing was sent yet, so Slack does not
 * retry and the user does not see a red error for our bug; an unacknowledged request is acked.
 */
export function receiverErrorHandlers(logger: Logger) {
  const fail = (error: unknown, where: string) =>
    describeFailure(error, { logger, t: translator('sv'), where: `slack.${where}` });
  const acknowledge = (response: ReceiverUnhandledRequestHandlerArgs['response']) => {
    if (response.headersSent) return;
    response.writeHead(200);
    response.end();
  };
  return {
    dispatchErrorHandler: ({ error, response }: ReceiverDispatchErrorHandlerArgs) => {
      fail(error, 'dispatch');
      if (response.headersSent) return;
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'bad_request' }));
    },
    processEventErrorHandler: async ({ error, response }: ReceiverProcessEventErrorHandlerArgs) => {
      fail(error, 'process');
      acknowledge(response);
      return false;
    },
    unhandledRequestHandler: ({ response }: ReceiverUnhandledRequestHandlerArgs) => {
      logger.warn('Slack request not acknowledged by any listener; acknowledged for it');
      acknowledge(response);
    },
    unhandledRequestTimeoutMillis: UNHANDLED_REQUEST_MS,
  };
}

/**
 * Socket Mode's half of the shape check (the HTTP route answers 400 instead): a payload of the
 * wrong shape never reaches Bolt's listeners. It is acknowledged — Slack would send it again —
 * and logged with its code, reference and reason (never the payload); a slash command gets the
 * friendly answer in its acknowledgement, the only place Socket Mode lets us say something.
 */
export async function refuseSocketPayload(
  body: unknown,
  ack: (response?: unknown) => Promise<void>,
  reason: string,
  context: { readonly logger: Logger; readonly locale: Locale },
): Promise<void> {
  const { text } = describeFailure(new BotError('bad_request', {}, { cause: reason }), {
    logger: context.logger,
    t: translator(context.locale),
    where: 'slack.socket',
  });
  const slashCommand = body !== null && typeof body === 'object' && 'command' in body;
  await ack(slashCommand ? { response_type: 'ephemeral', text } : undefined);
}

/** What a listener threw, logged with a reference (Bolt's `app.error`). */
function listenerFailed(tools: Pick<SlackTools, 'deps'>, error: unknown): void {
  const coded = error as { original?: unknown };
  describeFailure(coded.original ?? error, {
    logger: tools.deps.logger,
    t: translator(tools.deps.locale),
    where: 'slack.listener',
  });
}

/**
 * The app's half: Bolt's global `app.error` logs what a listener threw (with a reference; the
 * request goes on as acknowledged), and every interaction delmal does not offer — an unknown
 * `action_id`, another app's view, a shortcut — is acknowledged at once, with a polite ephemeral
 * answer when Slack gave a `response_url` to send it to.
 */
export function registerSlackBoundary(app: App, tools: SlackTools): void {
  const { deps } = tools;
  app.error(async (error) => listenerFailed(tools, error));
  app.action({ action_id: FOREIGN_ACTION }, async ({ ack, body }) => {
    await ack();
    const responseUrl = 'response_url' in body ? body.response_url : undefined;
    if (!responseUrl) return;
    const channel = 'channel' in body ? body.channel?.id : undefined;
    await tools.boundary(undefined, async () => {
      await deps.deliveries.sendNow({
        lane: 'interactive',
        to: {
          kind: 'private',
          platform: 'slack',
          workspaceId: body.team?.id ?? 'unknown-team',
          conversationId: channel ?? body.user.id,
          userId: body.user.id,
          handle: responseUrl,
        },
        message: { type: 'text', key: 'error.code.unknownAction' },
      });
    });
  });
  app.view({ callback_id: new RegExp(`^(?!${CHECK_IN_CALLBACK}$)`), type: 'view_submission' }, ({ ack }) =>
    ack(),
  );
  app.view({ callback_id: /.*/, type: 'view_closed' }, ({ ack }) => ack());
  app.shortcut(/.*/, ({ ack }) => ack());
  app.options(/.*/, ({ ack }) => ack({ options: [] }));
}
