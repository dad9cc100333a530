import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { homeReply } from '../../commands/home.js';
import { COMMANDS } from '../../commands/index.js';
import { PLAIN_CHECK_IN } from '../../db/check-ins.repository.js';
import type { CheckInRow } from '../../db/database.js';
import { handleMessage } from '../../src/asking/handle-message.js';
import { localInbound } from '../../src/chat/inbound-schema.js';
import type { Reply } from '../../src/chat/reply.js';
import type { CheckInService } from '../../src/checkins/check-in-service.js';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import type { CatalogSnapshot, CatalogStore } from '../../src/search/catalog-store.js';
import { snapshotOf, visibleText } from './catalog.js';

const FIXTURE = new URL('../fixtures/evaluation/questions.yaml', import.meta.url);

const question = z.strictObject({
  kind: z.enum(['search', 'typo', 'compound', 'intent']),
  ask: z.string().min(1),
  expect: z.array(z.string()).min(1),
  all: z.boolean().default(false),
  heading: z.string().optional(),
  mentions: z.array(z.string()).default([]),
});
const fixture = z.strictObject({
  now: z.iso.datetime(),
  checkIns: z.array(
    z.strictObject({
      activity: z.string(),
      status: z.string(),
      at: z.iso.datetime(),
      author: z.string(),
      note: z.string(),
    }),
  ),
  questions: z.array(question),
});
type EvaluationQuestion = z.output<typeof question>;
export type EvaluationSet = z.output<typeof fixture>;

/** The project's own question set (tests/fixtures/evaluation/questions.yaml), validated. */
export const evaluationSet: EvaluationSet = fixture.parse(parse(readFileSync(FIXTURE, 'utf8')));

/** The fixture's check-ins as stored rows, oldest first. */
function evaluationCheckIns(set: EvaluationSet = evaluationSet): CheckInRow[] {
  return set.checkIns.map((c, i) => ({
    id: `eval-${i + 1}`,
    activity_id: c.activity,
    person_id: null,
    author_name: c.author,
    status_code: c.status,
    note: c.note,
    platform: 'slack',
    created_at: c.at,
    idempotency_key: null,
    ...PLAIN_CHECK_IN,
  }));
}

/** The shipped catalog with the fixture's check-in notes indexed, as the catalog store holds it. */
export function evaluationSnapshot(set: EvaluationSet = evaluationSet): CatalogSnapshot {
  const snapshot = snapshotOf();
  snapshot.search.addNotes(
    evaluationCheckIns(set).map((r) => ({
      id: r.id,
      activityId: r.activity_id,
      activityName: snapshot.view.activities.get(r.activity_id)?.name ?? r.activity_id,
      text: r.note,
      at: r.created_at,
    })),
  );
  return snapshot;
}

/** Check-ins answered from a fixed list: the live data of the evaluation. */
function fixedCheckIns(rows: readonly CheckInRow[]): CheckInService {
  const latest = new Map(
    [...rows]
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .map((r) => [
        r.activity_id,
        { statusCode: r.status_code, at: r.created_at, authorName: r.author_name },
      ]),
  );
  return {
    latest: async () => latest,
    history: async (activityId) => rows.filter((r) => r.activity_id === activityId).reverse(),
    record: async () => ({ ok: false, problems: [{ field: 'activity', key: 'checkin.error.notOwner' }] }),
    edit: async () => ({ ok: false, problems: [{ field: 'activity', key: 'checkin.error.notOwner' }] }),
  };
}

/** The catalog ids a reply points to, in the order a reader meets them (list rows, buttons). */
function referencedIds(reply: Reply, snapshot: CatalogSnapshot): string[] {
  const ids: string[] = [];
  const goalId = (n: number) => snapshot.view.goalByNumber(n)?.goal.id;
  const add = (command: string) => {
    const activity = /^delmal aktivitet (\S+)$/.exec(command)?.[1];
    const goal = /^delmal (\d+)$/.exec(command)?.[1];
    const id = activity ?? (goal ? goalId(Number(goal)) : undefined);
    if (id && !ids.includes(id)) ids.push(id);
  };
  for (const block of reply.blocks) {
    if (block.type === 'list')
      for (const item of block.items) if (item.action?.kind === 'command') add(item.action.command);
    if (block.type === 'actions') for (const a of block.actions) if (a.kind === 'command') add(a.command);
  }
  return ids;
}

export interface Outcome {
  readonly question: EvaluationQuestion;
  readonly hit: boolean;
  readonly got: readonly string[];
  readonly heading: string;
}

/** Whether one reply answers one question: see the fixture's header for the rules. */
function judge(q: EvaluationQuestion, reply: Reply, snapshot: CatalogSnapshot): Outcome {
  const got = referencedIds(reply, snapshot);
  const firstHeading = reply.blocks.find((b) => b.type === 'heading');
  const heading = firstHeading?.type === 'heading' ? firstHeading.text : reply.summary;
  const text = visibleText(reply);
  const found = q.all
    ? q.expect.every((id) => got.includes(id))
    : got.slice(0, 3).some((id) => q.expect.includes(id));
  const understood = !q.heading || `${heading}\n${reply.summary}`.includes(q.heading);
  const mentioned = q.mentions.every((m) => text.includes(m));
  return { question: q, hit: found && understood && mentioned, got, heading };
}

/** Asks every question through the real dispatcher against `snapshot` and the fixture's check-ins. */
export async function evaluate(
  snapshot: CatalogSnapshot,
  set: EvaluationSet = evaluationSet,
): Promise<{ rate: number; outcomes: Outcome[] }> {
  const store = { get: async () => snapshot } as unknown as CatalogStore;
  const deps = {
    store,
    checkIns: fixedCheckIns(evaluationCheckIns(set)),
    commands: COMMANDS,
    home: homeReply,
    clock: fixedClock(set.now),
    logger: createLogger('silent'),
    timezone: 'Europe/Stockholm',
  };
  const outcomes: Outcome[] = [];
  for (const q of set.questions) {
    const reply = await handleMessage(deps, localInbound(q.ask), { locale: 'sv' });
    outcomes.push(judge(q, reply, snapshot));
  }
  return { rate: outcomes.filter((o) => o.hit).length / outcomes.length, outcomes };
}
