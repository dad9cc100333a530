import type { LocalDate } from './local-date.js';

/** A period someone marked themselves away (`delmal borta`), local dates inclusive. */
export interface AwayPeriod {
  readonly id: string;
  readonly personId: string;
  readonly from: LocalDate;
  readonly until: LocalDate;
  readonly note?: string;
  /** When `delmal tillbaka` ended it early (UTC ISO). */
  readonly endedAt?: string;
  /** When the one catch-up prompt after it went out (UTC ISO). */
  readonly caughtUpAt?: string;
}
