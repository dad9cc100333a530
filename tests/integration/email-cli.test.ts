import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delmal } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FakeSmtp } from '../support/smtp.js';

describe('delmal mail test and doctor', () => {
  const smtp = new FakeSmtp();
  let database: TestDatabase;
  const env = () => ({
    DATABASE_URL: database.url,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'delmal <delmal@example.org>',
    PUBLIC_URL: 'https://delmal.example.org',
    DELMAL_LINK_SECRET: 'x'.repeat(64),
  });

  beforeAll(async () => {
    await smtp.start();
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await smtp.stop();
    await database?.drop();
  });

  it('sends one test message and prints what the relay answered', async () => {
    const run = await delmal(['mail', 'test', 'it@example.org'], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Relät tog emot meddelandet till it@example\.org: 250 /);
    expect(smtp.to('it@example.org').map((m) => m.subject)).toEqual(['Testmeddelande från delmal']);
  });

  it('says how to turn e-mail on when SMTP_URL is missing, and refuses a non-address', async () => {
    const off = await delmal(['mail', 'test', 'it@example.org'], {
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's',
    });
    expect(off.code).toBe(78);
    expect(off.stderr).toContain('E-post är avstängt: sätt SMTP_URL och MAIL_FROM');
    const bad = await delmal(['mail', 'test', 'inte-en-adress'], env());
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('"inte-en-adress" är ingen e-postadress.');
  });

  it('doctor shows the e-mail configuration with the relay password masked', async () => {
    const run = await delmal(['doctor'], {
      ...env(),
      SMTP_URL: `smtp://delmal:hemligt@127.0.0.1:${smtp.port}`,
    });
    expect(run.stdout).toContain(
      `på: relä smtp://delmal:****@127.0.0.1:${smtp.port}, avsändare delmal <delmal@example.org>, högst 10/s, DKIM –, länkar till https://delmal.example.org`,
    );
    expect(run.stdout).not.toContain('hemligt');
  });
});
