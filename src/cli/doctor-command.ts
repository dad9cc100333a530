import { sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { openDatabase } from '../../db/connection.js';
import { MIGRATIONS } from '../../db/migrate.js';
import { reachedBy } from '../../db/reached-by.repository.js';
import { type Config, ConfigError, loadConfig, mask } from '../config/config.js';
import { deliveryHealthLines } from '../delivery/delivery-health-lines.js';
import { DEFAULT_LOCALE, isLocale, translator } from '../i18n/i18n.js';
import { type CliContext, CliExit, describeError } from './context.js';

const VARIABLES = [
  'PORT',
  'DATABASE_URL',
  'DELMAL_ENV',
  'DELMAL_LOCALE',
  'DELMAL_TIMEZONE',
  'LOG_LEVEL',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'TEAMS_CLIENT_ID',
  'TEAMS_CLIENT_SECRET',
  'TEAMS_TENANT_ID',
  'DELMAL_LEASE_SECONDS',
  'DELMAL_METRICS_TOKEN',
] as const;

/**
 * `delmal doctor`: the effective configuration (secrets masked), whether the database answers and
 * what it holds, and which chat platforms are configured. Exits non-zero when something needs fixing.
 */
export async function doctorCommand(ctx: CliContext): Promise<void> {
  const locale = isLocale(ctx.env.DELMAL_LOCALE) ? ctx.env.DELMAL_LOCALE : DEFAULT_LOCALE;
  const t = translator(locale);
  let config: Config;
  try {
    config = loadConfig(ctx.env, { serving: false });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    ctx.out(t('doctor.heading'));
    ctx.out(error.message);
    throw new CliExit(78);
  }
  let healthy = true;
  ctx.out(t('doctor.heading'));
  ctx.out(t('doctor.configuration'));
  const effective: Record<(typeof VARIABLES)[number], string> = {
    PORT: String(config.port),
    DATABASE_URL: config.databaseUrl,
    DELMAL_ENV: `${config.env}${config.envSource === 'derived' ? ` (${t('doctor.derived')})` : ''}`,
    DELMAL_LOCALE: config.locale,
    DELMAL_TIMEZONE: config.timezone,
    LOG_LEVEL: config.logLevel,
    SLACK_BOT_TOKEN: ctx.env.SLACK_BOT_TOKEN ?? '',
    SLACK_SIGNING_SECRET: ctx.env.SLACK_SIGNING_SECRET ?? '',
    SLACK_APP_TOKEN: ctx.env.SLACK_APP_TOKEN ?? '',
    SLACK_API_URL: config.slack?.apiUrl ?? '',
    TEAMS_CLIENT_ID: config.teams?.clientId ?? '',
    TEAMS_CLIENT_SECRET: ctx.env.TEAMS_CLIENT_SECRET ?? '',
    TEAMS_TENANT_ID: config.teams?.tenantId ?? '',
    DELMAL_LEASE_SECONDS: String(config.leaseMs / 1000),
    DELMAL_METRICS_TOKEN: config.metricsToken ?? '',
  };
  const width = Math.max(...VARIABLES.map((v) => v.length));
  for (const variable of VARIABLES) {
    const value = effective[variable];
    ctx.out(`  ${variable.padEnd(width)}  ${value === '' ? t('doctor.unset') : mask(variable, value)}`);
  }

  ctx.out(t('doctor.platforms'));
  if (config.slack) ctx.out(`  ✓ ${t(config.slack.appToken ? 'doctor.slackSocket' : 'doctor.slackHttp')}`);
  else ctx.out(`  – ${t('doctor.slackOff')}`);
  if (config.teams)
    ctx.out(`  ✓ ${t('doctor.teamsOn', { tenant: config.teams.tenantId ?? t('doctor.anyTenant') })}`);
  else ctx.out(`  – ${t(config.env === 'production' ? 'doctor.teamsOff' : 'doctor.teamsLocal')}`);
  if (!config.slack && !config.teams) {
    if (config.env === 'production') {
      healthy = false;
      ctx.out(`  ✗ ${t('config.env.productionWithoutPlatform')}`);
    } else ctx.out(`  ✓ ${t('doctor.playground', { port: String(config.port) })}`);
  }

  ctx.out(t('doctor.email'));
  const email = config.email;
  if (!email) ctx.out(t('doctor.email.off'));
  else if (email.smtpUrl === undefined) ctx.out(t('doctor.email.local'));
  else
    ctx.out(
      t('doctor.email.on', {
        relay: mask('SMTP_URL', email.smtpUrl),
        from: email.from,
        rate: email.ratePerSecond,
        dkim: email.dkim ? `${email.dkim.keySelector}._domainkey.${email.dkim.domainName}` : '–',
        publicUrl: email.publicUrl ?? '–',
      }),
    );

  ctx.out(t('doctor.database'));
  const db = openDatabase(config.database);
  try {
    await sql`select 1`.execute(db.kysely);
    ctx.out(`  ✓ ${t('doctor.databaseOk', { database: db.description })}`);
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => MIGRATIONS as Record<string, Migration> },
    });
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt);
    if (pending.length > 0) ctx.out(`  ! ${t('doctor.pending', { count: pending.length })}`);
    else {
      const [plans, goals, activities, people, networks] = await Promise.all(
        (['plans', 'goals', 'activities', 'people', 'networks'] as const).map(async (table) =>
          Number(
            (
              await db.kysely
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
      ctx.out(
        `  ✓ ${t('doctor.contents', { plans: plans ?? 0, goals: goals ?? 0, activities: activities ?? 0, people: people ?? 0, networks: networks ?? 0 })}`,
      );
      for (const line of await deliveryHealthLines(db.kysely, t, ctx.clock.now())) ctx.out(`  ${line}`);
      const since = new Date(ctx.clock.now().getTime() - 14 * 24 * 3600 * 1000).toISOString();
      const reached = new Map<string, number>();
      for (const owner of await reachedBy(db.kysely, since))
        reached.set(owner.platform, (reached.get(owner.platform) ?? 0) + 1);
      if (reached.size > 0)
        ctx.out(
          `  ✓ ${t('doctor.reachedBy', { list: [...reached].map(([p, n]) => `${p} ${n}`).join(' · ') })}`,
        );
    }
  } catch (error) {
    healthy = false;
    ctx.out(
      `  ✗ ${t('cli.databaseUnavailable', { database: db.description, detail: describeError(error) })}`,
    );
  } finally {
    await db.close();
  }
  ctx.out(healthy ? t('doctor.allGood') : t('doctor.needsAttention'));
  if (!healthy) throw new CliExit(1);
}
