import { checkInHistory } from '../../db/check-in-reads.repository.js';
import type { Db } from '../../db/connection.js';
import type { CheckInRow } from '../../db/database.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Clock } from '../clock.js';
import type { Deliveries } from '../delivery/deliveries.js';
import type { Logger } from '../logger.js';
import { CheckInStore, type LatestCheckIn } from './check-in-store.js';
import { editLatestCheckIn } from './edit-check-in.js';
import { refreshPrompts } from './prompt-refresh.js';
import { type CheckInInput, type CheckInResult, recordCheckIn } from './record-check-in.js';

/** Check-ins as the chat core uses them; the database implementation below, others in tests. */
export interface CheckInService {
  latest(): Promise<ReadonlyMap<string, LatestCheckIn>>;
  history(activityId: string): Promise<readonly CheckInRow[]>;
  record(
    view: CatalogView,
    author: { readonly email?: string },
    input: CheckInInput,
    platform: string,
    /** The submission's key (platform ids): the same key twice records one check-in. */
    idempotencyKey?: string,
  ): Promise<CheckInResult>;
  /** Edits the activity's latest check-in (until the next round); every version is kept. */
  edit(
    view: CatalogView,
    author: { readonly email?: string },
    input: CheckInInput,
    platform: string,
    idempotencyKey?: string,
  ): Promise<CheckInResult & { readonly changed?: boolean }>;
}

export interface CheckInServiceOptions {
  readonly revalidateAfterMs?: number;
  /**
   * How answered prompts are updated in place; a getter because the outbox is built after the chat
   * core. Without it (the CLI), answers are stored and prompts stay as they were sent.
   */
  readonly deliveries?: () => Deliveries | undefined;
  readonly logger?: Logger;
}

/** Check-ins stored in delmal's database. */
export function databaseCheckIns(db: Db, clock: Clock, options: CheckInServiceOptions = {}): CheckInService {
  const store = new CheckInStore(db, options.revalidateAfterMs);
  // Updating the prompts follows the answer; a failure there never undoes or hides the answer.
  const refresh = async (checkIn: CheckInRow) => {
    const deliveries = options.deliveries?.();
    if (!deliveries || checkIn.round_id === null) return;
    await refreshPrompts({ db, deliveries }, checkIn.round_id, checkIn.activity_id).catch((error: unknown) =>
      options.logger?.warn({ err: error, round: checkIn.round_id }, 'answered prompts not updated'),
    );
  };
  return {
    latest: () => store.latest(),
    history: (activityId) => checkInHistory(db.kysely, activityId),
    record: async (view, author, input, platform, idempotencyKey) => {
      const result = await recordCheckIn(
        { db, clock },
        view,
        { email: author.email },
        input,
        platform,
        idempotencyKey,
      );
      // A check-in recorded here shows on the very next request, not after the revalidation delay.
      if (result.ok && !result.repeated) store.invalidate();
      if (result.ok && result.counted && !result.repeated) await refresh(result.checkIn);
      return result;
    },
    edit: async (view, author, input, platform, idempotencyKey) => {
      const result = await editLatestCheckIn(
        { db, clock },
        view,
        { email: author.email },
        input,
        platform,
        idempotencyKey,
      );
      if (result.ok && result.changed) {
        store.invalidate();
        await refresh(result.checkIn);
      }
      return result;
    },
  };
}
