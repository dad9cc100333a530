import { describe, expect, it } from 'vitest';
import { renderDigestMail } from '../../../adapters/email/render-digest-mail.js';
import { CatalogView } from '../../../src/catalog/catalog-view.js';
import { composeDigest } from '../../../src/digest/compose-digest.js';
import { followedActivities, followedAreas } from '../../../src/digest/followed.js';
import { renderDigest } from '../../../src/digest/render-digest.js';
import { translator } from '../../../src/i18n/i18n.js';
import { shippedCatalog } from '../../support/catalog.js';
import { lenasCheckIn } from '../../support/check-in-rows.js';

const view = new CatalogView(shippedCatalog);
const network = shippedCatalog.networks.find((n) => n.id === 'lag-missbruk');
const activity = shippedCatalog.activities.find(
  (a) => a.goals.includes('sv-delmal-3') && a.owners.length > 0,
);

/** Lena's check-in on Wednesday 9 December. */
const checkIn = (id: string, activityId: string, status: string, note: string) =>
  lenasCheckIn({ id, activityId, status, note, at: '2026-12-09T09:00:00.000Z' });

function digest(from: string, to: string) {
  if (!network || !activity) throw new Error('the shipped catalog lacks lag-missbruk or its activity');
  return composeDigest(
    view,
    network,
    { from, to, timeZone: 'Europe/Stockholm', kind: 'weekly' },
    {
      before: new Map(),
      checkIns: [checkIn('c-1', activity.id, 'blocked', 'Finansieringen har dragits in.')],
      overdue: [],
      dueNextWeek: [],
    },
  );
}

describe('a network digest as e-mail', () => {
  it('names the network and the week in the subject and the heading, in the reader’s language', () => {
    const week = digest('2026-12-07T07:00:00.000Z', '2026-12-14T07:00:00.000Z');
    const sv = renderDigestMail(week, 'sv');
    expect(sv.subject).toBe('Veckosammanfattning – LAG missbruk, 7–14 december 2026');
    expect(sv.html).toContain('<html lang="sv">');
    expect(sv.html).toMatch(/<h1[^>]*>Veckosammanfattning – LAG missbruk, 7–14 december 2026<\/h1>/);
    const en = renderDigestMail(week, 'en');
    expect(en.subject).toMatch(/^Weekly digest – LAG missbruk, 7\s*–\s*14 December 2026$/);
    expect(en.html).toContain('<html lang="en">');
    // A week across two months names both.
    const across = renderDigestMail(digest('2026-11-30T07:00:00.000Z', '2026-12-07T07:00:00.000Z'), 'sv');
    expect(across.subject).toBe('Veckosammanfattning – LAG missbruk, 30 november–7 december 2026');
  });

  it('holds the whole digest — every exception and every update — where chat points to a thread', () => {
    if (!network) throw new Error('lag-missbruk missing');
    // A busy week: more updates than the chat digest shows inline.
    const busy = followedActivities(followedAreas(view, network)).slice(0, 12);
    expect(busy).toHaveLength(12);
    const message = composeDigest(
      view,
      network,
      {
        from: '2026-12-07T07:00:00.000Z',
        to: '2026-12-14T07:00:00.000Z',
        timeZone: 'Europe/Stockholm',
        kind: 'weekly',
      },
      {
        before: new Map(),
        checkIns: busy.map((a, i) =>
          checkIn(`c-${a.id}`, a.id, i === 0 ? 'blocked' : 'on_track', `Notering ${i + 1}.`),
        ),
        overdue: [],
        dueNextWeek: [],
      },
    );
    // In chat, the rest waits one tap away, in the digest's thread.
    const chat = renderDigest(message, translator('sv'), 'sv');
    expect(chat.blocks.some((b) => b.type === 'more' && b.thread)).toBe(true);
    const mail = renderDigestMail(message, 'sv');
    for (const part of [mail.html, mail.text]) {
      expect(part.split('Behöver uppmärksamhet (1)')).toHaveLength(2);
      expect(part).toContain('Läget per delmål och insatsområde');
      // No chat button's words: nothing to tap in a mail, it is all there.
      expect(part).not.toContain('Visa detaljer');
      for (let i = 1; i <= 12; i++) expect(part).toContain(`Notering ${i}.`);
      expect(part).toContain('eftersom du har bett om den via e-post');
    }
  });
});
