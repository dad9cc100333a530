import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { type AuditActor, appendAudit } from './audit-log.repository.js';
import type { Database } from './database.js';
import type { NetworkChannelTable } from './network-tables.js';

export type NetworkChannelRow = Selectable<NetworkChannelTable>;

/** A chat channel as the platform names it. */
export interface ChannelKey {
  readonly platform: string;
  readonly workspaceId: string;
  readonly conversationId: string;
}

export type BindResult =
  /** Bound; `replaced` is the network's earlier channel on the same platform, now unbound. */
  | { readonly ok: true; readonly replaced?: NetworkChannelRow; readonly already: boolean }
  /** The channel already serves another network. */
  | { readonly ok: false; readonly takenBy: string };

/** Every write to channels is a catalog change: caches on every replica reload (as after an import). */
async function bumpRevision(trx: Transaction<Database>, now: string): Promise<void> {
  const value = `${now}/${randomUUID()}`;
  await trx
    .insertInto('catalog_meta')
    .values({ key: 'revision', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * Binds a channel to a network in one transaction. A network has at most one channel per platform
 * (binding another Slack channel moves it); a channel serves one network (refused when taken).
 */
export async function bindChannel(
  db: Kysely<Database>,
  binding: ChannelKey & { networkId: string; name: string | null; boundBy: string | null },
  now: string,
  /** Who binds it, through which request: audited in the same transaction. */
  audit?: AuditActor,
): Promise<BindResult> {
  return db.transaction().execute(async (trx) => {
    const here = await channelRow(trx, binding);
    if (here && here.network_id !== binding.networkId) return { ok: false, takenBy: here.network_id };
    if (here) return { ok: true, already: true };
    const before = await trx
      .selectFrom('network_channels')
      .selectAll()
      .where('network_id', '=', binding.networkId)
      .where('platform', '=', binding.platform)
      .executeTakeFirst();
    await trx
      .deleteFrom('network_channels')
      .where('network_id', '=', binding.networkId)
      .where('platform', '=', binding.platform)
      .execute();
    await trx
      .insertInto('network_channels')
      .values({
        network_id: binding.networkId,
        platform: binding.platform,
        workspace_id: binding.workspaceId,
        conversation_id: binding.conversationId,
        conversation_name: binding.name,
        bound_by: binding.boundBy,
        bound_at: now,
        position: binding.platform === 'slack' ? 0 : binding.platform === 'teams' ? 1 : 2,
      })
      .execute();
    await bumpRevision(trx, now);
    if (audit)
      await appendAudit(
        trx,
        audit,
        { action: 'network.bind', subjectKind: 'network', subjectId: binding.networkId, fields: ['channel'] },
        now,
      );
    return before ? { ok: true, replaced: before, already: false } : { ok: true, already: false };
  });
}

/** Unbinds the channel; the network it served, or undefined when it served none. */
export async function unbindChannel(
  db: Kysely<Database>,
  channel: ChannelKey,
  now: string,
  /** Who unbinds it, through which request: audited in the same transaction. */
  audit?: AuditActor,
): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const here = await channelRow(trx, channel);
    if (!here) return undefined;
    await trx
      .deleteFrom('network_channels')
      .where('network_id', '=', here.network_id)
      .where('platform', '=', here.platform)
      .execute();
    await bumpRevision(trx, now);
    if (audit)
      await appendAudit(
        trx,
        audit,
        { action: 'network.unbind', subjectKind: 'network', subjectId: here.network_id, fields: ['channel'] },
        now,
      );
    return here.network_id;
  });
}

/** The binding of one channel, if it serves a network. */
export async function channelRow(
  db: Kysely<Database>,
  channel: ChannelKey,
): Promise<NetworkChannelRow | undefined> {
  return db
    .selectFrom('network_channels')
    .selectAll()
    .where('platform', '=', channel.platform)
    .where('workspace_id', '=', channel.workspaceId)
    .where('conversation_id', '=', channel.conversationId)
    .executeTakeFirst();
}

/** The channels one network is bound to (Slack first, then Teams, then the playground). */
export async function channelsOfNetwork(
  db: Kysely<Database>,
  networkId: string,
): Promise<NetworkChannelRow[]> {
  return db
    .selectFrom('network_channels')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('position')
    .execute();
}
