import { readFileSync } from 'node:fs';
import { homeReply } from '../../commands/home.js';
import { COMMANDS } from '../../commands/index.js';
import { PLAIN_CHECK_IN } from '../../db/check-ins.repository.js';
import type { CheckInRow } from '../../db/database.js';
import type { Catalog } from '../../db/model/catalog-schema.js';
import type { Asker } from '../../src/asking/command.js';
import { handleMessage } from '../../src/asking/handle-message.js';
import { parseCatalogFile } from '../../src/catalog/catalog-file.js';
import { CatalogView } from '../../src/catalog/catalog-view.js';
import { localInbound } from '../../src/chat/inbound-schema.js';
import type { Reply } from '../../src/chat/reply.js';
import type { CheckInService } from '../../src/checkins/check-in-service.js';
import { notOwnerProblem } from '../../src/checkins/record-check-in.js';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { SHIPPED_CATALOG } from '../../src/paths.js';
import type { CatalogSnapshot, CatalogStore } from '../../src/search/catalog-store.js';
import { SearchIndex } from '../../src/search/search-index.js';

/** The shipped catalog, parsed and validated. */
export const shippedCatalog: Catalog = parseCatalogFile(
  SHIPPED_CATALOG,
  readFileSync(SHIPPED_CATALOG, 'utf8'),
).catalog;

/** A snapshot of `catalog` as the catalog store would hold it. */
export function snapshotOf(catalog: Catalog = shippedCatalog): CatalogSnapshot {
  const view = new CatalogView(catalog);
  return { revision: 'test', view, search: SearchIndex.fromCatalog(view) };
}

/** Runs one chat message against `catalog` through the real dispatcher and error boundary. */
export async function ask(
  text: string,
  asker: Partial<Asker> = {},
  catalog: Catalog = shippedCatalog,
): Promise<Reply> {
  const snapshot = snapshotOf(catalog);
  const store = { get: async () => snapshot } as unknown as CatalogStore;
  return handleMessage(
    {
      store,
      checkIns: memoryCheckIns(),
      commands: COMMANDS,
      home: homeReply,
      clock: fixedClock('2026-11-22T08:00:00Z'),
      logger: createLogger('silent'),
      timezone: 'Europe/Stockholm',
    },
    localInbound(text, asker),
    { locale: 'sv', ...asker },
  );
}

/** Check-ins kept in memory: for command tests that need no database. */
export function memoryCheckIns(): CheckInService {
  const rows: CheckInRow[] = [];
  return {
    latest: async () =>
      new Map(
        rows.map((r) => [
          r.activity_id,
          { statusCode: r.status_code, at: r.created_at, authorName: r.author_name },
        ]),
      ),
    history: async (activityId) => rows.filter((r) => r.activity_id === activityId).reverse(),
    record: async (view, author, input, platform, idempotencyKey) => {
      const earlier = rows.find((r) => idempotencyKey !== undefined && r.idempotency_key === idempotencyKey);
      if (earlier) return { ok: true, checkIn: earlier, repeated: true };
      const activity = view.activities.get(input.activityId);
      const person = author.email ? view.people.get(author.email) : undefined;
      if (!activity || !person || !activity.owners.includes(person.email))
        return { ok: false, problems: [notOwnerProblem(author.email, { name: activity?.name ?? '' })] };
      const row: CheckInRow = {
        id: String(rows.length + 1),
        activity_id: activity.id,
        person_id: null,
        author_name: person.name,
        status_code: input.statusCode,
        note: input.note ?? '',
        platform,
        created_at: '2026-11-22T08:14:00Z',
        idempotency_key: idempotencyKey ?? null,
        ...PLAIN_CHECK_IN,
      };
      rows.push(row);
      return { ok: true, checkIn: row };
    },
    edit: async (_view, _author, input) => {
      const latest = rows.findLast((r) => r.activity_id === input.activityId);
      if (!latest)
        return { ok: false, problems: [{ field: 'activity', key: 'checkin.error.nothingToEdit' }] };
      const edited = {
        ...latest,
        status_code: input.statusCode,
        note: input.note ?? '',
        version: latest.version + 1,
      };
      rows[rows.indexOf(latest)] = edited;
      return { ok: true, checkIn: edited, changed: true };
    },
  };
}

/** Every piece of text a reply shows, in order, for assertions about what a reader sees. */
export function visibleText(reply: Reply): string {
  const parts: string[] = [reply.summary];
  for (const block of reply.blocks) {
    if (block.type === 'heading' || block.type === 'text' || block.type === 'context') parts.push(block.text);
    if (block.type === 'fields') for (const f of block.fields) parts.push(`${f.label}: ${f.value}`);
    if (block.type === 'list') {
      if (block.heading) parts.push(block.heading);
      for (const item of block.items)
        parts.push([item.title, item.status?.label, item.detail].filter(Boolean).join(' | '));
    }
    if (block.type === 'actions') for (const a of block.actions) parts.push(`[${a.label}]`);
    if (block.type === 'more') parts.push(`[${block.label}]`);
    if (block.type === 'question') {
      parts.push([block.title, block.status?.label, block.detail, block.note].filter(Boolean).join(' | '));
      for (const a of block.answers) parts.push(`[${a.label}]`);
      if (block.form) parts.push(`[${block.form.label}]`);
    }
  }
  if (reply.pagination) parts.push(reply.pagination.label);
  return parts.join('\n');
}

/** The commands behind every button of a reply. */
export function buttonCommands(reply: Reply): string[] {
  const commands: string[] = [];
  for (const block of reply.blocks) {
    if (block.type === 'actions')
      for (const a of block.actions) if (a.kind === 'command') commands.push(a.command);
    if (block.type === 'list')
      for (const i of block.items) if (i.action?.kind === 'command') commands.push(i.action.command);
    if (block.type === 'more') commands.push(block.command);
    if (block.type === 'question')
      for (const a of block.answers) if (a.kind === 'command') commands.push(a.command);
  }
  for (const a of [reply.pagination?.previous, reply.pagination?.next])
    if (a?.kind === 'command') commands.push(a.command);
  return commands;
}
