import { describe, expect, it } from 'vitest';
import { freezeReply } from '../../../src/chat/immutable-reply.js';
import type { Reply } from '../../../src/chat/reply.js';
import { toRow } from '../../../src/delivery/outbox-codec.js';
import type { NewDelivery } from '../../../src/delivery/outbox-message.js';

const reply = (): Reply => ({
  summary: 'Delmål 5: Sårbara barn får det stöd de behöver',
  blocks: [{ type: 'text', text: 'Citat: "ensamhet" \\ och radbrytning\nhär' }],
});
const delivery = (r: Reply): NewDelivery => ({
  lane: 'interactive',
  to: { kind: 'conversation', platform: 'teams', workspaceId: 't', conversationId: 'a:chat' },
  message: { type: 'reply', reply: r, locale: 'sv' },
});

describe('an outbox row’s message', () => {
  it('reads back as the message it stores, for a shared (frozen) reply as for any other', () => {
    const shared = freezeReply(reply());
    for (const r of [reply(), shared, shared]) {
      const stored = JSON.parse(toRow(delivery(r), '2026-12-07T08:00:00.000Z').message);
      expect(stored).toEqual({ type: 'reply', reply: reply(), locale: 'sv' });
    }
  });
});

describe('an outbox row’s id', () => {
  it('is unique and sorts in the order the rows were made (new rows go to the end of the index)', () => {
    const ids = Array.from({ length: 2000 }, () => toRow(delivery(reply()), '2026-12-07T08:00:00.000Z').id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
