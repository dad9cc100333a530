import type { Db } from '../../db/connection.js';
import { addDays } from '../../db/model/local-date.js';
import { toLocal } from '../../db/model/zoned-time.js';
import { channelsOfNetwork } from '../../db/network-channels.repository.js';
import {
  claimDigest,
  digestSlotsSince,
  finishDigest,
  lastDigest,
} from '../../db/network-digests.repository.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Address, Platform } from '../chat/inbound.js';
import type { Deliveries } from '../delivery/deliveries.js';
import type { Logger } from '../logger.js';
import { pendingSlots } from '../schedule/due.js';
import { buildDigest, digestCalendar } from './build-digest.js';
import './digest-message-type.js';
import { digestSchedule } from './digest-schedule.js';

const WEEK_MS = 7 * 86_400_000;

export interface DigestJobDeps {
  readonly db: Db;
  /** The current catalog (the process's cached snapshot). */
  readonly catalog: () => Promise<CatalogView>;
  readonly deliveries: Pick<Deliveries, 'enqueue'>;
  readonly logger: Logger;
  /** This process, as recorded on the claims it wins. */
  readonly worker: string;
}

/** What one run did, for logs and tests. */
export interface DigestRun {
  readonly sent: readonly { networkId: string; slot: string; channels: number }[];
  readonly skipped: readonly { networkId: string; slot: string; reason: 'missed' | 'no_channel' }[];
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
      if (channels.length === 0) {
        // Recorded so the history says why, and the next digest still covers this week.
        if (await claimDigest(db, { ...claim, status: 'skipped', reason: 'no_channel' }, at))
          skipped.push({ networkId: network.id, slot: slot.slot, reason: 'no_channel' });
        continue;
      }
      if (!(await claimDigest(db, claim, at))) continue;
      const message = await buildDigest(db, view, network, {
        from: periodFrom,
        to: periodTo,
        timeZone: schedule.timeZone,
        kind: 'weekly',
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
          dedupeKey: `digest:${network.id}:${slot.slot}:${channel.platform}`,
        });
      }
      await finishDigest(db, network.id, slot.slot, deps.worker, channels.length, at);
      sent.push({ networkId: network.id, slot: slot.slot, channels: channels.length });
      deps.logger.info(
        { network: network.id, slot: slot.slot, channels: channels.length },
        'digest enqueued',
      );
    }
  }
  return { sent, skipped };
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
