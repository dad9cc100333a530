import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The audit log's write order: `seq`, increasing with every entry, orders entries of the same
 * instant (their ids are random UUIDs, which ordered them arbitrarily). PostgreSQL adds an identity
 * column; SQLite cannot add an autoincrement column to a table, so the table is rebuilt around
 * `seq integer primary key autoincrement` (never reused: no entry is ever deleted), existing
 * entries numbered in their (at, id) order. The append-only triggers stay. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // Adding an identity column rewrites the table; it is not an UPDATE, so the trigger allows it.
    await sql`alter table audit_log add column seq bigint generated always as identity`.execute(db);
    await sql`create unique index audit_log_seq on audit_log (seq)`.execute(db);
    return;
  }
  await sql`create table audit_log_v16 (
    seq integer primary key autoincrement,
    id text not null unique,
    at text not null,
    actor_kind text not null,
    actor_id text,
    action text not null,
    platform text not null,
    request_id text,
    subject_kind text,
    subject_id text,
    activity_id text,
    fields text
  )`.execute(db);
  await sql`insert into audit_log_v16 (id, at, actor_kind, actor_id, action, platform, request_id,
      subject_kind, subject_id, activity_id, fields)
    select id, at, actor_kind, actor_id, action, platform, request_id, subject_kind, subject_id,
      activity_id, fields from audit_log order by at, id`.execute(db);
  // Dropping the table drops its triggers and indexes with it (DROP TABLE fires no DELETE trigger).
  await sql`drop table audit_log`.execute(db);
  await sql`alter table audit_log_v16 rename to audit_log`.execute(db);
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'seq']).execute();
  await db.schema.createIndex('audit_log_activity').on('audit_log').columns(['activity_id', 'at']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at']).execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_id', 'at']).execute();
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists audit_log_seq`.execute(db);
    await sql`alter table audit_log drop column seq`.execute(db);
    return;
  }
  // SQLite 3.35+ drops a column, but not a primary key: the table keeps `seq` (it harms nothing).
}

/** The two dialects differ here; kysely's adapter says which one this is. */
const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
