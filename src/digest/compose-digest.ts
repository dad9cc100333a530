import type { CheckInRow } from '../../db/database.js';
import type { OverdueActivity } from '../../db/digest-data.repository.js';
import type { Activity, Network, StatusDefinition } from '../../db/model/catalog-schema.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Tone } from '../chat/reply.js';
import type {
  DigestDue,
  DigestException,
  DigestMessage,
  DigestSection,
  DigestUpdate,
  ExceptionReason,
} from './digest-message.js';
import { type FollowedArea, followedActivities, followedAreas } from './followed.js';

/** What the database said about one period (see digest-data.ts). */
export interface DigestData {
  /** Each followed activity's status code from its latest check-in before the period. */
  readonly before: ReadonlyMap<string, string>;
  /** The period's check-ins (all activities; filtered here), oldest first. */
  readonly checkIns: readonly CheckInRow[];
  readonly overdue: readonly OverdueActivity[];
  readonly dueNextWeek: readonly DigestDue[];
}

/** Tones that mark an exception: red is Hinder / avvikelse, yellow is Risk för avvikelse. */
const EXCEPTION_TONE: Partial<Record<Tone, 'blocked' | 'at_risk'>> = { red: 'blocked', yellow: 'at_risk' };
/** Statuses that mean "not expected to report": the work is paused or done. */
const NOT_EXPECTED = new Set(['paused', 'finished']);
const REPORTED_TO_CODE: Partial<Record<Activity['reportedStatus'], string>> = {
  paused: 'paused',
  finished: 'finished',
  planned: 'not_started',
};
/** One collator for every sort: `localeCompare(…, 'sv')` would build one per comparison. */
const byName = new Intl.Collator('sv');
const ORDER: Record<ExceptionReason['kind'], number> = {
  blocked: 0,
  at_risk: 1,
  needs_support: 2,
  changed: 3,
  overdue: 4,
};

/**
 * Composes a network's digest for one period — pure: the catalog, the network and what the
 * database said. Exceptions come first and are grouped per activity (one line, every reason).
 */
export function composeDigest(
  view: CatalogView,
  network: Network,
  period: { from: string; to: string; timeZone: string; kind: DigestMessage['kind'] },
  data: DigestData,
): DigestMessage {
  const vocabulary = view.vocabulary();
  const definition = new Map(vocabulary.map((s) => [s.code, s]));
  const areas = followedAreas(view, network);
  const activities = followedActivities(areas);
  const followed = new Set(activities.map((a) => a.id));
  const checkIns = data.checkIns.filter((c) => followed.has(c.activity_id) && definition.has(c.status_code));
  const latestInPeriod = new Map<string, CheckInRow>();
  for (const c of checkIns) latestInPeriod.set(c.activity_id, c);
  const statusNow = (a: Activity): StatusDefinition | undefined => {
    const code =
      latestInPeriod.get(a.id)?.status_code ?? data.before.get(a.id) ?? REPORTED_TO_CODE[a.reportedStatus];
    return code === undefined ? undefined : definition.get(code);
  };
  const owners = (a: Activity) => view.ownerNames(a);

  const reasons = new Map<string, ExceptionReason[]>();
  const add = (id: string, reason: ExceptionReason) => {
    const list = reasons.get(id) ?? [];
    if (!list.some((r) => r.kind === reason.kind)) list.push(reason);
    reasons.set(id, list);
  };
  let blocked = 0;
  let atRisk = 0;
  let expected = 0;
  let reported = 0;
  for (const a of activities) {
    const now = statusNow(a);
    const latest = latestInPeriod.get(a.id);
    if (!now || !NOT_EXPECTED.has(now.code)) {
      expected += 1;
      if (latest) reported += 1;
    }
    const exception = now?.active ? EXCEPTION_TONE[now.colour] : undefined;
    if (exception) {
      if (exception === 'blocked') blocked += 1;
      else atRisk += 1;
      const from = latest ?? undefined;
      add(a.id, {
        kind: exception,
        ...(from?.note ? { note: from.note } : {}),
        ...(from ? { author: from.author_name } : {}),
      });
    }
    const previous = data.before.get(a.id);
    if (latest && previous !== undefined && previous !== latest.status_code)
      add(a.id, { kind: 'changed', from: previous, to: latest.status_code });
  }
  // "Behöver stöd": the activity's latest check-in in the period asks for it.
  for (const c of latestInPeriod.values())
    if (c.needs_support === 1)
      add(c.activity_id, {
        kind: 'needs_support',
        author: c.author_name,
        ...(c.note ? { note: c.note } : {}),
      });
  const missing = new Set<string>();
  for (const o of data.overdue)
    if (followed.has(o.activityId) && !latestInPeriod.has(o.activityId) && !missing.has(o.activityId)) {
      missing.add(o.activityId);
      add(o.activityId, { kind: 'overdue', deadline: o.deadlineAt });
    }

  const byId = new Map(activities.map((a) => [a.id, a]));
  const exceptions: DigestException[] = [...reasons.entries()]
    .map(([id, list]) => {
      const a = byId.get(id) as Activity;
      const code = latestInPeriod.get(id)?.status_code ?? data.before.get(id);
      return {
        activityId: id,
        name: a.name,
        owners: owners(a),
        ...(code ? { statusCode: code } : {}),
        reasons: [...list].sort((x, y) => ORDER[x.kind] - ORDER[y.kind]),
      };
    })
    .sort(
      (x, y) =>
        ORDER[(x.reasons[0] as ExceptionReason).kind] - ORDER[(y.reasons[0] as ExceptionReason).kind] ||
        byName.compare(x.name, y.name),
    );

  return {
    type: 'digest',
    networkId: network.id,
    networkName: network.name,
    kind: period.kind,
    periodFrom: period.from,
    periodTo: period.to,
    timeZone: period.timeZone,
    statuses: vocabulary.map((s) => ({ code: s.code, label: s.label, labelEn: s.labelEn, tone: s.colour })),
    counts: { expected, reported, blocked, atRisk, missing: missing.size },
    exceptions,
    sections: areas.map((area) => section(area, checkIns, statusNow, latestInPeriod)),
    dueNextWeek: data.dueNextWeek,
  };
}

function section(
  area: FollowedArea,
  checkIns: readonly CheckInRow[],
  statusNow: (a: Activity) => StatusDefinition | undefined,
  latestInPeriod: ReadonlyMap<string, CheckInRow>,
): DigestSection {
  const ids = new Set(area.activities.map((a) => a.id));
  const names = new Map(area.activities.map((a) => [a.id, a.name]));
  const updates: DigestUpdate[] = checkIns
    .filter((c) => ids.has(c.activity_id))
    .map((c) => ({
      activityId: c.activity_id,
      name: names.get(c.activity_id) ?? c.activity_id,
      statusCode: c.status_code,
      author: c.author_name,
      at: c.created_at,
      note: c.note,
    }));
  // The roll-up: the weakest active status among the area's activities (src/catalog/status.ts).
  let worst: StatusDefinition | undefined;
  let expected = 0;
  let reported = 0;
  for (const a of area.activities) {
    const s = statusNow(a);
    if (s?.active && (!worst || s.severity > worst.severity)) worst = s;
    // The same rule as the header's "N av M aktiviteter har rapporterat".
    if (!s || !NOT_EXPECTED.has(s.code)) {
      expected += 1;
      if (latestInPeriod.has(a.id)) reported += 1;
    }
  }
  return {
    kind: area.kind,
    id: area.id,
    ...(area.number !== undefined ? { number: area.number } : {}),
    title: area.title,
    ...(area.followUp ? { followUp: true } : {}),
    ...(worst ? { rollUp: worst.code } : {}),
    activities: area.activities.length,
    expected,
    reported,
    updates,
  };
}
