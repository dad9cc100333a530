/**
 * What delmal's Slack app listens to. The handlers register exactly these, and the app manifest
 * declares exactly these; a test holds the two together.
 */
export const SLASH_COMMAND = '/delmal';
export const SLACK_BOT_EVENTS = ['app_home_opened', 'app_mention', 'message.im'] as const;
