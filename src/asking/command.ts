import type { z } from 'zod';
import type { CheckInRow } from '../../db/database.js';
import type { DeliveryHealth } from '../../db/delivery-health.repository.js';
import type { InboundMessage } from '../chat/inbound.js';
import type { Reply } from '../chat/reply.js';
import type { LatestCheckIn } from '../checkins/check-in-store.js';
import type { OwnerRounds } from '../checkins/owner-rounds.js';
import type { CheckInInput, CheckInResult } from '../checkins/record-check-in.js';
import type { Clock } from '../clock.js';
import type { NetworkChannels } from '../digest/network-service.js';
import type { Locale, MessageKey, Translate } from '../i18n/i18n.js';
import type { AwayService } from '../schedule/away-service.js';
import type { CatalogSnapshot } from '../search/catalog-store.js';

/** Who is asking. Platforms fill in what they know; unknown people can still ask questions. */
export interface Asker {
  /** E-mail, lower-case, when the platform told us. */
  readonly email?: string;
  readonly name?: string;
  readonly locale: Locale;
}

/** Check-ins as commands see them: the latest per activity, history, and recording a new one. */
interface CheckIns {
  readonly latest: ReadonlyMap<string, LatestCheckIn>;
  history(activityId: string): Promise<readonly CheckInRow[]>;
  /** Records under the inbound message's idempotency key: the same submission twice is one check-in. */
  record(input: CheckInInput): Promise<CheckInResult>;
  /** Edits the activity's latest check-in (until the next round), keeping every version. */
  edit(input: CheckInInput): Promise<CheckInResult & { readonly changed?: boolean }>;
}

export interface CommandContext {
  readonly catalog: CatalogSnapshot;
  readonly asker: Asker;
  /**
   * The message being answered: platform, workspace, conversation, message id. Every chat adapter
   * and the CLI set it; absent only where no message exists (e.g. App Home rendered on open).
   */
  readonly inbound?: InboundMessage;
  readonly t: Translate;
  readonly clock: Clock;
  /** IANA time zone for dates people read (Europe/Stockholm). */
  readonly timezone: string;
  readonly checkIns: CheckIns;
  /** Delivery health, for administrators; absent where delmal runs without delivery (tests, CLI). */
  readonly deliveries?: () => Promise<DeliveryHealth>;
  /** The command words themselves, for help and for building buttons. */
  readonly commands: readonly ChatCommand[];
  /** Being away (`delmal borta`/`tillbaka`); absent where delmal runs without a database. */
  readonly away?: AwayService;
  /** Networks' channels and digests (`delmal natverk`, `delmal digest`); absent without a database. */
  readonly networks?: NetworkChannels;
  /** The asker's next round and open questions (`delmal mina`); absent without a database. */
  readonly rounds?: OwnerRounds;
}

/** Help metadata for one argument, attached to its zod schema with `.meta({ help })`. */
export interface ArgHelp {
  /** Placeholder shown in usage, e.g. `‹namn›`. */
  readonly placeholder: MessageKey;
  /** True for a positional argument written before the others. */
  readonly optional?: boolean;
}

/**
 * One chat command. `words` are the (diacritic-folded) words that select it after `delmal`;
 * `toArgs` turns the rest of the text into the raw object `args` validates; help text is built
 * from `usage` words plus the schema's argument metadata.
 */
export interface ChatCommand<Args = unknown> {
  readonly name: string;
  readonly words: readonly string[];
  /** The command word as help and examples write it (`ändra`, `hjälp`); folded, one of `words`. */
  readonly word?: string;
  readonly summary: MessageKey;
  readonly examples: readonly string[];
  readonly args: z.ZodType<Args>;
  /** True when the reply depends only on the catalog, check-ins, asker and arguments: it may be cached. */
  readonly readOnly?: boolean;
  toArgs(rest: string): unknown;
  run(ctx: CommandContext, args: Args): Reply | Promise<Reply>;
}

/** Declares a command with its argument type inferred from its schema. */
export function defineCommand<S extends z.ZodType>(
  command: ChatCommand<z.output<S>> & { args: S },
): ChatCommand {
  return command;
}
