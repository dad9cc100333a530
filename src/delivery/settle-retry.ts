import type { Db } from '../../db/connection.js';
import { type Settlement, settleOutboxItem } from '../../db/outbox-items.repository.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/**
 * Records an outcome that could not be recorded at once (the database hiccupped), in the
 * background, a few times with backoff within the item's lease. If every try fails the claim runs
 * out with the item still claimed, and the worker that takes it over marks it uncertain
 * (`claimOutboxItems`): it looks for the message where the platform allows before sending again.
 */
export function settleInBackground(
  deps: { readonly db: Db; readonly clock: Clock; readonly logger: Logger; readonly leaseMs: number },
  entry: { readonly id: string; readonly token: string; readonly settlement: Settlement },
  onSettled: () => void,
  tried = 1,
): void {
  const { db, clock, logger } = deps;
  const timer = setTimeout(
    () => {
      settleOutboxItem(
        db.kysely,
        db.dialect,
        entry.id,
        entry.token,
        entry.settlement,
        clock.now().toISOString(),
      ).then(onSettled, (error: unknown) => {
        if (tried < 4) return settleInBackground(deps, entry, onSettled, tried + 1);
        logger.error(
          { err: error, id: entry.id },
          'outbox: an answer could not be recorded; its claim runs out and it is treated as uncertain',
        );
      });
    },
    Math.min(deps.leaseMs / 4, 100 * 2 ** tried),
  );
  timer.unref();
}
