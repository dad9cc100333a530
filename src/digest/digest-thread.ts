import type { Platform, SentMessageRef } from '../chat/inbound.js';
import type { Deliveries, OutboxItem, SendTimeHooks } from '../delivery/deliveries.js';
import type { OutboxMessage } from '../delivery/outbox-message.js';
import { translator } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import './digest-message-type.js';
import { renderDigest } from './render-digest.js';

/**
 * A weekly digest's details in its thread, on the platforms that cannot expand text inline
 * (Slack): once the digest is posted — its `sent_ref` is the thread — the details (every exception
 * and update) are enqueued as a reply in that thread, keyed by the digest's outbox item, so a
 * digest gets its details once however often this runs. The digest itself says they are in the
 * thread and names the command that shows them anyway (should the process stop between the two).
 * Teams keeps its expandable show-card; the playground its <details>.
 */
export function digestThreads(deps: {
  readonly deliveries: () => Pick<Deliveries, 'enqueue'> | undefined;
  /** Where the details go in a thread (the platforms whose renderer shows the thread pointer). */
  readonly platforms: ReadonlySet<Platform>;
  readonly logger: Logger;
}): SendTimeHooks {
  return {
    sent: async (item: OutboxItem, rendered: OutboxMessage, ref: SentMessageRef) => {
      const deliveries = deps.deliveries();
      if (rendered.type !== 'digest' || rendered.kind !== 'weekly' || item.replaces || !deliveries) return;
      if (!deps.platforms.has(ref.platform) || !hasThreadedDetails(rendered)) return;
      try {
        await deliveries.enqueue({
          lane: 'bulk',
          to: {
            kind: 'conversation',
            platform: ref.platform,
            workspaceId: ref.workspaceId,
            conversationId: ref.conversationId,
            threadId: ref.messageId,
          },
          message: { ...rendered, type: 'digest-details' },
          dedupeKey: `digest-details:${item.id}`,
          ...(item.locale ? { locale: item.locale } : {}),
        });
      } catch (error) {
        // The digest is out; its pointer names the command that shows the details.
        deps.logger.warn({ err: error, id: item.id }, 'digest details not queued for its thread');
      }
    },
  };
}

/** True when the digest points to a thread for its details (a busy week, or many exceptions). */
function hasThreadedDetails(message: OutboxMessage & { type: 'digest' }): boolean {
  return renderDigest(message, translator('sv'), 'sv').blocks.some((b) => b.type === 'more' && b.thread);
}
