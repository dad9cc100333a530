/**
 * A small fixed-window limit per client address: the answer page is public (no login), so a
 * client guessing tokens or hammering it gets "too many attempts" instead of our database's time.
 */
export class RequestLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** True when `client` may make one more request now. */
  allow(client: string, now = performance.now()): boolean {
    const window = this.windows.get(client);
    if (!window || now - window.start >= this.windowMs) {
      // Old windows are dropped as we go, so the map stays as small as the set of active clients.
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(client, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.limit;
  }
}
