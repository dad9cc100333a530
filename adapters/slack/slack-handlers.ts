import type { App } from '@slack/bolt';
import { registerCheckInHandlers } from './check-in-handlers.js';
import { registerMessageHandlers } from './message-handlers.js';
import { registerSlackBoundary } from './slack-boundary.js';
import { type SlackHandlerDeps, slackTools } from './slack-context.js';

export type { SlackHandlerDeps } from './slack-context.js';

/** Wires every Slack input delmal handles (see slack-surface.ts) to the neutral chat core. */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const tools = slackTools(deps);
  const openCheckIn = registerCheckInHandlers(app, tools);
  registerMessageHandlers(app, tools, openCheckIn);
  registerSlackBoundary(app, tools);
}
