import type { Logger } from '../logger.js';

/**
 * Start-up work the server need not wait for before it listens (building the search index): it
 * runs after `listen`, so `/healthz` answers at once, and `/readyz` says "not ready" until it has
 * finished. A failed attempt is logged and tried again on the next readiness check.
 */
export class WarmUp {
  private attempt: Promise<void> | undefined;
  private done = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /** True once the work has finished. */
  get ready(): boolean {
    return this.done;
  }

  /** Starts the work unless it is running or done; resolves when this attempt ends (never rejects). */
  start(): Promise<void> {
    if (this.done) return Promise.resolve();
    this.attempt ??= this.work().then(
      () => {
        this.done = true;
        this.logger.info('warm-up done: ready');
      },
      (error: unknown) => {
        this.attempt = undefined;
        this.logger.error({ err: error }, 'warm-up failed; /readyz stays 503 and tries again');
      },
    );
    return this.attempt;
  }

  /** Resolves when the attempt in progress (if any) has ended. */
  async settled(): Promise<void> {
    await this.attempt;
  }
}
