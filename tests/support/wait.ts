/**
 * Waits until `condition` holds, checking every 20 ms, and fails with `what` after `timeoutMs`.
 * For conditions in another process or server, where there is no event to await.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** {@link until} for a condition that must be asked for (a query to another server). */
export async function untilAsync(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMs = 8000,
): Promise<void> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
