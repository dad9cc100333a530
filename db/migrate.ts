import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Db } from './connection.js';
import * as m0001 from './migrations/0001-catalog.js';
import * as m0002 from './migrations/0002-delivery.js';
import * as m0003 from './migrations/0003-check-ins.js';
import * as m0004 from './migrations/0004-teams-conversations.js';
import * as m0005 from './migrations/0005-administrators.js';
import * as m0006 from './migrations/0006-outbox-v2.js';
import * as m0007 from './migrations/0007-check-in-keys.js';
import * as m0008 from './migrations/0008-schedules.js';
import * as m0010 from './migrations/0010-check-in-periods.js';
import * as m0011 from './migrations/0011-check-in-rounds.js';
import * as m0012 from './migrations/0012-network-digests.js';
import * as m0013 from './migrations/0013-drop-first-outbox.js';
import * as m0014 from './migrations/0014-audit-log.js';
import * as m0015 from './migrations/0015-check-ins-updated.js';
import * as m0016 from './migrations/0016-audit-sequence.js';
import * as m0017 from './migrations/0017-person-reach.js';
import * as m0018 from './migrations/0018-person-digest-email.js';

/**
 * Every migration, in order. A static list (not a folder scan) so the build output and the
 * test runner see exactly the same set.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-catalog': m0001,
  '0002-delivery': m0002,
  '0003-check-ins': m0003,
  '0004-teams-conversations': m0004,
  '0005-administrators': m0005,
  '0006-outbox-v2': m0006,
  '0007-check-in-keys': m0007,
  '0008-schedules': m0008,
  '0010-check-in-periods': m0010,
  '0011-check-in-rounds': m0011,
  '0012-network-digests': m0012,
  '0013-drop-first-outbox': m0013,
  '0014-audit-log': m0014,
  '0015-check-ins-updated': m0015,
  '0016-audit-sequence': m0016,
  '0017-person-reach': m0017,
  '0018-person-digest-email': m0018,
};

/** Applies pending migrations; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Db): Promise<readonly string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'okänd';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
