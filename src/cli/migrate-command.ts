import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { withStartupLock } from '../../db/startup-lock.js';
import { type CliContext, CliExit, configFor, describeError } from './context.js';

/** `delmal migrate`: applies pending migrations and says which. */
export async function migrateCommand(ctx: CliContext): Promise<void> {
  const { config, t } = configFor(ctx, false);
  const db = openDatabase(config.database);
  try {
    const applied = await withStartupLock(db, () => migrateToLatest(db));
    ctx.out(
      applied.length === 0
        ? t('cli.migrate.upToDate', { database: db.description })
        : t('cli.migrate.applied', {
            database: db.description,
            count: applied.length,
            names: applied.join(', '),
          }),
    );
  } catch (error) {
    ctx.err(t('cli.databaseUnavailable', { database: db.description, detail: describeError(error) }));
    throw new CliExit(69);
  } finally {
    await db.close();
  }
}
