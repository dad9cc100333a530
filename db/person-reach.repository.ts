import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { PERSON_REACH } from './model/catalog-schema.js';

/** How a person is reached (`people.reach`). */
export type PersonReachSetting = (typeof PERSON_REACH)[number];

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
