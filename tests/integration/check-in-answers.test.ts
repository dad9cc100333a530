import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInVersions } from '../../db/check-in-reads.repository.js';
import type { Catalog } from '../../db/model/catalog-schema.js';
import type { SentMessageRef } from '../../src/chat/inbound.js';
import { databaseCheckIns } from '../../src/checkins/check-in-service.js';
import type { CheckInPromptMessage } from '../../src/checkins/prompt-message.js';
import { fixedClock } from '../../src/clock.js';
import type { Deliveries } from '../../src/delivery/deliveries.js';
import { renderMessage } from '../../src/delivery/message-types.js';
import type { NewDelivery } from '../../src/delivery/outbox-message.js';
import { openWeek, promptMessage, sentPrompt, WEEK_ROUND } from '../support/answer-rounds.js';
import { shippedCatalog, snapshotOf, visibleText } from '../support/catalog.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const MARIA = 'maria.sandberg@example.org';
const ALI = 'ali.hassan@example.org';
const ROUND = WEEK_ROUND;
const view = snapshotOf().view;
const mariasPrompt: SentMessageRef = {
  platform: 'slack',
  workspaceId: 'T0001',
  conversationId: 'DMARIA',
  messageId: '1700000000.000100',
};
const alisPrompt: SentMessageRef = {
  platform: 'teams',
  workspaceId: 'tenant-1',
  conversationId: 'a:ali',
  messageId: 'activity-7',
};

/** The outbox as the answer sees it: what it was asked to send, nothing delivered. */
class RecordingDeliveries implements Deliveries {
  readonly enqueued: NewDelivery[] = [];
  async enqueue(delivery: NewDelivery) {
    this.enqueued.push(delivery);
    return `update-${this.enqueued.length}`;
  }
  async enqueueOnce(): Promise<boolean> {
    throw new Error('not used by answers');
  }
  async sendNow(): Promise<never> {
    throw new Error('not used by answers');
  }
  async sendNowOnce(): Promise<never> {
    throw new Error('not used by answers');
  }
}

describeEachDialect('answers to a check-in round', (dialect) => {
  let db: TestDatabase;
  let outbox: RecordingDeliveries;
  const clock = fixedClock('2026-11-24T09:00:00Z');
  const service = () => databaseCheckIns(db.db, clock, { deliveries: () => outbox });
  const answer = (email: string, statusCode: string, more: Record<string, unknown> = {}, key?: string) =>
    service().record(view, { email }, { activityId: 'cherries', statusCode, ...more }, 'slack', key);

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
    outbox = new RecordingDeliveries();
    clock.set('2026-11-24T09:00:00Z');
    await openWeek(db.db, ['cherries', 'cross']);
    const message = promptMessage(ROUND, [{ id: 'cherries', name: 'CHERRIES', currentStatus: 'on_track' }]);
    await sentPrompt(db.db, { roundId: ROUND, email: MARIA, message, sent: mariasPrompt });
    await sentPrompt(db.db, { roundId: ROUND, email: ALI, message, sent: alisPrompt });
  });
  afterEach(() => db.drop());

  const counted = async () =>
    (
      await db.db.kysely
        .selectFrom('check_in_round_activities')
        .select('check_in_id')
        .where('round_id', '=', ROUND)
        .where('activity_id', '=', 'cherries')
        .executeTakeFirstOrThrow()
    ).check_in_id;

  it('records who, when, platform and round; the first answer counts; every owner’s prompt is updated in place', async () => {
    const result = await answer(MARIA, 'at_risk', {
      note: 'Lokalen är inte klar.',
      nextStep: 'Nytt möte med Laxå i december',
      needsSupport: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.checkIn).toMatchObject({
      activity_id: 'cherries',
      author_name: 'Maria Sandberg',
      platform: 'slack',
      round_id: ROUND,
      late: 0,
      next_step: 'Nytt möte med Laxå i december',
      needs_support: 1,
      created_at: '2026-11-24T09:00:00.000Z',
    });
    expect(await counted()).toBe(result.checkIn.id);
    // Both owners' prompts, each where it was delivered, replaced rather than posted anew.
    expect(outbox.enqueued.map((d) => d.replaces)).toHaveLength(2);
    expect(outbox.enqueued.map((d) => d.replaces)).toEqual(
      expect.arrayContaining([mariasPrompt, alisPrompt]),
    );
    expect(outbox.enqueued.every((d) => d.lane === 'interactive')).toBe(true);
    const promptIn = (ref: SentMessageRef) =>
      outbox.enqueued.find((d) => d.replaces === ref || d.replaces?.messageId === ref.messageId)
        ?.message as CheckInPromptMessage;
    const [forMaria, forAli] = [promptIn(mariasPrompt), promptIn(alisPrompt)];
    expect(forMaria?.activities[0]?.answer).toEqual({
      statusCode: 'at_risk',
      byName: 'Maria Sandberg',
      byReader: true,
      at: '2026-11-24T09:00:00.000Z',
      late: false,
    });
    expect(forAli?.activities[0]?.answer?.byReader).toBe(false);
    // Ali sees Maria's answer and no status buttons any more, only a way to comment.
    const seen = renderMessage(forAli as CheckInPromptMessage, 'sv');
    expect(visibleText(seen)).toContain('✓ Maria Sandberg svarade 24 nov. 2026 10:00: Risk för avvikelse');
    const questions = seen.blocks.flatMap((b) => (b.type === 'question' ? [b] : []));
    expect(questions.map((q) => [q.title, q.answers.length, q.form?.label])).toEqual([
      ['CHERRIES', 0, 'Lägg till kommentar'],
    ]);
  });

  it('keeps a second owner’s answer as a comment on the round; the first still counts', async () => {
    const first = await answer(MARIA, 'on_track');
    clock.set('2026-11-25T08:00:00Z');
    const second = await answer(ALI, 'on_track', { note: 'Vi har också bokat lokal i Laxå.' });
    if (!first.ok || !second.ok) throw new Error('not recorded');
    expect(second.checkIn.round_id).toBe(ROUND);
    expect(second.counted).toBe(false);
    expect(await counted()).toBe(first.checkIn.id);
    // The prompts already show the round's answer: nothing more to update.
    expect(outbox.enqueued).toHaveLength(2);
  });

  it('marks an answer after the deadline late; after the round has closed an answer belongs to no round', async () => {
    clock.set('2026-11-28T10:00:00Z');
    const late = await answer(MARIA, 'blocked');
    if (!late.ok) throw new Error('not recorded');
    expect(late.checkIn).toMatchObject({ round_id: ROUND, late: 1 });
    const forAli = outbox.enqueued.find((d) => d.replaces?.messageId === alisPrompt.messageId)
      ?.message as CheckInPromptMessage;
    expect(visibleText(renderMessage(forAli, 'en'))).toContain('(after the deadline)');
    clock.set('2026-11-30T07:00:00Z');
    const after = await answer(MARIA, 'on_track');
    if (!after.ok) throw new Error('not recorded');
    expect(after.checkIn).toMatchObject({ round_id: null, late: 0 });
  });

  it('lets an owner edit the round’s answer until the next round, keeping every version with its author', async () => {
    const first = await answer(MARIA, 'on_track', { note: 'Allt enligt plan.' });
    if (!first.ok) throw new Error('not recorded');
    clock.set('2026-11-26T12:00:00Z');
    const edit = (statusCode: string, note: string, key?: string) =>
      service().edit(view, { email: ALI }, { activityId: 'cherries', statusCode, note }, 'teams', key);
    const edited = await edit('blocked', 'Lokalen drogs in.', 'teams:tenant-1:card:1');
    expect(edited).toMatchObject({
      ok: true,
      changed: true,
      checkIn: {
        id: first.checkIn.id,
        status_code: 'blocked',
        note: 'Lokalen drogs in.',
        author_name: 'Ali Hassan',
        platform: 'teams',
        version: 2,
        updated_at: '2026-11-26T12:00:00.000Z',
        created_at: '2026-11-24T09:00:00.000Z',
      },
    });
    // A comment added since does not change what an edit means: the round's answer.
    await answer(MARIA, 'blocked', { note: 'En kommentar.' });
    // The same submission again, and an edit that says nothing new: no new version.
    expect(await edit('blocked', 'Lokalen drogs in.', 'teams:tenant-1:card:1')).toMatchObject({
      changed: false,
    });
    expect(await edit('blocked', 'Lokalen drogs in.')).toMatchObject({ changed: false });
    const versions = await checkInVersions(db.db.kysely, first.checkIn.id);
    expect(versions).toEqual([
      expect.objectContaining({
        version: 1,
        status_code: 'on_track',
        note: 'Allt enligt plan.',
        author_name: 'Maria Sandberg',
        platform: 'slack',
        recorded_at: '2026-11-24T09:00:00.000Z',
      }),
    ]);
    // The prompts follow the edit.
    const latest = outbox.enqueued.at(-1)?.message as CheckInPromptMessage;
    expect(latest.activities[0]?.answer).toMatchObject({ statusCode: 'blocked', byName: 'Ali Hassan' });
    // The next round has begun: the answer is history now.
    clock.set('2026-11-30T07:00:01Z');
    expect(await edit('on_track', 'För sent.')).toEqual({
      ok: false,
      problems: [{ field: 'activity', key: 'checkin.error.editClosed' }],
    });
  });

  it('shows an answer and an edit at once in what `/delmal <n>` and `delmal aktivitet` read', async () => {
    const checkIns = service();
    await checkIns.latest();
    await checkIns.record(view, { email: MARIA }, { activityId: 'cherries', statusCode: 'at_risk' }, 'slack');
    expect((await checkIns.latest()).get('cherries')).toMatchObject({ statusCode: 'at_risk' });
    expect(
      await checkIns.edit(view, { email: ALI }, { activityId: 'cherries', statusCode: 'paused' }, 'teams'),
    ).toMatchObject({ ok: true, changed: true });
    expect((await checkIns.latest()).get('cherries')).toMatchObject({
      statusCode: 'paused',
      authorName: 'Ali Hassan',
    });
  });

  it('records the same submission once and updates the prompts once', async () => {
    await answer(MARIA, 'on_track', {}, 'slack:T0001:action:D1:1:x');
    const again = await answer(MARIA, 'on_track', {}, 'slack:T0001:action:D1:1:x');
    expect(again).toMatchObject({ ok: true, repeated: true, counted: true });
    expect(outbox.enqueued).toHaveLength(2);
    expect(await db.db.kysely.selectFrom('check_ins').select('id').execute()).toHaveLength(1);
  });

  it('refuses a personal identity number in the next step or an edit, and stores nothing', async () => {
    const refused = await answer(MARIA, 'on_track', { nextStep: 'Ring 19121212-1212 om placeringen' });
    expect(refused).toEqual({
      ok: false,
      problems: [{ field: 'nextStep', key: 'checkin.error.personalNumber' }],
    });
    await answer(MARIA, 'on_track');
    const edit = await service().edit(
      view,
      { email: MARIA },
      { activityId: 'cherries', statusCode: 'on_track', note: 'Gäller 121212-1212' },
      'slack',
    );
    expect(edit.ok).toBe(false);
    const rows = await db.db.kysely
      .selectFrom('check_ins')
      .select(['note', 'next_step', 'version'])
      .execute();
    expect(rows).toEqual([{ note: '', next_step: null, version: 1 }]);
    expect(await db.db.kysely.selectFrom('check_in_versions').selectAll().execute()).toEqual([]);
  });

  describe('an activity of an older plan', () => {
    // CHERRIES moved under the 2012–2015 programme, whose vocabulary has its own words.
    const older: Catalog = structuredClone(shippedCatalog);
    for (const plan of older.plans)
      if (plan.id === 'regionalt-program-social-valfard-2012-2015')
        plan.statuses = [
          { code: 'i_fas', label: 'I fas', labelEn: 'In phase', colour: 'green', severity: 0, active: true },
          {
            code: 'forsenad',
            label: 'Försenad',
            labelEn: 'Delayed',
            colour: 'red',
            severity: 3,
            active: true,
          },
        ];
    const cherries = older.activities.find((a) => a.id === 'cherries');
    if (cherries) cherries.goals = ['mb2015-1'];
    const olderView = snapshotOf(older).view;

    it('is answered in its own plan’s words, not only the current plan’s', async () => {
      const record = (statusCode: string) =>
        service().record(olderView, { email: MARIA }, { activityId: 'cherries', statusCode }, 'local');
      expect(await record('forsenad')).toMatchObject({ ok: true, checkIn: { status_code: 'forsenad' } });
      expect(await record('on_track')).toEqual({
        ok: false,
        problems: [{ field: 'status', key: 'checkin.error.status' }],
      });
      const activity = olderView.activities.get('cherries');
      if (!activity) throw new Error('no CHERRIES');
      const status = olderView.statusOf(activity, 'sv', (k) => k, { statusCode: 'forsenad' });
      expect(status.badge).toEqual({ label: 'Försenad', tone: 'red' });
    });
  });
});
