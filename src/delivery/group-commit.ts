/**
 * Group commit: writes that arrive while the database is busy (or within the same turn of the event
 * loop) are committed together, in one transaction, and each caller's promise settles only after
 * that commit — as durable before the caller answers as a transaction of its own, for one commit
 * instead of one per request. At most one batch is being written at a time; what arrives meanwhile
 * forms the next. If a batch fails, its writes are retried one by one, so one bad write fails only
 * its own caller.
 */
export class GroupCommit<In, Out> {
  private queue: { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private writing = false;
  private scheduled = false;

  /**
   * @param write commits a whole batch in one transaction and returns one result per input, in
   *   order; it must have no effect when it throws.
   * @param maxBatch writes per transaction, at most (bounds a transaction's size and lock time).
   */
  constructor(
    private readonly write: (batch: readonly In[]) => Promise<Out[]>,
    private readonly maxBatch = 500,
  ) {}

  /** Queues `input` for the next commit; resolves with its result once committed. */
  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // After the current I/O phase: the requests read in this turn join the same batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      await this.commit(batch);
    } finally {
      this.writing = false;
      this.schedule();
    }
  }

  private async commit(batch: GroupCommit<In, Out>['queue']): Promise<void> {
    try {
      const outs = await this.write(batch.map((b) => b.input));
      batch.forEach((b, i) => {
        b.resolve(outs[i] as Out);
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const b of batch)
        await this.write([b.input]).then(
          (outs) => b.resolve(outs[0] as Out),
          (failure: unknown) => b.reject(failure),
        );
    }
  }
}
