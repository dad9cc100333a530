import { expect, it } from 'vitest';
import { z } from 'zod';
import { freezeReply } from '../../../src/chat/immutable-reply.js';
import {
  isMessageType,
  registerMessageType,
  renderMessage,
  validateMessage,
} from '../../../src/delivery/message-types.js';

it('renders a catalog message in the reader’s language at send time', () => {
  const message = validateMessage({
    type: 'text',
    key: 'deliveries.summary',
    params: { pending: 2, failed: 1 },
  });
  expect(renderMessage(message, 'sv').summary).toBe('2 väntar, 1 misslyckade för gott');
  expect(renderMessage(message, 'en').summary).toBe('2 waiting, 1 failed for good');
});

it('checks each message against its type’s schema and says where it is wrong', () => {
  expect(() =>
    validateMessage({ type: 'reply', locale: 'sv', reply: { summary: 'x', blocks: [{ type: 'x' }] } }),
  ).toThrow(
    expect.objectContaining({ code: 'invalid_message', issues: [expect.stringContaining('reply.blocks.0')] }),
  );
  expect(() => validateMessage({ type: 'reply', locale: 'fi', reply: { summary: 'x', blocks: [] } })).toThrow(
    expect.objectContaining({ code: 'invalid_message' }),
  );
  expect(() => validateMessage({ type: 'digest' })).toThrow(
    expect.objectContaining({ code: 'unknown_message_type' }),
  );
});

it('keeps one definition per type', () => {
  expect(isMessageType('reply')).toBe(true);
  expect(() =>
    registerMessageType<'text'>({
      type: 'text',
      schema: z.object({ type: z.literal('text'), key: z.literal('deliveries.none') }),
      render: () => ({ summary: '', blocks: [] }),
    }),
  ).toThrow(expect.objectContaining({ code: 'duplicate_message_type' }));
});

it('checks a shared (frozen) reply once, and still refuses a wrong language around it', () => {
  const reply = freezeReply({ summary: 'Delmål 5', blocks: [{ type: 'text', text: 'Sårbara barn' }] });
  const first = validateMessage({ type: 'reply', reply, locale: 'sv' });
  const again = validateMessage({ type: 'reply', reply, locale: 'en' });
  expect(again).toEqual({
    type: 'reply',
    reply: { summary: 'Delmål 5', blocks: [{ type: 'text', text: 'Sårbara barn' }] },
    locale: 'en',
  });
  // The same checked copy both times: what platforms render from it they can render once.
  expect(again.type === 'reply' && first.type === 'reply' && again.reply === first.reply).toBe(true);
  expect(() => validateMessage({ type: 'reply', reply, locale: 'fi' })).toThrow(
    expect.objectContaining({ code: 'invalid_message' }),
  );
  // Anything else beside it is checked (and dropped) as for any message.
  expect(validateMessage({ type: 'reply', reply, locale: 'sv', extra: 1 })).not.toHaveProperty('extra');
});
