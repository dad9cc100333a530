import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { PERSON_REACH } from './model/catalog-schema.js';

/** How a person is reached (`people.reach`). */
export type PersonReachSetting = (typeof PERSON_REACH)[number];

/** Of `emails`, the people whose reach is `email` (lower-cased): their prompts go by e-mail only. */
export async function emailOnlyPeople(db: Kysely<Database>, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .selectFrom('people')
    .select('email')
    .where('reach', '=', 'email')
    .where(
      'email',
      'in',
      emails.map((e) => e.toLowerCase()),
    )
    .execute();
  return new Set(rows.map((r) => r.email));
}

/** The reach of the catalog person with this e-mail; undefined when the catalog has no such person. */
export async function reachOfEmail(
  db: Kysely<Database>,
  email: string,
): Promise<{ readonly reach: PersonReachSetting; readonly name: string } | undefined> {
  const row = await db
    .selectFrom('people')
    .select(['reach', 'name'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!row) return undefined;
  const reach = (PERSON_REACH as readonly string[]).includes(row.reach)
    ? (row.reach as PersonReachSetting)
    : 'chat';
  return { reach, name: row.name };
}
