import { afterEach, beforeEach, expect, it } from 'vitest';
import { LocalPort } from '../../adapters/local/local-port.js';
import type { ChatPort } from '../../src/chat/chat-port.js';
import type { Platform } from '../../src/chat/inbound.js';
import { databaseCheckIns } from '../../src/checkins/check-in-service.js';
import { promptSendTime } from '../../src/checkins/prompt-refresh.js';
import { fixedClock } from '../../src/clock.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { PortDeliverer } from '../../src/delivery/port-deliverer.js';
import { createLogger } from '../../src/logger.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { enqueuePrompt, openWeek, personId, promptMessage, WEEK_ROUND } from '../support/answer-rounds.js';
import { snapshotOf } from '../support/catalog.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const MARIA = 'maria.sandberg@example.org';
const ALI = 'ali.hassan@example.org';
const ROUND = WEEK_ROUND;
const view = snapshotOf().view;

/** The playground port, with a hook run while a send is on its way (after render, before it returns). */
class SlowLocalPort extends LocalPort {
  duringSend: (() => Promise<void>) | undefined;
  override async send(...args: Parameters<LocalPort['send']>) {
    const during = this.duringSend;
    this.duringSend = undefined;
    await during?.();
    return super.send(...args);
  }
}

describeEachDialect('a prompt still waiting in the outbox when another owner answers', (dialect) => {
  let db: TestDatabase;
  let outbox: Outbox;
  let port: SlowLocalPort;
  const clock = fixedClock('2026-11-24T09:00:00Z');
  const logger = createLogger('silent');
  const answer = (email: string, statusCode: string) =>
    databaseCheckIns(db.db, clock, { deliveries: () => outbox }).record(
      view,
      { email },
      { activityId: 'cherries', statusCode },
      'local',
    );
  const promptFor = async (email: string) => {
    const message = {
      ...promptMessage(ROUND, [{ id: 'cherries', name: 'CHERRIES', currentStatus: 'on_track' }]),
      reader: await personId(db.db, email),
    };
    return enqueuePrompt(db.db, outbox, {
      roundId: ROUND,
      email,
      to: { kind: 'person', email, platform: 'local' },
      message,
    });
  };
  /** What a person's playground shows: each message (by id) as last sent or updated. */
  const shown = async (email: string) => {
    const rows = await db.db.kysely
      .selectFrom('local_messages')
      .select('body')
      .where('conversation_id', '=', `dm:${email}`)
      .orderBy('created_at')
      .execute();
    const byId = new Map<string, string>();
    for (const row of rows) {
      const event = JSON.parse(row.body) as { id: string; card: unknown };
      byId.set(event.id, JSON.stringify(event.card));
    }
    return [...byId.values()];
  };
  const texts = (card: string | undefined) => textBlockTexts(JSON.parse(card ?? '{}')).join(' ');
  const buttons = (card: string | undefined) =>
    [...(card ?? '').matchAll(/"title":"([^"]+)"/g)].map((m) => m[1]);

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
    clock.set('2026-11-24T09:00:00Z');
    port = new SlowLocalPort({ db: db.db, clock });
    const deliverer = new PortDeliverer(new Map<Platform, ChatPort>([['local', port]]), {
      db: db.db,
      locale: 'sv',
      sendTime: [promptSendTime({ db: db.db, deliveries: () => outbox, logger })],
    });
    outbox = new Outbox(db.db, clock, logger, deliverer, { random: () => 0 });
    await openWeek(db.db, ['cherries']);
  });
  afterEach(async () => {
    await outbox.stop();
    await db.drop();
  });

  it('goes out showing the answer, without status buttons; the other owner can only comment', async () => {
    await promptFor(MARIA);
    await outbox.drain();
    // Ali's prompt waits (a long round, a paused rate bucket) while Maria answers.
    await promptFor(ALI);
    await answer(MARIA, 'at_risk');
    await outbox.drain();

    const [alis] = await shown(ALI);
    expect(texts(alis)).toContain('✓ Maria Sandberg svarade');
    expect(texts(alis)).toContain('Risk för avvikelse');
    expect(buttons(alis)).not.toContain('Enligt plan');
    expect(buttons(alis)).toContain('Lägg till kommentar');
    const [marias] = await shown(MARIA);
    expect(texts(marias)).toContain('✓ Du svarade');
    // One message each: Ali's prompt went out answered, it was not sent and then updated.
    expect(await shown(ALI)).toHaveLength(1);
  });

  it('an answer given while the prompt is on its way is shown by an update in place right after', async () => {
    await promptFor(ALI);
    port.duringSend = async () => {
      await answer(MARIA, 'blocked');
    };
    await outbox.drain();

    const items = await db.db.kysely
      .selectFrom('outbox_items')
      .select(['status', 'replaces'])
      .where('message_type', '=', 'checkin-prompt')
      .execute();
    expect(items.map((i) => [i.status, i.replaces === null ? 'prompt' : 'update'])).toEqual([
      ['sent', 'prompt'],
      ['sent', 'update'],
    ]);
    const cards = await shown(ALI);
    expect(cards).toHaveLength(1);
    expect(texts(cards[0])).toContain('✓ Maria Sandberg svarade');
    expect(buttons(cards[0])).not.toContain('Hinder / avvikelse');
  });
});
