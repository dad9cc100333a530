import { z } from 'zod';
import type { Address, SentMessageRef } from '../chat/inbound.js';
import { LOCALES } from '../i18n/i18n.js';

/** Zod schemas of the neutral delivery envelope (the message itself: see message-types.ts). */
const platform = z.enum(['slack', 'teams', 'local', 'email']);

export const localeSchema = z.enum(LOCALES);

export const addressSchema: z.ZodType<Address> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('conversation'),
    platform,
    workspaceId: z.string().min(1),
    conversationId: z.string().min(1),
    threadId: z.string().min(1).optional(),
    inReplyTo: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('person'), email: z.string().min(3), platform: platform.optional() }),
  z.object({
    kind: z.literal('private'),
    platform,
    workspaceId: z.string().min(1),
    conversationId: z.string().min(1),
    userId: z.string().min(1),
    handle: z.string().min(1).optional(),
    mode: z.enum(['new', 'replace', 'share']).optional(),
    shareCommand: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('home'),
    platform,
    workspaceId: z.string().min(1),
    userId: z.string().min(1),
  }),
]);

export const sentRefSchema: z.ZodType<SentMessageRef> = z.object({
  platform,
  workspaceId: z.string().min(1),
  conversationId: z.string().min(1),
  messageId: z.string().min(1),
});

export const laneSchema = z.enum(['interactive', 'bulk']);

/** Who an address is for, as an administrator reads it: an e-mail or a place, never content. */
export function recipientLabel(to: Address): string {
  switch (to.kind) {
    case 'person':
      return to.email.toLowerCase();
    case 'conversation':
      return `${to.platform}:${to.workspaceId}/${to.conversationId}`;
    case 'private':
      return `${to.platform}:${to.workspaceId}/${to.conversationId}/${to.userId}`;
    case 'home':
      return `${to.platform}:${to.workspaceId}/home/${to.userId}`;
  }
}
