/** How the outbox behaves; every field has a default suited to one process talking to Slack or Teams. */
export interface OutboxOptions {
  /** Failed attempts (rate limiting does not count) before an item fails for good. Default 8. */
  readonly maxAttempts?: number;
  /** How long a claim lasts without renewal. Renewed every third of it while held. Default 60 s. */
  readonly leaseMs?: number;
  /** Time one send may take before it is aborted and counted as unknown. Default 10 s. */
  readonly sendTimeoutMs?: number;
  /**
   * After a send whose outcome is unknown, how long past `sendTimeoutMs` nobody touches the item
   * (on the database's clock): a request the platform is still working on lands meanwhile, and
   * the next attempt finds it instead of sending again. Default 5 s.
   */
  readonly unknownMarginMs?: number;
  /** Sends in flight at once per worker. Default 16. */
  readonly concurrency?: number;
  /** Items claimed per claim statement. Default 100. */
  readonly claimBatch?: number;
  /** Most items one worker holds (in flight or waiting for a rate token). Default 1,000. */
  readonly maxHeld?: number;
  /** How often an idle worker looks for due items. Default 500 ms. */
  readonly pollMs?: number;
  /** How often a busy worker looks for interactive items. Default 100 ms. */
  readonly interactivePollMs?: number;
  /** Shortest pause between two rounds (so tokens are drawn in batches, not one by one). Default 5 ms. */
  readonly minRoundMs?: number;
  /** An item that would wait longer than this for a rate token goes back to the table. Default 5 s. */
  readonly holdLimitMs?: number;
  /** Margin against network jitter taken off every bucket's burst. Default 20 ms. */
  readonly rateSafetyMs?: number;
  /** How long `stop()` waits for sends in flight. Default 10 s. */
  readonly stopTimeoutMs?: number;
  readonly retention?: RetentionOptions;
  /** Randomness for backoff jitter; tests pass a constant. */
  readonly random?: () => number;
}

/** How long delivery data is kept, and how it is pruned. */
export interface RetentionOptions {
  /** Delivered items. Default 30 days. */
  readonly deliveredDays?: number;
  /** Items that failed for good. Default 90 days. */
  readonly failedDays?: number;
  /** Inbound receipts (platform retries come within minutes). Default 7 days. */
  readonly receiptDays?: number;
  /** Rows per delete statement. Default 500. */
  readonly batch?: number;
  /** How often the worker prunes. Default 10 minutes. */
  readonly everyMs?: number;
}

export type WorkerSettings = Required<Omit<OutboxOptions, 'retention' | 'random'>> & {
  readonly random: () => number;
  readonly retention: Required<RetentionOptions>;
};

/** Options with their defaults filled in. */
export function workerSettings(options: OutboxOptions): WorkerSettings {
  return {
    maxAttempts: options.maxAttempts ?? 8,
    leaseMs: options.leaseMs ?? 60_000,
    sendTimeoutMs: options.sendTimeoutMs ?? 10_000,
    unknownMarginMs: options.unknownMarginMs ?? 5_000,
    concurrency: options.concurrency ?? 16,
    claimBatch: options.claimBatch ?? 100,
    maxHeld: options.maxHeld ?? 1_000,
    pollMs: options.pollMs ?? 500,
    interactivePollMs: options.interactivePollMs ?? 100,
    minRoundMs: options.minRoundMs ?? 5,
    holdLimitMs: options.holdLimitMs ?? 5_000,
    rateSafetyMs: options.rateSafetyMs ?? 20,
    stopTimeoutMs: options.stopTimeoutMs ?? 10_000,
    random: options.random ?? Math.random,
    retention: {
      deliveredDays: options.retention?.deliveredDays ?? 30,
      failedDays: options.retention?.failedDays ?? 90,
      receiptDays: options.retention?.receiptDays ?? 7,
      batch: options.retention?.batch ?? 500,
      everyMs: options.retention?.everyMs ?? 10 * 60_000,
    },
  };
}
