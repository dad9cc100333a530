import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendAudit } from '../../../db/audit-log.repository.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { delmal } from '../../support/cli.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';

/** One instant: the CLI's own clock in tests is a day earlier, so nothing it writes lands here. */
const AT = '2026-11-23T08:14:00.123Z';
const STEPS = 12;

describeEachDialect('audit entries of one instant', (dialect) => {
  let db: TestDatabase;
  let email: string;
  let personId: string;
  const env = () => ({ DATABASE_URL: db.url, USER: 'processledare' });

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
    const { view } = await new CatalogStore(db.db).get();
    email = view.activities.get('cross')?.owners[0] ?? '';
    personId = (
      await db.db.kysely
        .selectFrom('people')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
    // A person's changes in one millisecond (an import and the edits it caused, say): random ids
    // would list them in any of 12! orders; the log says what happened first.
    for (let step = 1; step <= STEPS; step++)
      await appendAudit(
        db.db.kysely,
        { kind: 'person', id: personId, platform: 'slack' },
        {
          action: `checkin.step${step}`,
          subjectKind: 'check_in',
          subjectId: `c${step}`,
          activityId: 'cross',
        },
        AT,
      );
  });
  afterEach(() => db.drop());

  const written = Array.from({ length: STEPS }, (_, i) => `checkin.step${i + 1}`);

  it('are listed by delmal audit in the order they were written', async () => {
    const run = await delmal(['audit', '--activity', 'cross', '--format', 'json'], env());
    expect(run.code, run.stderr).toBe(0);
    const actions = (JSON.parse(run.stdout) as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(written);
  });

  it('are exported with the person’s data in the order they were written', async () => {
    const run = await delmal(['person', 'export', email], env());
    expect(run.code, run.stderr).toBe(0);
    const audit = (JSON.parse(run.stdout) as { audit: { action: string }[] }).audit;
    expect(audit.map((e) => e.action).filter((a) => a.startsWith('checkin.step'))).toEqual(written);
  });
});
