import { randomUUID } from 'node:crypto';
import { endAwayPeriod, openAwayPeriod, personIdByEmail, saveAwayPeriod } from '../../db/away.repository.js';
import type { Db } from '../../db/connection.js';
import { addDays, type LocalDate } from '../../db/model/local-date.js';
import { toLocal } from '../../db/model/zoned-time.js';
import type { Clock } from '../clock.js';
import { containsPersonalIdentityNumber } from '../privacy/personal-identity.js';
import type { AwayPeriod } from './away.js';

/** Why marking someone away was refused; nothing is stored in any of these cases. */
type AwayRefusal = 'unknownPerson' | 'past' | 'tooFar' | 'personalNumber';

type AwayResult =
  | { readonly ok: true; readonly period: AwayPeriod }
  | { readonly ok: false; readonly reason: AwayRefusal };

/** Being away, as chat commands use it. The database implementation below. */
export interface AwayService {
  /** Today's local date, where the service keeps time. */
  today(): LocalDate;
  /** The absence open today for the person with `email`, if any. */
  current(email: string): Promise<AwayPeriod | undefined>;
  /** Marks the person away from today until `until` (inclusive), with an optional note. */
  markAway(email: string, until: LocalDate, note: string): Promise<AwayResult>;
  /** Ends today's absence; false when they were not away. */
  markBack(email: string): Promise<boolean>;
}

/** How far ahead someone may mark themselves away: a year covers any leave a prompt could care about. */
const MAX_DAYS_AHEAD = 366;

/** Absences stored in delmal's database; local dates in `timeZone`. */
export function databaseAway(db: Db, clock: Clock, timeZone: string): AwayService {
  const today = () => toLocal(clock.now(), timeZone).date;
  return {
    today,
    current: async (email) => {
      const personId = await personIdByEmail(db.kysely, email);
      return personId ? openAwayPeriod(db.kysely, personId, today()) : undefined;
    },
    markAway: async (email, until, note) => {
      const from = today();
      if (until < from) return { ok: false, reason: 'past' };
      if (until > addDays(from, MAX_DAYS_AHEAD)) return { ok: false, reason: 'tooFar' };
      // Away notes are free text like check-in notes: a personal identity number is refused, not stored.
      if (containsPersonalIdentityNumber(note)) return { ok: false, reason: 'personalNumber' };
      const personId = await personIdByEmail(db.kysely, email);
      if (!personId) return { ok: false, reason: 'unknownPerson' };
      const period = await saveAwayPeriod(
        db.kysely,
        { id: randomUUID(), personId, from, until, note: note.trim() === '' ? null : note.trim() },
        clock.now().toISOString(),
      );
      return { ok: true, period };
    },
    markBack: async (email) => {
      const personId = await personIdByEmail(db.kysely, email);
      return personId ? endAwayPeriod(db.kysely, personId, today(), clock.now().toISOString()) : false;
    },
  };
}
