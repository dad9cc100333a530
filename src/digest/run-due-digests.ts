import type { Db } from '../../db/connection.js';
import { addDays } from '../../db/model/local-date.js';
import { toLocal } from '../../db/model/zoned-time.js';
import { channelsOfNetwork } from '../../db/network-channels.repository.js';
import {
  abandonDigest,
  claimDigest,
  digestSlotsSince,
  finishDigest,
  lastDigest,
  reclaimStaleDigests,
} from '../../db/network-digests.repository.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Address, Platform } from '../chat/inbound.js';
import type { Deliveries } from '../delivery/deliveries.js';
import type { Logger } from '../logger.js';
import { DEFAULT_CATCH_UP_TOLERANCE_MS, pendingSlots } from '../schedule/due.js';
import { buildDigest, digestCalendar } from './build-digest.js';
import './digest-message-type.js';
import { digestSchedule } from './digest-schedule.js';

const WEEK_MS = 7 * 86_400_000;
/** How long a claimed digest may stay unfinished before another process takes it over. */
const DIGEST_LEASE_MS = 5 * 60_000;

export interface DigestJobDeps {
  readonly db: Db;
  /** The current catalog (the process's cached snapshot). */
  readonly catalog: () => Promise<CatalogView>;
  readonly deliveries: Pick<Deliveries, 'enqueue'>;
  readonly logger: Logger;
  /** This process, as recorded on the claims it wins. */
  readonly worker: string;
  /** How long a claim may stay unfinished before another process takes it over (default 5 min). */
  readonly leaseMs?: number;
  /** E-mail is configured: chairs who asked for it (`digestByEmail`) get the digest in their inbox. */
  readonly email?: boolean;
}

/** What one run did, for logs and tests. */
export interface DigestRun {
  /** Per digest sent: its channels, and `mails` when chairs get it by e-mail too. */
  readonly sent: readonly { networkId: string; slot: string; channels: number; mails?: number }[];
  readonly skipped: readonly { networkId: string; slot: string; reason: 'missed' | 'no_channel' }[];
  /** Slots another process claimed and never finished, taken over by this run (and sent). */
  readonly reclaimed?: readonly { networkId: string; slot: string }[];
}

/**
 * Sends every network digest that is due at `now`: per network its weekly slot (a holiday moves it
 * to the next workday), claimed in `network_digests` first so each slot goes out once across every
 * process and restart; then one bulk-lane delivery per bound channel (a dedupe key per channel, so
 * a retried run enqueues nothing twice). A slot missed by more than a day is recorded, not sent.
 */
export async function runDueDigests(deps: DigestJobDeps, now: Date): Promise<DigestRun> {
  const view = await deps.catalog();
  const db = deps.db.kysely;
  const at = now.toISOString();
  const sent: DigestRun['sent'][number][] = [];
  const skipped: DigestRun['skipped'][number][] = [];
  for (const network of view.catalog.networks) {
    const schedule = digestSchedule(network);
    if (!schedule.active) continue;
    const recorded = await digestSlotsSince(
      db,
      network.id,
      addDays(toLocal(now, schedule.timeZone).date, -40),
    );
    const pending = pendingSlots(schedule, now, digestCalendar(), recorded);
    for (const slot of pending.missed) {
      const iso = slot.at.toISOString();
      const claim = {
        networkId: network.id,
        slot: slot.slot,
        periodFrom: iso,
        periodTo: iso,
        worker: deps.worker,
      };
      if (await claimDigest(db, { ...claim, status: 'skipped', reason: 'missed' }, at))
        skipped.push({ networkId: network.id, slot: slot.slot, reason: 'missed' });
    }
    for (const slot of pending.due) {
      const periodTo = slot.at.toISOString();
      const previous = await lastDigest(db, network.id);
      const periodFrom = previous?.period_to ?? new Date(slot.at.getTime() - WEEK_MS).toISOString();
      const channels = await channelsOfNetwork(db, network.id);
      const claim = { networkId: network.id, slot: slot.slot, periodFrom, periodTo, worker: deps.worker };
      if (channels.length === 0 && mailReaders(deps, view, network).length === 0) {
        // Recorded so the history says why, and the next digest still covers this week.
        if (await claimDigest(db, { ...claim, status: 'skipped', reason: 'no_channel' }, at))
          skipped.push({ networkId: network.id, slot: slot.slot, reason: 'no_channel' });
        continue;
      }
      if (!(await claimDigest(db, claim, at))) continue;
      sent.push(await sendClaimed(deps, view, network, slot.slot, { periodFrom, periodTo }, at));
    }
  }
  const reclaimed = await reclaimStale(deps, view, now, sent, skipped);
  return { sent, skipped, ...(reclaimed.length > 0 ? { reclaimed } : {}) };
}

/**
 * Builds and enqueues one claimed digest to every channel of its network, then marks it sent. The
 * dedupe key per (network, slot, platform) makes a second enqueue of the same digest — after a
 * takeover of a claimant that crashed half-way — one delivery, not two.
 */
async function sendClaimed(
  deps: DigestJobDeps,
  view: CatalogView,
  network: CatalogView['catalog']['networks'][number],
  slot: string,
  period: { readonly periodFrom: string; readonly periodTo: string },
  at: string,
): Promise<DigestRun['sent'][number]> {
  const db = deps.db.kysely;
  const schedule = digestSchedule(network);
  const channels = await channelsOfNetwork(db, network.id);
  const message = await buildDigest(db, view, network, {
    from: period.periodFrom,
    to: period.periodTo,
    timeZone: schedule.timeZone,
    kind: 'weekly',
  });
  const mails = mailReaders(deps, view, network);
  for (const chair of mails)
    await deps.deliveries.enqueue({
      lane: 'bulk',
      // The chair asked for this by e-mail, whatever their reach: the inbox itself is the address.
      to: { kind: 'conversation', platform: 'email', workspaceId: 'email', conversationId: chair.email },
      message,
      dedupeKey: `digest:${network.id}:${slot}:email:${chair.email}`,
      ...(chair.locale ? { locale: chair.locale } : {}),
    });
  for (const channel of channels) {
    const to: Address = {
      kind: 'conversation',
      platform: channel.platform as Platform,
      workspaceId: channel.workspace_id,
      conversationId: channel.conversation_id,
    };
    await deps.deliveries.enqueue({
      lane: 'bulk',
      to,
      message,
      dedupeKey: `digest:${network.id}:${slot}:${channel.platform}`,
    });
  }
  await finishDigest(db, network.id, slot, deps.worker, channels.length, at);
  deps.logger.info(
    { network: network.id, slot, channels: channels.length, mails: mails.length },
    'digest enqueued',
  );
  return {
    networkId: network.id,
    slot,
    channels: channels.length,
    ...(mails.length > 0 ? { mails: mails.length } : {}),
  };
}

/** The network's chairs who asked for its digest by e-mail (`digestByEmail`), when e-mail is on. */
function mailReaders(
  deps: DigestJobDeps,
  view: CatalogView,
  network: CatalogView['catalog']['networks'][number],
): CatalogView['catalog']['people'] {
  if (!deps.email) return [];
  const chairs = new Set(network.chairs.map((c) => c.toLowerCase()));
  return view.catalog.people.filter((p) => p.digestByEmail && chairs.has(p.email.toLowerCase()));
}

/**
 * Digests claimed longer than the lease ago and never finished: their claimant died between claim
 * and enqueue. This process takes each over (exactly one process wins it) and sends it, unless it
 * is by now more than a day late — then it is recorded as missed and the next digest covers its
 * week.
 */
async function reclaimStale(
  deps: DigestJobDeps,
  view: CatalogView,
  now: Date,
  sent: DigestRun['sent'][number][],
  skipped: DigestRun['skipped'][number][],
): Promise<{ networkId: string; slot: string }[]> {
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - (deps.leaseMs ?? DIGEST_LEASE_MS)).toISOString();
  const taken = await reclaimStaleDigests(deps.db.kysely, deps.worker, staleBefore, at);
  const reclaimed: { networkId: string; slot: string }[] = [];
  for (const row of taken) {
    const network = view.catalog.networks.find((n) => n.id === row.network_id);
    const late = now.getTime() - Date.parse(row.period_to) > DEFAULT_CATCH_UP_TOLERANCE_MS;
    if (!network || late) {
      const reason = network ? 'missed' : 'no_network';
      if ((await abandonDigest(deps.db.kysely, row.network_id, row.slot, deps.worker, reason, at)) && network)
        skipped.push({ networkId: row.network_id, slot: row.slot, reason: 'missed' });
      continue;
    }
    deps.logger.warn({ network: row.network_id, slot: row.slot }, 'digest claim taken over after its lease');
    sent.push(
      await sendClaimed(
        deps,
        view,
        network,
        row.slot,
        { periodFrom: row.period_from, periodTo: row.period_to },
        at,
      ),
    );
    reclaimed.push({ networkId: row.network_id, slot: row.slot });
  }
  return reclaimed;
}

/** A job a per-minute ticker runs. */
export interface DigestJob {
  readonly name: string;
  run(now: Date): Promise<DigestRun>;
}

/** The digest run as a ticker job (`{ name, run(now) }`): call it every minute. */
export function digestJob(deps: DigestJobDeps): DigestJob {
  return {
    name: 'network-digests',
    run: (now) => runDueDigests(deps, now),
  };
}
