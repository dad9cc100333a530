import { expect, it } from 'vitest';
import { saveAwayPeriod } from '../../db/away.repository.js';
import { roundActivities } from '../../db/check-in-rounds.repository.js';
import type { CheckInPromptMessage } from '../../src/checkins/prompt-message.js';
import type { NewDelivery } from '../../src/delivery/outbox-message.js';
import { roundHarnessEach } from '../support/check-in-rounds.js';
import { describeEachDialect } from '../support/databases.js';

// Monday 2026-11-09 09:00 in Stockholm (CET, UTC+1) is 08:00Z.
const MONDAY = '2026-11-09T08:00:30.000Z';

describeEachDialect('check-in rounds', (dialect) => {
  const h = roundHarnessEach(dialect);

  it('asks each owner once per round about all their due activities, in their plan’s own words', async () => {
    expect(await h.tick('2026-11-09T07:59:00.000Z')).toMatchObject({ rounds: [], prompts: 0 });
    const summary = await h.tick(MONDAY);
    expect(summary).toMatchObject({ rounds: ['weekly:2026-11-09'], prompts: 3 });
    expect(h.seen().sort()).toEqual([
      'prompt anna@example.se: a1,a2',
      'prompt bo@example.se: a2,a3',
      'prompt cilla@example.se: a4',
    ]);
    const message = h.deliverer.calls.find((c) => c.to.kind === 'person' && c.to.email === 'bo@example.se')
      ?.message as CheckInPromptMessage;
    expect(message.deadline).toBe('2026-11-11');
    expect(message.activities[0]).toMatchObject({
      activityId: 'a2',
      context: 'Delmål 1, 2 · Område ett',
      statuses: [
        { code: 'bra', label: 'Går bra', labelEn: 'Going well', tone: 'green' },
        { code: 'svart', label: 'Svårt', labelEn: 'Hard', tone: 'red' },
      ],
    });
    expect(h.deliverer.calls.every((c) => c.lane === 'bulk')).toBe(true);
    // Later ticks, and another process, find nothing left to do.
    await h.tick('2026-11-09T08:05:00.000Z');
    await h.tick('2026-11-09T09:30:00.000Z', 'w2');
    expect(h.deliverer.calls).toHaveLength(3);
    const rows = await roundActivities(h.db.kysely, 'weekly:2026-11-09');
    expect(rows.find((r) => r.activity_id === 'a5')?.skipped_reason).toBe('no_owner');
  });

  it('does not ask about an activity reported within the last 7 days', async () => {
    await h.checkIn('a4', '2026-11-04T10:00:00.000Z');
    await h.checkIn('a3', '2026-10-30T10:00:00.000Z');
    await h.tick(MONDAY);
    expect(h.seen().sort()).toEqual(['prompt anna@example.se: a1,a2', 'prompt bo@example.se: a2,a3']);
    const rows = await roundActivities(h.db.kysely, 'weekly:2026-11-09');
    expect(rows.find((r) => r.activity_id === 'a4')?.skipped_reason).toBe('recently_updated');
  });

  it('reminds once, privately, after two workdays, only about what is still unanswered; then nothing', async () => {
    await h.tick(MONDAY);
    await h.checkIn('a1', '2026-11-10T12:00:00.000Z');
    await h.checkIn('a2', '2026-11-10T12:05:00.000Z');
    // Wednesday 08:30 local: not yet.
    await h.tick('2026-11-11T07:30:00.000Z');
    expect(h.deliverer.calls).toHaveLength(3);
    await h.tick('2026-11-11T08:01:00.000Z');
    expect(h.seen().slice(3).sort()).toEqual(['reminder bo@example.se: a3', 'reminder cilla@example.se: a4']);
    for (const at of ['2026-11-11T12:00:00.000Z', '2026-11-12T08:01:00.000Z', '2026-11-13T08:01:00.000Z'])
      await h.tick(at);
    expect(h.deliverer.calls).toHaveLength(5);
  });

  it('holds a late reminder in quiet hours, and after the deadline sends nothing at all', async () => {
    await h.tick(MONDAY);
    // Down all Wednesday daytime: at 18:00 it is quiet, at midnight the deadline has passed.
    await h.tick('2026-11-11T17:00:00.000Z');
    await h.tick('2026-11-11T23:30:00.000Z');
    await h.tick('2026-11-12T08:01:00.000Z');
    expect(h.seen().filter((s) => s.startsWith('reminder'))).toEqual([]);
  });

  it('catches up a slot missed by less than 24 hours; older ones are recorded as missed, never sent', async () => {
    // Tuesday 08:30 local: 23½ hours late.
    await h.tick('2026-11-10T07:30:00.000Z');
    expect(h.deliverer.calls).toHaveLength(3);
    // Down for two weeks: the two Mondays in between are not sent late.
    const summary = await h.tick('2026-11-25T10:00:00.000Z');
    expect(summary.skipped).toEqual([
      { scheduleId: 'weekly', slot: '2026-11-16', reason: 'missed' },
      { scheduleId: 'weekly', slot: '2026-11-23', reason: 'missed' },
    ]);
    expect(h.deliverer.calls).toHaveLength(3);
  });

  it('resumes a round whose process died mid-way: nobody twice, nobody lost', async () => {
    h.clock.set(MONDAY);
    let calls = 0;
    const crashing = {
      enqueueMany: async (deliveries: readonly NewDelivery[]) => {
        calls++;
        await h.outbox.enqueueMany(deliveries.slice(0, 2));
        throw new Error('killed');
      },
    };
    await expect(h.engine('dead', { deliveries: crashing }).tick(new Date(MONDAY))).rejects.toThrow('killed');
    expect(calls).toBe(1);
    // While the claim is fresh on the database's clock it might be a live peer's: left alone.
    const resumer = (worker: string) => h.engine(worker, { resumeAfterMs: 300 });
    h.clock.set('2026-11-09T08:03:00.000Z');
    expect((await resumer('w2').tick(h.clock.now())).rounds).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await resumer('w2').tick(h.clock.now())).rounds).toEqual(['weekly:2026-11-09']);
    await h.outbox.drain();
    expect(h.seen().sort()).toEqual([
      'prompt anna@example.se: a1,a2',
      'prompt bo@example.se: a2,a3',
      'prompt cilla@example.se: a4',
    ]);
    await h.tick('2026-11-09T08:10:00.000Z', 'w3');
    expect(h.deliverer.calls).toHaveLength(3);
    const runs = await h.db.kysely
      .selectFrom('schedule_runs')
      .selectAll()
      .where('slot', '=', '2026-11-09')
      .execute();
    // The process that resumed the round took over its claim.
    expect(runs.map((r) => [r.status, r.claimed_by])).toEqual([['done', 'w2']]);
  });

  it('skips owners who are away and sends one catch-up when they are back', async () => {
    const anna = await h.db.kysely
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'anna@example.se')
      .executeTakeFirstOrThrow();
    await saveAwayPeriod(
      h.db.kysely,
      { id: 'away-1', personId: anna.id, from: '2026-11-06', until: '2026-11-18', note: null },
      '2026-11-05T10:00:00.000Z',
    );
    await h.tick(MONDAY);
    await h.tick('2026-11-16T08:00:30.000Z');
    expect(h.seen().filter((s) => s.includes('anna'))).toEqual([]);
    expect(h.seen().filter((s) => s.startsWith('prompt bo'))).toEqual([
      'prompt bo@example.se: a2,a3',
      'prompt bo@example.se: a2,a3',
    ]);
    const rows = await roundActivities(h.db.kysely, 'weekly:2026-11-09');
    expect(rows.find((r) => r.activity_id === 'a1')?.skipped_reason).toBe('owner_away');
    // Back on Thursday: one catch-up at the schedule's hour, not before, never again.
    await h.tick('2026-11-19T07:00:00.000Z');
    expect(h.seen().filter((s) => s.includes('anna'))).toEqual([]);
    for (const at of ['2026-11-19T08:00:30.000Z', '2026-11-19T12:00:00.000Z', '2026-11-20T08:00:30.000Z'])
      await h.tick(at);
    expect(h.seen().filter((s) => s.includes('anna'))).toEqual(['catch_up anna@example.se: a1,a2']);
  });
});
