import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { saveChatConversation, saveChatIdentity } from '../../../db/chat-identities.repository.js';
import type { Db } from '../../../db/connection.js';
import { saveTeamsConversation } from '../../../db/teams-conversations.repository.js';
import type { CatalogView } from '../../../src/catalog/catalog-view.js';
import { localInbound } from '../../../src/chat/inbound-schema.js';
import { databaseCheckIns } from '../../../src/checkins/check-in-service.js';
import { fixedClock } from '../../../src/clock.js';
import { Outbox } from '../../../src/delivery/outbox.js';
import { databaseNetworks } from '../../../src/digest/network-service.js';
import { createLogger } from '../../../src/logger.js';
import { databaseAway } from '../../../src/schedule/away-service.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { delmal } from '../../support/cli.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';
import { RecordingDeliverer } from '../../support/recording-deliverer.js';

// A chair of a network who also owns activities, and another owner of one of them.
const EMAIL = 'johan.berglund@example.org';
const NAME = 'Johan Berglund';
const SLACK_USER = 'U0JOHAN42';
const SLACK_DM = 'D0JOHANDM';
const TEAMS_USER = '6f1c2a9e-johan-aad';
const TEAMS_DM = 'a:1JohanPersonalChat';
const NOTE = 'Utbildningen flyttas till februari.';

/** Every row of every table, as text: what a deletion must leave nothing of the person in. */
async function everyTable(db: Db): Promise<Map<string, string>> {
  const names =
    db.dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db.kysely)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
            db.kysely,
          )
        ).rows.map((r) => r.name);
  const dump = new Map<string, string>();
  for (const name of names) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(db.kysely);
    dump.set(name, JSON.stringify(rows.rows).toLowerCase());
  }
  return dump;
}

describeEachDialect('a person’s data: export and delete', (dialect) => {
  let db: TestDatabase;
  let view: CatalogView;
  let clock = fixedClock('2026-11-23T08:14:00Z');
  const env = () => ({ DATABASE_URL: db.url, USER: 'processledare' });

  beforeEach(async () => {
    clock = fixedClock('2026-11-23T08:14:00Z');
    db = await createSeededTestDatabase(dialect);
    view = (await new CatalogStore(db.db).get()).view;
    const k = db.db.kysely;
    const now = clock.now().toISOString();
    const owned = view.activitiesOwnedBy(EMAIL);
    const activity = owned[0];
    if (!activity) throw new Error(`${EMAIL} owns no activity in the shipped catalog`);
    // What using delmal leaves behind: check-ins and an edit, identities and DMs on both
    // platforms, an absence, a bound channel, deliveries to them and a digest naming them.
    const checkIns = databaseCheckIns(db.db, clock);
    await checkIns.record(
      view,
      { email: EMAIL },
      { activityId: activity.id, statusCode: 'at_risk', note: NOTE },
      'slack',
    );
    clock.set('2026-11-23T09:00:00Z');
    await checkIns.edit(
      view,
      { email: EMAIL },
      { activityId: activity.id, statusCode: 'blocked', note: `${NOTE} Lokal saknas.` },
      'teams',
    );
    const other = activity.owners.find((o) => o !== EMAIL);
    if (other)
      await checkIns.record(
        view,
        { email: other },
        { activityId: activity.id, statusCode: 'on_track' },
        'teams',
      );
    await saveChatIdentity(
      k,
      { platform: 'slack', tenantId: 'T01', userId: SLACK_USER, email: EMAIL, displayName: NAME },
      now,
    );
    await saveChatConversation(k, { platform: 'slack', tenantId: 'T01', userId: SLACK_USER }, SLACK_DM);
    await saveChatIdentity(
      k,
      { platform: 'teams', tenantId: 'tenant-1', userId: TEAMS_USER, email: EMAIL, displayName: NAME },
      now,
    );
    await saveTeamsConversation(
      k,
      {
        conversationId: TEAMS_DM,
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        tenantId: 'tenant-1',
        conversationType: 'personal',
        userAadObjectId: TEAMS_USER,
        teamId: undefined,
      },
      now,
    );
    expect(
      (await databaseAway(db.db, clock, 'Europe/Stockholm').markAway(EMAIL, '2026-12-20', 'Föräldraledig'))
        .ok,
    ).toBe(true);
    const network = view.networksChairedBy(EMAIL)[0];
    if (!network) throw new Error(`${EMAIL} chairs no network in the shipped catalog`);
    // A minute later: the export lists audit entries by time, and entries of one instant have no order.
    clock.set('2026-11-23T09:01:00Z');
    const channel = {
      ...localInbound('delmal natverk koppla', { email: EMAIL }),
      conversation: { kind: 'channel' as const, id: 'C0CHANNEL' },
    };
    expect((await databaseNetworks(db.db, clock).bind(network.id, channel, EMAIL)).ok).toBe(true);
    const outbox = new Outbox(db.db, clock, createLogger('silent'), new RecordingDeliverer());
    const reply = (text: string) => ({
      type: 'reply' as const,
      reply: { summary: text, blocks: [{ type: 'text' as const, text }] },
      locale: 'sv' as const,
    });
    await outbox.enqueue({
      lane: 'bulk',
      to: { kind: 'person', email: EMAIL },
      message: reply('Dags att stämma av'),
    });
    await outbox.enqueue({
      lane: 'interactive',
      to: { kind: 'conversation', platform: 'slack', workspaceId: 'T01', conversationId: SLACK_DM },
      message: reply('Tack!'),
    });
    await outbox.enqueue({
      lane: 'bulk',
      to: { kind: 'conversation', platform: 'slack', workspaceId: 'T01', conversationId: 'C0CHANNEL' },
      message: reply(`Saknar rapport. Ansvarig: ${NAME}`),
    });
  });
  afterEach(() => db.drop());

  it('exports everything about the person as JSON, and audits the export', async () => {
    const run = await delmal(['person', 'export', EMAIL.toUpperCase()], env());
    expect(run.code, run.stderr).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data.catalog).toMatchObject({ name: NAME, admin: false });
    expect(data.catalog.ownerOf.map((a: { id: string }) => a.id)).toEqual(
      view
        .activitiesOwnedBy(EMAIL)
        .map((a) => a.id)
        .sort(),
    );
    expect(data.catalog.chairOf.map((n: { id: string }) => n.id)).toEqual(
      view
        .networksChairedBy(EMAIL)
        .map((n) => n.id)
        .sort(),
    );
    expect(data.chatIdentities.map((i: { user_id: string }) => i.user_id).sort()).toEqual(
      [TEAMS_USER, SLACK_USER].sort(),
    );
    expect(data.knownDms.map((d: { conversationId: string }) => d.conversationId).sort()).toEqual(
      [SLACK_DM, TEAMS_DM].sort(),
    );
    // The check-in as it reads now (edited), and its first version.
    expect(data.checkIns).toHaveLength(1);
    expect(data.checkIns[0]).toMatchObject({ note: `${NOTE} Lokal saknas.`, version: 2, author_name: NAME });
    expect(data.checkInVersions).toMatchObject([{ note: NOTE, version: 1 }]);
    expect(data.away).toMatchObject([{ until_date: '2026-12-20', note: 'Föräldraledig' }]);
    expect(data.channelsBound).toMatchObject([{ conversation_id: 'C0CHANNEL' }]);
    // Deliveries to them (by e-mail and to their DM), not the digest in the channel.
    expect(data.deliveries).toHaveLength(2);
    expect(data.audit.map((a: { action: string }) => a.action)).toEqual([
      'checkin.record',
      'checkin.edit',
      'network.bind',
    ]);
    const audit = await delmal(['audit', '--person', EMAIL, '--format', 'json'], env());
    expect(JSON.parse(audit.stdout).map((a: { action: string }) => a.action)).toContain('person.export');
  });

  it('deletes the person: no trace of e-mail, name or chat ids in any table; their check-in text stays under a pseudonym', async () => {
    const auditBefore = (await db.db.kysely.selectFrom('audit_log').select('id').execute()).length;
    const dry = await delmal(['person', 'delete', EMAIL, '--dry-run'], env());
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Torrkörning – ingenting har ändrats');
    expect(dry.stdout).toContain('1 avstämningar och 1 tidigare versioner har fått pseudonymen');
    expect(dry.stdout).toContain('2 utskick till personen borttagna (varav 2 väntande');
    expect((await everyTable(db.db)).get('people')).toContain(EMAIL);

    const run = await delmal(['person', 'delete', EMAIL], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${EMAIL} är raderad`);
    // The catalog file is the plan administrator's: the report says where the person is still named.
    expect(run.stdout).toContain(`Obs! Personen finns kvar i katalogfilen`);
    expect(run.stdout).toContain(view.networksChairedBy(EMAIL)[0]?.id ?? '?');

    const dump = await everyTable(db.db);
    for (const needle of [EMAIL, NAME, SLACK_USER, SLACK_DM, TEAMS_USER, TEAMS_DM, 'föräldraledig'])
      for (const [table, text] of dump)
        expect(text.includes(needle.toLowerCase()), `${needle} in ${table}`).toBe(false);
    // What they wrote is a public record: kept, by a pseudonym, in the row and its earlier version.
    const mine = await db.db.kysely
      .selectFrom('check_ins')
      .selectAll()
      .where('note', '=', `${NOTE} Lokal saknas.`)
      .execute();
    expect(mine).toHaveLength(1);
    expect(mine[0]?.author_name).toMatch(/^Borttagen person [0-9a-f]{6}$/);
    const version = await db.db.kysely.selectFrom('check_in_versions').selectAll().executeTakeFirstOrThrow();
    expect([version.note, version.author_name]).toEqual([NOTE, mine[0]?.author_name]);
    // The digest in the channel still goes out, naming the pseudonym; the other owner is untouched.
    const digest = await db.db.kysely
      .selectFrom('outbox_items')
      .select('message')
      .where('recipient', 'like', '%C0CHANNEL%')
      .executeTakeFirstOrThrow();
    expect(digest.message).toContain(mine[0]?.author_name);
    // The audit log only grew: the deletion is recorded, nothing was rewritten.
    expect((await db.db.kysely.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore + 1);
    expect((await delmal(['person', 'export', EMAIL], env())).stderr).toContain(
      `delmal har inga uppgifter om ${EMAIL}`,
    );
  });

  it('with --mode erase also empties what they wrote', async () => {
    const run = await delmal(['person', 'delete', EMAIL, '--mode', 'erase'], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 texter tömda');
    const dump = await everyTable(db.db);
    for (const [table, text] of dump) expect(text.includes('utbildningen flyttas'), table).toBe(false);
  });

  it('refuses what is not an e-mail address, in Swedish, and deletes nothing', async () => {
    const before = await everyTable(db.db);
    const run = await delmal(['person', 'delete', 'Anna i Laxå'], env());
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('"Anna i Laxå" är ingen e-postadress');
    expect(await everyTable(db.db)).toEqual(before);
  });
});
