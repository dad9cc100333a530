import type { Kysely } from 'kysely';
import { insertPrompts, outboxIdsByDedupeKey, type PromptRow } from '../../db/check-in-rounds.repository.js';
import type { Database } from '../../db/database.js';
import { knownDms } from '../../db/known-dms.repository.js';
import { emailOnlyPeople } from '../../db/person-reach.repository.js';
import type { Address, Platform } from '../chat/inbound.js';
import type { NewDelivery } from '../delivery/outbox-message.js';
import type { PromptCatalog } from './prompt-data.js';
// Prompts are sent and refreshed as the outbox's `checkin-prompt` kind: registered before use.
import './prompt-message-type.js';
import type { CheckInPromptMessage, PromptActivity } from './prompt-message.js';
import { splitPrompt } from './prompt-parts.js';

/** Where prompts go: the deliveries' (the outbox's) bulk enqueue, `Outbox.enqueueMany`. */
export interface BulkDeliveries {
  enqueueMany(deliveries: readonly NewDelivery[]): Promise<string[]>;
}

/** One DM to send: a prompt, the reminder, or a catch-up. */
export interface PromptToSend {
  readonly roundId: string;
  readonly kind: CheckInPromptMessage['kind'];
  readonly email: string;
  /** people.id (the e-mail when the catalog has no such person). */
  readonly personId: string;
  readonly activityIds: readonly string[];
  /** The last local day to answer in time. */
  readonly deadline: string;
  /** Distinguishes catch-ups (one per absence); prompts and reminders are once per round. */
  readonly key?: string;
}

/** How many prompts to enqueue per statement batch (and per progress report). */
const BATCH = 500;

/** The dedupe key that makes a prompt one outbox item however often it is enqueued. */
function promptDedupeKey(p: Pick<PromptToSend, 'roundId' | 'kind' | 'email' | 'key'>): string {
  return `checkin:${p.kind}:${p.key ?? p.roundId}:${p.email}`;
}

/**
 * The dedupe key of one part of a prompt split over several messages: part 1 keeps the prompt's
 * own key (the one `check_in_prompts.outbox_item_id` points at), part n ≥ 2 adds `:part<n>`, so
 * every part is one item however often the round is resumed, and the parts are found from part 1.
 */
export function partDedupeKey(promptKey: string, index: number): string {
  return index <= 1 ? promptKey : `${promptKey}:part${index}`;
}

export interface SendOptions {
  /**
   * The platforms this deployment talks to. Given, an owner with a stored DM on one of them is
   * addressed there directly, so the outbox knows the rate limits the send draws on (a channel,
   * a tenant) before sending, and the send looks nobody up. Otherwise (or without a stored DM)
   * the prompt is addressed to the person and resolved when sent.
   */
  readonly platforms?: ReadonlySet<Platform>;
  readonly progress?: (done: number) => void;
}

/**
 * Enqueues prompts on the bulk lane and records each in `check_in_prompts` with its outbox item.
 * Idempotent, which is what makes a round resumable after a crash: the outbox's dedupe key keeps a
 * prompt enqueued twice to one item (one message), and the prompt row is added only if missing.
 * Activities the catalog no longer knows are left out; a prompt left with none is not sent.
 */
export async function sendPrompts(
  db: Kysely<Database>,
  deliveries: BulkDeliveries,
  catalog: PromptCatalog,
  prompts: readonly PromptToSend[],
  now: string,
  options: SendOptions = {},
): Promise<number> {
  let sent = 0;
  for (let i = 0; i < prompts.length; i += BATCH) {
    const batch: { prompt: PromptToSend; delivery: NewDelivery; key: string }[] = [];
    const slice = prompts.slice(i, i + BATCH);
    // Owners reached by e-mail only are addressed there: the outbox knows the relay's rate bucket.
    const emailOnly = options.platforms?.has('email')
      ? await emailOnlyPeople(
          db,
          slice.map((p) => p.email),
        )
      : new Set<string>();
    const dms = options.platforms
      ? await knownDms(
          db,
          slice.map((p) => p.email),
        )
      : new Map();
    for (const prompt of slice) {
      const activities = prompt.activityIds
        .map((id) => catalog.activity(id))
        .filter((a): a is PromptActivity => a !== undefined);
      if (activities.length === 0) continue;
      const message: CheckInPromptMessage = {
        type: 'checkin-prompt',
        kind: prompt.kind,
        roundId: prompt.roundId,
        deadline: prompt.deadline,
        activities,
        reader: prompt.personId,
      };
      const key = promptDedupeKey(prompt);
      const to: Address = emailOnly.has(prompt.email.toLowerCase())
        ? { kind: 'person', email: prompt.email, platform: 'email' }
        : addressOf(prompt.email, dms, options.platforms);
      // An owner with many activities gets the prompt in parts, each its own message and item.
      for (const part of splitPrompt(message))
        batch.push({
          prompt,
          key,
          delivery: { lane: 'bulk', to, message: part, dedupeKey: partDedupeKey(key, part.part?.index ?? 1) },
        });
    }
    await deliveries.enqueueMany(batch.map((b) => b.delivery));
    const ids = await outboxIdsByDedupeKey(db, [...new Set(batch.map((b) => b.key))]);
    // One row per prompt (its first part's item); the other parts are found by their keys.
    const firsts = batch.filter((b) => b.delivery.dedupeKey === b.key);
    const rows: PromptRow[] = firsts.map(({ prompt, key }) => ({
      id: `${prompt.kind}:${prompt.key ?? prompt.roundId}:${prompt.personId}`,
      round_id: prompt.roundId,
      person_id: prompt.personId,
      kind: prompt.kind,
      activity_ids: JSON.stringify(prompt.activityIds),
      outbox_item_id: ids.get(key) ?? null,
      unreachable_reason: null,
      created_at: now,
    }));
    await insertPrompts(db, rows);
    sent += rows.length;
    options.progress?.(Math.min(prompts.length, i + BATCH));
    // Let the outbox worker (same process) claim and start sending this batch while the next is
    // built: with SQLite's synchronous driver a whole round would otherwise finish first.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sent;
}

function addressOf(
  email: string,
  dms: ReadonlyMap<string, readonly { platform: string; workspaceId: string; conversationId: string }[]>,
  platforms: ReadonlySet<Platform> | undefined,
): Address {
  const dm = dms.get(email)?.find((d) => platforms?.has(d.platform as Platform));
  return dm
    ? {
        kind: 'conversation',
        platform: dm.platform as Platform,
        workspaceId: dm.workspaceId,
        conversationId: dm.conversationId,
      }
    : { kind: 'person', email };
}
