import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection.js';
import { exited } from '../../support/cli.js';
import { createTestDatabase, describeOnPostgres, type TestDatabase } from '../../support/databases.js';
import { type Replica, readyz, startReplica } from '../../support/replicas.js';

describeOnPostgres('replicas starting together on an empty database', () => {
  let test: TestDatabase;
  let replicas: Replica[] = [];
  beforeEach(async () => {
    test = await createTestDatabase('postgres', { migrate: false });
    await test.db.close();
  });
  afterEach(async () => {
    for (const r of replicas) r.child.kill('SIGKILL');
    await Promise.all(replicas.map((r) => (r.child.exitCode === null ? exited(r.child) : undefined)));
    replicas = [];
    await test.drop();
  });

  it('migrate and seed the catalog once, and all of them serve', { timeout: 90_000 }, async () => {
    const env = { DATABASE_URL: test.url, DELMAL_ENV: 'test', LOG_LEVEL: 'info' };
    replicas = await Promise.all([1, 2, 3, 4].map(() => startReplica(env, 60_000)));
    await Promise.all(replicas.map((r) => readyz(r.base, 60_000)));

    const started = replicas.map((r) => r.logs().find((l) => l.msg === 'database ready'));
    expect(started.filter((l) => l?.seeded === true)).toHaveLength(1);
    expect(started.filter((l) => (l?.migrations as string[] | undefined)?.length)).toHaveLength(1);
    // Nothing went wrong anywhere: no error, no warning.
    for (const r of replicas) expect(r.logs().filter((l) => Number(l.level) >= 40)).toEqual([]);

    const db = openDatabase({ dialect: 'postgres', url: test.url });
    try {
      const plans = await db.kysely.selectFrom('plans').select('id').execute();
      expect(plans.length).toBeGreaterThan(1);
      expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length);
      const migrations = await db.kysely
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(new Set(migrations).size).toBe(migrations.length);
    } finally {
      await db.close();
    }
  });
});
