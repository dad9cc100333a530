import { afterEach, beforeEach, expect, it } from 'vitest';
import { type RunningDelmal, startDelmal } from '../../../src/app.js';
import { importCatalog } from '../../../src/catalog/catalog-import.js';
import { fixedClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';

const clock = fixedClock('2026-11-24T09:00:00Z');
/** How late a replica may see another's change: the 250 ms revalidation, plus a loaded machine's slack. */
const STALENESS_MS = 5000;

describeEachDialect('two replicas on one database', (dialect) => {
  let test: TestDatabase;
  let a: RunningDelmal;
  let b: RunningDelmal;
  beforeEach(async () => {
    test = await createTestDatabase(dialect, { migrate: false });
    await test.db.close();
    const config = { ...loadConfig({ DATABASE_URL: test.url, DELMAL_ENV: 'test' }), port: 0 };
    const deps = { clock, host: '127.0.0.1', logger: createLogger(process.env.DEBUG_LOG ?? 'silent') };
    a = await startDelmal(config, deps);
    b = await startDelmal(config, deps);
  });
  afterEach(async () => {
    await a?.close();
    await b?.close();
    await test.drop();
  });

  /** What replica `app` answers `text` in a DM to `as`, as one string (summary and card). */
  const ask = async (app: RunningDelmal, as: string, text: string): Promise<string> => {
    const response = await fetch(`http://127.0.0.1:${app.port}/playground/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as, conversation: 'dm', text }),
    });
    expect(response.status).toBe(200);
    return JSON.stringify(await response.json());
  };
  /** Asks `app` until its answer contains `expected`; fails when that takes longer than the staleness bound. */
  const answersWithin = async (app: RunningDelmal, as: string, text: string, expected: string) => {
    const started = performance.now();
    let answer = await ask(app, as, text);
    while (!answer.includes(expected)) {
      if (performance.now() - started > STALENESS_MS)
        throw new Error(
          `"${text}" still lacks "${expected}" after ${STALENESS_MS} ms: ${answer.slice(0, 300)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await ask(app, as, text);
    }
    return answer;
  };

  it('a check-in on one is the status and a searchable note on the other', { timeout: 60_000 }, async () => {
    const reader = 'johan.berglund@example.org';
    expect(await ask(b, reader, '/delmal aktivitet cross')).not.toContain('Risk för avvikelse');
    expect(await ask(b, reader, '/delmal sok studiecirkeln hallsberg')).not.toContain('är inställd');

    const saved = await ask(
      a,
      'maria.sandberg@example.org',
      'delmal avstamning cross risk Studiecirkeln i Hallsberg är inställd.',
    );
    expect(saved).toContain('Tack! Registrerat');

    await answersWithin(b, reader, '/delmal aktivitet cross', 'Risk för avvikelse');
    await answersWithin(
      b,
      reader,
      '/delmal sok studiecirkeln hallsberg',
      'Studiecirkeln i Hallsberg är inställd.',
    );
  });

  it('a catalog import on one (a new activity, a new administrator) is what the other answers', {
    timeout: 60_000,
  }, async () => {
    const anna = 'anna.lindqvist@example.org';
    expect(await ask(b, anna, '/delmal leveranser')).toContain(
      'Det här kommandot är till för planadministratörer.',
    );
    expect(await ask(b, anna, '/delmal sok sommarläger')).not.toContain('Sommarläger i Hällefors');

    const text = `format: 1
people:
  - { email: ${anna}, name: Anna Lindqvist, organisation: Kumla kommun, admin: true }
activities:
  - { id: sommarlager, name: Sommarläger i Hällefors, reportedStatus: planned, goals: [sv-delmal-2] }
`;
    await importCatalog(a.db, { path: 'andring.yaml', text }, { clock });

    await answersWithin(b, anna, '/delmal sok sommarläger', 'Sommarläger i Hällefors');
    await answersWithin(b, anna, '/delmal leveranser', 'Inga misslyckade leveranser.');
  });
});
