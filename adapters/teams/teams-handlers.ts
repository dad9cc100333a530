import type { App } from '@microsoft/teams.apps';
import { z } from 'zod';
import { claimReceipt } from '../../db/receipts.repository.js';
import { saveTeamsConversation } from '../../db/teams-conversations.repository.js';
import type { AdapterDeps } from '../../src/chat/adapter-deps.js';
import { askerFor } from '../../src/chat/asker.js';
import { type ChatDeps, handleMessage } from '../../src/chat/handle-message.js';
import type { Reply } from '../../src/chat/reply.js';
import { translator } from '../../src/i18n/i18n.js';
import { type IdentityMemo, identityEmail } from '../../src/identity/identity-cache.js';
import type { AdaptiveCardJson } from './card-types.js';
import { EXECUTE_VERB, renderAdaptiveCard } from './render-card.js';
import { registerMessageExtension } from './teams-message-extension.js';
import { TEAMS_ACTIVITY } from './teams-senders.js';

export type TeamsHandlerDeps = AdapterDeps;

/** The handlers' own state, one per app: identities remembered for a few minutes. */
type HandlerDeps = TeamsHandlerDeps & { readonly memo: IdentityMemo };

// Where an activity comes from: enough to write back to its conversation later.
const reference = z.object({
  serviceUrl: z.url(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  from: z.object({ id: z.string(), aadObjectId: z.string().optional() }),
  channelData: z.object({ team: z.object({ id: z.string() }).optional() }).optional(),
});

// What an inbound message carries that delmal uses; validated, never trusted blindly.
const inbound = reference.extend({
  id: z.string().min(1),
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
 * answered with the Adaptive Card rendered from the neutral reply, through the outbox to the
 * conversation's own service URL. Each activity is claimed once by id, so a retried delivery never
 * answers twice; every conversation seen is remembered for proactive messages.
 */
export function registerTeamsHandlers(app: App, deps: TeamsHandlerDeps): void {
  // Conversations already stored with this serviceUrl: a busy chat does not rewrite its row per message.
  const known = new Map<string, string>();
  const remember = async (activity: unknown) => {
    const parsed = reference.safeParse(activity);
    if (!parsed.success) return;
    const a = parsed.data;
    if (known.get(a.conversation.id) === a.serviceUrl) return;
    await saveTeamsConversation(
      deps.db.kysely,
      {
        conversationId: a.conversation.id,
        serviceUrl: a.serviceUrl,
        tenantId: a.conversation.tenantId,
        conversationType: a.conversation.conversationType ?? 'personal',
        userAadObjectId: a.conversation.conversationType === 'personal' ? a.from.aadObjectId : undefined,
        teamId: a.channelData?.team?.id,
      },
      deps.clock.now().toISOString(),
    );
    known.set(a.conversation.id, a.serviceUrl);
    if (known.size > 10_000) known.delete(known.keys().next().value as string);
  };
  // Installed in a personal scope, a group chat or a team: remember where, for digests and prompts.
  app.on('install.add', async ({ activity }) => remember(activity));
  app.on('conversationUpdate', async ({ activity }) => {
    const botId = activity.recipient?.id;
    if (activity.membersAdded?.some((m) => m.id === botId)) await remember(activity);
  });
  // Per app, not per module: two apps in one process (tests, a restart) never share what they learnt.
  const own: HandlerDeps = { ...deps, memo: new Map() };
  registerMessageHandler(app, own, remember);
  registerCardActions(app, own);
  registerMessageExtension(app, deps);
}

// A Universal Action from one of delmal's cards: the command behind the button.
const execute = z.object({
  value: z.object({
    action: z.object({
      verb: z.literal(EXECUTE_VERB),
      data: z.object({ command: z.string().min(1).max(500) }),
    }),
  }),
  conversation: z.object({ id: z.string(), tenantId: z.string().optional() }),
  from: z.object({ id: z.string(), aadObjectId: z.string().optional() }),
  serviceUrl: z.url(),
});

/**
 * `Action.Execute` (invoke `adaptiveCard/action`): run the command and answer with the card that
 * replaces the one the button was on — a check-in confirms itself in place ("Tack! Registrerat …").
 */
function registerCardActions(app: App, deps: HandlerDeps): void {
  const chat: ChatDeps = { ...deps.chat, platform: 'teams' };
  app.on('card.action', async ({ activity }) => {
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
    const email = await rosterEmail(app, deps, a.serviceUrl, a.conversation, a.from);
    const { view } = await deps.chat.store.get();
    const asker = askerFor(view, email, deps.locale);
    const reply = await handleMessage(chat, a.value.action.data.command, asker);
    return cardResponse(renderAdaptiveCard(reply, translator(asker.locale)));
  });
}

function registerMessageHandler(
  app: App,
  deps: HandlerDeps,
  remember: (activity: unknown) => Promise<void>,
): void {
  const chat: ChatDeps = { ...deps.chat, platform: 'teams' };
  const cards = new WeakMap<Reply, AdaptiveCardJson>();
  app.on('message', async ({ activity }) => {
    const parsed = inbound.safeParse(activity);
    if (!parsed.success) {
      deps.logger.warn(
        { issues: parsed.error.issues.length },
        'Teams message without the fields delmal needs; ignored',
      );
      return;
    }
    const message = parsed.data;
    const now = deps.clock.now().toISOString();
    await remember(activity);
    if (!(await claimReceipt(deps.db.kysely, `teams:activity:${message.conversation.id}:${message.id}`, now)))
      return;
    const text = message.value?.command ?? message.text ?? '';
    const email = await rosterEmail(app, deps, message.serviceUrl, message.conversation, message.from);
    const { view } = await deps.chat.store.get();
    const asker = askerFor(view, email, deps.locale);
    const reply = await handleMessage(chat, text, asker);
    // A cached reply object is rendered once (replies are cached per language).
    let card = cards.get(reply);
    if (!card) {
      card = renderAdaptiveCard(reply, translator(asker.locale));
      cards.set(reply, card);
    }
    await deps.outbox.sendNow({
      platform: 'teams',
      kind: TEAMS_ACTIVITY,
      payload: {
        serviceUrl: message.serviceUrl,
        conversationId: message.conversation.id,
        activity: {
          type: 'message',
          summary: reply.summary,
          replyToId: message.id,
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        },
      },
      dedupeKey: `teams:reply:${message.conversation.id}:${message.id}`,
    });
  });
}

/** Teams does not put the e-mail in activities: the conversation roster has it (email or UPN). */
function rosterEmail(
  app: App,
  deps: HandlerDeps,
  serviceUrl: string,
  conversation: { id: string; tenantId?: string | undefined },
  from: { id: string; aadObjectId?: string | undefined },
): Promise<string | undefined> {
  return identityEmail(
    deps,
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
