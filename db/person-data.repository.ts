import { type Kysely, sql } from 'kysely';
import { type AuditRow, auditEntries } from './audit-log.repository.js';
import type { CheckInRow, Database, PersonRow } from './database.js';
import { type KnownDm, knownDms } from './known-dms.repository.js';

/** Where a person can be found outside the catalog tables: their chat ids, DMs and playground DM. */
export interface PersonTraces {
  readonly person: PersonRow | undefined;
  readonly email: string;
  /** Every chat user id the platforms gave us for them (Slack U…, Teams AAD object ids). */
  readonly userIds: readonly string[];
  /** Their DM conversations: Slack D…, Teams personal conversations, the playground's `dm:<email>`. */
  readonly dmConversations: readonly string[];
}

/** Finds the person with `email` (lower-case) and their chat traces, whether or not the catalog has them. */
export async function personTraces(db: Kysely<Database>, email: string): Promise<PersonTraces> {
  const person = await db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
  let identities = db.selectFrom('chat_identities').select(['platform', 'user_id', 'conversation_id']);
  identities = person
    ? identities.where((eb) => eb.or([eb('email', '=', email), eb('person_id', '=', person.id)]))
    : identities.where('email', '=', email);
  const rows = await identities.execute();
  const userIds = [...new Set(rows.map((r) => r.user_id))];
  const teamsUsers = rows.filter((r) => r.platform === 'teams').map((r) => r.user_id);
  const personal = teamsUsers.length
    ? await db
        .selectFrom('teams_conversations')
        .select('conversation_id')
        .where('user_aad_object_id', 'in', teamsUsers)
        .where('conversation_type', '=', 'personal')
        .execute()
    : [];
  const dmConversations = [
    ...new Set([
      ...rows.flatMap((r) => (r.conversation_id ? [r.conversation_id] : [])),
      ...personal.map((p) => p.conversation_id),
      `dm:${email}`,
    ]),
  ];
  return { person, email, userIds, dmConversations };
}

/** Outbox items addressed to the person: by e-mail, by one of their user ids, or to one of their DMs. */
export function outboxItemsTo(db: Kysely<Database>, traces: PersonTraces) {
  const needles = [traces.email, ...traces.userIds, ...traces.dmConversations];
  return db
    .selectFrom('outbox_items')
    .where((eb) =>
      eb.or([eb('recipient', '=', traces.email), ...needles.map((n) => contains('to_address', n))]),
    );
}

/** `column` contains `value` literally (LIKE with its wildcards escaped; the same on both dialects). */
export const contains = (column: string, value: string) =>
  sql<boolean>`${sql.ref(column)} like ${`%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;

/** Everything delmal stores about one person, as the export prints it. */
export interface PersonData {
  readonly person: PersonRow | undefined;
  readonly ownerOf: readonly { id: string; name: string }[];
  readonly chairOf: readonly { id: string; name: string }[];
  readonly memberOf: readonly { id: string; name: string }[];
  readonly chatIdentities: readonly Record<string, unknown>[];
  readonly knownDms: readonly KnownDm[];
  readonly checkIns: readonly CheckInRow[];
  readonly checkInVersions: readonly Record<string, unknown>[];
  readonly away: readonly Record<string, unknown>[];
  readonly prompts: readonly Record<string, unknown>[];
  readonly deliveries: readonly Record<string, unknown>[];
  readonly channelsBound: readonly Record<string, unknown>[];
  readonly playgroundMessages: number;
  readonly audit: readonly AuditRow[];
}

/** Reads everything about the person with `email`. */
export async function readPersonData(db: Kysely<Database>, email: string): Promise<PersonData> {
  const traces = await personTraces(db, email);
  const pid = traces.person?.id;
  const linked = async (table: 'network_chairs' | 'network_members') =>
    pid
      ? db
          .selectFrom(`${table} as l`)
          .innerJoin('networks as n', 'n.id', 'l.network_id')
          .select(['n.id', 'n.name'])
          .where('l.person_id', '=', pid)
          .orderBy('n.id')
          .execute()
      : [];
  const none = ''; // no person: no row has an empty person id
  const identities = await db
    .selectFrom('chat_identities')
    .selectAll()
    .where((eb) => eb.or([eb('email', '=', email), ...(pid ? [eb('person_id', '=', pid)] : [])]))
    .execute();
  return {
    person: traces.person,
    ownerOf: pid
      ? await db
          .selectFrom('activity_owners as o')
          .innerJoin('activities as a', 'a.id', 'o.activity_id')
          .select(['a.id', 'a.name'])
          .where('o.person_id', '=', pid)
          .orderBy('a.id')
          .execute()
      : [],
    chairOf: await linked('network_chairs'),
    memberOf: await linked('network_members'),
    chatIdentities: identities,
    knownDms: (await knownDms(db, [email])).get(email) ?? [],
    checkIns: await db
      .selectFrom('check_ins')
      .selectAll()
      .where('person_id', '=', pid ?? none)
      .orderBy('created_at')
      .execute(),
    checkInVersions: await db
      .selectFrom('check_in_versions')
      .selectAll()
      .where('person_id', '=', pid ?? none)
      .orderBy('recorded_at')
      .execute(),
    away: await db
      .selectFrom('away_periods')
      .selectAll()
      .where('person_id', '=', pid ?? none)
      .execute(),
    prompts: await db
      .selectFrom('check_in_prompts')
      .selectAll()
      .where('person_id', '=', pid ?? none)
      .execute(),
    // What was sent to them and how it went; the messages themselves are delmal's own words.
    deliveries: await outboxItemsTo(db, traces)
      .select([
        'id',
        'lane',
        'message_type',
        'status',
        'recipient',
        'created_at',
        'sent_at',
        'failure_reason',
      ])
      .orderBy('created_at')
      .execute(),
    channelsBound: pid
      ? await db
          .selectFrom('network_channels')
          .select(['network_id', 'platform', 'workspace_id', 'conversation_id', 'bound_at'])
          .where('bound_by', '=', pid)
          .execute()
      : [],
    playgroundMessages: Number(
      (
        await db
          .selectFrom('local_messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('conversation_id', '=', `dm:${email}`)
          .executeTakeFirstOrThrow()
      ).n,
    ),
    audit: pid ? await auditEntries(db, { personId: pid }) : [],
  };
}
