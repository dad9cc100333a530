import { describe, expect, it } from 'vitest';
import { ReplyCache } from '../../../src/asking/reply-cache.js';
import type { Reply } from '../../../src/chat/reply.js';
import type { LatestCheckIn } from '../../../src/checkins/check-in-store.js';
import { snapshotOf } from '../../support/catalog.js';

const reply = (summary: string): Reply => ({ summary, blocks: [] });

describe('the reply cache', () => {
  it('serves a reply only for the exact catalog and check-in state it was made from', () => {
    const cache = new ReplyCache();
    const catalog = snapshotOf();
    const before = new Map<string, LatestCheckIn>();
    cache.set(catalog, before, 'delmal 5', reply('före'));
    expect(cache.get(catalog, before, 'delmal 5')?.summary).toBe('före');
    // A check-in replaces the latest-check-in map; a catalog import replaces the snapshot.
    expect(cache.get(catalog, new Map(before), 'delmal 5')).toBeUndefined();
    expect(cache.get(snapshotOf(), before, 'delmal 5')).toBeUndefined();
    expect(cache.get(catalog, before, 'delmal 6')).toBeUndefined();
  });

  it('keeps at most its limit, dropping the oldest', () => {
    const cache = new ReplyCache(2);
    const catalog = snapshotOf();
    const latest = new Map<string, LatestCheckIn>();
    cache.set(catalog, latest, 'a', reply('a'));
    cache.set(catalog, latest, 'b', reply('b'));
    cache.set(catalog, latest, 'c', reply('c'));
    expect(cache.get(catalog, latest, 'a')).toBeUndefined();
    expect(cache.get(catalog, latest, 'c')?.summary).toBe('c');
  });
});

describe('a reply once cached', () => {
  it('cannot be changed by anyone it is handed to, down to its rows', () => {
    const cache = new ReplyCache();
    const catalog = snapshotOf();
    const latest = new Map<string, LatestCheckIn>();
    const shared: Reply = { summary: 'Delmål 5', blocks: [{ type: 'text', text: 'Sårbara barn' }] };
    cache.set(catalog, latest, 'delmal 5', shared);
    const served = cache.get(catalog, latest, 'delmal 5') as unknown as { blocks: { text: string }[] };
    expect(() => {
      served.blocks.push({ text: 'tillagt' });
    }).toThrow(TypeError);
    expect(() => {
      (served.blocks[0] as { text: string }).text = 'ändrad';
    }).toThrow(TypeError);
    expect(cache.get(catalog, latest, 'delmal 5')).toEqual({
      summary: 'Delmål 5',
      blocks: [{ type: 'text', text: 'Sårbara barn' }],
    });
  });
});
