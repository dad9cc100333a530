/**
 * E-mail round benchmark: ONE check-in round for BENCH_OWNERS owners of whom BENCH_EMAIL_OWNERS
 * have `reach: email`, run by the real engine in the real app (`startDelmal`: outbox, Slack port
 * against a rate-limited fake Web API, e-mail port over SMTP to an in-process relay, smtp-server,
 * that answers 421 beyond BENCH_MAIL_PER_S messages a second). delmal is configured with the same
 * rate (MAIL_RATE_PER_SECOND). Reports how long the e-mail part took against the floor the relay's
 * rate allows, and lost and duplicated messages on both paths.
 * Run: npm run bench:email   (BENCH_OWNERS, BENCH_EMAIL_OWNERS, BENCH_MAIL_PER_S, BENCH_DIALECT)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startDelmal } from '../src/app.js';
import { importCatalog } from '../src/catalog/catalog-import.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { RateLimitedSlack } from '../tests/fakes/rate-limited-slack.js';
import { FakeSmtp } from '../tests/support/smtp.js';
import { benchCatalog, benchEmail, seedSlackIdentities } from './round-data.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const OWNERS = env('BENCH_OWNERS', 5_000);
const EMAIL_OWNERS = env('BENCH_EMAIL_OWNERS', 1_000);
const ACTIVITIES = env('BENCH_ACTIVITIES', OWNERS * 2);
const MAIL_PER_S = env('BENCH_MAIL_PER_S', 10);
const TIER_PER_S = 50;
const now = () => performance.timeOrigin + performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const slack = new RateLimitedSlack({
    perChannel: { limit: 1, perMs: 1000 },
    tier: { limit: TIER_PER_S, perMs: 1000 },
    tier3: { limit: 50, perMs: 60_000 },
  });
  await slack.start();
  const smtp = new FakeSmtp({ perSecond: MAIL_PER_S });
  await smtp.start();
  const dir = mkdtempSync(join(os.tmpdir(), 'delmal-email-bench-'));
  const config = {
    ...loadConfig({
      DATABASE_URL: join(dir, 'delmal.sqlite'),
      DELMAL_ENV: 'production',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789abcdef',
      SLACK_API_URL: slack.apiUrl,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'delmal <delmal@bench.example>',
      MAIL_RATE_PER_SECOND: String(MAIL_PER_S),
      PUBLIC_URL: 'https://delmal.bench.example',
      DELMAL_LINK_SECRET: 'b'.repeat(64),
    }),
    port: 0,
  };
  const app = await startDelmal(config, {
    logger: createLogger('error'),
    clock: systemClock,
    host: '127.0.0.1',
  });
  console.log(
    `email bench: ${OWNERS} owners (${EMAIL_OWNERS} by e-mail at ${MAIL_PER_S}/s), ${ACTIVITIES} activities, sqlite, load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  await importCatalog(
    app.db,
    {
      path: 'bench.yaml',
      text: benchCatalog({
        owners: OWNERS,
        activities: ACTIVITIES,
        current: false,
        schedule: { weekday: 'monday', time: '09:00' },
      }),
    },
    { clock: systemClock },
  );
  const emailOwners = Array.from({ length: EMAIL_OWNERS }, (_, i) => benchEmail(i));
  for (let i = 0; i < emailOwners.length; i += 500)
    await app.db.kysely
      .updateTable('people')
      .set({ reach: 'email' })
      .where('email', 'in', emailOwners.slice(i, i + 500))
      .execute();
  // Chat owners have their Slack DMs already (the warm-up's work); e-mail owners have none.
  await seedSlackIdentities(app.db, OWNERS, EMAIL_OWNERS);
  await app.chat.store.get();

  // The round's prompts as the engine enqueues them (one bulk item per owner, addressed to the
  // person: a Slack DM where the identity is stored, e-mail for `reach: email`).
  const round = 'bench-weekly:bench';
  await app.db.kysely
    .insertInto('check_in_rounds')
    .values({
      id: round,
      schedule_id: 'bench-weekly',
      slot: 'bench',
      opened_at: new Date().toISOString(),
      deadline_at: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      closes_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      created_at: new Date().toISOString(),
    })
    .execute();
  const deliveries = Array.from({ length: OWNERS }, (_, i) => ({
    lane: 'bulk' as const,
    // As the engine addresses them: e-mail owners on the e-mail platform (its rate bucket known).
    to: {
      kind: 'person' as const,
      email: benchEmail(i),
      ...(i < EMAIL_OWNERS ? { platform: 'email' as const } : {}),
    },
    dedupeKey: `checkin:prompt:${round}:${benchEmail(i)}`,
    message: {
      type: 'checkin-prompt' as const,
      kind: 'prompt' as const,
      roundId: round,
      deadline: new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10),
      activities: [
        {
          activityId: `ba${i}`,
          name: `Syntetisk aktivitet ${i}`,
          statuses: [{ code: 'on_track', label: 'Enligt plan', labelEn: 'On track', tone: 'green' as const }],
        },
      ],
    },
  }));
  const start = now();
  for (let i = 0; i < deliveries.length; i += 500)
    await app.deliveries.enqueueMany(deliveries.slice(i, i + 500));
  console.log(`enqueued ${OWNERS} prompts in ${seconds(now() - start)}`);
  const chatPrompts = OWNERS - EMAIL_OWNERS;
  let emailDone = 0;
  let last = 0;
  const floor = (Math.max(0, EMAIL_OWNERS - MAIL_PER_S) * 1000) / MAIL_PER_S;
  const deadline = start + floor * 3 + 120_000;
  while (now() < deadline) {
    const mails = new Set(smtp.mails.map((m) => m.to)).size;
    const posted = slack.accepted.size;
    if (mails >= EMAIL_OWNERS && emailDone === 0) emailDone = now();
    if (now() - last > 5000) {
      console.log(
        `  ${seconds(now() - start)}: ${mails}/${EMAIL_OWNERS} e-mails, ${posted}/${chatPrompts} Slack prompts, 421s ${smtp.throttled}`,
      );
      last = now();
    }
    if (mails >= EMAIL_OWNERS && posted >= chatPrompts) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const perRecipient = new Map<string, number>();
  for (const mail of smtp.mails) perRecipient.set(mail.to, (perRecipient.get(mail.to) ?? 0) + 1);
  const lost = emailOwners.filter((e) => !perRecipient.has(e)).length;
  const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
  const slackLost = chatPrompts - slack.accepted.size;
  const slackDuplicates = [...slack.accepted.values()].filter((n) => n > 1).length;
  const total = (emailDone || now()) - start;
  console.log('');
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| e-mail prompts (one per e-mail owner) | ${EMAIL_OWNERS} |`);
  console.log(`| e-mail part delivered in (enqueue → last e-mail at the relay) | ${seconds(total)} |`);
  console.log(
    `| floor ((${EMAIL_OWNERS} − ${MAIL_PER_S} burst) / ${MAIL_PER_S} per s) | ${seconds(floor)} |`,
  );
  console.log(`| **ratio** (goal ≤ 1.10) | **${(total / floor).toFixed(3)}** |`);
  console.log(`| e-mail lost / duplicates | ${lost} / ${duplicates} |`);
  console.log(`| 421 answers from the relay | ${smtp.throttled} |`);
  console.log(`| Slack prompts lost / duplicates | ${slackLost} / ${slackDuplicates} |`);
  await app.close(5000);
  await smtp.stop();
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
}

await main();
