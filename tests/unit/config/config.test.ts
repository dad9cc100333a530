import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, mask } from '../../../src/config/config.js';

function problemsOf(env: Record<string, string>, options?: { serving?: boolean }) {
  try {
    loadConfig(env, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to reject the configuration');
}

describe('loadConfig', () => {
  it('starts a newcomer locally on SQLite, port 3978, in Swedish', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      env: 'local',
      envSource: 'derived',
      locale: 'sv',
      timezone: 'Europe/Stockholm',
      database: { dialect: 'sqlite', file: './data/delmal.sqlite' },
      slack: undefined,
      teams: undefined,
    });
  });

  it('selects PostgreSQL for postgres:// URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://delmal@db.example.org:5432/delmal' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://delmal@db.example.org:5432/delmal',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SLACK_BOT_TOKEN: '  ' }).port).toBe(3978);
  });

  it.each(['abc', '0', '70000', '39.5', '-1'])(
    'rejects PORT=%s naming the variable and the allowed range',
    (port) => {
      const [problem, ...rest] = problemsOf({ PORT: port });
      expect(rest).toEqual([]);
      expect(problem?.variable).toBe('PORT');
      expect(problem?.message).toContain(`PORT är "${port}"`);
      expect(problem?.message).toContain('mellan 1 och 65535');
    },
  );

  it.each([
    ['mysql://root@localhost/delmal', 'databastyp som delmal inte stöder'],
    ['postgres:///delmal', 'saknar värdnamn'],
    ['postgres://db.example.org:5432', 'saknar databasnamn'],
    ['./data/', 'pekar på en mapp'],
  ])('rejects DATABASE_URL=%s with a message saying how to fix it', (url, expected) => {
    const [problem] = problemsOf({ DATABASE_URL: url });
    expect(problem?.variable).toBe('DATABASE_URL');
    expect(problem?.message).toContain(expected);
  });

  it('derives production when platform credentials are set, and never relaxes it', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret' });
    expect(config.env).toBe('production');
    expect(config.slack?.signingSecret).toBe('secret');
  });

  it('refuses to serve in production without any platform, but allows admin commands', () => {
    const [problem] = problemsOf({ DELMAL_ENV: 'production' });
    expect(problem?.variable).toBe('DELMAL_ENV');
    expect(problem?.message).toContain('kräver att Slack eller Teams är konfigurerat');
    expect(loadConfig({ DELMAL_ENV: 'production' }, { serving: false }).env).toBe('production');
  });

  it('reports every wrong variable at once', () => {
    const variables = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', DELMAL_TIMEZONE: 'Mars/Olympus' }).map(
      (p) => p.variable,
    );
    expect(variables).toEqual(['PORT', 'DELMAL_TIMEZONE', 'LOG_LEVEL']);
  });

  it('requires a signing secret for Slack over HTTP but not in Socket Mode', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]?.variable).toBe('SLACK_SIGNING_SECRET');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe(
      'xapp-1',
    );
  });

  it('rejects half a platform configuration', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })[0]?.message).toContain('SLACK_BOT_TOKEN saknas');
    expect(problemsOf({ TEAMS_CLIENT_ID: '6f1a3f4e-2d7b-4a61-9a55-2b9c2f3d4e5f' })[0]?.variable).toBe(
      'TEAMS_CLIENT_SECRET',
    );
    expect(problemsOf({ TEAMS_CLIENT_ID: 'my-bot', TEAMS_CLIENT_SECRET: 's' })[0]?.message).toContain('GUID');
  });

  it('adds the trailing slash Slack clients need to SLACK_API_URL', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });
    expect(config.slack?.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });

  it('speaks English when DELMAL_LOCALE=en', () => {
    const [problem] = problemsOf({ DELMAL_LOCALE: 'en', PORT: 'x' });
    expect(problem?.message).toContain('must be a whole number between 1 and 65535');
  });

  it('never repeats a secret in an error message', () => {
    const [problem] = problemsOf({ SLACK_BOT_TOKEN: 'xoxp-very-secret-user-token' });
    expect(problem?.message).not.toContain('very-secret');
  });
});

describe('mask', () => {
  it('keeps a recognisable prefix and hides the rest', () => {
    expect(mask('SLACK_BOT_TOKEN', 'xoxb-123456789-abcdefghij')).toBe('xoxb-****ij');
    expect(mask('TEAMS_CLIENT_SECRET', 'short')).toBe('****');
    expect(mask('DATABASE_URL', 'postgres://delmal:hunter2@db:5432/delmal')).toBe(
      'postgres://delmal:****@db:5432/delmal',
    );
    expect(mask('PORT', '3978')).toBe('3978');
  });
});
