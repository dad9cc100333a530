import { personIdByEmail } from '../../db/away.repository.js';
import type { Db } from '../../db/connection.js';
import type { Network } from '../../db/model/catalog-schema.js';
import {
  type BindResult,
  bindChannel,
  channelRow,
  unbindChannel,
} from '../../db/network-channels.repository.js';
import { lastDigest } from '../../db/network-digests.repository.js';
import { auditRequestId } from '../audit/request-id.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { InboundMessage } from '../chat/inbound.js';
import { submissionKey } from '../chat/inbound-schema.js';
import type { Clock } from '../clock.js';
import { buildDigest } from './build-digest.js';
import type { DigestMessage } from './digest-message.js';
import { DEFAULT_DIGEST } from './digest-schedule.js';

const WEEK_MS = 7 * 86_400_000;

/** Networks in chat, as commands use them: binding channels and previewing digests. */
export interface NetworkChannels {
  /** Binds the channel `inbound` was written in to the network; the asker is recorded. */
  bind(networkId: string, inbound: InboundMessage, email: string | undefined): Promise<BindResult>;
  /** Unbinds the channel `inbound` was written in (audited as `email`'s); the network it served, if any. */
  unbind(inbound: InboundMessage, email: string | undefined): Promise<string | undefined>;
  /** The network the channel `inbound` was written in is bound to, if any. */
  networkOf(inbound: InboundMessage): Promise<string | undefined>;
  /** The digest the network would get now: from its last digest (or a week back) until now. */
  preview(view: CatalogView, network: Network): Promise<DigestMessage>;
  /** The network's latest digest as sent (the preview when none has been sent yet): what "details" show. */
  latest(view: CatalogView, network: Network): Promise<DigestMessage>;
}

const keyOf = (inbound: InboundMessage) => ({
  platform: inbound.platform,
  workspaceId: inbound.workspaceId,
  conversationId: inbound.conversation.id,
});

/** Who changes a binding, for the audit log: the person (by id) and the request. */
const auditActor = (inbound: InboundMessage, personId: string | null) => ({
  kind: 'person' as const,
  id: personId,
  platform: inbound.platform,
  requestId: auditRequestId(submissionKey(inbound)),
});

/** Networks and channels stored in delmal's database. */
export function databaseNetworks(db: Db, clock: Clock): NetworkChannels {
  return {
    bind: async (networkId, inbound, email) => {
      const personId = email ? ((await personIdByEmail(db.kysely, email)) ?? null) : null;
      return bindChannel(
        db.kysely,
        { networkId, ...keyOf(inbound), name: inbound.conversation.name ?? null, boundBy: personId },
        clock.now().toISOString(),
        auditActor(inbound, personId),
      );
    },
    unbind: async (inbound, email) => {
      const personId = email ? ((await personIdByEmail(db.kysely, email)) ?? null) : null;
      return unbindChannel(
        db.kysely,
        keyOf(inbound),
        clock.now().toISOString(),
        auditActor(inbound, personId),
      );
    },
    networkOf: async (inbound) => (await channelRow(db.kysely, keyOf(inbound)))?.network_id,
    preview: async (view, network) => {
      const now = clock.now();
      const previous = await lastDigest(db.kysely, network.id);
      return buildDigest(db.kysely, view, network, {
        from: previous?.period_to ?? new Date(now.getTime() - WEEK_MS).toISOString(),
        to: now.toISOString(),
        timeZone: network.digest?.timeZone ?? DEFAULT_DIGEST.timeZone,
        kind: 'preview',
      });
    },
    latest: async (view, network) => {
      const previous = await lastDigest(db.kysely, network.id);
      const now = clock.now();
      return buildDigest(db.kysely, view, network, {
        from: previous?.period_from ?? new Date(now.getTime() - WEEK_MS).toISOString(),
        to: previous?.period_to ?? now.toISOString(),
        timeZone: network.digest?.timeZone ?? DEFAULT_DIGEST.timeZone,
        kind: previous ? 'weekly' : 'preview',
      });
    },
  };
}
