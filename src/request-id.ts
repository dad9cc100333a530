import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const context = new AsyncLocalStorage<string>();
// A load balancer's id is kept when it looks like one (no free text into the logs).
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id of the HTTP request this code runs for (also in work it started), if any. */
export function currentRequestId(): string | undefined {
  return context.getStore();
}

/** Runs `work` as the request `given` names (the caller's `x-request-id`), or under a new id. */
export function withRequestId<T>(given: string | undefined, work: (id: string) => T): T {
  const id = given !== undefined && WELL_FORMED.test(given) ? given : randomUUID();
  return context.run(id, () => work(id));
}
