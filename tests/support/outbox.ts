import { type Db, openDatabase } from '../../db/connection.js';
import type { NewDelivery } from '../../src/delivery/outbox-message.js';
import type { Dialect, TestDatabase } from './databases.js';

/** A second connection (its own pool or file handle) to the same test database: another worker. */
export function openAnotherConnection(test: TestDatabase, dialect: Dialect): Db {
  return dialect === 'sqlite'
    ? openDatabase({ dialect: 'sqlite', file: test.url })
    : openDatabase({ dialect: 'postgres', url: test.url });
}

/** A bulk notice to conversation `c<n>` (a channel in a round). */
export function bulkTo(n: number, channels = 50): NewDelivery {
  return {
    lane: 'bulk',
    to: { kind: 'conversation', platform: 'local', workspaceId: 'w', conversationId: `c${n % channels}` },
    message: { type: 'text', key: 'deliveries.none' },
  };
}

/** An answer to a person's own action. */
export function interactiveTo(email: string): NewDelivery {
  return {
    lane: 'interactive',
    to: { kind: 'person', email },
    message: {
      type: 'reply',
      locale: 'sv',
      reply: { summary: 'Tack!', blocks: [{ type: 'text', text: 'Tack!' }] },
    },
  };
}
