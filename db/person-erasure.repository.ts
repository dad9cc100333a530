import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditActor, appendAudit } from './audit-log.repository.js';
import type { Database } from './database.js';
import { contains, outboxItemsTo, personTraces } from './person-data.repository.js';

/**
 * `pseudonymise` keeps what they wrote (check-ins may be public records) under a pseudonym;
 * `erase` also empties their free text (notes, next steps).
 */
export type ErasureMode = 'pseudonymise' | 'erase';

/** What a deletion did (or, dry, would do): counts per kind, and the catalog entries that named them. */
export interface ErasureReport {
  readonly found: boolean;
  readonly pseudonym: string;
  readonly checkIns: number;
  readonly versions: number;
  readonly textsErased: number;
  readonly chatIdentities: number;
  readonly dms: number;
  readonly away: number;
  readonly prompts: number;
  readonly deliveriesRemoved: number;
  readonly deliveriesCancelled: number;
  readonly messagesScrubbed: number;
  /** Catalog links removed with the person: these are still in the plan administrator's catalog file. */
  readonly ownerOf: readonly string[];
  readonly chairOf: readonly string[];
  readonly memberOf: readonly string[];
}

class DryRun extends Error {
  constructor(readonly report: ErasureReport) {
    super('dry run: rolled back');
  }
}

const count = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);

/**
 * Deletes a person's personal data in one transaction (audited in it): the author of their
 * check-ins and earlier versions becomes `pseudonym` everywhere (text kept, or emptied with
 * `erase`); their chat identities, DMs, absences, prompts, playground DM and the outbox items to
 * them go (pending ones are thereby cancelled); their name and e-mail in other stored messages
 * become the pseudonym; the person leaves the catalog tables (owner, chair, member links). With
 * `dryRun` the same work is done and rolled back, so the report says exactly what would happen.
 */
export async function erasePerson(
  db: Kysely<Database>,
  email: string,
  options: {
    readonly mode: ErasureMode;
    readonly dryRun: boolean;
    readonly pseudonym: string;
    readonly actor: AuditActor;
    readonly now: string;
  },
): Promise<ErasureReport> {
  try {
    return await db.transaction().execute(async (trx) => {
      const report = await erase(trx, email, options);
      if (options.dryRun) throw new DryRun(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}

async function erase(
  trx: Transaction<Database>,
  email: string,
  options: { mode: ErasureMode; pseudonym: string; actor: AuditActor; now: string },
): Promise<ErasureReport> {
  const traces = await personTraces(trx, email);
  const person = traces.person;
  const pid = person?.id ?? '';
  const links = (table: 'activity_owners' | 'network_chairs' | 'network_members', column: string) =>
    trx
      .selectFrom(table)
      .select(sql<string>`${sql.ref(column)}`.as('id'))
      .where('person_id', '=', pid)
      .execute()
      .then((rows) => rows.map((r) => r.id).sort());
  const ownerOf = await links('activity_owners', 'activity_id');
  const chairOf = await links('network_chairs', 'network_id');
  const memberOf = await links('network_members', 'network_id');

  // Their check-ins and versions: by person id, and (for rows whose person link is already gone)
  // by the stored author name.
  const authored = (table: 'check_ins' | 'check_in_versions') =>
    trx
      .updateTable(table)
      .where((eb) =>
        eb.or([
          eb('person_id', '=', pid),
          ...(person ? [eb.and([eb('person_id', 'is', null), eb('author_name', '=', person.name)])] : []),
        ]),
      );
  let textsErased = 0;
  if (options.mode === 'erase') {
    textsErased += count(await authored('check_ins').set({ note: '', next_step: null }).executeTakeFirst());
    textsErased += count(
      await authored('check_in_versions').set({ note: '', next_step: null }).executeTakeFirst(),
    );
  }
  const rename = { person_id: null, author_name: options.pseudonym };
  const checkIns = count(await authored('check_ins').set(rename).executeTakeFirst());
  const versions = count(await authored('check_in_versions').set(rename).executeTakeFirst());

  const pending = Number(
    (
      await outboxItemsTo(trx, traces)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow()
    ).n,
  );
  const addressed = await outboxItemsTo(trx, traces).select('id').execute();
  let deliveriesRemoved = 0;
  for (let i = 0; i < addressed.length; i += 500)
    deliveriesRemoved += count(
      await trx
        .deleteFrom('outbox_items')
        .where(
          'id',
          'in',
          addressed.slice(i, i + 500).map((r) => r.id),
        )
        .executeTakeFirst(),
    );

  // Their name and e-mail inside messages to others (a digest listing owners, an answered prompt).
  let messagesScrubbed = 0;
  for (const needle of [email, ...(person ? [person.name] : [])]) {
    messagesScrubbed += count(
      await trx
        .updateTable('outbox_items')
        .set({ message: sql`replace(message, ${needle}, ${options.pseudonym})` })
        .where(contains('message', needle))
        .executeTakeFirst(),
    );
    messagesScrubbed += count(
      await trx
        .updateTable('local_messages')
        .set({ body: sql`replace(body, ${needle}, ${options.pseudonym})` })
        .where(contains('body', needle))
        .executeTakeFirst(),
    );
  }
  await trx.deleteFrom('local_messages').where('conversation_id', '=', `dm:${email}`).execute();

  const dms = traces.dmConversations.filter((c) => c !== `dm:${email}`);
  if (traces.userIds.length > 0)
    await trx.deleteFrom('teams_conversations').where('user_aad_object_id', 'in', traces.userIds).execute();
  // Rate state keyed by their DM or user id is transient; it goes with them.
  for (const key of [...traces.userIds, ...dms])
    await trx.deleteFrom('rate_buckets').where(contains('key', key)).execute();
  const chatIdentities = count(
    await trx
      .deleteFrom('chat_identities')
      .where((eb) => eb.or([eb('email', '=', email), eb('person_id', '=', pid)]))
      .executeTakeFirst(),
  );
  const away = count(await trx.deleteFrom('away_periods').where('person_id', '=', pid).executeTakeFirst());
  const prompts = count(
    await trx.deleteFrom('check_in_prompts').where('person_id', '=', pid).executeTakeFirst(),
  );
  if (person) {
    await trx.updateTable('network_channels').set({ bound_by: null }).where('bound_by', '=', pid).execute();
    await trx.deleteFrom('activity_owners').where('person_id', '=', pid).execute();
    await trx.deleteFrom('network_chairs').where('person_id', '=', pid).execute();
    await trx.deleteFrom('network_members').where('person_id', '=', pid).execute();
    await trx.deleteFrom('people').where('id', '=', pid).execute();
    // Caches on every replica reload the catalog and the check-ins.
    for (const key of ['revision', 'check_in_revision']) {
      const value = `${options.now}/${randomUUID()}`;
      await trx
        .insertInto('catalog_meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
  }
  const report: ErasureReport = {
    found: person !== undefined || traces.userIds.length > 0 || checkIns > 0,
    pseudonym: options.pseudonym,
    checkIns,
    versions,
    textsErased,
    chatIdentities,
    dms: dms.length,
    away,
    prompts,
    deliveriesRemoved,
    deliveriesCancelled: pending,
    messagesScrubbed,
    ownerOf,
    chairOf,
    memberOf,
  };
  // The person by id only: after this the id names nobody.
  await appendAudit(
    trx,
    options.actor,
    {
      action: 'person.delete',
      subjectKind: 'person',
      ...(person ? { subjectId: person.id } : {}),
      fields: [`mode:${options.mode}`, `checkIns:${checkIns}`, `versions:${versions}`],
    },
    options.now,
  );
  return report;
}
