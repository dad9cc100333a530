import { localeOfEmail, platformsOfEmail } from '../../db/chat-identities.repository.js';
import type { Db } from '../../db/connection.js';
import { emailOfKnownDm } from '../../db/known-dms.repository.js';
import type {
  ChatPort,
  DeliveryResult,
  PersonReach,
  RateBucket,
  UnreachableReason,
} from '../chat/chat-port.js';
import type { Address, Platform, ResolvedAddress, SentMessageRef } from '../chat/inbound.js';
import { isLocale, type Locale } from '../i18n/i18n.js';
import type { Deliverer, OutboxItem, SendTimeHooks } from './deliveries.js';
import { renderMessage } from './message-types.js';

/** How long before an item's creation `findSent` starts looking: replicas' clocks may differ by minutes. */
const LOOK_BACK_MS = 15 * 60_000;

/**
 * Why a send to a stored DM means the DM is gone for good (the person left, the app was removed,
 * they blocked it): then the DM's person may be reached another way. Not `rejected` — that is the
 * message, not the DM.
 */
const DM_GONE: ReadonlySet<UnreachableReason> = new Set([
  'not_in_workspace',
  'not_installed',
  'blocked',
  'not_found',
  'channel_archived',
]);

/**
 * The one `Deliverer` over every configured `ChatPort`: renders an item in the reader's language,
 * finds a person on the platform given, else where they have been seen, else on each port in turn,
 * and sends, or updates in place when the item replaces an earlier message. Neutral: it never
 * knows which platform it is talking to.
 */
export class PortDeliverer implements Deliverer {
  constructor(
    private readonly ports: ReadonlyMap<Platform, ChatPort>,
    private readonly deps: {
      readonly db: Db;
      readonly locale: Locale;
      readonly sendTime?: readonly SendTimeHooks[];
    },
  ) {}

  buckets(to: Address): readonly RateBucket[] {
    return to.platform ? (this.ports.get(to.platform)?.buckets(to) ?? []) : [];
  }

  async deliver(item: OutboxItem, signal: AbortSignal): Promise<DeliveryResult> {
    let message = item.message;
    let result: DeliveryResult;
    try {
      const locale = await this.localeOf(item);
      for (const hooks of this.deps.sendTime ?? []) if (hooks.prepare) message = await hooks.prepare(message);
      const reply = renderMessage(message, locale);
      const options = { locale, outboxId: item.id, signal, message };
      if (item.replaces) {
        const port = this.ports.get(item.replaces.platform);
        return port ? await port.update(item.replaces, reply, options) : noPort(item.replaces.platform);
      }
      let target = await this.reachable(item.to);
      // No chat DM for the person on the platform asked: a fallback port (e-mail) may take them.
      if (!target.ok && item.to.kind === 'person' && item.to.platform) {
        const fallback = await this.reachable(item.to, true);
        if (fallback.ok) target = fallback;
      }
      if (!target.ok) return target.result;
      result = await target.port.send(target.address, reply, options);
      // A DM that failed for good — looked up now, or stored — a fallback port (e-mail) takes the
      // person, if their reach says so: in this same item, so at most once per prompt.
      if (!result.ok && result.kind === 'unreachable' && !target.fallback) {
        const person = await this.personOf(item.to, result.reason);
        const fallback = person ? await this.reachable(person, true) : undefined;
        if (fallback?.ok) result = await fallback.port.send(fallback.address, reply, options);
      }
    } catch (error) {
      return { ok: false, kind: 'transient', error: error instanceof Error ? error.message : String(error) };
    }
    // Outside the try: the message is out, whatever the hook does.
    if (result.ok && result.sent)
      for (const hooks of this.deps.sendTime ?? []) await hooks.sent?.(item, message, result.sent);
    return result;
  }

  async findSent(item: OutboxItem, signal?: AbortSignal): Promise<SentMessageRef | null | undefined> {
    if (item.replaces) return undefined;
    const target = await this.reachable(item.to);
    if (!target.ok || !target.port.findSent) return undefined;
    const since = item.createdAt ? new Date(Date.parse(item.createdAt) - LOOK_BACK_MS) : undefined;
    return target.port.findSent(target.address, item.id, since, signal);
  }

  /**
   * Where `to` can be reached, and through which port; or why it cannot. The one place a person
   * is resolved: ports only ever get resolved addresses.
   */
  private async reachable(
    to: Address,
    fallbackOnly = false,
  ): Promise<
    | { ok: true; port: ChatPort; address: ResolvedAddress; fallback?: boolean }
    | { ok: false; result: DeliveryResult & { ok: false } }
  > {
    if (to.kind !== 'person') {
      const port = this.ports.get(to.platform);
      return port ? { ok: true, port, address: to } : { ok: false, result: noPort(to.platform) };
    }
    const seen = (await platformsOfEmail(this.deps.db.kysely, to.email)) as Platform[];
    let candidates = to.platform
      ? [to.platform]
      : [
          ...seen.filter((p) => this.ports.has(p)),
          ...[...this.ports.keys()].filter((p) => !seen.includes(p)),
        ];
    const ways = new Map<Platform, PersonReach>();
    // After a DM failed for good, every fallback port may take the person, whatever platform was asked.
    if (fallbackOnly) candidates = [...this.ports.keys()];
    for (const platform of candidates) {
      const port = this.ports.get(platform);
      if (port?.reachOf && (!to.platform || fallbackOnly)) ways.set(platform, await port.reachOf(to.email));
    }
    const first = candidates.filter((p) => ways.get(p) === 'first');
    const fallbacks = candidates.filter((p) => ways.get(p) === 'fallback');
    const ordered = fallbackOnly
      ? fallbacks
      : first.length > 0
        ? first
        : [...candidates.filter((p) => !ways.has(p)), ...fallbacks];
    const reasons: UnreachableReason[] = [];
    for (const platform of ordered) {
      const port = this.ports.get(platform);
      if (!port) continue;
      const resolved = await port.resolvePerson(to.email);
      if (resolved.ok)
        return { ok: true, port, address: resolved.address, fallback: ways.get(platform) === 'fallback' };
      reasons.push(resolved.reason);
    }
    const reason = reasons[0] ?? 'not_installed';
    return {
      ok: false,
      result: {
        ok: false,
        kind: 'unreachable',
        reason,
        error: `${to.email}: ${reasons.join(', ') || reason}`,
      },
    };
  }

  /** The person behind `to` when a send to it failed for `reason`: an address of one, or their stored DM. */
  private async personOf(
    to: Address,
    reason: UnreachableReason,
  ): Promise<(Address & { kind: 'person' }) | undefined> {
    if (to.kind === 'person') return to;
    if (to.kind !== 'conversation' || to.threadId || !DM_GONE.has(reason)) return undefined;
    const email = await emailOfKnownDm(this.deps.db.kysely, to);
    return email ? { kind: 'person', email } : undefined;
  }

  private async localeOf(item: OutboxItem): Promise<Locale> {
    if (item.locale) return item.locale;
    if (item.message.type === 'reply') return item.message.locale;
    if (item.to.kind === 'person') {
      const own = await localeOfEmail(this.deps.db.kysely, item.to.email);
      if (isLocale(own)) return own;
    }
    return this.deps.locale;
  }
}

function noPort(platform: Platform): DeliveryResult & { ok: false } {
  return { ok: false, kind: 'unreachable', reason: 'not_installed', error: `${platform} is not configured` };
}
