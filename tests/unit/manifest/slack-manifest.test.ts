import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { registerSlackHandlers, type SlackHandlerDeps } from '../../../adapters/slack/slack-handlers.js';
import { slackManifestFiles } from '../../../manifest/slack/files.js';
import { SLACK_BOT_SCOPES, slackManifest } from '../../../manifest/slack/manifest.js';
import { PACKAGE_ROOT } from '../../../src/paths.js';

/** What the code registers with Bolt, recorded by a stand-in that only takes names. */
function registrations() {
  const seen = {
    commands: [] as string[],
    events: [] as string[],
    actions: [] as string[],
    views: [] as string[],
  };
  const name = (x: unknown) => (x instanceof RegExp ? x.source : String(x));
  const app = {
    command: (n: unknown) => seen.commands.push(name(n)),
    event: (n: unknown) => seen.events.push(name(n)),
    action: (n: unknown) => seen.actions.push(name(n)),
    view: (n: unknown) => seen.views.push(name(n)),
    // The error boundary's catch-alls (acknowledge what delmal does not offer) need no manifest entry.
    shortcut: () => undefined,
    options: () => undefined,
    error: () => undefined,
    client: {},
  } as unknown as App;
  registerSlackHandlers(app, {} as SlackHandlerDeps);
  return seen;
}

// Slack's scope for each event and Web API method the code uses.
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
};
const METHOD_SCOPES: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'views.publish': [],
  'views.open': [],
  'users.info': ['users:read', 'users:read.email'],
};
const USED_METHODS = ['chat.postMessage', 'views.publish', 'views.open', 'users.info'];

describe('the Slack app manifest', () => {
  it('is the file manifest/slack/*.yaml holds (regenerate with npm run manifest:slack)', () => {
    for (const [file, text] of Object.entries(slackManifestFiles(stringify)))
      expect(readFileSync(join(PACKAGE_ROOT, 'manifest', 'slack', file), 'utf8'), file).toBe(text);
  });

  it('declares exactly the slash commands and events the code handles, and the reverse', () => {
    const seen = registrations();
    const manifest = parse(
      readFileSync(join(PACKAGE_ROOT, 'manifest', 'slack', 'manifest.http.yaml'), 'utf8'),
    );
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(
      seen.commands,
    );
    // The code listens to `message` and keeps only DMs: that is the message.im subscription.
    const handled = seen.events.map((e) => (e === 'message' ? 'message.im' : e)).sort();
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(handled);
    expect(manifest.settings.interactivity.is_enabled).toBe(seen.actions.length + seen.views.length > 0);
    expect(manifest.features.app_home.home_tab_enabled).toBe(seen.events.includes('app_home_opened'));
  });

  it('asks for the scopes the code needs and no more', () => {
    const seen = registrations();
    const events = seen.events.map((e) => (e === 'message' ? 'message.im' : e));
    const needed = new Set([
      ...(seen.commands.length > 0 ? ['commands'] : []),
      ...events.flatMap((e) => EVENT_SCOPES[e] ?? [`unknown event ${e}`]),
      ...USED_METHODS.flatMap((m) => METHOD_SCOPES[m] ?? []),
    ]);
    expect([...SLACK_BOT_SCOPES].sort()).toEqual([...needed].sort());
  });

  it('points every request URL at /slack/events over HTTP and has none in Socket Mode', () => {
    const http = slackManifest({ socketMode: false, baseUrl: 'https://delmal.example.org' });
    expect(http.settings?.event_subscriptions?.request_url).toBe('https://delmal.example.org/slack/events');
    expect(http.settings?.interactivity?.request_url).toBe('https://delmal.example.org/slack/events');
    expect(http.features?.slash_commands?.[0]?.url).toBe('https://delmal.example.org/slack/events');
    const socket = slackManifest({ socketMode: true });
    expect(socket.settings?.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('request_url');
    expect(socket.features?.slash_commands?.[0]?.url).toBeUndefined();
  });

  it('keeps Slack’s length limits', () => {
    const m = slackManifest({ socketMode: true });
    expect(m.display_information.name.length).toBeLessThanOrEqual(35);
    expect(m.display_information.description?.length ?? 0).toBeLessThanOrEqual(140);
    expect(m.display_information.long_description?.length ?? 0).toBeGreaterThanOrEqual(175);
    expect(m.features?.slash_commands?.[0]?.description.length ?? 0).toBeLessThanOrEqual(100);
  });
});
