import type { ActivityLike } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import { z } from 'zod';
import type { AdapterDeps } from '../../src/asking/adapter-deps.js';
import { askerFor } from '../../src/asking/asker.js';
import { type ChatDeps, handleMessage } from '../../src/asking/handle-message.js';
import type { Reply } from '../../src/chat/reply.js';
import { translator } from '../../src/i18n/i18n.js';
import { type IdentityMemo, identityEmail } from '../../src/identity/identity-cache.js';
import { submittedForm } from './card-form.js';
import type { AdaptiveCardJson } from './card-types.js';
import type { ConversationReferences } from './conversation-references.js';
import { commandForHeading, pastedCardHeading } from './pasted-card.js';
import { EXECUTE_VERB, renderAdaptiveCard } from './render-card.js';
import { guardConversation, guardInvoke } from './teams-boundary.js';
import { registerDialogRefusal } from './teams-dialogs.js';
import { conversationOf, teamsInbound, teamsWhere } from './teams-inbound-message.js';
import { registerMessageExtension } from './teams-message-extension.js';

export type TeamsHandlerDeps = AdapterDeps;

// Where an activity comes from: enough to write back to its conversation later.
const reference = z.object({
  serviceUrl: z.url(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  from: z.object({ id: z.string().min(1), aadObjectId: z.string().optional(), name: z.string().optional() }),
  channelData: z
    .object({
      team: z.object({ id: z.string() }).optional(),
      channel: z.object({ id: z.string(), name: z.string().optional() }).optional(),
    })
    .optional(),
});

// What an inbound message carries that delmal uses; validated, never trusted blindly.
const inboundActivity = reference.extend({
  id: z.string().min(1),
  replyToId: z.string().min(1).optional(),
  text: z.string().optional(),
  // Action.Submit from one of delmal's cards: the command behind the button.
  value: z
    .object({ command: z.string().max(500) })
    .partial()
    .optional()
    .catch(undefined),
});

/**
 * Teams messages — personal chat, group chat and channel mentions (the SDK strips the mention) —
 * answered with the neutral reply through the outbox and the `TeamsPort` (an Adaptive Card to the
 * conversation's own service URL). Each activity is answered once by id, so a retried delivery
 * never answers twice; every conversation seen is remembered for messages delmal starts itself.
 */
export function registerTeamsHandlers(
  app: App,
  deps: TeamsHandlerDeps,
  conversations: ConversationReferences,
): void {
  // `activity` as it came, or already parsed as a reference (a message is parsed once).
  const remember = async (activity: unknown, parsedAlready?: z.infer<typeof reference>) => {
    const parsed = parsedAlready
      ? { success: true as const, data: parsedAlready }
      : reference.safeParse(activity);
    if (!parsed.success) return;
    const a = parsed.data;
    // Stored by the channel's id: a channel bound from a post in a reply chain is found by it.
    await conversations.remember({
      conversationId: conversationOf(a.conversation.id).conversationId,
      serviceUrl: a.serviceUrl,
      tenantId: a.conversation.tenantId,
      conversationType: a.conversation.conversationType ?? 'personal',
      userAadObjectId: a.conversation.conversationType === 'personal' ? a.from.aadObjectId : undefined,
      teamId: a.channelData?.team?.id,
    });
  };
  // Installed in a personal scope, a group chat or a team: remember where, for digests and prompts.
  // Remembering where delmal is installed is bookkeeping: a failure is logged, nobody is answered.
  app.on(
    'install.add',
    guardConversation(deps, 'install', async ({ activity }) => remember(activity), { answer: false }),
  );
  app.on(
    'conversationUpdate',
    guardConversation(
      deps,
      'conversationUpdate',
      async ({ activity }) => {
        const botId = activity.recipient?.id;
        if (activity.membersAdded?.some((m) => m.id === botId)) await remember(activity);
      },
      { answer: false },
    ),
  );
  registerMessageHandler(app, deps, remember);
  registerCardActions(app, deps);
  registerMessageExtension(app, deps);
  registerDialogRefusal(app, deps);
}

/** delmal's handler of a message activity (behind its error boundary), as the SDK calls it. */
type TeamsMessageHandler = (ctx: {
  readonly activity: unknown;
  send(activity: ActivityLike): Promise<unknown>;
}) => Promise<void>;

// A Universal Action from one of delmal's cards: the command behind the button.
const execute = z
  .object({
    value: z.object({
      action: z.object({
        verb: z.literal(EXECUTE_VERB),
        data: z.object({ command: z.string().min(1).max(500) }),
      }),
    }),
    serviceUrl: z.url(),
  })
  .and(teamsWhere);

/**
 * `Action.Execute` (invoke `adaptiveCard/action`): run the command and answer with the card that
 * replaces the one the button was on — a check-in confirms itself in place ("Tack! Registrerat …").
 */
function registerCardActions(app: App, deps: TeamsHandlerDeps): void {
  const chat: ChatDeps = { ...deps.chat, platform: 'teams' };
  app.on(
    'card.action',
    guardInvoke(
      deps,
      'card.action',
      async ({ activity }) => {
        const parsed = execute.safeParse(activity);
        const t = translator(deps.locale);
        if (!parsed.success) {
          const reply = {
            summary: t('error.unclear'),
            blocks: [{ type: 'text' as const, text: t('teams.unknownAction') }],
          };
          return cardResponse(renderAdaptiveCard(reply, t));
        }
        const a = parsed.data;
        const email = await rosterEmail(app, deps, a.serviceUrl, a.conversation, {
          id: a.from.id,
          aadObjectId: a.from.aadObjectId ?? undefined,
        });
        const { view } = await deps.chat.store.get();
        const asker = askerFor(view, email, deps.locale);
        const command = a.value.action.data.command;
        const inbound = teamsInbound(a, command, {
          email,
          cardCommand: command,
          // A form's Universal Action carries the card's inputs in its data, beside the command.
          form: submittedForm((activity as { value?: { action?: { data?: unknown } } }).value?.action?.data),
        });
        const reply = await handleMessage(chat, inbound, asker);
        return cardResponse(renderAdaptiveCard(reply, translator(asker.locale)));
      },
      (card) => cardResponse(card),
    ),
  );
}

function registerMessageHandler(
  app: App,
  deps: TeamsHandlerDeps,
  remember: (activity: unknown, parsed?: z.infer<typeof reference>) => Promise<void>,
): void {
  const chat: ChatDeps = { ...deps.chat, platform: 'teams' };
  const onMessage: TeamsMessageHandler = guardConversation(deps, 'message', async ({ activity }) => {
    const parsed = inboundActivity.safeParse(activity);
    if (!parsed.success) {
      deps.logger.warn(
        { issues: parsed.error.issues.length },
        'Teams message without the fields delmal needs; ignored',
      );
      return;
    }
    const message = parsed.data;
    await remember(activity, message);
    // A card pasted from the message extension: answered about what the card shows, never searched.
    const pasted =
      message.value?.command === undefined ? pastedCardHeading(activity, message.text ?? '') : undefined;
    const text = message.value?.command ?? (pasted ? commandForHeading(pasted) : (message.text ?? ''));
    // Teams does not put the e-mail in activities: the conversation roster has it (email or UPN).
    const email = await identityEmail(
      { ...deps, memo: memoOf(deps) },
      {
        platform: 'teams',
        tenantId: message.conversation.tenantId ?? '',
        userId: message.from.aadObjectId ?? message.from.id,
      },
      async () => {
        const member = await app.api
          .fromServiceUrl({ serviceUrl: message.serviceUrl })
          .conversations.getMemberById(message.conversation.id, message.from.id);
        return { email: member.email ?? member.userPrincipalName, displayName: member.name };
      },
    );
    const { view } = await deps.chat.store.get();
    const asker = askerFor(view, email, deps.locale);
    const inbound = teamsInbound(message, text, {
      email,
      ...(message.value?.command !== undefined ? { cardCommand: message.value.command } : {}),
      // A card form's inputs arrive beside the command (the schema above keeps only the command).
      form: submittedForm((activity as { value?: unknown }).value),
    });
    const reply =
      pasted === null
        ? textReply(translator(asker.locale)('teams.pastedCard'))
        : await handleMessage(chat, inbound, asker);
    // Answered once per activity however often the Bot Framework delivers it: the receipt and the
    // answer are written together, then the answer goes out at once, in reply to the message.
    await deps.deliveries.sendNowOnce(`teams:activity:${message.conversation.id}:${message.id}`, {
      lane: 'interactive',
      to: inbound.replyTo,
      message: { type: 'reply', reply, locale: asker.locale },
    });
  });
  app.on('message', onMessage);
}

// Identities remembered per running app (one set of deps), not per process: two apps in one
// process (tests, replicas in one runtime) each keep their own database in step.
const memos = new WeakMap<TeamsHandlerDeps, IdentityMemo>();
const memoOf = (deps: TeamsHandlerDeps): IdentityMemo => {
  let memo = memos.get(deps);
  if (!memo) {
    memo = new Map();
    memos.set(deps, memo);
  }
  return memo;
};

/** Teams does not put the e-mail in activities: the conversation roster has it (email or UPN). */
function rosterEmail(
  app: App,
  deps: TeamsHandlerDeps,
  serviceUrl: string,
  conversation: { id: string; tenantId?: string | undefined },
  from: { id: string; aadObjectId?: string | undefined },
): Promise<string | undefined> {
  return identityEmail(
    { ...deps, memo: memoOf(deps) },
    { platform: 'teams', tenantId: conversation.tenantId ?? '', userId: from.aadObjectId ?? from.id },
    async () => {
      const member = await app.api
        .fromServiceUrl({ serviceUrl })
        .conversations.getMemberById(conversation.id, from.id);
      return { email: member.email ?? member.userPrincipalName, displayName: member.name };
    },
  );
}

/**
 * The invoke response that replaces a card. Our cards write `msteams.width: "Full"` as Teams
 * documents it; the SDK's type spells it in lower case, hence the cast.
 */
function cardResponse(card: AdaptiveCardJson) {
  return {
    statusCode: 200 as const,
    type: 'application/vnd.microsoft.card.adaptive' as const,
    value: card as never,
  };
}

function textReply(text: string): Reply {
  return { summary: text, blocks: [{ type: 'text', text }] };
}
