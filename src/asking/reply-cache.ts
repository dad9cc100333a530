import { freezeReply } from '../chat/immutable-reply.js';
import type { Reply } from '../chat/reply.js';
import type { LatestCheckIn } from '../checkins/check-in-store.js';
import type { CatalogSnapshot } from '../search/catalog-store.js';

/**
 * Replies of read-only commands are pure functions of the catalog, the latest check-ins, the
 * asker and the words asked: on a Monday morning a whole network asks `/delmal 5` and gets the same
 * answer. Cached per catalog snapshot and per check-in state (both objects are replaced when their
 * revision changes, so a stale reply can never be served), bounded in size.
 */
export class ReplyCache {
  private readonly byState = new WeakMap<
    CatalogSnapshot,
    WeakMap<ReadonlyMap<string, LatestCheckIn>, Map<string, Reply>>
  >();

  constructor(private readonly maxEntries = 1000) {}

  get(catalog: CatalogSnapshot, latest: ReadonlyMap<string, LatestCheckIn>, key: string): Reply | undefined {
    return this.byState.get(catalog)?.get(latest)?.get(key);
  }

  set(catalog: CatalogSnapshot, latest: ReadonlyMap<string, LatestCheckIn>, key: string, reply: Reply): void {
    let byCheckIns = this.byState.get(catalog);
    if (!byCheckIns) {
      byCheckIns = new WeakMap();
      this.byState.set(catalog, byCheckIns);
    }
    let entries = byCheckIns.get(latest);
    if (!entries) {
      entries = new Map();
      byCheckIns.set(latest, entries);
    }
    // Oldest first out: Map keeps insertion order.
    if (entries.size >= this.maxEntries) entries.delete(entries.keys().next().value as string);
    // Shared by every asker from now on: frozen, so no one's answer can change anyone else's.
    entries.set(key, freezeReply(reply));
  }
}
