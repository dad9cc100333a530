import { z } from 'zod';
import type { DatabaseTarget } from '../../db/connection.js';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale, translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.sv.js';
import { type EmailConfig, readEmail } from './email-config.js';

/** Where delmal runs: `production` never relaxes security; `local`/`test` enable the playground. */
const ENVIRONMENTS = ['production', 'local', 'test'] as const;
export type DelmalEnv = (typeof ENVIRONMENTS)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEFAULT_DATABASE_URL = './data/delmal.sqlite';

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret: string | undefined;
  readonly appToken: string | undefined;
  readonly apiUrl: string | undefined;
}

interface TeamsConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string | undefined;
}

/** The validated, effective configuration. Read once at start-up; never `process.env` elsewhere. */
export interface Config {
  readonly port: number;
  readonly database: DatabaseTarget;
  readonly databaseUrl: string;
  readonly env: DelmalEnv;
  /** Whether `DELMAL_ENV` was set explicitly or derived from the credentials present. */
  readonly envSource: 'explicit' | 'derived';
  readonly timezone: string;
  readonly locale: Locale;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly slack: SlackConfig | undefined;
  readonly teams: TeamsConfig | undefined;
  /**
   * How long a claim (an outbox item being sent, a round being opened) lasts before another
   * replica may take it over (`DELMAL_LEASE_SECONDS`, default 60).
   */
  readonly leaseMs: number;
  /** Bearer token for `GET /metrics` (`DELMAL_METRICS_TOKEN`); metrics are off without it. */
  readonly metricsToken: string | undefined;
  /** E-mail prompts and the answer page; off in production without `SMTP_URL`. */
  readonly email: EmailConfig | undefined;
}

/** One problem with one variable, already worded for the operator. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** Thrown by {@link loadConfig}; `message` lists every problem, one per line. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly problems: readonly ConfigProblem[],
    heading: string,
  ) {
    super([heading, ...problems.map((p) => `  • ${p.message}`)].join('\n'));
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Treats empty and whitespace-only values as unset: `FOO= npm start` must not count as configured. */
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().optional(),
);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Parses `DATABASE_URL` into a target; returns a message key when it cannot. */
function parseDatabaseUrl(raw: string): DatabaseTarget | MessageKey {
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      if (!url.hostname) return 'config.databaseUrl.postgresHost';
      if (url.pathname.replace(/^\//, '') === '') return 'config.databaseUrl.postgresDatabase';
      return { dialect: 'postgres', url: raw };
    } catch {
      return 'config.databaseUrl.postgresMalformed';
    }
  }
  if (raw.startsWith('file:')) return parseDatabaseUrl(raw.slice('file:'.length).replace(/^\/\/(?=\/)/, ''));
  if (raw.startsWith('sqlite:'))
    return parseDatabaseUrl(raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return 'config.databaseUrl.scheme';
  if (raw === ':memory:') return { dialect: 'sqlite', file: raw };
  if (raw.endsWith('/')) return 'config.databaseUrl.directory';
  return { dialect: 'sqlite', file: raw };
}

/**
 * Validates the environment and returns the effective configuration, or throws a {@link ConfigError}
 * naming each wrong variable, what was wrong and how to fix it. Takes `env` as a parameter so tests
 * and the CLI pass exactly what they mean. With `serving: false` (admin commands such as `catalog import`),
 * a production configuration without any chat platform is accepted: there is nothing to expose.
 */
export function loadConfig(env: Env, options: { readonly serving?: boolean } = {}): Config {
  const serving = options.serving ?? true;
  const text = (name: string): string | undefined => optionalText.parse(env[name]);
  const rawLocale = text('DELMAL_LOCALE');
  const locale: Locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, key: MessageKey, extra: Record<string, string> = {}): void => {
    const value = env[variable] ?? '';
    problems.push({
      variable,
      message: translate(locale, key, { variable, value: mask(variable, value), ...extra }),
    });
  };

  let port = 3978;
  const rawPort = text('PORT');
  if (rawPort !== undefined) {
    const parsed = z.coerce.number().int().min(1).max(65535).safeParse(rawPort);
    if (!/^\d+$/.test(rawPort) || !parsed.success) problem('PORT', 'config.port.invalid');
    else port = parsed.data;
  }

  const databaseUrl = text('DATABASE_URL') ?? DEFAULT_DATABASE_URL;
  const target = parseDatabaseUrl(databaseUrl);
  if (typeof target === 'string') problem('DATABASE_URL', target);

  if (rawLocale !== undefined && !isLocale(rawLocale))
    problem('DELMAL_LOCALE', 'config.locale.invalid', { allowed: LOCALES.join(', ') });

  const timezone = text('DELMAL_TIMEZONE') ?? 'Europe/Stockholm';
  if (!isTimeZone(timezone)) problem('DELMAL_TIMEZONE', 'config.timezone.invalid');

  const rawLevel = text('LOG_LEVEL')?.toLowerCase() ?? 'info';
  const logLevel = z.enum(LOG_LEVELS).safeParse(rawLevel);
  if (!logLevel.success) problem('LOG_LEVEL', 'config.logLevel.invalid', { allowed: LOG_LEVELS.join(', ') });

  const slack = readSlack(text, problem);
  const teams = readTeams(text, problem);

  let leaseMs = 60_000;
  const rawLease = text('DELMAL_LEASE_SECONDS');
  if (rawLease !== undefined) {
    const parsed = z.coerce.number().int().min(2).max(3600).safeParse(rawLease);
    if (!/^\d+$/.test(rawLease) || !parsed.success) problem('DELMAL_LEASE_SECONDS', 'config.lease.invalid');
    else leaseMs = parsed.data * 1000;
  }
  const metricsToken = text('DELMAL_METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16)
    problem('DELMAL_METRICS_TOKEN', 'config.metricsToken.short');

  const rawEnv = text('DELMAL_ENV');
  const envParsed = z.enum(ENVIRONMENTS).safeParse(rawEnv?.toLowerCase());
  if (rawEnv !== undefined && !envParsed.success)
    problem('DELMAL_ENV', 'config.env.invalid', { allowed: ENVIRONMENTS.join(', ') });
  const env_: DelmalEnv = envParsed.success ? envParsed.data : slack || teams ? 'production' : 'local';
  const email = readEmail(text, problem, env_);
  if (serving && env_ === 'production' && !slack && !teams && problems.length === 0)
    problem('DELMAL_ENV', 'config.env.productionWithoutPlatform');

  if (problems.length > 0) throw new ConfigError(problems, translate(locale, 'config.heading'));
  return {
    port,
    database: target as DatabaseTarget,
    databaseUrl,
    env: env_,
    envSource: rawEnv === undefined ? 'derived' : 'explicit',
    timezone,
    locale,
    logLevel: logLevel.success ? logLevel.data : 'info',
    slack,
    teams,
    leaseMs,
    metricsToken,
    email,
  };
}

type Problem = (variable: string, key: MessageKey, extra?: Record<string, string>) => void;

function readSlack(text: (name: string) => string | undefined, problem: Problem): SlackConfig | undefined {
  const botToken = text('SLACK_BOT_TOKEN');
  const signingSecret = text('SLACK_SIGNING_SECRET');
  const appToken = text('SLACK_APP_TOKEN');
  const apiUrl = text('SLACK_API_URL');
  if (botToken === undefined) {
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const)
      if (text(name) !== undefined) problem(name, 'config.slack.missingBotToken');
    return undefined;
  }
  if (!botToken.startsWith('xoxb-')) problem('SLACK_BOT_TOKEN', 'config.slack.botTokenPrefix');
  if (appToken !== undefined && !appToken.startsWith('xapp-'))
    problem('SLACK_APP_TOKEN', 'config.slack.appTokenPrefix');
  if (appToken === undefined && signingSecret === undefined)
    problem('SLACK_SIGNING_SECRET', 'config.slack.missingSigningSecret');
  let normalisedApiUrl: string | undefined;
  if (apiUrl !== undefined) {
    const parsed = z.url({ protocol: /^https?$/ }).safeParse(apiUrl);
    if (!parsed.success) problem('SLACK_API_URL', 'config.slack.apiUrl');
    else normalisedApiUrl = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  }
  return { botToken, signingSecret, appToken, apiUrl: normalisedApiUrl };
}

function readTeams(text: (name: string) => string | undefined, problem: Problem): TeamsConfig | undefined {
  const clientId = text('TEAMS_CLIENT_ID');
  const clientSecret = text('TEAMS_CLIENT_SECRET');
  const tenantId = text('TEAMS_TENANT_ID');
  if (clientId === undefined) {
    for (const name of ['TEAMS_CLIENT_SECRET', 'TEAMS_TENANT_ID'] as const)
      if (text(name) !== undefined) problem(name, 'config.teams.missingClientId');
    return undefined;
  }
  if (!z.uuid().safeParse(clientId).success) problem('TEAMS_CLIENT_ID', 'config.teams.guid');
  if (clientSecret === undefined) problem('TEAMS_CLIENT_SECRET', 'config.teams.missingSecret');
  if (tenantId !== undefined && !z.uuid().safeParse(tenantId).success)
    problem('TEAMS_TENANT_ID', 'config.teams.guid');
  return { clientId, clientSecret: clientSecret ?? '', tenantId };
}

const SECRET_VARIABLES = new Set([
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'TEAMS_CLIENT_SECRET',
  'DELMAL_METRICS_TOKEN',
  'DELMAL_LINK_SECRET',
  'DKIM_PRIVATE_KEY',
]);

/**
 * Masks a secret for display: keeps a recognisable prefix (`xoxb-`) and the last two characters.
 * Passwords inside a PostgreSQL URL are masked too.
 */
export function mask(variable: string, value: string): string {
  if (variable === 'DATABASE_URL' || variable === 'SMTP_URL')
    return value.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1****@');
  if (!SECRET_VARIABLES.has(variable) || value === '') return value;
  const prefix = /^(xox[a-z]-|xapp-)/.exec(value)?.[0] ?? '';
  return `${prefix}****${value.length > prefix.length + 8 ? value.slice(-2) : ''}`;
}
