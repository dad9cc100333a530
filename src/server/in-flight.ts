/**
 * Work that has started and not yet finished: HTTP requests, and the chat handlers Slack runs after
 * its ack. Shutdown waits for it (bounded), and tests await it instead of sleeping.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Counts `work` as in flight until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** How much is running now. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing is running, including work that started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
