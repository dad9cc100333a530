import { randomUUID } from 'node:crypto';
import type { DeliveryHealth } from '../../db/delivery-health.repository.js';
import type { InboundMessage } from '../chat/inbound.js';
import { submissionKey } from '../chat/inbound-schema.js';
import { MAX_MESSAGE_CHARS } from '../chat/input-limits.js';
import type { Reply } from '../chat/reply.js';
import { firstWord, OUT_OF_RANGE_NUMBER, parseGoalReference, stripEntryWord } from '../chat/words.js';
import type { CheckInService } from '../checkins/check-in-service.js';
import type { OwnerRounds } from '../checkins/owner-rounds.js';
import type { Clock } from '../clock.js';
import type { NetworkChannels } from '../digest/network-service.js';
import { BOT_ERROR_MESSAGES } from '../errors/bot-error.js';
import { type MessageKey, translator } from '../i18n/i18n.js';
import { detectIntent } from '../intents/detect-intent.js';
import type { Logger } from '../logger.js';
import type { AwayService } from '../schedule/away-service.js';
import type { CatalogStore } from '../search/catalog-store.js';
import type { Asker, ChatCommand, CommandContext } from './command.js';
import type { ReplyCache } from './reply-cache.js';
import { usage } from './usage.js';

export interface ChatDeps {
  readonly store: CatalogStore;
  readonly checkIns: CheckInService;
  readonly timezone: string;
  /** Delivery health for `delmal leveranser`. */
  readonly deliveries?: () => Promise<DeliveryHealth>;
  /** Replies of read-only commands, reused while nothing they depend on has changed. */
  readonly replies?: ReplyCache;
  /** Where check-ins recorded through this chat come from: slack, teams, local, cli. */
  readonly platform?: string;
  readonly commands: readonly ChatCommand[];
  /** The asker's home (Slack's App Home tab): a command, injected so adapters never import commands/. */
  readonly home: (ctx: CommandContext) => Reply | Promise<Reply>;
  /** Being away; commands answer that it cannot be saved when absent. */
  readonly away?: AwayService;
  /** Networks' channels and digests; commands answer that it cannot be done when absent. */
  readonly networks?: NetworkChannels;
  /** Owners' next rounds and open questions, for `delmal mina`. */
  readonly rounds?: OwnerRounds;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Which command a text is, remembered per command registry for the texts people send most. */
const resolved = new WeakMap<
  readonly ChatCommand[],
  Map<string, Readonly<{ command: ChatCommand; rest: string }>>
>();
const RESOLVED_TEXTS = 1000;
const RESOLVED_TEXT_CHARS = 200;

/**
 * Decides which command a message is. Empty → the overview; a goal number → that goal;
 * a known command word → that command; anything else → search with the whole text. The answer
 * depends on the text and the registry alone; short texts (`5`, `aktivitet cross`) are remembered,
 * up to {@link RESOLVED_TEXTS} of them, since one request asks several times (answer, share button).
 */
export function resolveCommand(
  text: string,
  commands: readonly ChatCommand[],
): Readonly<{ command: ChatCommand; rest: string }> {
  if (text.length > RESOLVED_TEXT_CHARS) return resolveUncached(text, commands);
  let known = resolved.get(commands);
  if (!known) {
    known = new Map();
    resolved.set(commands, known);
  }
  let found = known.get(text);
  if (!found) {
    found = Object.freeze(resolveUncached(text, commands));
    if (known.size >= RESOLVED_TEXTS) known.clear();
    known.set(text, found);
  }
  return found;
}

function resolveUncached(
  text: string,
  commands: readonly ChatCommand[],
): { command: ChatCommand; rest: string } {
  const byName = (name: string) => {
    const found = commands.find((c) => c.name === name);
    if (!found) throw new Error(`command registry lacks "${name}"`);
    return found;
  };
  const words = stripEntryWord(text);
  if (words === '') return { command: byName('list'), rest: '' };
  if (parseGoalReference(words) || OUT_OF_RANGE_NUMBER.test(words))
    return { command: byName('goal'), rest: words };
  // Questions with an intent ("vem äger CROSS?") are answered from live data, not by keyword.
  const intent = commands.find((c) => c.name === 'intent');
  if (intent && detectIntent(words)) return { command: intent, rest: words };
  const { word, rest } = firstWord(words);
  const command = commands.find((c) => c.words.includes(word));
  // "hjälp till folk som …" is a question, not a request for help.
  if (command && !(command.name === 'help' && rest !== '')) return { command, rest };
  return { command: byName('search'), rest: words };
}

/**
 * Everything a command may read or do, for one asker, at this moment. With the inbound message,
 * check-ins are recorded under its submission key (a double click records one check-in).
 */
export async function commandContext(
  deps: ChatDeps,
  asker: Asker,
  inbound?: InboundMessage,
): Promise<CommandContext> {
  const platform = deps.platform ?? inbound?.platform ?? 'chat';
  const key = inbound ? submissionKey(inbound) : undefined;
  const [catalog, latest] = await Promise.all([deps.store.get(), deps.checkIns.latest()]);
  return {
    catalog,
    asker,
    ...(inbound ? { inbound } : {}),
    t: translator(asker.locale),
    clock: deps.clock,
    timezone: deps.timezone,
    commands: deps.commands,
    ...(deps.deliveries ? { deliveries: deps.deliveries } : {}),
    ...(deps.away ? { away: deps.away } : {}),
    ...(deps.networks ? { networks: deps.networks } : {}),
    ...(deps.rounds ? { rounds: deps.rounds } : {}),
    checkIns: {
      latest,
      history: (activityId) => deps.checkIns.history(activityId),
      record: (input) => deps.checkIns.record(catalog.view, asker, input, platform, key),
      edit: (input) => deps.checkIns.edit(catalog.view, asker, input, platform, key),
    },
  };
}

/**
 * Answers one chat message with a reply — never with an exception. This is the error boundary
 * every adapter calls: bad arguments get a friendly Swedish explanation with the usage; anything
 * unexpected is logged with a reference id and answered with a short apology carrying that id.
 */
export async function handleMessage(deps: ChatDeps, inbound: InboundMessage, asker: Asker): Promise<Reply> {
  const { text } = inbound;
  const t = translator(asker.locale);
  if (text.length > MAX_MESSAGE_CHARS) {
    // Refused before any work: the cost of an answer must not grow with what was pasted.
    const message = t(BOT_ERROR_MESSAGES.input_too_long, { length: text.length, max: MAX_MESSAGE_CHARS });
    return { summary: message, blocks: [{ type: 'text', text: message }] };
  }
  let commandName = 'unknown';
  try {
    const { command, rest } = resolveCommand(text, deps.commands);
    commandName = command.name;
    const ctx = await commandContext(deps, asker, inbound);
    // A read-only command's reply depends on its words (its arguments are a function of them), the
    // asker and the state the cache is keyed by. Only replies to arguments that parsed are cached,
    // so a cached one needs no second parse.
    const key =
      command.readOnly && deps.replies
        ? `${command.name}\u0000${rest}\u0000${asker.email ?? ''}\u0000${asker.locale}`
        : undefined;
    const cached = key === undefined ? undefined : deps.replies?.get(ctx.catalog, ctx.checkIns.latest, key);
    if (cached) return cached;
    const parsed = command.args.safeParse(command.toArgs(rest));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const problem = issue?.message.startsWith('arg.') ? t(issue.message as MessageKey) : t('error.unclear');
      const message = t('error.invalidArgs', { problem, usage: usage(command, t) });
      return { summary: message, blocks: [{ type: 'text', text: message }] };
    }
    if (key === undefined || !deps.replies) return await command.run(ctx, parsed.data);
    const reply = await command.run(ctx, parsed.data);
    deps.replies.set(ctx.catalog, ctx.checkIns.latest, key, reply);
    return reply;
  } catch (error) {
    const ref = randomUUID().slice(0, 8);
    // The message text is not logged: people paste things. The command name and reference suffice.
    deps.logger.error({ err: error, ref, command: commandName }, 'chat command failed');
    const message = t('error.unexpected', { ref });
    return { summary: message, blocks: [{ type: 'text', text: message }] };
  }
}
