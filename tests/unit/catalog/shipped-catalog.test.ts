import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogFile } from '../../../src/catalog/catalog-file.js';
import { checkReferences } from '../../../src/catalog/catalog-references.js';
import { SHIPPED_CATALOG } from '../../../src/paths.js';

const catalog = parseCatalogFile(SHIPPED_CATALOG, readFileSync(SHIPPED_CATALOG, 'utf8')).catalog;
// Verbatim excerpts of the plan documents, kept inside the repository (see tests/fixtures/plan-documents).
const documents = new URL('../../fixtures/plan-documents/', import.meta.url);
const planText = (file: string) => readFileSync(new URL(file, documents), 'utf8').replace(/\s+/g, ' ');

describe('the shipped catalog (db/catalog/catalog.yaml)', () => {
  it('is valid and self-consistent', () => {
    expect(checkReferences(catalog, catalog)).toEqual([]);
  });

  it('answers from Handlingsplan Social välfärd 2019–2022 with its 4 insatsområden and 8 delmål', () => {
    const current = catalog.plans.filter((p) => p.current);
    expect(current.map((p) => [p.name, p.periodStart, p.periodEnd])).toEqual([
      ['Handlingsplan Social välfärd', 2019, 2022],
    ]);
    const plan = current[0];
    expect(plan?.decidedBy).toBe('Regionala tillväxtnämnden');
    const areaOf = (n: number) =>
      plan?.focusAreas.find((f) => f.id === plan.goals.find((g) => g.number === n)?.focusArea)?.title;
    expect(plan?.goals.map((g) => [g.number, g.title])).toEqual([
      [1, 'Ökad delaktighet för den enskilde (och närstående)'],
      [2, 'Ökade möjligheter till meningsfull fritid och social samvaro'],
      [3, 'Människor lever ett liv fritt från missbruk och beroende'],
      [4, 'Våldsfria nära relationer'],
      [5, 'Sårbara barn får det stöd de behöver'],
      [6, 'Fullgjord skolgång för utsatta barn'],
      [7, 'Ökad möjlighet till egen försörjning'],
      [8, 'Kompetensbehovet inom den sociala välfärden är tillgodosett'],
    ]);
    expect([1, 2, 3, 4].map(areaOf)).toEqual(
      Array(4).fill('Tillgängliga insatser med kvalitet för sårbara grupper'),
    );
    expect([5, 6].map(areaOf)).toEqual(Array(2).fill('Sårbara barns och ungas rättigheter'));
    expect(areaOf(7)).toBe('Ekonomisk trygghet');
    expect(areaOf(8)).toBe('Kompetensförsörjning');
  });

  it('keeps the plan’s own words: every delmål text is found in the plan document', () => {
    const source = planText('handlingsplan-delmal.txt');
    const plan = catalog.plans.find((p) => p.current);
    for (const goal of plan?.goals ?? []) {
      expect(goal.text.length, `delmål ${goal.number} has its full text`).toBeGreaterThan(300);
      // Each paragraph opens with words found in the document (line wrapping and page debris aside).
      for (const paragraph of goal.text.split('\n\n')) {
        const opening = paragraph.split(/\s+/).slice(0, 6).join(' ');
        expect(source.includes(opening), `delmål ${goal.number}: "${opening}" is in the plan`).toBe(true);
      }
    }
  });

  it('holds the follow-up report’s 8 common insatsområden and at least 40 activities with status and source', () => {
    expect(catalog.followUp?.focusAreas).toHaveLength(8);
    expect(catalog.activities.length).toBeGreaterThanOrEqual(40);
    for (const activity of catalog.activities) {
      expect(activity.source?.document, activity.id).toBe('001_4b3bd4b31c3ff07d.txt');
      expect(activity.source?.section, activity.id).not.toBe('');
      expect(activity.focusAreas.length, activity.id).toBeGreaterThan(0);
    }
    const names = catalog.activities.map((a) => a.name).join(' | ');
    for (const known of ['CROSS', 'CHERRIES', 'InnoMera', 'BISAM', 'YAM', 'Maria Ungdom', 'Yrkesresan'])
      expect(names).toContain(known);
    const statuses = new Set(catalog.activities.map((a) => a.reportedStatus));
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['finished', 'ongoing', 'paused']));
  });

  it('includes the RUS effektmål, the insatsnivåer and the older 2012–2015 programme', () => {
    expect(catalog.rus?.overallGoals.map((g) => g.title)).toEqual([
      'Stark konkurrenskraft',
      'Hög och jämlik livskvalitet',
      'God resurseffektivitet',
    ]);
    expect(catalog.rus?.effectGoals.map((g) => g.title)).toEqual(
      expect.arrayContaining([
        'Goda uppväxtvillkor',
        'Goda försörjningsmöjligheter',
        'God och jämlik folkhälsa',
      ]),
    );
    expect(catalog.interventionLevels).toHaveLength(4);
    const older = catalog.plans.find((p) => p.periodStart === 2012);
    expect(older).toMatchObject({ current: false, periodEnd: 2015, goalTerm: 'målbild' });
    expect(older?.goals.length).toBeGreaterThan(4);
  });

  it('marks every person and network as demo data with example.org addresses', () => {
    expect(catalog.people.length).toBeGreaterThan(0);
    for (const person of catalog.people) {
      expect(person.email).toMatch(/@example\.org$/);
      expect(person.demo).toBe(true);
    }
    for (const network of catalog.networks) expect(network.demo).toBe(true);
    expect(catalog.description).toMatch(/demo/i);
  });
});
