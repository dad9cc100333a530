import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.js';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
const SECRET = 'a'.repeat(64);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => p.message);
  }
  throw new Error('expected loadConfig to reject the configuration');
}

describe('e-mail configuration', () => {
  it('is off in production without SMTP_URL, and on (the playground inbox) locally', () => {
    expect(loadConfig(SLACK).email).toBeUndefined();
    expect(loadConfig({}).email).toMatchObject({ smtpUrl: undefined, ratePerSecond: 10 });
  });

  it('in production needs MAIL_FROM, PUBLIC_URL and a long DELMAL_LINK_SECRET, each with how to fix it', () => {
    const problems = problemsOf({
      ...SLACK,
      SMTP_URL: 'smtp://relay.example.org:587',
      DELMAL_LINK_SECRET: 'short',
    });
    expect(problems).toEqual([
      expect.stringContaining('MAIL_FROM saknas'),
      expect.stringContaining('PUBLIC_URL saknas'),
      expect.stringContaining('openssl rand -hex 32'),
    ]);
  });

  it('accepts a full relay with DKIM and refuses half a DKIM setting or a wrong scheme', () => {
    const config = loadConfig({
      ...SLACK,
      SMTP_URL: 'smtps://user:pw@relay.example.org:465',
      MAIL_FROM: 'delmal <delmal@example.org>',
      PUBLIC_URL: 'https://delmal.example.org/',
      DELMAL_LINK_SECRET: SECRET,
      MAIL_RATE_PER_SECOND: '5',
      DKIM_DOMAIN: 'example.org',
      DKIM_SELECTOR: 'delmal',
      DKIM_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
    });
    expect(config.email).toMatchObject({ publicUrl: 'https://delmal.example.org', ratePerSecond: 5 });
    expect(config.email?.dkim?.privateKey).toContain('\nabc\n');
    expect(
      problemsOf({
        ...SLACK,
        SMTP_URL: 'http://relay',
        MAIL_FROM: 'x@example.org',
        DKIM_DOMAIN: 'example.org',
      }),
    ).toEqual([
      expect.stringContaining('SMTP_URL ska vara en smtp://'),
      expect.stringContaining('PUBLIC_URL saknas'),
      expect.stringContaining('DELMAL_LINK_SECRET saknas'),
      expect.stringContaining('DKIM_SELECTOR saknas'),
      expect.stringContaining('DKIM_PRIVATE_KEY saknas'),
    ]);
  });

  it('names MAIL_FROM set without SMTP_URL in production', () => {
    expect(problemsOf({ ...SLACK, MAIL_FROM: 'x@example.org' })).toEqual([
      expect.stringContaining('SMTP_URL saknas'),
    ]);
  });
});
