import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { type SentEntry, settleSentBatch } from '../../db/outbox-items.repository.js';

/**
 * Collects the deliveries a worker finishes within one turn of the event loop and records them in
 * one statement: under load, one write per batch instead of one per message. Each `add` resolves
 * to whether its item was recorded (false: its claim had been taken over).
 */
export class SentBatch {
  private pending: { entry: SentEntry; resolve: (settled: boolean) => void; reject: (e: unknown) => void }[] =
    [];
  private scheduled = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string,
    private readonly max = 200,
  ) {}

  add(entry: SentEntry): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      if (this.pending.length >= this.max) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      const settled = await settleSentBatch(
        this.db,
        batch.map((b) => b.entry),
        this.now(),
      );
      for (const b of batch) b.resolve(settled.has(b.entry.id));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
}
