import type { App } from '@slack/bolt';
import { registerCheckInHandlers } from './check-in-handlers.js';
import { registerMessageHandlers, type SlashCommandArgs } from './message-handlers.js';
import { listenerFailed, registerSlackBoundary } from './slack-boundary.js';
import { type SlackHandlerDeps, slackTools } from './slack-context.js';

export type { SlackHandlerDeps } from './slack-context.js';

/**
 * Wires every Slack input delmal handles (see slack-surface.ts) to the neutral chat core. Returns
 * the `/delmal` listener with the error boundary Bolt would put around it, for the adapter's fast path.
 */
export function registerSlackHandlers(
  app: App,
  deps: SlackHandlerDeps,
): (args: SlashCommandArgs) => Promise<void> {
  const tools = slackTools(deps);
  const openCheckIn = registerCheckInHandlers(app, tools);
  const slashCommand = registerMessageHandlers(app, tools, openCheckIn);
  registerSlackBoundary(app, tools);
  return (args) => slashCommand(args).catch((error: unknown) => listenerFailed(tools, error));
}
