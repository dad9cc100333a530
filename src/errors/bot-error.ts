import { randomUUID } from 'node:crypto';
import type { MessageKey, Translate } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';

/**
 * Every failure delmal knows how to explain. Adapters map a code to a friendly message in the
 * asker's language; anything without a code is unexpected and gets an apology with a reference.
 */
export type BotErrorCode =
  /** A chat message over `MAX_MESSAGE_CHARS` (answered before any work). */
  | 'input_too_long'
  /** A payload of the wrong shape that still reached a boundary (Slack Socket Mode). */
  | 'bad_request'
  /** A button or interaction delmal does not offer. */
  | 'unknown_action'
  /** The database is not reachable right now. */
  | 'database_unavailable';

/** The user-facing message for each code (Swedish and English in the i18n catalog). */
export const BOT_ERROR_MESSAGES: Readonly<Record<BotErrorCode, MessageKey>> = {
  input_too_long: 'error.code.inputTooLong',
  bad_request: 'error.code.badRequest',
  unknown_action: 'error.code.unknownAction',
  database_unavailable: 'error.code.databaseUnavailable',
};

/** A failure with a code the boundary can word; `params` fill the message's placeholders. */
export class BotError extends Error {
  override readonly name = 'BotError';
  constructor(
    readonly code: BotErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}

// Error codes of drivers that mean "the database is not there right now" (node-postgres, Node's net).
const DATABASE_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/**
 * Gives a known failure its code: a BotError keeps its own; an unreachable database becomes
 * `database_unavailable` (people can try again later); anything else stays unexpected.
 */
function asBotError(error: unknown): BotError | undefined {
  if (error instanceof BotError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && DATABASE_DOWN.has(code))
    return new BotError('database_unavailable', {}, { cause: error });
  const message = error instanceof Error ? error.message : '';
  if (
    /pool (?:is|has been) (?:ended|closed)|database connection is not open|Connection terminated|driver has already been destroyed/i.test(
      message,
    )
  )
    return new BotError('database_unavailable', {}, { cause: error });
  return undefined;
}

/** What the boundary tells the user, and the reference it logged under (unexpected errors only). */
export interface FailureAnswer {
  readonly code: BotErrorCode | 'unexpected';
  readonly text: string;
  readonly ref: string;
}

/**
 * The one way every adapter boundary turns an error into words: a known code becomes its friendly
 * message; anything else is logged (error, stack, where — never the user's text) with a short
 * reference id that the apology repeats, so an operator can find the log line.
 */
export function describeFailure(
  error: unknown,
  context: { readonly logger: Logger; readonly t: Translate; readonly where: string },
): FailureAnswer {
  const ref = randomUUID().slice(0, 8);
  const known = asBotError(error);
  if (known) {
    context.logger.warn({ code: known.code, ref, where: context.where, err: known.cause }, 'request refused');
    return {
      code: known.code,
      text: context.t(BOT_ERROR_MESSAGES[known.code], { ...known.params, ref }),
      ref,
    };
  }
  context.logger.error({ err: error, ref, where: context.where }, 'request failed');
  return { code: 'unexpected', text: context.t('error.unexpected', { ref }), ref };
}
