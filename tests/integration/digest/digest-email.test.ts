import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { PLAIN_CHECK_IN } from '../../../db/check-ins.repository.js';
import { importCatalog } from '../../../src/catalog/catalog-import.js';
import { CatalogView } from '../../../src/catalog/catalog-view.js';
import { fixedClock } from '../../../src/clock.js';
import { followedActivities, followedAreas } from '../../../src/digest/followed.js';
import { shippedCatalog } from '../../support/catalog.js';
import { describeEachDialect } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { FakeSmtp, mailEnv } from '../../support/smtp.js';

// Folkhälsochefsnätverket has two chairs: Maria asked for its digest by e-mail, Anna did not.
// The network has no channel bound: Maria's inbox is where its digest goes.
const MARIA = 'maria.sandberg@example.org';
const ANNA = 'anna.lindqvist@example.org';
const NETWORK = 'folkhalsochefsnatverket';
const network = shippedCatalog.networks.find((n) => n.id === NETWORK);
const [blocked] = network ? followedActivities(followedAreas(new CatalogView(shippedCatalog), network)) : [];
const optIn = `format: 1
people:
  - email: ${MARIA}
    name: "Maria Sandberg"
    organisation: "Region Örebro län"
    demo: true
    digestByEmail: true
`;

describeEachDialect('the network digest by e-mail for a chair who asked for it', (dialect) => {
  // Monday 14 December 2026, 08:00 Stockholm: the network's digest slot.
  const clock = fixedClock('2026-12-10T09:00:00Z');
  const smtp = new FakeSmtp();
  let server: TestServer;

  beforeAll(async () => {
    await smtp.start();
    server = await startTestServer(mailEnv(smtp), dialect, clock);
  });
  afterAll(async () => {
    await server?.stop();
    await smtp.stop();
  });

  it('mails the digest, with its exceptions, once per slot to the opted-in chair and to no other chair', async () => {
    if (!blocked) throw new Error('the network follows no activity');
    await importCatalog(server.app.db, { path: 'people.yaml', text: optIn }, { clock });
    // The app's catalog snapshot trusts its revision a moment; then it sees the import.
    await vi.waitFor(async () => {
      const { view } = await server.app.chat.store.get();
      expect(view.catalog.people.find((p) => p.email === MARIA)?.digestByEmail).toBe(true);
    });
    await server.app.db.kysely
      .insertInto('check_ins')
      .values({
        id: randomUUID(),
        activity_id: blocked.id,
        person_id: null,
        author_name: 'Ägare',
        status_code: 'blocked',
        note: 'Lokalen är stängd.',
        platform: 'slack',
        created_at: '2026-12-10T09:00:00.000Z',
        idempotency_key: null,
        ...PLAIN_CHECK_IN,
      })
      .execute();

    clock.set('2026-12-14T07:00:20Z');
    const run = await server.app.digests.run(clock.now());
    expect(run.sent.find((s) => s.networkId === NETWORK)).toMatchObject({ channels: 0, mails: 1 });
    await server.app.settled();
    // The job runs again in the same slot (another process, the next minute): nothing more.
    expect((await server.app.digests.run(new Date('2026-12-14T07:01:00Z'))).sent).toEqual([]);
    await server.app.settled();

    const mails = smtp.to(MARIA);
    expect(mails.map((m) => m.subject)).toEqual([
      'Veckosammanfattning – Folkhälsochefsnätverket, 7–14 december 2026',
    ]);
    const [mail] = mails;
    expect(mail?.html).toContain('<html lang="sv">');
    expect(mail?.html).toMatch(
      /<h1[^>]*>Veckosammanfattning – Folkhälsochefsnätverket, 7–14 december 2026<\/h1>/,
    );
    expect(mail?.html).not.toContain('<table');
    // The exceptions, in both parts: the blocked activity and what its owner wrote.
    for (const part of [mail?.html ?? '', mail?.text ?? '']) {
      expect(part).toContain('Behöver uppmärksamhet');
      expect(part).toContain(blocked.name);
      expect(part).toContain('Lokalen är stängd.');
    }
    expect(smtp.to(ANNA)).toEqual([]);
  });
});
