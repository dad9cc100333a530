import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, simulatedClock } from '../../src/clock.js';
import { delmal } from '../support/cli.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Tuesday 15 December 2026, 08:55 in Stockholm; the wall clock stands still, so only jumps move it.
const clock = simulatedClock(new Date('2026-12-15T08:55:00+01:00'), fixedClock('2026-12-06T12:00:00Z'));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, 'sqlite', clock);
});
afterAll(() => server?.stop());

const jump = (body: unknown) =>
  fetch(`${server.base}/playground/api/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the playground on simulated time', () => {
  it('moves time forward on request and opens the round that fell due on the way', async () => {
    const session = (await (await fetch(`${server.base}/playground/api/session`)).json()) as {
      clock: { simulated: boolean; jumps: { label: string }[] };
    };
    expect(session.clock.simulated).toBe(true);
    expect(session.clock.jumps.map((j) => j.label)).toEqual(['+15 min', '+1 timme', '+1 dygn', '+1 vecka']);
    const response = await jump({ minutes: 60 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      simulated: true,
      now: '2026-12-15T08:55:00.000Z',
      ticks: 5,
    });
    const rounds = await server.app.db.kysely.selectFrom('check_in_rounds').select('opened_at').execute();
    // Opened at 09:00 sharp in Stockholm, on the simulated clock.
    expect(rounds.map((r) => r.opened_at)).toContain('2026-12-15T08:00:00.000Z');
  });

  it('refuses a jump backwards, of nothing or of more than eight days, in Swedish', async () => {
    const before = clock.now().toISOString();
    for (const body of [{ minutes: -60 }, { minutes: 0 }, { minutes: 8 * 24 * 60 + 1 }, { to: 'monday' }]) {
      const response = await jump(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe(
        'Tiden kan flyttas framåt 1 minut till 8 dygn åt gången.',
      );
    }
    expect(clock.now().toISOString()).toBe(before);
  });
});

describe('delmal serve --clock', () => {
  it('is refused in production, and a time without a zone is explained', async () => {
    const production = await delmal(['serve', '--clock', '2026-12-15T08:55+01:00'], {
      DELMAL_ENV: 'production',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      DATABASE_URL: ':memory:',
    });
    expect(production.code).toBe(64);
    expect(production.stderr).toContain('Simulerad tid (--clock) finns bara lokalt');
    const zoneless = await delmal(['serve', '--clock', '2026-12-15T08:55'], {
      DELMAL_ENV: 'local',
      DATABASE_URL: ':memory:',
    });
    expect(zoneless.code).toBe(64);
    expect(zoneless.stderr).toContain('Skriv den med tidszon, t.ex. 2026-12-15T08:55+01:00');
  });
});
