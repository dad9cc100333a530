import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../adapters/slack/render-blocks.js';
import { cardProblems } from '../support/adaptive-cards.js';
import { shippedCatalog } from '../support/catalog.js';
import { delmal } from '../support/cli.js';

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'delmal-ask-'));
  env = { DATABASE_URL: join(dir, 'delmal.sqlite') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('delmal ask', () => {
  it('prints delmål 5 with its insatsområde and linked activities', async () => {
    const run = await delmal(['ask', '/delmal 5'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(run.stdout).toContain('Insatsområde: Sårbara barns och ungas rättigheter');
    expect(run.stdout).toContain('Kopplade aktiviteter (');
    expect(run.stdout).toContain('• Första kontakten');
  });

  it('prints Block Kit within Slack’s limits with --format slack', async () => {
    const run = await delmal(['ask', '--format', 'slack', '/delmal 5'], env);
    expect(run.code).toBe(0);
    const message = JSON.parse(run.stdout);
    expect(message.text).toBe('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Delmål 5: Sårbara barn får det stöd de behöver' },
    });
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('prints an Adaptive Card 1.5 that the adaptivecards parser accepts without warnings with --format teams', async () => {
    const run = await delmal(['ask', '--format', 'teams', '/delmal 5'], env);
    expect(run.code).toBe(0);
    const card = JSON.parse(run.stdout);
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });

  it('finds delmål 7 from "forsorjning" and CHERRIES and CROSS from "ensamhet"', async () => {
    expect((await delmal(['ask', '/delmal sok forsorjning'], env)).stdout).toContain(
      'Delmål 7: Ökad möjlighet till egen försörjning',
    );
    const loneliness = (await delmal(['ask', '/delmal sok ensamhet'], env)).stdout;
    expect(loneliness).toContain('Aktivitet: CHERRIES');
    expect(loneliness).toContain('Aktivitet: CROSS');
  });

  it('answers as a known person with --as', async () => {
    const catalog = (await delmal(['catalog', 'export', '--format', 'csv'], env)).stdout;
    const owner = /[a-z.]+@example\.org/.exec(catalog)?.[0] ?? '';
    const run = await delmal(['ask', '--as', owner, 'delmal mina'], env);
    expect(run.stdout).toMatch(/^Mina aktiviteter – /);
  });

  it('prints the neutral model with --format json', async () => {
    const reply = JSON.parse((await delmal(['ask', '--format', 'json', 'delmal 5'], env)).stdout);
    expect(reply.summary).toBe('Delmål 5: Sårbara barn får det stöd de behöver');
  });

  it('rejects an unknown format', async () => {
    const run = await delmal(['ask', '--format', 'pdf', 'delmal 5'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toBe(
      'Värdet "pdf" för --format <format> godtas inte: välj ett av: text, json, slack, teams.',
    );
  });
});

describe('checking in from the command line', () => {
  it('records an owner’s check-in and shows it as the activity’s status and history', async () => {
    const owner = shippedCatalog.activities.find((a) => a.id === 'cross')?.owners[0] ?? '';
    const prompt = await delmal(['ask', '--as', owner, 'delmal avstamning cross'], env);
    expect(prompt.stdout).toContain('Avstämning: CROSS');
    expect(prompt.stdout).toContain('→ Risk för avvikelse: delmal avstamning cross at_risk');

    const saved = await delmal(
      ['ask', '--as', owner, 'delmal avstamning cross risk Enkäten är försenad.'],
      env,
    );
    expect(saved.stdout).toContain('Tack! Registrerat 09:00 — Risk för avvikelse');

    const shown = await delmal(['ask', 'delmal aktivitet cross'], env);
    expect(shown.stdout).toContain('Status: Risk för avvikelse');
    expect(shown.stdout).toContain('Enkäten är försenad.');
    const goal = await delmal(['ask', 'delmal 2'], env);
    expect(goal.stdout).toMatch(/• CROSS {2}\[Risk för avvikelse\]/);
  });

  it('refuses a personal identity number and someone who does not own the activity', async () => {
    const refused = await delmal(['ask', '--as', 'okand@example.org', 'delmal avstamning cross enligt'], env);
    expect(refused.stdout).toContain('Avstämningen sparades inte: du står inte som ansvarig för CROSS');
  });
});
