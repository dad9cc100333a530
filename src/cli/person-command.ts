import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../../db/audit-log.repository.js';
import { type PersonData, readPersonData } from '../../db/person-data.repository.js';
import { type ErasureMode, type ErasureReport, erasePerson } from '../../db/person-erasure.repository.js';
import type { Translate } from '../i18n/i18n.js';
import { type CliContext, CliExit, configFor, withReadyDatabase } from './context.js';
import { operatorActor } from './operator.js';

const emailOf = (ctx: CliContext, t: Translate, value: string): string => {
  const parsed = z.email().safeParse(value.trim().toLowerCase());
  if (parsed.success) return parsed.data;
  ctx.err(t('cli.person.emailInvalid', { value }));
  throw new CliExit(64);
};

const holdsAnything = (data: PersonData) =>
  data.person !== undefined ||
  data.chatIdentities.length > 0 ||
  data.checkIns.length > 0 ||
  data.deliveries.length > 0 ||
  data.playgroundMessages > 0;

/**
 * `delmal person export <email>`: everything delmal stores about one person, as JSON on stdout —
 * catalog entry and roles, chat identities and DMs, check-ins and earlier versions they wrote,
 * absences, prompts, deliveries to them (type, status, times; not the message), channels they
 * bound, and the audit entries by or about them. The export itself is audited.
 */
export async function personExport(ctx: CliContext, value: string): Promise<void> {
  const { config, t } = configFor(ctx, false);
  const email = emailOf(ctx, t, value);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const data = await readPersonData(db.kysely, email);
    if (!holdsAnything(data)) {
      ctx.err(t('cli.person.notFound', { email }));
      throw new CliExit(1);
    }
    const p = data.person;
    ctx.out(
      JSON.stringify(
        {
          email,
          exportedAt: ctx.clock.now().toISOString(),
          catalog: p
            ? {
                name: p.name,
                organisation: p.organisation,
                locale: p.locale,
                admin: p.is_admin === 1,
                demo: p.is_demo === 1,
                ownerOf: data.ownerOf,
                chairOf: data.chairOf,
                memberOf: data.memberOf,
              }
            : null,
          chatIdentities: data.chatIdentities,
          knownDms: data.knownDms,
          checkIns: data.checkIns,
          checkInVersions: data.checkInVersions,
          away: data.away,
          prompts: data.prompts,
          deliveries: data.deliveries,
          channelsBound: data.channelsBound,
          playgroundMessages: data.playgroundMessages,
          audit: data.audit,
        },
        null,
        2,
      ),
    );
    await appendAudit(
      db.kysely,
      operatorActor(ctx),
      { action: 'person.export', subjectKind: 'person', ...(p ? { subjectId: p.id } : {}) },
      ctx.clock.now().toISOString(),
    );
  });
}

/**
 * `delmal person delete <email> [--mode pseudonymise|erase] [--dry-run]`: deletes a person's data
 * by the retention rules (see erasePerson) in one transaction, and prints what was done — or,
 * dry, what would be — including the catalog entries that still name them in the catalog file.
 */
export async function personDelete(
  ctx: CliContext,
  value: string,
  options: { readonly mode: ErasureMode; readonly dryRun?: boolean },
): Promise<void> {
  const { config, t } = configFor(ctx, false);
  const email = emailOf(ctx, t, value);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const report = await erasePerson(db.kysely, email, {
      mode: options.mode,
      dryRun: options.dryRun === true,
      // Random, not derived from the e-mail: nothing about the person can be recomputed from it.
      pseudonym: `Borttagen person ${randomBytes(3).toString('hex')}`,
      actor: operatorActor(ctx),
      now: ctx.clock.now().toISOString(),
    });
    if (!report.found) {
      ctx.err(t('cli.person.notFound', { email }));
      throw new CliExit(1);
    }
    printReport(ctx, t, email, options, report);
  });
}

function printReport(
  ctx: CliContext,
  t: Translate,
  email: string,
  options: { readonly mode: ErasureMode; readonly dryRun?: boolean },
  r: ErasureReport,
): void {
  const mode = t(options.mode === 'erase' ? 'cli.person.mode.erase' : 'cli.person.mode.pseudonymise', {
    pseudonym: r.pseudonym,
  });
  ctx.out(t(options.dryRun ? 'cli.person.dryRun' : 'cli.person.deleted', { email, mode }));
  ctx.out(t('cli.person.counts', { checkIns: r.checkIns, versions: r.versions, texts: r.textsErased }));
  ctx.out(
    t('cli.person.chat', { identities: r.chatIdentities, dms: r.dms, away: r.away, prompts: r.prompts }),
  );
  ctx.out(
    t('cli.person.outbox', {
      removed: r.deliveriesRemoved,
      cancelled: r.deliveriesCancelled,
      scrubbed: r.messagesScrubbed,
    }),
  );
  const list = (ids: readonly string[]) => ids.join(', ') || '–';
  if (r.ownerOf.length + r.chairOf.length + r.memberOf.length === 0) ctx.out(t('cli.person.catalogNone'));
  else
    ctx.out(
      t('cli.person.catalog', {
        email,
        owner: list(r.ownerOf),
        chair: list(r.chairOf),
        member: list(r.memberOf),
      }),
    );
  if (options.dryRun) ctx.out(t('cli.person.dryRunHint'));
}
