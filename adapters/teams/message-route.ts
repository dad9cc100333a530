import { stripMentionsText } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { AdapterDeps } from '../../src/asking/adapter-deps.js';
import { describeFailure } from '../../src/errors/bot-error.js';
import { translator } from '../../src/i18n/i18n.js';
import type { ConnectorClient } from './connector-client.js';
import type { TeamsMessageHandler } from './teams-handlers.js';

/**
 * A message activity — what people type to delmal, by far the busiest request — goes from the
 * SDK's HTTP server, once it has validated the request's token, straight to delmal's message
 * handler. The SDK's activity processing would first build a whole turn for it: clones of its API
 * and HTTP clients (two axios instances each), two Graph clients, an activity sender with its
 * stream, a context and a tracing span; the profile of the answer path put that at about a fifth of
 * the CPU, and delmal's handler reads only the activity (its answer goes through the outbox). What
 * the SDK does to a message that delmal relies on is done here too: the bot's mention is stripped
 * from the text (the app's `mentions.stripText`), and a failure the handler's own boundary lets
 * through is logged with a reference and answered 500, as the SDK does. The handler's `send` (the
 * boundary's last resort, when the outbox cannot take an apology) posts to the activity's
 * conversation at its service URL, which the route has checked against the allow-list. Every other
 * activity (invokes, installation and conversation updates) goes through the SDK as before.
 */
export function answerMessagesDirectly(
  app: App,
  onMessage: TeamsMessageHandler,
  connector: ConnectorClient,
  deps: Pick<AdapterDeps, 'logger' | 'locale'>,
): void {
  const server = app.server;
  const sdk = server.onRequest;
  if (!sdk) throw new Error('the Teams SDK set no request handler on its HTTP server');
  server.onRequest = async (event) => {
    const activity = event.body;
    if (activity.type !== 'message') return sdk(event);
    const message = activity as Parameters<typeof stripMentionsText>[0] & {
      serviceUrl?: string;
      conversation?: { id?: string };
    };
    try {
      message.text = stripMentionsText(message, {});
      await onMessage({
        activity: message,
        send: (reply) =>
          connector.createActivity(message.serviceUrl ?? '', message.conversation?.id ?? '', reply),
      });
      return { status: 200 };
    } catch (error) {
      describeFailure(error, { logger: deps.logger, t: translator(deps.locale), where: 'teams.message' });
      return { status: 500 };
    }
  };
}
