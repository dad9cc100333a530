import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CatalogView } from '../../../src/catalog/catalog-view.js';
import { localInbound } from '../../../src/chat/inbound-schema.js';
import { databaseCheckIns } from '../../../src/checkins/check-in-service.js';
import { fixedClock } from '../../../src/clock.js';
import { databaseNetworks } from '../../../src/digest/network-service.js';
import { SHIPPED_CATALOG } from '../../../src/paths.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { delmal } from '../../support/cli.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';

const NOTE = 'Enkäten till skolorna är försenad.';

describeEachDialect('the audit log', (dialect) => {
  let db: TestDatabase;
  let view: CatalogView;
  let clock = fixedClock('2026-11-23T08:14:00Z');
  const owner = () => view.activities.get('cross')?.owners[0] ?? '';
  const rows = () => db.db.kysely.selectFrom('audit_log').selectAll().orderBy('at').orderBy('id').execute();
  const env = () => ({ DATABASE_URL: db.url, USER: 'processledare' });

  beforeEach(async () => {
    clock = fixedClock('2026-11-23T08:14:00Z');
    db = await createSeededTestDatabase(dialect);
    view = (await new CatalogStore(db.db).get()).view;
  });
  afterEach(() => db.drop());

  it('records each check-in and edit once — who, when, where, which fields — and never the text', async () => {
    const service = databaseCheckIns(db.db, clock);
    const input = { activityId: 'cross', statusCode: 'at_risk', note: NOTE };
    expect((await service.record(view, { email: owner() }, input, 'slack', 'slack:T1:view:V1')).ok).toBe(
      true,
    );
    // The same submission again, and a refused one: no entry.
    await service.record(view, { email: owner() }, input, 'slack', 'slack:T1:view:V1');
    await service.record(view, { email: 'okand@example.org' }, input, 'slack');
    clock.set('2026-11-23T09:00:00Z');
    await service.edit(
      view,
      { email: owner() },
      { ...input, note: `${NOTE} Ny vecka.` },
      'teams',
      'teams:x:a1',
    );

    const personId = (
      await db.db.kysely
        .selectFrom('people')
        .select('id')
        .where('email', '=', owner())
        .executeTakeFirstOrThrow()
    ).id;
    const entries = await rows();
    const checkIn = (await db.db.kysely.selectFrom('check_ins').select('id').executeTakeFirstOrThrow()).id;
    expect(entries.filter((e) => e.action.startsWith('checkin.'))).toMatchObject([
      {
        action: 'checkin.record',
        at: '2026-11-23T08:14:00.000Z',
        actor_kind: 'person',
        actor_id: personId,
        platform: 'slack',
        subject_id: checkIn,
        activity_id: 'cross',
        fields: JSON.stringify(['status', 'note']),
      },
      { action: 'checkin.edit', platform: 'teams', actor_id: personId, fields: JSON.stringify(['note']) },
    ]);
    // The request id is the same for a repeated submission and says nothing about what was written.
    expect(entries[1]?.request_id).toMatch(/^[0-9a-f]{16}$/);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('Enkäten');
    expect(text).not.toContain(owner());
  });

  it('is append-only: the database refuses to change or remove an entry', async () => {
    await databaseCheckIns(db.db, clock).record(
      view,
      { email: owner() },
      { activityId: 'cross', statusCode: 'on_track' },
      'slack',
    );
    await expect(db.db.kysely.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.db.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres')
      await expect(sql`truncate audit_log`.execute(db.db.kysely)).rejects.toThrow(/append-only/);
    expect((await rows()).map((r) => r.action)).toContain('checkin.record');
  });

  it('records binding and unbinding a network’s channel, and a catalog import by the operator', async () => {
    const network = view.catalog.networks[0];
    const chair = network?.chairs[0];
    if (!network || !chair) throw new Error('the shipped catalog has a chaired network');
    const inbound = {
      ...localInbound('delmal natverk koppla', { email: chair }),
      conversation: { kind: 'channel' as const, id: 'C1' },
    };
    const networks = databaseNetworks(db.db, clock);
    await networks.bind(network.id, inbound, chair);
    await networks.unbind(inbound, chair);
    const dir = mkdtempSync(join(tmpdir(), 'delmal-audit-'));
    const file = join(dir, 'katalog.yaml');
    writeFileSync(
      file,
      readFileSync(SHIPPED_CATALOG, 'utf8').replace('name: "CROSS"', 'name: "CROSS – nytt namn"'),
    );
    try {
      const run = await delmal(['catalog', 'import', file], env());
      expect(run.code, run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // (The CLI runs on its own clock, a day earlier: compared without order.)
    const entries = (await rows()).filter(
      (r) => !(r.action === 'catalog.import' && r.actor_kind === 'system'),
    );
    expect(entries.map((e) => [e.action, e.actor_kind, e.subject_id ?? null, e.platform]).sort()).toEqual([
      ['catalog.import', 'operator', null, 'cli'],
      ['network.bind', 'person', network.id, 'local'],
      ['network.unbind', 'person', network.id, 'local'],
    ]);
    expect(entries.find((e) => e.action === 'catalog.import')).toMatchObject({
      actor_id: 'processledare',
      fields: JSON.stringify(['activity:1']),
    });
  });

  it('delmal audit filters by activity, person and date, as text or JSON', async () => {
    const service = databaseCheckIns(db.db, clock);
    await service.record(view, { email: owner() }, { activityId: 'cross', statusCode: 'on_track' }, 'slack');
    clock.set('2026-11-30T08:00:00Z');
    const other = [...view.activities.values()].find(
      (a) => a.id !== 'cross' && a.owners.length > 0 && !a.owners.includes(owner()),
    );
    if (!other) throw new Error('another activity with another owner');
    await service.record(
      view,
      { email: other.owners[0] ?? '' },
      { activityId: other.id, statusCode: 'on_track' },
      'teams',
    );

    const byActivity = await delmal(['audit', '--activity', 'cross'], env());
    expect(byActivity.code, byActivity.stderr).toBe(0);
    expect(byActivity.stdout.split('\n')).toEqual([
      expect.stringMatching(
        `^2026-11-23 09:14:00 \\+01:00 · checkin.record · ${owner()} · slack · check_in .+ · cross · status · begäran `,
      ),
    ]);
    const byPerson = JSON.parse(
      (await delmal(['audit', '--person', other.owners[0] ?? '', '--format', 'json'], env())).stdout,
    );
    expect(byPerson).toMatchObject([
      { action: 'checkin.record', activityId: other.id, actor: { email: other.owners[0] } },
    ]);
    const since = (await delmal(['audit', '--since', '2026-11-25'], env())).stdout;
    expect(since).toContain(other.id);
    expect(since).not.toContain(' · cross · ');
    const bad = await delmal(['audit', '--since', 'i går'], env());
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--since "i går" är inget datum');
  });
});
