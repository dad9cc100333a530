import { describe, expect, it } from 'vitest';
import { CatalogView } from '../../../src/catalog/catalog-view.js';
import { composeDigest } from '../../../src/digest/compose-digest.js';
import { renderDigest } from '../../../src/digest/render-digest.js';
import { translator } from '../../../src/i18n/i18n.js';
import { shippedCatalog } from '../../support/catalog.js';
import { lenasCheckIn } from '../../support/check-in-rows.js';

const view = new CatalogView(shippedCatalog);
const network = shippedCatalog.networks.find((n) => n.id === 'lag-missbruk');
// An activity lag-missbruk follows through delmål 3 and through its insatsområden.
const activity = shippedCatalog.activities.find(
  (a) => a.goals.includes('sv-delmal-3') && a.owners.length > 0,
);

const checkIn = (activityId: string, status: string, note: string) =>
  lenasCheckIn({ activityId, status, note, at: '2026-11-26T09:00:00.000Z' });

function digest() {
  if (!network || !activity) throw new Error('the shipped catalog lacks lag-missbruk or its activity');
  const message = composeDigest(
    view,
    network,
    {
      from: '2026-11-23T07:00:00.000Z',
      to: '2026-11-30T07:00:00.000Z',
      timeZone: 'Europe/Stockholm',
      kind: 'weekly',
    },
    {
      before: new Map(),
      checkIns: [checkIn(activity.id, 'on_track', 'Vi har haft möte med kommunerna.')],
      overdue: [],
      dueNextWeek: [],
    },
  );
  return Object.assign(renderDigest(message, translator('sv'), 'sv'), { message });
}

describe('the weekly digest’s small texts', () => {
  it('counts each section as the header counts: never more expected in a section than in all', () => {
    const reply = digest();
    const header = reply.blocks.find((b) => b.type === 'text');
    const total = /(\d+) av (\d+) aktiviteter har rapporterat/.exec(
      header?.type === 'text' ? header.text : '',
    );
    expect(total?.[1]).toBe('1');
    const rollUps = reply.blocks.find(
      (b) => b.type === 'list' && b.heading === 'Läget per delmål och insatsområde',
    );
    const details = rollUps?.type === 'list' ? rollUps.items.map((i) => i.detail ?? '') : [];
    expect(details.length).toBeGreaterThan(1);
    for (const detail of details) {
      const [, reported = '', expected = ''] = /^(\d+) av (\d+) har rapporterat$/.exec(detail) ?? [];
      expect(Number(expected)).toBeLessThanOrEqual(Number(total?.[2]));
      expect(Number(reported)).toBeLessThanOrEqual(1);
    }
  });

  it('puts the week’s updates under a heading of their own, each update once', () => {
    const reply = digest();
    // The check-in belongs to several sections (its delmål and insatsområden) …
    expect(reply.message.sections.filter((s) => s.updates.length > 0).length).toBeGreaterThan(1);
    const lists = reply.blocks.filter((b) => b.type === 'list');
    const updates = lists.find((b) => b.heading === 'Veckans rapporter (1)');
    expect(updates?.type === 'list' && updates.items.map((i) => i.title)).toEqual([activity?.name]);
    // Every list has a heading; the activity is not listed again under its insatsområde.
    expect(lists.every((b) => b.heading)).toBe(true);
    const mentions = lists.flatMap((b) => b.items).filter((i) => i.title === activity?.name);
    expect(mentions).toHaveLength(1);
  });
});
