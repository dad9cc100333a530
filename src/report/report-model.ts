import type { Tone } from '../chat/reply.js';
import type { ReportPeriod } from './period.js';

/**
 * The annual follow-up report as data, before any format: per common insatsområde → aktivitetsområde
 * → activity, the way the region's own "Uppföljning av handlingsplaner och insatsområden" is built.
 * Every renderer (DOCX, Markdown, HTML) reads only this.
 */
export interface FollowUpReport {
  readonly title: string;
  readonly period: ReportPeriod;
  /** When it was compiled, UTC ISO-8601. */
  readonly generatedAt: string;
  readonly locale: 'sv' | 'en';
  /** The current plan's name, for the title page. */
  readonly planName: string;
  /** The year of the follow-up report the catalog was built from, when the catalog says. */
  readonly sourceYear: number | undefined;
  /** Check-ins recorded in the period, all activities. */
  readonly checkInCount: number;
  readonly totals: readonly StatusCount[];
  /** Status labels in the plan's order, "no check-in" last: counts, legends and colours follow it. */
  readonly statusOrder: readonly string[];
  readonly focusAreas: readonly ReportFocusArea[];
  /** Activities linked to no common insatsområde; empty in a tidy catalog. */
  readonly unplaced: readonly ReportActivity[];
  /** Status counts per delmål of the current plan at each month's end, for the chart. */
  readonly goalSeries: readonly GoalSeriesPoint[];
  /** Every activity once, by name: the appendix table and the summary read this. */
  readonly activities: readonly ReportActivity[];
  /** Status changes since an earlier period (`--compare-with`), when asked for. */
  readonly comparison?: ReportComparison;
}

/** One activity whose status at the end of the earlier period differs from this one's. */
export interface ComparedActivity {
  readonly id: string;
  readonly name: string;
  readonly before: StatusAtEnd;
  readonly after: StatusAtEnd;
}

export interface ReportComparison {
  /** The earlier period's label, e.g. `2025`. */
  readonly label: string;
  readonly to: string;
  readonly changes: readonly ComparedActivity[];
  /** How many activities kept their status. */
  readonly unchanged: number;
}

export interface ReportStatus {
  /** Vocabulary code; undefined for "ongoing, no check-in yet". */
  readonly code: string | undefined;
  readonly label: string;
  readonly tone: Tone;
}

/**
 * The status at the end of the period. With no check-in at or before the period's last day the
 * status is "no check-in" (grey), and `reported` carries what the catalog's follow-up report said:
 * shown as "Avslutad (enligt uppföljningen 2023)", never as something that happened in the period.
 */
export interface StatusAtEnd extends ReportStatus {
  /** `check-in`: the latest check-in on or before the period's last day; `report`: the catalog's reported status. */
  readonly source: 'check-in' | 'report';
  /** When that check-in was made. */
  readonly at?: string;
  /** Whether the status is running work (not paused, finished or not started). */
  readonly active: boolean;
  /** What the follow-up report said, when the status comes from there. */
  readonly reported?: {
    readonly label: string;
    readonly year: number | undefined;
    /** The follow-up report's own words, e.g. "finansieras med länsgemensamma medel". */
    readonly text?: string;
  };
}

export interface Narrative {
  readonly note: string;
  readonly author: string;
  readonly at: string;
}

export interface StatusChange {
  readonly at: string;
  readonly author: string;
  readonly from: ReportStatus;
  readonly to: ReportStatus;
}

export interface ReportActivity {
  readonly id: string;
  readonly name: string;
  readonly owners: readonly string[];
  readonly status: StatusAtEnd;
  /** The owners' latest note in the period. */
  readonly narrative?: Narrative;
  /** Every non-empty note of the period, newest first. */
  readonly notes: readonly Narrative[];
  /** The latest next step written in the period. */
  readonly nextStep?: Narrative;
  /** The latest check-in of the period asked for support. */
  readonly needsSupport: boolean;
  /** Who checked in during the period, in order of their latest check-in, newest first. */
  readonly reporters: readonly string[];
  /** The latest check-in at or before the period's end (possibly before the period). */
  readonly lastCheckInAt?: string;
  /** Status changes within the period, oldest first. */
  readonly timeline: readonly StatusChange[];
  readonly checkInsInPeriod: number;
}

export interface ReportActivityArea {
  readonly id: string | undefined;
  readonly title: string;
  readonly activities: readonly ReportActivity[];
}

/** An activity that was paused or finished during the period. */
export interface PeriodEnding {
  readonly activityId: string;
  readonly name: string;
  readonly status: ReportStatus;
  readonly at: string;
  readonly author: string;
}

export interface ReportFocusArea {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** The roll-up: its weakest active activity. */
  readonly rollUp: ReportStatus;
  readonly counts: readonly StatusCount[];
  readonly areas: readonly ReportActivityArea[];
  readonly pausedOrFinished: readonly PeriodEnding[];
}

export interface StatusCount extends ReportStatus {
  readonly count: number;
}

export interface GoalSeriesPoint {
  readonly goal: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly status: ReportStatus;
  readonly count: number;
}
