import type { Catalog } from './model/catalog-schema.js';

/**
 * How each catalog entity becomes a table row. Kept apart from the write loop so the mapping
 * (camelCase file fields → snake_case columns, booleans as 0/1, absent as NULL) reads in one place.
 */
type Source = { document: string; section: string } | undefined;
type Row = Record<string, unknown>;

const src = (s: Source) => ({ source_document: s?.document ?? null, source_section: s?.section ?? null });
const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

type Plan = Catalog['plans'][number];
type Rus = NonNullable<Catalog['rus']>;
type FollowUp = NonNullable<Catalog['followUp']>;

export const rows = {
  person: (p: Catalog['people'][number], position: number, now: string, id: string): Row => ({
    id,
    email: p.email,
    name: p.name,
    organisation: nul(p.organisation),
    locale: nul(p.locale),
    is_demo: p.demo ? 1 : 0,
    is_admin: p.admin ? 1 : 0,
    reach: p.reach,
    digest_by_email: p.digestByEmail ? 1 : 0,
    position,
    created_at: now,
    updated_at: now,
  }),
  rus: (r: Rus): Row => ({
    id: r.id,
    name: r.name,
    period_start: r.periodStart,
    period_end: nul(r.periodEnd),
  }),
  overallGoal: (g: Rus['overallGoals'][number], rusId: string, position: number): Row => ({
    id: g.id,
    rus_id: rusId,
    title: g.title,
    description: nul(g.description),
    position,
  }),
  effectGoal: (g: Rus['effectGoals'][number], rusId: string, position: number): Row => ({
    id: g.id,
    rus_id: rusId,
    title: g.title,
    description: nul(g.description),
    overall_goal_id: nul(g.overallGoal),
    position,
    ...src(g.source),
  }),
  interventionLevel: (l: Catalog['interventionLevels'][number], position: number): Row => ({
    id: l.id,
    title: l.title,
    description: nul(l.description),
    position,
    ...src(l.source),
  }),
  plan: (p: Plan, position: number): Row => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    period_start: p.periodStart,
    period_end: nul(p.periodEnd),
    decided_by: nul(p.decidedBy),
    is_current: p.current ? 1 : 0,
    goal_term: p.goalTerm,
    summary: nul(p.summary),
    position,
    ...src(p.source),
  }),
  planStatus: (s: Plan['statuses'][number], planId: string, position: number): Row => ({
    plan_id: planId,
    code: s.code,
    label: s.label,
    label_en: s.labelEn,
    colour: s.colour,
    severity: s.severity,
    is_active: s.active ? 1 : 0,
    position,
  }),
  followUp: (f: FollowUp): Row => ({ id: f.id, title: f.title, year: nul(f.year), ...src(f.source) }),
  /** Both kinds of insatsområde: a plan's own (`owner.plan`) or the follow-up report's common ones. */
  focusArea: (
    f: Plan['focusAreas'][number] | FollowUp['focusAreas'][number],
    owner: { plan?: string; followUp?: string },
    position: number,
  ): Row => ({
    id: f.id,
    plan_id: owner.plan ?? null,
    follow_up_id: owner.followUp ?? null,
    number: f.number,
    title: f.title,
    description: nul(f.description),
    common_focus_area_id: 'commonFocusArea' in f ? nul(f.commonFocusArea) : null,
    position,
    ...src(f.source),
  }),
  goal: (g: Plan['goals'][number], planId: string, position: number): Row => ({
    id: g.id,
    plan_id: planId,
    number: g.number,
    title: g.title,
    focus_area_id: nul(g.focusArea),
    text: g.text,
    position,
    ...src(g.source),
  }),
  activityArea: (
    a: FollowUp['focusAreas'][number]['activityAreas'][number],
    focusAreaId: string,
    position: number,
  ): Row => ({
    id: a.id,
    focus_area_id: focusAreaId,
    title: a.title,
    description: nul(a.description),
    position,
  }),
  activity: (a: Catalog['activities'][number], position: number): Row => ({
    id: a.id,
    name: a.name,
    description: a.description,
    reported_status: a.reportedStatus,
    reported_status_text: nul(a.reportedStatusText),
    period_start: nul(a.periodStart),
    period_end: nul(a.periodEnd),
    position,
    ...src(a.source),
  }),
  network: (n: Catalog['networks'][number], position: number): Row => ({
    id: n.id,
    name: n.name,
    description: nul(n.description),
    is_demo: n.demo ? 1 : 0,
    position,
    digest_weekday: n.digest?.weekday ?? null,
    digest_time: n.digest?.time ?? null,
    digest_time_zone: n.digest?.timeZone ?? null,
    digest_active: n.digest ? (n.digest.active ? 1 : 0) : null,
  }),
  networkChannel: (
    c: NonNullable<Catalog['networks'][number]['channels']>[number],
    networkId: string,
    position: number,
    now: string,
  ): Row => ({
    network_id: networkId,
    platform: c.platform,
    workspace_id: c.workspace,
    conversation_id: c.channel,
    conversation_name: nul(c.name),
    bound_by: null,
    bound_at: now,
    position,
  }),
};
