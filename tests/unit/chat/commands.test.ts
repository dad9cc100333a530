import { describe, expect, it } from 'vitest';
import { ACTIVITIES_PER_PAGE } from '../../../commands/goal.js';
import type { Catalog } from '../../../db/model/catalog-schema.js';
import { ask, buttonCommands, shippedCatalog, visibleText } from '../../support/catalog.js';

describe('/delmal', () => {
  it('lists the 8 delmål of the current plan grouped by insatsområde, each with a roll-up', async () => {
    const reply = await ask('/delmal');
    const lists = reply.blocks.filter((b) => b.type === 'list');
    expect(lists.map((l) => l.heading)).toEqual([
      'Tillgängliga insatser med kvalitet för sårbara grupper',
      'Sårbara barns och ungas rättigheter',
      'Ekonomisk trygghet',
      'Kompetensförsörjning',
    ]);
    expect(lists.flatMap((l) => l.items.map((i) => i.title))).toHaveLength(8);
    expect(visibleText(reply)).toContain(
      'Delmål 5: Sårbara barn får det stöd de behöver | Ingen avstämning än',
    );
    expect(buttonCommands(reply)).toContain('delmal 5');
  });
});

describe('/delmal <n>', () => {
  it('answers delmål 5 with title, insatsområde, summary, full text a tap away and its activities', async () => {
    const reply = await ask('/delmal 5');
    const text = visibleText(reply);
    expect(reply.summary).toBe('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(text).toContain('Insatsområde: Sårbara barns och ungas rättigheter');
    expect(text).toContain('Det råder otydlighet i ansvarsfördelning');
    const more = reply.blocks.find((b) => b.type === 'more');
    expect(more?.type === 'more' && more.text).toContain(
      'Barn till föräldrar med intellektuell- eller psykisk funktionsnedsättning',
    );
    const list = reply.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.length).toBeGreaterThan(0);
    // Each activity row: name, status, owner and last check-in.
    expect(text).toMatch(
      /\n.+ \| (Pågår – ingen avstämning än|Pausad|Avslutad|Ej påbörjad) \| .+ · senaste avstämning: ingen än/,
    );
  });

  it.each(['delmål 5', 'Delmal5', '5', 'dm 5', '#5', 'femman'])('understands "%s"', async (text) => {
    expect((await ask(text)).summary).toBe('Delmål 5: Sårbara barn får det stöd de behöver');
  });

  it('answers an unknown number with the valid range and the list, not an error', async () => {
    const reply = await ask('/delmal 9');
    const text = visibleText(reply);
    expect(text).toContain(
      'Det finns inget delmål 9 i Handlingsplan Social välfärd. Delmålen är numrerade 1–8:',
    );
    expect(text).toContain('Delmål 8: Kompetensbehovet inom den sociala välfärden är tillgodosett');
  });

  it('shows the full text on request', async () => {
    const reply = await ask('delmal 5 text');
    expect(visibleText(reply)).toContain('Barns delaktighet behöver stärkas under hela ärendeprocessen.');
  });

  it('pages a delmål with 80 activities instead of breaking the platforms', async () => {
    const many: Catalog = {
      ...shippedCatalog,
      activities: Array.from({ length: 80 }, (_, i) => ({
        id: `aktivitet-${i + 1}`,
        name: `Aktivitet ${i + 1}`,
        description: 'Syntetisk aktivitet för sidvisning.',
        reportedStatus: 'ongoing' as const,
        interventionLevels: [],
        focusAreas: ['sarbara-barn-och-ungas-rattigheter'].filter((id) =>
          shippedCatalog.followUp?.focusAreas.some((f) => f.id === id),
        ),
        activityAreas: [],
        goals: ['sv-delmal-5'],
        owners: [],
      })),
    };
    const first = await ask('/delmal 5', {}, many);
    const list = first.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.length).toBe(ACTIVITIES_PER_PAGE);
    expect(first.pagination).toMatchObject({ page: 1, pages: 8, label: 'Sida 1 av 8' });
    expect(first.pagination?.next).toMatchObject({ command: 'delmal 5 sida 2' });
    const last = await ask('delmal 5 sida 8', {}, many);
    expect(visibleText(last)).toContain('Aktivitet 80');
    expect(last.pagination?.next).toBeUndefined();
  });
});

describe('/delmal aktivitet', () => {
  it('opens CROSS with its insatsområden, delmål, owners and status history', async () => {
    const text = visibleText(await ask('/delmal aktivitet CROSS'));
    expect(text).toContain('CROSS');
    expect(text).toMatch(/Delmål: 2\. Ökade möjligheter till meningsfull fritid och social samvaro/);
    expect(text).toMatch(/Ansvariga: .+/);
    expect(text).toContain('Statushistorik');
  });

  it('opens by id and tolerates a misspelt name', async () => {
    expect((await ask('delmal aktivitet cherries')).summary).toMatch(/^CHERRIES – /);
    expect((await ask('delmal aktivitet cheries')).summary).toMatch(/CHERRIES/);
  });

  it('offers a short pick list when several activities match', async () => {
    const reply = await ask('delmal aktivitet barn');
    expect(reply.summary).toBe('Flera aktiviteter passar "barn". Vilken menar du?');
    const commands = buttonCommands(reply);
    expect(commands.length).toBeGreaterThan(1);
    expect(commands.length).toBeLessThanOrEqual(8);
    expect(commands.every((c) => c.startsWith('delmal aktivitet '))).toBe(true);
  });

  it('explains what to write when the name is missing', async () => {
    expect((await ask('delmal aktivitet')).summary).toBe(
      'Det där förstod jag inte riktigt: det saknas något att leta efter. Skriv så här: delmal aktivitet ‹namn›',
    );
  });
});

describe('search', () => {
  it('finds delmål 7 from "/delmal sok forsorjning" and CHERRIES and CROSS from "ensamhet"', async () => {
    expect(visibleText(await ask('/delmal sok forsorjning'))).toContain(
      'Delmål 7: Ökad möjlighet till egen försörjning',
    );
    const loneliness = visibleText(await ask('/delmal sok ensamhet'));
    expect(loneliness).toContain('Aktivitet: CHERRIES');
    expect(loneliness).toContain('Aktivitet: CROSS');
  });

  it('treats free text that is not a command as a search', async () => {
    const reply = await ask('vilka aktiviteter arbetar med ensamhet?');
    expect(reply.summary).toMatch(/träffar för "vilka aktiviteter arbetar med ensamhet\?"/);
  });

  it('says so plainly when nothing matches', async () => {
    expect((await ask('delmal sok kvantdator')).summary).toBe(
      'Inga träffar för "kvantdator". Prova ett annat ord, eller skriv delmal för att se alla delmål.',
    );
  });
});

describe('/delmal mina', () => {
  const owner = shippedCatalog.activities[0]?.owners[0] ?? '';

  it('lists the asker’s activities', async () => {
    const reply = await ask('/delmal mina', { email: owner });
    const mine = shippedCatalog.activities.filter((a) => a.owners.includes(owner)).map((a) => a.name);
    for (const name of mine) expect(visibleText(reply)).toContain(name);
  });

  it('says why it cannot answer someone it does not know', async () => {
    expect((await ask('/delmal mina')).summary).toContain('Jag vet inte vem du är');
    expect((await ask('/delmal mina', { email: 'okand@example.org' })).summary).toContain(
      'okand@example.org',
    );
  });
});

describe('/delmal hjalp', () => {
  it('lists every command with usage generated from its schema', async () => {
    const text = visibleText(await ask('/delmal hjälp'));
    expect(text).toContain('delmal aktivitet ‹namn›');
    expect(text).toContain('delmal sok ‹fritext›');
    expect(text).toContain('delmal mina');
    expect(text).toContain('‹nummer› [sida]');
  });
});

describe('languages', () => {
  it('answers in English for an English-speaking asker', async () => {
    const reply = await ask('/delmal 9', { locale: 'en' });
    expect(visibleText(reply)).toContain(
      'There is no goal 9 in Handlingsplan Social välfärd. The goals are numbered 1–8:',
    );
  });
});
