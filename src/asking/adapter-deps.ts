import type { Db } from '../../db/connection.js';
import type { Clock } from '../clock.js';
import type { Deliveries } from '../delivery/deliveries.js';
import type { Locale } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import type { ChatDeps } from './handle-message.js';

/** What every platform adapter is given: the chat core, delivery, the database, time, logs, language. */
export interface AdapterDeps {
  readonly chat: ChatDeps;
  /** How an adapter sends: through the outbox, to neutral addresses, with neutral messages. */
  readonly deliveries: Deliveries;
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The workspace language, for people the catalog does not know. */
  readonly locale: Locale;
}
