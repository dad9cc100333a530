import type { Db } from '../../db/connection.js';
import type { LocalDate } from '../../db/model/local-date.js';
import { renewSlotClaim } from '../../db/schedule-runs.repository.js';
import type { Logger } from '../logger.js';

/**
 * Runs `work` (sending a round's prompts) while keeping `worker`'s claim on the slot alive: the
 * claim is renewed on the database's clock every third of `staleMs`, so however long a big round
 * takes, no other process resumes it meanwhile — only a claimant that stops renewing (dead or
 * stalled) is resumed, `staleMs` after its last renewal.
 */
export async function whileClaimed<T>(
  deps: { readonly db: Db; readonly logger: Logger; readonly worker: string },
  run: { readonly scheduleId: string; readonly slot: LocalDate },
  staleMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const renew = () =>
    renewSlotClaim(deps.db.kysely, deps.db.dialect, run.scheduleId, run.slot, deps.worker).then(
      (held) => {
        if (!held)
          deps.logger.warn({ ...run }, 'check-in round: claim lost while sending; another process resumes');
      },
      (error: unknown) =>
        // The next renewal tries again; a claim that runs out is resumed, nobody prompted twice.
        deps.logger.warn({ err: error, ...run }, 'check-in round: renewing the claim failed'),
    );
  const timer = setInterval(() => void renew(), Math.max(10, staleMs / 3));
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
