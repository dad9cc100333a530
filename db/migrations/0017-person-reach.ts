import type { Kysely } from 'kysely';

/**
 * How each person is reached (`people.reach`): `chat` (the default: Slack or Teams), `email`, or
 * `chat-then-email` (e-mail when no chat DM works). Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('reach', 'text', (c) => c.notNull().defaultTo('chat'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('reach').execute();
}
