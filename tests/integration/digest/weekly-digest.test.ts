import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { bindChannel } from '../../../db/network-channels.repository.js';
import { importCatalog } from '../../../src/catalog/catalog-import.js';
import type { CatalogView } from '../../../src/catalog/catalog-view.js';
import { renderText } from '../../../src/chat/render-text.js';
import { fixedClock } from '../../../src/clock.js';
import { validateMessage } from '../../../src/delivery/message-types.js';
import type { NewDelivery } from '../../../src/delivery/outbox-message.js';
import type { DigestMessage } from '../../../src/digest/digest-message.js';
import { followedActivities, followedAreas } from '../../../src/digest/followed.js';
import { databaseNetworks } from '../../../src/digest/network-service.js';
import { renderDigest } from '../../../src/digest/render-digest.js';
import { type DigestJobDeps, runDueDigests } from '../../../src/digest/run-due-digests.js';
import { translator } from '../../../src/i18n/i18n.js';
import { createLogger } from '../../../src/logger.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { lenasCheckIn } from '../../support/check-in-rows.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';

const NETWORK = 'lag-missbruk';
// Monday 30 November 2026, 08:00 in Stockholm.
const MONDAY = '2026-11-30T07:00:00.000Z';
const sv = translator('sv');

describeEachDialect('the weekly network digest', (dialect) => {
  let db: TestDatabase;
  let view: CatalogView;
  let sent: NewDelivery[];
  const clock = fixedClock(MONDAY);

  const deps = (worker = 'w1'): DigestJobDeps => ({
    db: db.db,
    catalog: async () => (await new CatalogStore(db.db, 0).get()).view,
    deliveries: {
      // As the real outbox does: every message is checked against its type's schema at enqueue.
      enqueue: async (delivery) => {
        validateMessage(delivery.message);
        sent.push(delivery);
        return randomUUID();
      },
    },
    logger: createLogger('silent'),
    worker,
  });
  const checkIn = async (
    activityId: string,
    at: string,
    statusCode: string,
    note: string,
    extra: { needs_support?: number } = {},
  ) => {
    await db.db.kysely
      .insertInto('check_ins')
      .values({ ...lenasCheckIn({ id: randomUUID(), activityId, status: statusCode, note, at }), ...extra })
      .execute();
  };
  /** A round (as the check-in engine writes it) that asked about `activityId` and got no answer. */
  const unansweredRound = async (activityId: string, deadline: string) => {
    const id = `plan-default:${deadline.slice(0, 10)}`;
    await db.db.kysely
      .insertInto('check_in_rounds')
      .values({
        id,
        schedule_id: 'plan-default',
        slot: deadline.slice(0, 10),
        opened_at: '2026-11-17T08:00:00.000Z',
        deadline_at: deadline,
        closes_at: '2026-12-01T08:00:00.000Z',
        created_at: '2026-11-17T08:00:00.000Z',
      })
      .execute();
    await db.db.kysely
      .insertInto('check_in_round_activities')
      .values({
        round_id: id,
        activity_id: activityId,
        skipped_reason: null,
        check_in_id: null,
        answered_at: null,
      })
      .execute();
  };

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
    view = (await new CatalogStore(db.db, 0).get()).view;
    sent = [];
    clock.set(MONDAY);
  });
  afterEach(() => db.drop());

  const activitiesOf = () => {
    const network = view.catalog.networks.find((n) => n.id === NETWORK);
    if (!network) throw new Error('lag-missbruk missing from the shipped catalog');
    return followedActivities(followedAreas(view, network));
  };

  it('puts the exceptions first: Hinder, Risk, behöver stöd, status changes, and overdue reports with their owner', async () => {
    const [a, b, c, d, e] = activitiesOf();
    if (!a || !b || !c || !d || !e) throw new Error('lag-missbruk follows fewer than five activities');
    await checkIn(a.id, '2026-11-10T09:00:00.000Z', 'on_track', 'Allt går enligt plan.');
    await checkIn(a.id, '2026-11-26T09:00:00.000Z', 'blocked', 'Lokalen är uppsagd.');
    await checkIn(b.id, '2026-11-25T10:00:00.000Z', 'at_risk', 'Enkäten är försenad.');
    await checkIn(c.id, '2026-11-24T10:00:00.000Z', 'on_track', 'Vi behöver hjälp med utvärderingen.', {
      needs_support: 1,
    });
    await checkIn(e.id, '2026-11-27T10:00:00.000Z', 'on_track', 'Två nya kommuner är med.');
    // Before the period: not this week's news, and not a status change this week.
    await checkIn(e.id, '2026-11-01T10:00:00.000Z', 'on_track', 'Gammal nyhet.');
    await unansweredRound(d.id, '2026-11-26T16:00:00.000Z');
    await bindChannel(
      db.db.kysely,
      {
        networkId: NETWORK,
        platform: 'slack',
        workspaceId: 'T0001',
        conversationId: 'C0LAG',
        name: null,
        boundBy: null,
      },
      MONDAY,
    );

    const run = await runDueDigests(deps(), new Date('2026-11-30T07:00:30Z'));
    expect(run.sent).toEqual([{ networkId: NETWORK, slot: '2026-11-30', channels: 1 }]);
    const [delivery] = sent;
    expect(delivery).toMatchObject({
      lane: 'bulk',
      to: { kind: 'conversation', platform: 'slack', workspaceId: 'T0001', conversationId: 'C0LAG' },
    });
    const message = delivery?.message as DigestMessage;
    expect(message.exceptions.map((x) => x.name)).toEqual([a.name, b.name, c.name, d.name]);
    expect(message.exceptions[0]?.reasons.map((r) => r.kind)).toEqual(['blocked', 'changed']);

    const text = renderText(renderDigest(message, sv, 'sv'), sv);
    const expected = message.counts.expected;
    expect(text).toContain(
      `4 av ${expected} aktiviteter har rapporterat · 1 hinder · 1 risk · 1 saknar rapport`,
    );
    expect(text).toContain('Ändrad sedan förra sammanfattningen: Enligt plan → Hinder / avvikelse');
    expect(text).toContain('Lena Ekström: Lokalen är uppsagd.');
    expect(text).toContain('Behöver stöd – Lena Ekström: Vi behöver hjälp med utvärderingen.');
    const owners = view.ownerNames(d).join(', ');
    expect(text).toContain(`Saknar rapport, svarstiden gick ut 26 november 2026. Ansvarig: ${owners}`);
    expect(text).toContain('Två nya kommuner är med.');
    expect(text).not.toContain('Gammal nyhet.');
    // Exceptions come before the roll-ups and the updates.
    expect(text.indexOf('Behöver uppmärksamhet')).toBeLessThan(text.indexOf('Läget per delmål'));
    expect(text.indexOf('Lokalen är uppsagd')).toBeLessThan(text.indexOf('Två nya kommuner'));
    // English at send time from the same stored message.
    const en = translator('en');
    expect(renderText(renderDigest(message, en, 'en'), en)).toContain(
      `4 of ${expected} activities have reported · 1 blocked · 1 at risk · 1 missing a report`,
    );
  });

  it('sends each slot once across processes, to every bound channel, and the next covers only the week since', async () => {
    for (const [platform, workspaceId, conversationId] of [
      ['slack', 'T0001', 'C0LAG'],
      ['teams', 'tenant-1', '19:lag@thread.tacv2'],
    ] as const)
      await bindChannel(
        db.db.kysely,
        { networkId: NETWORK, platform, workspaceId, conversationId, name: null, boundBy: null },
        MONDAY,
      );
    const tick = new Date('2026-11-30T07:00:30Z');
    const runs = await Promise.all([runDueDigests(deps('a'), tick), runDueDigests(deps('b'), tick)]);
    const lag = sent.filter((d) => (d.message as DigestMessage).networkId === NETWORK);
    expect(lag.map((d) => (d.to.kind === 'conversation' ? d.to.platform : '')).sort()).toEqual([
      'slack',
      'teams',
    ]);
    expect(runs.flatMap((r) => r.sent).filter((s) => s.networkId === NETWORK)).toHaveLength(1);
    // A later tick the same morning sends nothing again.
    await runDueDigests(deps('c'), new Date('2026-11-30T07:05:00Z'));
    expect(sent.filter((d) => (d.message as DigestMessage).networkId === NETWORK)).toHaveLength(2);

    // The quiet network's digest next week is two lines and starts where this one ended.
    sent = [];
    await runDueDigests(deps(), new Date('2026-12-07T07:00:30Z'));
    const next = sent[0]?.message as DigestMessage;
    expect(next.periodFrom).toBe(MONDAY);
    const reply = renderDigest(next, sv, 'sv');
    expect(reply.blocks).toHaveLength(2);
    expect(renderText(reply, sv)).toContain('Lugn vecka (30 november 2026 – 7 december 2026)');
  });

  it('moves a digest on a holiday to the next workday, honours a network’s own time, and records missed and channel-less slots', async () => {
    await bindChannel(
      db.db.kysely,
      {
        networkId: NETWORK,
        platform: 'slack',
        workspaceId: 'T0001',
        conversationId: 'C0LAG',
        name: null,
        boundBy: null,
      },
      MONDAY,
    );
    // Annandag påsk, Monday 29 March 2027: nothing that morning, Tuesday 08:00 instead (summer time).
    expect((await runDueDigests(deps(), new Date('2027-03-29T06:00:30Z'))).sent).toEqual([]);
    const tuesday = await runDueDigests(deps(), new Date('2027-03-30T06:00:30Z'));
    expect(tuesday.sent).toEqual([{ networkId: NETWORK, slot: '2027-03-29', channels: 1 }]);
    // The networks without a channel are recorded as such, not sent anywhere.
    expect(tuesday.skipped).toContainEqual({
      networkId: 'folkhalsochefsnatverket',
      slot: '2027-03-29',
      reason: 'no_channel',
    });

    // The network's own digest time from the catalog file: Thursday 07:30.
    await importCatalog(
      db.db,
      {
        path: 'n.yaml',
        text: `format: 1\nnetworks:\n  - id: ${NETWORK}\n    name: LAG missbruk\n    goals: [sv-delmal-3]\n    digest: { weekday: thursday, time: "07:30" }\n`,
      },
      { clock },
    );
    expect((await runDueDigests(deps(), new Date('2027-04-05T06:00:30Z'))).sent).toEqual([]);
    expect((await runDueDigests(deps(), new Date('2027-04-08T05:30:30Z'))).sent).toEqual([
      { networkId: NETWORK, slot: '2027-04-08', channels: 1 },
    ]);
    // After two days of downtime the next slot is recorded as missed, not sent late.
    const late = await runDueDigests(deps(), new Date('2027-04-17T09:00:00Z'));
    expect(late.sent).toEqual([]);
    expect(late.skipped).toContainEqual({ networkId: NETWORK, slot: '2027-04-15', reason: 'missed' });
  });

  it('previews the next digest for a chair without claiming the slot', async () => {
    const [a] = activitiesOf();
    if (!a) throw new Error('no activity');
    await checkIn(a.id, '2026-11-28T09:00:00.000Z', 'at_risk', 'Personalbrist.');
    clock.set('2026-11-29T12:00:00Z');
    const network = view.catalog.networks.find((n) => n.id === NETWORK);
    if (!network) throw new Error('no network');
    const preview = await databaseNetworks(db.db, clock).preview(view, network);
    const text = renderText(renderDigest(preview, sv, 'sv'), sv);
    expect(text).toContain('Förhandsvisning av nästa sammanfattning – LAG missbruk');
    expect(text).toContain('Personalbrist.');
    await bindChannel(
      db.db.kysely,
      {
        networkId: NETWORK,
        platform: 'slack',
        workspaceId: 'T0001',
        conversationId: 'C0LAG',
        name: null,
        boundBy: null,
      },
      MONDAY,
    );
    expect((await runDueDigests(deps(), new Date(MONDAY))).sent).toHaveLength(1);
  });
});
