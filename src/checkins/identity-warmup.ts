import { platformsOfEmail } from '../../db/chat-identities.repository.js';
import type { Db } from '../../db/connection.js';
import { emailsWithKnownDm } from '../../db/known-dms.repository.js';
import type { Catalog } from '../../db/model/catalog-schema.js';
import type { ChatPort, RateBucket, UnreachableReason } from '../chat/chat-port.js';
import type { Platform } from '../chat/inbound.js';
import { RateGate } from '../delivery/rate-gate.js';
import type { Logger } from '../logger.js';
import type { SwedishCalendar } from '../schedule/calendar.js';
import { activitiesBySchedule } from '../schedule/effective-schedule.js';
import { dueSlots } from '../schedule/slots.js';

/**
 * How many people may be looked up per minute, across every process: Slack's `users.lookupByEmail`
 * and `conversations.open` are Tier 3 (about 50 a minute each); 40 leaves room for the look-ups
 * that chat traffic itself needs.
 */
const LOOKUPS_PER_MINUTE: RateBucket = { key: 'identity:warmup', limit: 40, perMs: 60_000 };
/** A person who could not be reached is tried again after this long (installed the app, joined the workspace). */
const RETRY_UNREACHABLE_MS = 6 * 60 * 60 * 1000;
/** A person resolved in a way the database does not show (the playground) is not resolved again before this. */
const TRUST_RESOLVED_MS = 24 * 60 * 60 * 1000;
/** How far ahead owners are warmed up: every owner of a round in the next 60 days, soonest first. */
const HORIZON_MS = 60 * 86_400_000;

export interface WarmupDeps {
  readonly db: Db;
  readonly ports: ReadonlyMap<Platform, ChatPort>;
  readonly logger: Logger;
  readonly calendar: SwedishCalendar;
  readonly catalog: () => Promise<Catalog>;
  readonly bucket?: RateBucket;
}

/** What one warm-up pass did. */
export interface WarmupResult {
  readonly resolved: number;
  readonly unreachable: { readonly email: string; readonly reasons: readonly UnreachableReason[] }[];
  /** Owners still to look up after this pass. */
  readonly pending: number;
}

/**
 * Keeps owners' DMs resolved AHEAD of their rounds, so a round only posts: looking people up is
 * rate-limited far harder than posting (Tier 3, ~50/min, against ~1 message per second per DM),
 * and 5,000 look-ups inside a round would take two hours. Each minute it resolves the next few
 * owners who have no stored DM yet — those of the soonest round first — through the same ports the
 * outbox sends with (which store what they learn: Slack's DM channel, the Teams 1:1 chat), drawing
 * on a shared rate bucket so several processes together stay under the limit. Owners who cannot
 * be reached are logged with the reason and retried after a few hours; their prompt then fails in
 * the outbox with that reason, which admins see.
 */
export class IdentityWarmup {
  private readonly gate: RateGate;
  private readonly bucket: RateBucket;
  private readonly retryAt = new Map<string, number>();

  constructor(private readonly deps: WarmupDeps) {
    this.gate = new RateGate(deps.db, 0);
    this.bucket = deps.bucket ?? LOOKUPS_PER_MINUTE;
  }

  async run(now: Date): Promise<WarmupResult> {
    const owners = this.ownersBySoonestRound(await this.deps.catalog(), now);
    const known = await emailsWithKnownDm(this.deps.db.kysely, owners);
    const nowMs = now.getTime();
    const todo = owners.filter((email) => !known.has(email) && (this.retryAt.get(email) ?? 0) <= nowMs);
    if (todo.length === 0) return { resolved: 0, unreachable: [], pending: 0 };
    const admitted = await this.gate.admit(
      todo.map((email) => ({ email, buckets: [this.bucket] })),
      nowMs * 1000,
      this.bucket.limit,
    );
    let resolved = 0;
    const unreachable: WarmupResult['unreachable'][number][] = [];
    for (const { email } of admitted) {
      const reasons = await this.resolve(email);
      if (reasons === 'retry') continue;
      if (reasons.length === 0) {
        resolved++;
        this.retryAt.set(email, nowMs + TRUST_RESOLVED_MS);
      } else {
        unreachable.push({ email, reasons });
        this.retryAt.set(email, nowMs + RETRY_UNREACHABLE_MS);
      }
    }
    if (unreachable.length > 0)
      this.deps.logger.warn(
        { unreachable: unreachable.map((u) => `${u.email}: ${u.reasons.join(', ')}`) },
        'identity warm-up: owners who cannot be reached (their prompts will fail with this reason)',
      );
    return { resolved, unreachable, pending: todo.length - admitted.length };
  }

  /** Resolves one person on the platforms they were seen on first; the reasons it failed, empty when it worked. */
  private async resolve(email: string): Promise<UnreachableReason[] | 'retry'> {
    const seen = (await platformsOfEmail(this.deps.db.kysely, email)) as Platform[];
    const order = [
      ...seen.filter((p) => this.deps.ports.has(p)),
      ...[...this.deps.ports.keys()].filter((p) => !seen.includes(p)),
    ];
    const reasons: UnreachableReason[] = [];
    for (const platform of order) {
      const port = this.deps.ports.get(platform);
      if (!port) continue;
      try {
        const result = await port.resolvePerson(email);
        if (result.ok) return [];
        reasons.push(result.reason);
      } catch (error) {
        // A platform error (rate limit, outage) is not an answer about the person: try next minute.
        this.deps.logger.warn({ err: error, platform }, 'identity warm-up: look-up failed; retried later');
        return 'retry';
      }
    }
    return reasons.length > 0 ? reasons : ['not_installed'];
  }

  /** Every owner of an activity with a round in the horizon, the soonest round's owners first. */
  private ownersBySoonestRound(catalog: Catalog, now: Date): string[] {
    const soonest = new Map<string, number>();
    const until = new Date(now.getTime() + HORIZON_MS);
    for (const [schedule, activities] of activitiesBySchedule(catalog)) {
      const next = dueSlots(schedule, now, until, this.deps.calendar).find((s) => !s.skipped);
      if (!next) continue;
      for (const a of activities)
        for (const email of a.owners)
          soonest.set(email, Math.min(soonest.get(email) ?? Number.POSITIVE_INFINITY, next.at.getTime()));
    }
    return [...soonest].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([email]) => email);
  }
}
