import type { AppsManifestCreateArguments } from '@slack/web-api';
import { SLACK_BOT_EVENTS, SLASH_COMMAND } from '../../adapters/slack/slack-surface.js';

/** Slack's app manifest type, as `@slack/web-api` defines it for apps.manifest.create. */
export type Manifest = AppsManifestCreateArguments['manifest'];

/** The bot scopes the code needs — and no more (tests compare with what the code calls). */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read', // app_mention events
  'chat:write', // answers in DMs and threads
  'commands', // /delmal
  'im:history', // message.im events: DMs to the bot
  'users:read', // users.info
  'users:read.email', // users.info e-mail → person; users.lookupByEmail
] as const;

/**
 * delmal's Slack app manifest. `baseUrl` is where `POST /slack/events` is reachable; with Socket
 * Mode there is none (Slack connects out over a WebSocket instead).
 */
export function slackManifest(mode: { socketMode: true } | { socketMode: false; baseUrl: string }): Manifest {
  const url = mode.socketMode ? undefined : `${mode.baseUrl}/slack/events`;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'delmal',
      description: 'Uppföljning av Handlingsplan Social välfärd: delmål, aktiviteter och avstämningar.',
      long_description:
        'delmal svarar på frågor om Region Örebro läns Handlingsplan Social välfärd direkt i Slack: skriv /delmal för alla delmål, /delmal 5 för ett delmål med dess aktiviteter och senaste status, /delmal sok och fritext för att söka i planen, och /delmal mina för dina egna aktiviteter. Under fliken Hem ser du dina aktiviteter och kan stämma av dem.',
      background_color: '#2f1e4d',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: 'delmal', always_online: true },
      slash_commands: [
        {
          command: SLASH_COMMAND,
          ...(url ? { url } : {}),
          description: 'Fråga planen: delmål, aktiviteter, sök',
          usage_hint: '[nummer | aktivitet <namn> | sok <fritext> | mina | hjalp]',
          should_escape: false,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...SLACK_BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: mode.socketMode,
      token_rotation_enabled: false,
    },
  };
}
