import type { Kysely, Selectable } from 'kysely';
import type { Database, NetworkTable } from './database.js';
import {
  CATALOG_FORMAT,
  type Catalog,
  type Network,
  type NetworkChannel,
  type ReportedStatus,
} from './model/catalog-schema.js';
import type { Weekday } from './model/local-date.js';
import type { NetworkChannelTable } from './network-tables.js';
import { scheduleEntryOf } from './schedule-rows.js';

type LinkName = {
  [K in keyof Database]: K extends `${string}_${string}`
    ? Database[K] extends { position: number }
      ? K
      : never
    : never;
}[keyof Database];

/** Groups link rows by owner, in their stored order. */
async function links(
  db: Kysely<Database>,
  table: LinkName,
  owner: string,
  target: string,
): Promise<Map<string, string[]>> {
  // biome-ignore lint/suspicious/noExplicitAny: link tables share one shape; the column names are checked by the caller's table list.
  const rows: Record<string, string>[] = await (db as Kysely<any>)
    .selectFrom(table)
    .select([`${owner} as owner`, `${target} as target`])
    .orderBy('position')
    .execute();
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row.owner as string) ?? [];
    list.push(row.target as string);
    map.set(row.owner as string, list);
  }
  return map;
}

const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** A network's bound channels as the file writes them; none: the field is left out. */
function channelsOf(rows: readonly Selectable<NetworkChannelTable>[]): Pick<Network, 'channels'> {
  if (rows.length === 0) return {};
  return {
    channels: rows.map((c) => ({
      platform: c.platform as NetworkChannel['platform'],
      workspace: c.workspace_id,
      channel: c.conversation_id,
      name: opt(c.conversation_name),
    })),
  };
}

/** A network's own digest time; the default (no override stored): the field is left out. */
function digestOf(row: Selectable<NetworkTable>): Pick<Network, 'digest'> {
  if (row.digest_active === null) return {};
  return {
    digest: {
      weekday: (row.digest_weekday ?? 'monday') as Weekday,
      time: row.digest_time ?? '08:00',
      timeZone: row.digest_time_zone ?? 'Europe/Stockholm',
      active: row.digest_active === 1,
    },
  };
}
const source = (row: { source_document: string | null; source_section: string | null }) =>
  row.source_document === null
    ? undefined
    : { document: row.source_document, section: row.source_section ?? '' };

/**
 * Reads the whole catalog back into the file shape. Export and import both start here, so an
 * export re-imported into an empty database reads back identically.
 */
export async function readCatalog(db: Kysely<Database>): Promise<Catalog> {
  const [
    meta,
    rus,
    overall,
    effect,
    levels,
    plans,
    statuses,
    focusAreas,
    goals,
    followUps,
    areas,
    activities,
  ] = await Promise.all([
    db.selectFrom('catalog_meta').selectAll().execute(),
    db.selectFrom('rus').selectAll().execute(),
    db.selectFrom('rus_overall_goals').selectAll().orderBy('position').execute(),
    db.selectFrom('rus_effect_goals').selectAll().orderBy('position').execute(),
    db.selectFrom('intervention_levels').selectAll().orderBy('position').execute(),
    db.selectFrom('plans').selectAll().orderBy('position').execute(),
    db.selectFrom('plan_statuses').selectAll().orderBy('position').execute(),
    db.selectFrom('focus_areas').selectAll().orderBy('position').execute(),
    db.selectFrom('goals').selectAll().orderBy('position').execute(),
    db.selectFrom('follow_ups').selectAll().execute(),
    db.selectFrom('activity_areas').selectAll().orderBy('position').execute(),
    db.selectFrom('activities').selectAll().orderBy('position').execute(),
  ]);
  const [people, networks, schedules, channels] = await Promise.all([
    db.selectFrom('people').selectAll().orderBy('position').execute(),
    db.selectFrom('networks').selectAll().orderBy('position').execute(),
    db.selectFrom('schedules').selectAll().orderBy('position').execute(),
    db.selectFrom('network_channels').selectAll().orderBy('position').orderBy('platform').execute(),
  ]);
  const emailOf = new Map(people.map((p) => [p.id, p.email]));
  const emails = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => emailOf.get(id) ?? id);
  const [
    planEffect,
    actFocus,
    actAreas,
    actGoals,
    actLevels,
    actOwners,
    netChairs,
    netMembers,
    netGoals,
    netFocus,
  ] = await Promise.all([
    links(db, 'plan_effect_goals', 'plan_id', 'effect_goal_id'),
    links(db, 'activity_focus_areas', 'activity_id', 'focus_area_id'),
    links(db, 'activity_activity_areas', 'activity_id', 'activity_area_id'),
    links(db, 'activity_goals', 'activity_id', 'goal_id'),
    links(db, 'activity_intervention_levels', 'activity_id', 'level_id'),
    links(db, 'activity_owners', 'activity_id', 'person_id'),
    links(db, 'network_chairs', 'network_id', 'person_id'),
    links(db, 'network_members', 'network_id', 'person_id'),
    links(db, 'network_goals', 'network_id', 'goal_id'),
    links(db, 'network_focus_areas', 'network_id', 'focus_area_id'),
  ]);
  const metaValue = (key: string) => meta.find((m) => m.key === key)?.value;
  const firstRus = rus[0];
  const followUp = followUps[0];

  return {
    format: CATALOG_FORMAT,
    version: metaValue('version'),
    description: metaValue('description'),
    rus: firstRus && {
      id: firstRus.id,
      name: firstRus.name,
      periodStart: firstRus.period_start,
      periodEnd: opt(firstRus.period_end),
      overallGoals: overall.map((g) => ({ id: g.id, title: g.title, description: opt(g.description) })),
      effectGoals: effect.map((g) => ({
        id: g.id,
        title: g.title,
        description: opt(g.description),
        overallGoal: opt(g.overall_goal_id),
        source: source(g),
      })),
    },
    interventionLevels: levels.map((l) => ({
      id: l.id,
      title: l.title,
      description: opt(l.description),
      source: source(l),
    })),
    plans: plans.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind as Catalog['plans'][number]['kind'],
      periodStart: p.period_start,
      periodEnd: opt(p.period_end),
      decidedBy: opt(p.decided_by),
      current: p.is_current === 1,
      goalTerm: p.goal_term,
      summary: opt(p.summary),
      effectGoals: planEffect.get(p.id) ?? [],
      source: source(p),
      statuses: statuses
        .filter((s) => s.plan_id === p.id)
        .map((s) => ({
          code: s.code,
          label: s.label,
          labelEn: s.label_en,
          colour: s.colour as Catalog['plans'][number]['statuses'][number]['colour'],
          severity: s.severity,
          active: s.is_active === 1,
        })),
      focusAreas: focusAreas
        .filter((f) => f.plan_id === p.id)
        .map((f) => ({
          id: f.id,
          number: f.number,
          title: f.title,
          description: opt(f.description),
          commonFocusArea: opt(f.common_focus_area_id),
          source: source(f),
        })),
      goals: goals
        .filter((g) => g.plan_id === p.id)
        .map((g) => ({
          id: g.id,
          number: g.number,
          title: g.title,
          focusArea: opt(g.focus_area_id),
          text: g.text,
          source: source(g),
        })),
    })),
    followUp: followUp && {
      id: followUp.id,
      title: followUp.title,
      year: opt(followUp.year),
      source: source(followUp),
      focusAreas: focusAreas
        .filter((f) => f.follow_up_id === followUp.id)
        .map((f) => ({
          id: f.id,
          number: f.number,
          title: f.title,
          description: opt(f.description),
          source: source(f),
          activityAreas: areas
            .filter((a) => a.focus_area_id === f.id)
            .map((a) => ({ id: a.id, title: a.title, description: opt(a.description) })),
        })),
    },
    activities: activities.map((a) => ({
      id: a.id,
      name: a.name,
      description: a.description,
      reportedStatus: a.reported_status as ReportedStatus,
      reportedStatusText: opt(a.reported_status_text),
      periodStart: opt(a.period_start),
      periodEnd: opt(a.period_end),
      interventionLevels: actLevels.get(a.id) ?? [],
      focusAreas: actFocus.get(a.id) ?? [],
      activityAreas: actAreas.get(a.id) ?? [],
      goals: actGoals.get(a.id) ?? [],
      owners: emails(actOwners.get(a.id)),
      source: source(a),
    })),
    people: people.map((p) => ({
      email: p.email,
      name: p.name,
      organisation: opt(p.organisation),
      locale: p.locale === 'sv' || p.locale === 'en' ? p.locale : undefined,
      admin: p.is_admin === 1,
      demo: p.is_demo === 1,
      reach: p.reach === 'email' || p.reach === 'chat-then-email' ? p.reach : 'chat',
      digestByEmail: p.digest_by_email === 1,
    })),
    networks: networks.map((n) => ({
      id: n.id,
      name: n.name,
      description: opt(n.description),
      chairs: emails(netChairs.get(n.id)),
      members: emails(netMembers.get(n.id)),
      goals: netGoals.get(n.id) ?? [],
      focusAreas: netFocus.get(n.id) ?? [],
      ...channelsOf(channels.filter((c) => c.network_id === n.id)),
      ...digestOf(n),
      demo: n.is_demo === 1,
    })),
    schedules: schedules.map(scheduleEntryOf),
  };
}
