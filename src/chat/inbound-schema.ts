import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LOCALES } from '../i18n/i18n.js';
import type { InboundMessage } from './inbound.js';

const platform = z.enum(['slack', 'teams', 'local']);
const id = z.string().min(1).max(500);

const address = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('conversation'),
    platform,
    workspaceId: id,
    conversationId: id,
    threadId: id.optional(),
    inReplyTo: id.optional(),
  }),
  z.object({ kind: z.literal('person'), email: z.email(), platform: platform.optional() }),
  z.object({
    kind: z.literal('private'),
    platform,
    workspaceId: id,
    conversationId: id,
    userId: id,
    handle: z.string().min(1).max(2000).optional(),
    mode: z.enum(['new', 'replace', 'share']).optional(),
    shareCommand: z.string().min(1).max(2000).optional(),
  }),
  z.object({ kind: z.literal('home'), platform, workspaceId: id, userId: id }),
]);

/**
 * An `InboundMessage` as adapters must build it. Adapters parse with it what they assembled from a
 * platform payload, so a payload lacking an id the core relies on is refused at the edge, not deep
 * inside a command.
 */
const inboundMessage = z.object({
  platform,
  workspaceId: id,
  conversation: z.object({
    kind: z.enum(['dm', 'channel', 'group']),
    id,
    name: z.string().max(500).optional(),
    threadId: id.optional(),
  }),
  messageId: id,
  // Bounded by the routes' body limits; an over-long message is answered politely by handleMessage, not refused here.
  text: z.string().max(1_000_000),
  // Field names are the core's own (note, nextStep …); values are bounded like message text.
  form: z.record(z.string().min(1).max(100), z.string().max(100_000)).optional(),
  asker: z.object({
    userId: id,
    email: z.string().trim().toLowerCase().pipe(z.email()).optional().catch(undefined),
    name: z.string().max(500).optional(),
    locale: z.enum(LOCALES).optional(),
  }),
  replyTo: address,
  sourceMessage: z.object({ platform, workspaceId: id, conversationId: id, messageId: id }).optional(),
}) satisfies z.ZodType<InboundMessage>;

/** Validates what an adapter assembled; throws a zod error (the adapter's boundary answers it). */
export function toInbound(candidate: unknown): InboundMessage {
  return inboundMessage.parse(candidate) as InboundMessage;
}

/**
 * The idempotency key of whatever `inbound` submits: the platform, its workspace and the message
 * or interaction id, which the adapter derived from the platform's own ids (a Slack button on one
 * message, a modal's view id, a Teams card on one activity, a playground form token).
 */
export function submissionKey(inbound: InboundMessage): string {
  return `${inbound.platform}:${inbound.workspaceId}:${inbound.messageId}`;
}

/**
 * A message typed locally (the CLI's `ask`, tests): a DM in the `local` workspace. Each call is a
 * new message (fresh id), so nothing it submits is ever taken for a repeat.
 */
export function localInbound(
  text: string,
  asker: { readonly email?: string | undefined; readonly name?: string | undefined } = {},
  messageId: string = `local-${randomUUID()}`,
): InboundMessage {
  const userId = asker.email ?? 'anonymous';
  return {
    platform: 'local',
    workspaceId: 'local',
    conversation: { kind: 'dm', id: 'dm' },
    messageId,
    text,
    asker: {
      userId,
      ...(asker.email ? { email: asker.email } : {}),
      ...(asker.name ? { name: asker.name } : {}),
    },
    replyTo: { kind: 'private', platform: 'local', workspaceId: 'local', conversationId: 'dm', userId },
  };
}
