import { afterEach, beforeEach, expect, it } from 'vitest';
import { homeReply } from '../../../commands/home.js';
import { COMMANDS } from '../../../commands/index.js';
import { channelsOfNetwork } from '../../../db/network-channels.repository.js';
import { handleMessage } from '../../../src/asking/handle-message.js';
import { exportCatalog } from '../../../src/catalog/catalog-export.js';
import { importCatalog } from '../../../src/catalog/catalog-import.js';
import { CatalogImportError } from '../../../src/catalog/catalog-issues.js';
import type { InboundMessage, Platform } from '../../../src/chat/inbound.js';
import { renderText } from '../../../src/chat/render-text.js';
import { databaseCheckIns } from '../../../src/checkins/check-in-service.js';
import { fixedClock } from '../../../src/clock.js';
import { databaseNetworks } from '../../../src/digest/network-service.js';
import { translator } from '../../../src/i18n/i18n.js';
import { createLogger } from '../../../src/logger.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';

const CHAIR = 'lena.ekstrom@example.org'; // chairs lag-missbruk
const MEMBER = 'helena.forsberg@example.org'; // member of lag-missbruk, not a chair
const ADMIN = 'maria.sandberg@example.org'; // plan administrator, does not chair lag-missbruk

const place = {
  slack: { platform: 'slack', workspaceId: 'T0001', id: 'C0LAGMISSBRUK', name: 'lag-missbruk' },
  slackOther: { platform: 'slack', workspaceId: 'T0001', id: 'C0OTHER', name: 'annat' },
  teams: { platform: 'teams', workspaceId: 'tenant-1', id: '19:lag@thread.tacv2', name: 'LAG missbruk' },
} as const;

describeEachDialect('binding networks to channels', (dialect) => {
  let db: TestDatabase;
  const clock = fixedClock('2026-11-25T09:00:00Z');
  const store = () => new CatalogStore(db.db, 0);

  const inbound = (
    text: string,
    email: string,
    where: { platform: Platform; workspaceId: string; id: string; name: string } | 'dm',
  ): InboundMessage => {
    const conversation =
      where === 'dm'
        ? { kind: 'dm' as const, id: 'D0DM' }
        : { kind: 'channel' as const, id: where.id, name: where.name };
    const platform = where === 'dm' ? 'slack' : where.platform;
    const workspaceId = where === 'dm' ? 'T0001' : where.workspaceId;
    return {
      platform,
      workspaceId,
      conversation,
      messageId: `m-${Math.random()}`,
      text,
      asker: { userId: email, email },
      replyTo: { kind: 'conversation', platform, workspaceId, conversationId: conversation.id },
    };
  };
  const say = async (
    text: string,
    email: string,
    where: Parameters<typeof inbound>[2],
    locale: 'sv' | 'en' = 'sv',
  ) => {
    const reply = await handleMessage(
      {
        store: store(),
        checkIns: databaseCheckIns(db.db, clock),
        networks: databaseNetworks(db.db, clock),
        commands: COMMANDS,
        home: homeReply,
        clock,
        logger: createLogger('silent'),
        timezone: 'Europe/Stockholm',
      },
      inbound(text, email, where),
      { email, locale },
    );
    return renderText(reply, translator(locale));
  };
  const bound = async () =>
    (await channelsOfNetwork(db.db.kysely, 'lag-missbruk')).map((c) => `${c.platform}:${c.conversation_id}`);

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
  });
  afterEach(() => db.drop());

  it('lets the chair bind the network to a Slack channel and a Teams channel at once', async () => {
    const slack = await say('delmal natverk koppla lag missbruk', CHAIR, place.slack);
    expect(slack).toContain('LAG missbruk är nu kopplat till den här kanalen.');
    expect(slack).toContain('varje måndag kl. 08:00');
    expect(slack).toContain('Delmål 3');
    const teams = await say('delmal nätverk koppla lag-missbruk', CHAIR, place.teams, 'en');
    expect(teams).toContain(
      'LAG missbruk is now bound to this channel. The weekly digest comes here every Monday at 08:00.',
    );
    expect(await bound()).toEqual(['slack:C0LAGMISSBRUK', 'teams:19:lag@thread.tacv2']);
    expect(await say('delmal natverk koppla lag-missbruk', CHAIR, place.slack)).toContain('redan kopplat');

    // Binding another Slack channel moves the Slack binding; the Teams one stays.
    const moved = await say('delmal natverk koppla lag-missbruk', CHAIR, place.slackOther);
    expect(moved).toContain('Den tidigare kanalen på samma plattform (lag-missbruk) får den inte längre.');
    expect(await bound()).toEqual(['slack:C0OTHER', 'teams:19:lag@thread.tacv2']);
  });

  it('confirms a binding in plain words: each insatsområde once, a short button, no channel ids', async () => {
    const first = await say('delmal natverk koppla lag-missbruk', CHAIR, {
      ...place.slack,
      id: 'C0NONAME',
      name: '',
    });
    // lag-missbruk follows the plan's and the follow-up's "Tillgängliga insatser …": named once.
    expect(first.match(/Tillgängliga insatser med kvalitet för sårbara grupper/g)).toHaveLength(1);
    expect(first).toContain('→ Förhandsvisa sammanfattningen: delmal digest lag-missbruk');
    expect(first).not.toContain('(ordförande)');
    const moved = await say('delmal natverk koppla lag-missbruk', CHAIR, place.slackOther);
    expect(moved).toContain('Kanalen där den kom förut, på samma plattform, får den inte längre.');
    expect(moved).not.toContain('C0NONAME');
  });

  it('refuses members who are not chairs, storing nothing, and lets a plan administrator bind', async () => {
    const refused = await say('delmal natverk koppla lag-missbruk', MEMBER, place.slack);
    expect(refused).toContain('Bara nätverkets ordförande och planadministratörer kan koppla LAG missbruk');
    expect(refused).toContain('Lena Ekström');
    expect(await bound()).toEqual([]);
    expect(await say('delmal natverk koppla lag-missbruk', 'okand@example.org', place.slack)).toContain(
      'Jag vet inte vem du är',
    );
    expect(await say('delmal natverk koppla lag-missbruk', ADMIN, place.slack)).toContain('är nu kopplat');
    expect(await bound()).toEqual(['slack:C0LAGMISSBRUK']);
    // Unbinding takes the same right.
    expect(await say('delmal natverk lossa', MEMBER, place.slack)).toContain('Bara nätverkets ordförande');
    expect(await bound()).toEqual(['slack:C0LAGMISSBRUK']);
    expect(await say('delmal natverk lossa', CHAIR, place.slack)).toContain(
      'LAG missbruk är inte längre kopplat till den här kanalen.',
    );
    expect(await bound()).toEqual([]);
    expect(await say('delmal natverk lossa', CHAIR, place.slack)).toContain(
      'inte kopplad till något nätverk',
    );
  });

  it('explains in a DM that binding is done in the channel, and answers unknown names kindly', async () => {
    expect(await say('delmal natverk koppla lag-missbruk', CHAIR, 'dm')).toContain(
      'Ett nätverk kopplas till en kanal inifrån kanalen',
    );
    expect(await say('delmal natverk koppla fotbollslaget', CHAIR, place.slack)).toContain(
      'Jag hittar inget nätverk som heter "fotbollslaget"',
    );
    expect(await say('delmal natverk', CHAIR, place.slack)).toContain('Skriv koppla ‹nätverk› eller lossa.');
    expect(await bound()).toEqual([]);
  });

  it('keeps a channel to one network', async () => {
    await say('delmal natverk koppla lag-missbruk', CHAIR, place.slack);
    const taken = await say('delmal natverk koppla folkhalsochefsnatverket', ADMIN, place.slack);
    expect(taken).toContain('Den här kanalen är redan kopplad till LAG missbruk');
    expect(await channelsOfNetwork(db.db.kysely, 'folkhalsochefsnatverket')).toEqual([]);
  });

  it('round-trips channels and digest times through catalog export and import', async () => {
    await say('delmal natverk koppla lag-missbruk', CHAIR, place.slack);
    const exported = await exportCatalog(db.db, 'yaml');
    expect(exported).toContain('channel: C0LAGMISSBRUK');
    // Re-importing the export changes nothing.
    const again = await importCatalog(db.db, { path: 'export.yaml', text: exported }, { clock });
    expect(again.diff.changes).toEqual([]);

    // A file naming a network without channels keeps the ones bound in chat; a digest time is stored.
    const file = (extra: string) => `format: 1
networks:
  - id: lag-missbruk
    name: LAG missbruk
    chairs: [${CHAIR}]
    goals: [sv-delmal-3, sv-delmal-4]
${extra}`;
    await importCatalog(
      db.db,
      { path: 'n.yaml', text: file('    digest: { weekday: tuesday, time: "07:30" }\n') },
      { clock },
    );
    expect(await bound()).toEqual(['slack:C0LAGMISSBRUK']);
    const after = await exportCatalog(db.db, 'yaml');
    expect(after).toContain('weekday: tuesday');
    expect(after).toContain('time: 07:30');
    // A file with channels replaces them: here the Teams channel instead.
    await importCatalog(
      db.db,
      {
        path: 'n.yaml',
        text: file(
          '    channels:\n      - { platform: teams, workspace: tenant-1, channel: "19:lag@thread.tacv2" }\n',
        ),
      },
      { clock },
    );
    expect(await bound()).toEqual(['teams:19:lag@thread.tacv2']);
    expect(await say('delmal natverk koppla folkhalsochefsnatverket', ADMIN, place.teams)).toContain(
      'redan kopplad till LAG missbruk',
    );

    // Two Slack channels for one network, or a channel of another network, are located errors.
    const broken = file(
      '    channels:\n      - { platform: slack, workspace: T1, channel: C1 }\n      - { platform: slack, workspace: T1, channel: C2 }\n',
    );
    const error = await importCatalog(db.db, { path: 'n.yaml', text: broken }, { clock }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CatalogImportError);
    expect((error as CatalogImportError).issues[0]).toMatchObject({
      key: 'catalog.channel.onePerPlatform',
      line: 9,
    });
    expect(await bound()).toEqual(['teams:19:lag@thread.tacv2']);
  });
});
