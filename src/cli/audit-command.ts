import { type AuditRow, auditEntries } from '../../db/audit-log.repository.js';
import { personIdByEmail } from '../../db/away.repository.js';
import type { Db } from '../../db/connection.js';
import { localTimestamp, toUtc } from '../../db/model/zoned-time.js';
import type { Translate } from '../i18n/i18n.js';
import type { AuditOptions } from './audit-formats.js';
import { type CliContext, CliExit, configFor, withReadyDatabase } from './context.js';

/**
 * `delmal audit [--activity <id>] [--person <email>] [--since <date>] [--format text|json]`: the
 * audit log, oldest first. People are shown by their catalog e-mail while they are in it; a
 * deleted person is an opaque id. Reads only.
 */
export async function auditCommand(ctx: CliContext, options: AuditOptions): Promise<void> {
  const { config, t } = configFor(ctx, false);
  const since = options.since === undefined ? undefined : sinceOf(ctx, t, options.since, config.timezone);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const email = options.person?.trim().toLowerCase();
    const personId = email === undefined ? undefined : await personIdByEmail(db.kysely, email);
    // Someone not (or no longer) in the catalog has no entries by id: none match.
    const rows =
      email !== undefined && personId === undefined
        ? []
        : await auditEntries(db.kysely, {
            ...(options.activity !== undefined ? { activityId: options.activity } : {}),
            ...(personId !== undefined ? { personId } : {}),
            ...(since !== undefined ? { since } : {}),
          });
    const who = await peopleOf(db, rows);
    if (options.format === 'json') {
      ctx.out(
        JSON.stringify(
          rows.map((r) => entryJson(r, who)),
          null,
          2,
        ),
      );
      return;
    }
    if (rows.length === 0) ctx.out(t('cli.audit.none'));
    for (const row of rows) ctx.out(entryLine(t, row, who, config.timezone));
  });
}

/** `--since 2026-11-01` is midnight where the plan is (Stockholm), as the printed times are. */
function sinceOf(ctx: CliContext, t: Translate, value: string, timeZone: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
  const date = day ? toUtc(value, '00:00', timeZone) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.err(t('cli.audit.sinceInvalid', { value }));
    throw new CliExit(64);
  }
  return date.toISOString();
}

/** The e-mails of the people the entries name (by id), for those still in the catalog. */
async function peopleOf(db: Db, rows: readonly AuditRow[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      rows.flatMap((r) => [
        ...(r.actor_kind === 'person' && r.actor_id ? [r.actor_id] : []),
        ...(r.subject_kind === 'person' && r.subject_id ? [r.subject_id] : []),
      ]),
    ),
  ];
  if (ids.length === 0) return new Map();
  const people = await db.kysely
    .selectFrom('people')
    .select(['id', 'email'])
    .where('id', 'in', ids)
    .execute();
  return new Map(people.map((p) => [p.id, p.email]));
}

const fieldsOf = (row: AuditRow): string[] => (row.fields ? (JSON.parse(row.fields) as string[]) : []);

function entryJson(row: AuditRow, who: ReadonlyMap<string, string>) {
  return {
    at: row.at,
    action: row.action,
    actor: {
      kind: row.actor_kind,
      id: row.actor_id,
      ...(row.actor_kind === 'person' && row.actor_id ? { email: who.get(row.actor_id) ?? null } : {}),
    },
    platform: row.platform,
    requestId: row.request_id,
    subject: row.subject_kind ? { kind: row.subject_kind, id: row.subject_id } : null,
    activityId: row.activity_id,
    fields: fieldsOf(row),
  };
}

function entryLine(t: Translate, row: AuditRow, who: ReadonlyMap<string, string>, timeZone: string): string {
  const person = (id: string | null) =>
    id ? (who.get(id) ?? t('cli.audit.removedPerson', { id })) : t('cli.audit.removedPerson', { id: '–' });
  const actor =
    row.actor_kind === 'person'
      ? person(row.actor_id)
      : row.actor_kind === 'operator'
        ? t('cli.audit.operator', { name: row.actor_id ?? '–' })
        : t('cli.audit.system');
  const subject = !row.subject_kind
    ? ''
    : ` · ${row.subject_kind} ${row.subject_kind === 'person' ? person(row.subject_id) : (row.subject_id ?? '')}`.trimEnd();
  const fields = fieldsOf(row);
  return t('cli.audit.line', {
    at: localTimestamp(new Date(row.at), timeZone),
    action: row.action,
    who: actor,
    platform: row.platform,
    subject,
    activity: row.activity_id ? ` · ${row.activity_id}` : '',
    fields: fields.length > 0 ? ` · ${fields.join(', ')}` : '',
    request: row.request_id ?? '–',
  });
}
