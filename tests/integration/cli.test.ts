import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delmal, exited, spawnServe } from '../support/cli.js';

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'delmal-cli-'));
  env = { DATABASE_URL: join(dir, 'nested', 'delmal.sqlite') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('delmal catalog', () => {
  it('exports the current plan’s 8 delmål from a database it seeds itself', async () => {
    const run = await delmal(['catalog', 'export', '--format', 'yaml'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Databasen var tom. Plankatalogen från db/catalog/ har lästs in');
    for (const title of [
      'Ökad delaktighet för den enskilde (och närstående)',
      'Sårbara barn får det stöd de behöver',
      'Kompetensbehovet inom den sociala välfärden är tillgodosett',
    ])
      expect(run.stdout).toContain(`title: ${title}`);
    expect(run.stdout.match(/reportedStatus:/g)?.length).toBeGreaterThanOrEqual(40);
  });

  it('prints a dry run in Swedish and saves nothing; then applies it', async () => {
    const file = join(dir, 'ny.yaml');
    writeFileSync(
      file,
      'format: 1\nactivities:\n  - id: ny-aktivitet\n    name: Ny aktivitet\n    reportedStatus: planned\n    goals: [sv-delmal-5]\n',
    );
    const dry = await delmal(['catalog', 'import', file, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('ny.yaml: torrkörning – 1 post skulle ändras:');
    expect(dry.stdout).toContain('+ ny aktivitet ny-aktivitet "Ny aktivitet"');
    expect(dry.stdout).toContain('Inget har sparats.');
    expect((await delmal(['catalog', 'export', '--format', 'csv'], env)).stdout).not.toContain(
      'ny-aktivitet',
    );

    const applied = await delmal(['catalog', 'import', file], env);
    expect(applied.stdout).toContain('ny.yaml: 1 post ändrades:');
    expect((await delmal(['catalog', 'export', '--format', 'csv'], env)).stdout).toContain(
      'ny-aktivitet,Ny aktivitet',
    );
    const again = await delmal(['catalog', 'import', file], env);
    expect(again.stdout).toMatch(/ny\.yaml: inga ändringar/);
  });

  it('rejects a broken file with exit code 65 and a message naming file, line and field', async () => {
    const file = join(dir, 'fel.yaml');
    writeFileSync(file, 'format: 1\nactivities:\n  - id: Fel Id\n    name: X\n    reportedStatus: ongoing\n');
    const run = await delmal(['catalog', 'import', file], env);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain(
      'Katalogfilen lästes inte in – 1 fel hittades och ingenting har ändrats i databasen:',
    );
    expect(run.stderr).toContain('fel.yaml:3 activities[0].id: "Fel Id" är inget giltigt id.');
  });

  it('says which file it could not read', async () => {
    const run = await delmal(['catalog', 'import', join(dir, 'saknas.yaml')], env);
    expect(run.code).toBe(66);
    expect(run.stderr).toContain('saknas.yaml gick inte att läsa');
  });
});

describe('delmal doctor', () => {
  it('shows the effective configuration with secrets masked, the database and the platforms', async () => {
    const run = await delmal(['doctor'], {
      ...env,
      SLACK_BOT_TOKEN: 'xoxb-1111-2222-supersecretvalue',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/SLACK_BOT_TOKEN\s+xoxb-\*\*\*\*ue/);
    expect(run.stdout).not.toContain('supersecret');
    expect(run.stdout).not.toContain('signing-secret-value');
    expect(run.stdout).toMatch(/DELMAL_ENV\s+production/);
    expect(run.stdout).toContain('Slack via HTTP på POST /slack/events');
    expect(run.stdout).toMatch(/✓ \d+ planer, \d+ delmål och målbilder, \d+ aktiviteter/);
    expect(run.stdout).toContain('✓ Leveranser: 0 svar och 0 utskick väntar, 0 misslyckade för gott');
    expect(run.stdout).toContain('Allt ser bra ut.');
  });

  it('fails when the database cannot be reached', async () => {
    const run = await delmal(['doctor'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Databasen svarar inte (PostgreSQL 127.0.0.1:1/none)');
    expect(run.stdout).toContain('Något behöver åtgärdas');
  });
});

describe('delmal serve (the real binary)', () => {
  it('stops at start-up with a clear message when PORT is wrong', async () => {
    const child = spawnServe({ ...env, PORT: 'åtta' });
    expect(await exited(child)).toBe(78);
    expect(child.output()).toContain('delmal kan inte starta: konfigurationen behöver rättas.');
    expect(child.output()).toContain('PORT är "åtta" men måste vara ett heltal mellan 1 och 65535');
  });

  it('stops at start-up with a clear message when DATABASE_URL is wrong', async () => {
    const child = spawnServe({ ...env, DATABASE_URL: 'mysql://root@localhost/delmal' });
    expect(await exited(child)).toBe(78);
    expect(child.output()).toContain(
      'DATABASE_URL "mysql://root@localhost/delmal" har en databastyp som delmal inte stöder',
    );
  });

  it('stops with a clear message when the database does not answer', async () => {
    const child = spawnServe({ ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(await exited(child)).toBe(69);
    expect(child.output()).toContain('Databasen svarar inte');
  });

  it('refuses production without a chat platform', async () => {
    const child = spawnServe({ ...env, DELMAL_ENV: 'production' });
    expect(await exited(child)).toBe(78);
    expect(child.output()).toContain('DELMAL_ENV=production kräver att Slack eller Teams är konfigurerat');
  });
});

describe('delmal usage errors', () => {
  it('explains an unknown command and a missing argument in Swedish', async () => {
    const unknown = await delmal(['exportera'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'Kommandot "exportera" finns inte. Skriv delmal --help för att se kommandona.',
    );
    const missing = await delmal(['catalog', 'import'], env);
    expect(missing.stderr).toBe(
      'Argumentet "fil" saknas. Lägg till --help efter kommandot för att se hur det skrivs.',
    );
  });

  it('prints help with Swedish headings', async () => {
    const help = await delmal(['catalog', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Användning: delmal catalog/);
    expect(help.stdout).toContain('Kommandon:');
    expect(help.stdout).toContain('läs in en katalogfil (YAML eller CSV)');
  });
});
