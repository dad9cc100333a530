import type { Db } from '../db/connection.js';

/** Owner `i`'s e-mail in the synthetic plan (`u<i>@bench.example`). */
export const benchEmail = (i: number) => `u${i}@bench.example`;

/** How the synthetic plan's one weekly schedule runs. */
export interface BenchSchedule {
  readonly weekday: string;
  readonly time: string;
  readonly active?: boolean;
  /** Extra schedule fields as catalog YAML (e.g. `reminderAfterWorkdays: 0`). */
  readonly extra?: string;
}

/**
 * The synthetic plan of the round benchmarks: `activities` activities, activity i owned by person
 * i mod `owners`, 20 goals, one weekly schedule without a summer pause.
 */
export function benchCatalog(options: {
  readonly owners: number;
  readonly activities: number;
  readonly current: boolean;
  readonly schedule: BenchSchedule;
}): string {
  const { owners, activities, schedule } = options;
  const lines = [
    'format: 1',
    'plans:',
    `  - { id: bench, name: Benchplan, kind: action_plan, periodStart: 2026, current: ${options.current},`,
    `      goals: [${Array.from({ length: 20 }, (_, g) => `{ id: bg${g + 1}, number: ${g + 1}, title: Mål ${g + 1} }`).join(', ')}] }`,
    'activities:',
  ];
  for (let i = 0; i < activities; i++)
    lines.push(
      `  - { id: ba${i}, name: Syntetisk aktivitet ${i}, reportedStatus: ongoing, goals: [bg${(i % 20) + 1}], owners: [${benchEmail(i % owners)}] }`,
    );
  lines.push('people:');
  for (let i = 0; i < owners; i++) lines.push(`  - { email: ${benchEmail(i)}, name: Person ${i} }`);
  lines.push('schedules:', scheduleLine(schedule));
  return `${lines.join('\n')}\n`;
}

/** The synthetic plan's schedule `bench-weekly` as one catalog YAML line (also a file on its own). */
export function scheduleLine(schedule: BenchSchedule): string {
  const fields = [
    'id: bench-weekly',
    'plan: bench',
    'cadence: weekly',
    `weekday: ${schedule.weekday}`,
    `time: "${schedule.time}"`,
    'summerPause: false',
    ...(schedule.active === false ? ['active: false'] : []),
    ...(schedule.extra ? [schedule.extra] : []),
  ];
  return `  - { ${fields.join(', ')} }`;
}

/**
 * Stores the Slack identities (user `Uu<n>`, DM `Du<n>`) the identity warm-up would have found for
 * owners `from`…`owners`−1 over the days before a round, so the round only posts.
 */
export async function seedSlackIdentities(db: Db, owners: number, from = 0): Promise<void> {
  for (let i = from; i < owners; i += 500)
    await db.kysely
      .insertInto('chat_identities')
      .values(
        Array.from({ length: Math.min(500, owners - i) }, (_, k) => i + k).map((n) => ({
          platform: 'slack',
          tenant_id: 'T0001',
          user_id: `Uu${n}`,
          person_id: null,
          email: benchEmail(n),
          display_name: `Person ${n}`,
          locale: null,
          updated_at: new Date().toISOString(),
          conversation_id: `Du${n}`,
        })),
      )
      .onConflict((oc) => oc.columns(['platform', 'tenant_id', 'user_id']).doNothing())
      .execute();
}
