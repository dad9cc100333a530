import { type Db, openDatabase } from '../../db/connection.js';
import { CatalogImportError } from '../catalog/catalog-issues.js';
import { ensureDatabaseReady } from '../catalog/catalog-seed.js';
import { type Clock, systemClock } from '../clock.js';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { type Translate, translator } from '../i18n/i18n.js';
import { describeIssue } from './describe-issue.js';

/** What every CLI command gets: its configuration, words in the operator's language, output streams. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly clock: Clock;
  /** Redraws one progress line; set only when stderr is a terminal. An empty text clears it. */
  readonly progress?: (text: string) => void;
}

/** Raised to stop a command with an exit code after its message has been printed. */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** Loads configuration or prints why it cannot and stops with exit code 78 (EX_CONFIG). */
export function configFor(ctx: CliContext, serving: boolean): { config: Config; t: Translate } {
  try {
    const config = loadConfig(ctx.env, { serving });
    return { config, t: translator(config.locale) };
  } catch (error) {
    if (error instanceof ConfigError) {
      ctx.err(error.message);
      throw new CliExit(78);
    }
    throw error;
  }
}

/**
 * Opens the configured database, migrates it and seeds the shipped catalog if it is empty, runs
 * `fn`, and always closes the database.
 */
export async function withReadyDatabase<T>(
  ctx: CliContext,
  config: Config,
  t: Translate,
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  const db = openDatabase(config.database);
  try {
    try {
      const ready = await ensureDatabaseReady(db, ctx.clock);
      if (ready.seeded) ctx.err(t('cli.seeded', { database: db.description }));
    } catch (error) {
      if (error instanceof CatalogImportError) {
        // The shipped catalog itself is broken: a packaging fault, not a database one.
        ctx.err(t('cli.catalog.rejected', { count: error.issues.length }));
        for (const issue of error.issues) ctx.err(`  ${describeIssue(t, issue)}`);
        throw new CliExit(70);
      }
      ctx.err(t('cli.databaseUnavailable', { database: db.description, detail: describeError(error) }));
      throw new CliExit(69);
    }
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A one-line description of a low-level error, without stack or secrets. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describeError).join('; ');
  if (error instanceof Error)
    return (error as Error & { code?: string }).code
      ? `${(error as Error & { code?: string }).code}: ${error.message}`
      : error.message;
  return String(error);
}

export const defaultContext = (): CliContext => ({
  env: process.env,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  clock: systemClock,
  ...(process.stderr.isTTY
    ? { progress: (text: string) => process.stderr.write(text === '' ? '\r\x1b[2K' : `\r\x1b[2K${text}`) }
    : {}),
});
