import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { InboundMessage } from '../../src/chat/inbound.js';
import { toInbound } from '../../src/chat/inbound-schema.js';

// The parts of any activity that say where it was written and by whom; validated at the edge.
export const teamsWhere = z.object({
  id: z.string().min(1).optional(),
  replyToId: z.string().min(1).optional(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    name: z.string().optional(),
  }),
  from: z.object({
    id: z.string().min(1),
    aadObjectId: z.string().nullish(),
    name: z.string().nullish(),
  }),
  channelData: z
    .object({ channel: z.object({ id: z.string(), name: z.string().optional() }).optional() })
    .optional()
    .catch(undefined),
});
export type TeamsWhere = z.infer<typeof teamsWhere>;

/**
 * A Teams conversation id without its reply chain: a channel post arrives in
 * `19:…@thread.tacv2;messageid=<root>`, the channel itself is `19:…@thread.tacv2`. Conversations
 * are stored, bound and looked up by this id; a reply into a thread still posts to the full id.
 */
export function conversationOf(id: string): { readonly conversationId: string; readonly thread?: string } {
  const [conversationId = id, thread] = id.split(';messageid=');
  return thread ? { conversationId, thread } : { conversationId };
}

const KIND = { personal: 'dm', groupChat: 'group', channel: 'channel' } as const;

/**
 * The neutral message for a Teams activity. `messageId` is the activity id, except for a card
 * button: there it is the card's own activity (`replyToId`) plus the button's command, so the
 * same button pressed twice — two activities — is the same submission.
 */
export function teamsInbound(
  activity: TeamsWhere,
  text: string,
  options: {
    email?: string | undefined;
    cardCommand?: string;
    /** The values of the card form submitted with the button. */
    form?: Readonly<Record<string, string>> | undefined;
  } = {},
): InboundMessage {
  const { conversation, from } = activity;
  const tenantId = conversation.tenantId ?? 'unknown-tenant';
  const kind = KIND[conversation.conversationType as keyof typeof KIND] ?? 'dm';
  // A channel conversation id carries the reply chain after `;messageid=`: that is the thread.
  const { conversationId, thread } = conversationOf(conversation.id);
  // With a form, what was written is part of the submission: other text is another submission.
  const written = options.form
    ? `:${createHash('sha256').update(JSON.stringify(options.form)).digest('hex').slice(0, 16)}`
    : '';
  const messageId =
    options.cardCommand !== undefined && activity.replyToId
      ? `card:${activity.replyToId}:${options.cardCommand}${written}`
      : (activity.id ?? `teams-${randomUUID()}`);
  const name = activity.channelData?.channel?.name ?? conversation.name;
  return toInbound({
    platform: 'teams',
    workspaceId: tenantId,
    conversation: {
      kind,
      id: conversationId,
      ...(name ? { name } : {}),
      ...(thread ? { threadId: thread } : {}),
    },
    messageId,
    text,
    ...(options.form ? { form: options.form } : {}),
    asker: {
      userId: from.aadObjectId ?? from.id,
      ...(options.email ? { email: options.email } : {}),
      ...(from.name ? { name: from.name } : {}),
    },
    // The answer goes into the same conversation (a channel thread included), linked to the message.
    replyTo: {
      kind: 'conversation',
      platform: 'teams',
      workspaceId: tenantId,
      conversationId: conversation.id,
      ...(activity.id ? { inReplyTo: activity.id } : {}),
    },
    ...(activity.replyToId
      ? {
          sourceMessage: {
            platform: 'teams',
            workspaceId: tenantId,
            conversationId: conversation.id,
            messageId: activity.replyToId,
          },
        }
      : {}),
  });
}
