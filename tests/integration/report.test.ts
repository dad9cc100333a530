import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkInsInPeriod, latestCheckInsBefore } from '../../db/check-in-periods.repository.js';
import type { CatalogView } from '../../src/catalog/catalog-view.js';
import { fixedClock } from '../../src/clock.js';
import { translator } from '../../src/i18n/i18n.js';
import { buildFollowUpReport } from '../../src/report/build-report.js';
import { parsePeriod, type ReportPeriod } from '../../src/report/period.js';
import { loadPeriodCheckIns } from '../../src/report/report-data.js';
import type { FollowUpReport, ReportActivity } from '../../src/report/report-model.js';
import { statusAtEndText } from '../../src/report/report-text.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { recordTestYear, TEST_YEAR_IN_PERIOD } from '../support/report-year.js';

const year = (): ReportPeriod => {
  const parsed = parsePeriod('2026-01-01', '2026-12-31', 'Europe/Stockholm');
  if (!parsed.ok) throw new Error('period');
  return parsed.period;
};

const t = translator('sv');

describeEachDialect('annual follow-up report', (dialect) => {
  let db: TestDatabase;
  let view: CatalogView;
  let report: FollowUpReport;
  const activity = (area: string, id: string): ReportActivity => {
    const found = report.focusAreas
      .find((a) => a.id === area)
      ?.areas.flatMap((g) => g.activities)
      .find((a) => a.id === id);
    if (!found) throw new Error(`${id} not under ${area}`);
    return found;
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase(dialect);
    view = await recordTestYear(db);
    report = buildFollowUpReport({
      view,
      data: await loadPeriodCheckIns(db.db, year()),
      period: year(),
      locale: 'sv',
      t: translator('sv'),
      generatedAt: fixedClock('2027-01-15T08:00:00Z').now().toISOString(),
    });
  });
  afterAll(() => db.drop());

  it('selects the period by local days: 00:30 on New Year’s Day is in, 00:30 the next New Year is out', async () => {
    const period = year();
    expect(period.startUtc).toBe('2025-12-31T23:00:00.000Z');
    expect(period.endUtc).toBe('2026-12-31T23:00:00.000Z');
    const rows = await checkInsInPeriod(db.db.kysely, period.startUtc, period.endUtc);
    expect(rows).toHaveLength(TEST_YEAR_IN_PERIOD);
    expect(rows.map((r) => r.created_at)).toContain('2025-12-31T23:30:00.000Z');
    expect(rows.map((r) => r.created_at)).toContain('2026-12-31T22:30:00.000Z');
    expect(rows.map((r) => r.note)).not.toContain('Efter perioden.');
    expect(report.checkInCount).toBe(TEST_YEAR_IN_PERIOD);
  });

  it('reads each activity’s status at the start from one row before the period', async () => {
    const before = await latestCheckInsBefore(db.db.kysely, year().startUtc);
    expect(before.map((r) => [r.activity_id, r.status_code]).sort()).toEqual([
      ['cross', 'on_track'],
      ['mhfa-forsta-hjalpen-psykisk-halsa', 'at_risk'],
    ]);
  });

  it('follows the region’s structure: every common insatsområde in order, with its aktivitetsområden', () => {
    expect(report.title).toBe('Uppföljning av handlingsplaner och insatsområden');
    expect(report.focusAreas.map((a) => a.title)).toEqual(
      view.catalog.followUp?.focusAreas.map((a) => a.title),
    );
    const psykisk = report.focusAreas.find((a) => a.id === 'psykisk-halsa');
    expect(psykisk?.areas.map((g) => g.title)).toContain('Ett mer hälsofrämjande samhälle och levnadssätt');
  });

  it('gives the status at the end of the period from the latest check-in on or before its last day', () => {
    const cross = activity('psykisk-halsa', 'cross');
    // The blocked check-in at 00:30 on 1 January 2027 is after the period.
    expect(cross.status).toMatchObject({ code: 'on_track', label: 'Enligt plan', source: 'check-in' });
    expect(cross.status.at).toBe('2026-06-20T12:00:00.000Z');
    expect(activity('psykisk-halsa', 'forsta-kontakten').status).toMatchObject({ code: 'blocked' });
    // MHFA's only check-in is from 2025: still its status, but nothing happened in the period.
    const mhfa = activity('psykisk-halsa', 'mhfa-forsta-hjalpen-psykisk-halsa');
    expect(mhfa.status).toMatchObject({
      code: 'at_risk',
      source: 'check-in',
      at: '2025-05-05T09:00:00.000Z',
    });
    expect(mhfa.narrative).toBeUndefined();
    expect(mhfa.timeline).toEqual([]);
  });

  it('labels a status taken from the follow-up report with its source and year, never as the period’s news', () => {
    const bisam = activity('psykisk-halsa', 'bisam-brukarinflytandesamordnare');
    expect(bisam.status).toMatchObject({
      source: 'report',
      label: 'Ingen avstämning',
      reported: { label: 'Pågår', year: 2023, text: 'finansieras med länsgemensamma medel' },
    });
    expect(statusAtEndText(report, bisam.status, t)).toBe(
      'Pågår (enligt uppföljningen 2023: finansieras med länsgemensamma medel)',
    );
    const eHealth = activity('god-och-nara-vard', 'handlingsplan-e-halsa');
    expect(statusAtEndText(report, eHealth.status, t)).toBe(
      'Avslutad (enligt uppföljningen 2023: reviderad)',
    );
    expect(bisam.checkInsInPeriod).toBe(0);
    expect(bisam.timeline).toEqual([]);
    // Counted as "no check-in", not as finished in 2026.
    const gnv = report.focusAreas.find((a) => a.id === 'god-och-nara-vard');
    expect(gnv?.counts.map((c) => c.label)).toEqual(['Ingen avstämning']);
    expect(gnv?.pausedOrFinished).toEqual([]);
  });

  it('writes a check-in’s status with its date', () => {
    const cross = activity('psykisk-halsa', 'cross');
    expect(statusAtEndText(report, cross.status, t)).toBe('Enligt plan (avstämning 2026-06-20)');
    // MHFA last checked in in 2025: still its status at the end of 2026, dated.
    const mhfa = activity('psykisk-halsa', 'mhfa-forsta-hjalpen-psykisk-halsa');
    expect(statusAtEndText(report, mhfa.status, t)).toBe('Risk för avvikelse (avstämning 2025-05-05)');
  });

  it('keeps every note of the period newest first, and who reported', () => {
    const cross = activity('psykisk-halsa', 'cross');
    expect(cross.notes.map((n) => n.note)).toEqual([
      'Enkäten skickad.\nSvaren analyseras i höst.',
      'Enkäten är försenad, "svar saknas", Laxå.',
    ]);
    expect(cross.reporters).toEqual(['Maria Sandberg', 'Linnéa Axelsson']);
  });

  it('shows the owners’ latest narrative in the period, with author and date', () => {
    expect(activity('psykisk-halsa', 'cross').narrative).toEqual({
      note: 'Enkäten skickad.\nSvaren analyseras i höst.',
      author: 'Linnéa Axelsson',
      at: '2026-06-15T12:00:00.000Z',
    });
  });

  it('lists the status changes of the period, not check-ins that repeat a status', () => {
    expect(
      activity('psykisk-halsa', 'cross').timeline.map((c) => [
        c.at.slice(0, 10),
        c.from.label,
        c.to.label,
        c.author,
      ]),
    ).toEqual([
      ['2026-03-02', 'Enligt plan', 'Risk för avvikelse', 'Maria Sandberg'],
      ['2026-06-15', 'Risk för avvikelse', 'Enligt plan', 'Linnéa Axelsson'],
    ]);
    // A first check-in is a change from the status the follow-up report gave.
    expect(activity('psykisk-halsa', 'cherries').timeline.map((c) => [c.from.label, c.to.label])).toEqual([
      ['Ingen avstämning', 'Enligt plan'],
      ['Enligt plan', 'Avslutad'],
    ]);
  });

  it('lists activities paused or finished in the period under every insatsområde they serve', () => {
    const ended = (id: string) =>
      report.focusAreas
        .find((a) => a.id === id)
        ?.pausedOrFinished.map((e) => [e.name, e.status.label, e.at.slice(0, 10), e.author]);
    expect(ended('psykisk-halsa')).toEqual([
      ['CHERRIES', 'Avslutad', '2026-09-30', 'Maria Sandberg'],
      ['YAM (Youth Aware of Mental health)', 'Pausad', '2026-04-01', 'Maria Sandberg'],
    ]);
    expect(ended('aldrande-med-livskvalitet')).toEqual([
      ['CHERRIES', 'Avslutad', '2026-09-30', 'Maria Sandberg'],
    ]);
    expect(ended('god-och-nara-vard')).toEqual([]);
  });

  it('rolls an insatsområde up as its weakest active activity and counts its statuses in the plan’s order', () => {
    const psykisk = report.focusAreas.find((a) => a.id === 'psykisk-halsa');
    expect(psykisk?.rollUp.label).toBe('Hinder / avvikelse');
    expect(psykisk?.counts.slice(0, 3).map((c) => [c.label, c.count])).toEqual([
      ['Enligt plan', 1],
      ['Risk för avvikelse', 1],
      ['Hinder / avvikelse', 1],
    ]);
  });

  it('counts each delmål’s activities per status at every month’s end', () => {
    const goal2 = (month: string) =>
      report.goalSeries
        .filter((p) => p.goal === 'Delmål 2' && p.month === month)
        .map((p) => [p.status.label, p.count]);
    expect(new Set(report.goalSeries.map((p) => p.month)).size).toBe(12);
    // CROSS is at risk from 2 March to 15 June; CHERRIES on track until it finishes in September.
    expect(goal2('2026-03')).toEqual(
      expect.arrayContaining([
        ['Risk för avvikelse', 1],
        ['Enligt plan', 1],
      ]),
    );
    expect(goal2('2026-10')).toEqual(
      expect.arrayContaining([
        ['Enligt plan', 1],
        ['Avslutad', 1],
      ]),
    );
  });
});
