import { afterEach, beforeEach, expect, it } from 'vitest';
import { homeReply } from '../../../commands/home.js';
import { COMMANDS } from '../../../commands/index.js';
import { deliveryHealth } from '../../../db/delivery-health.repository.js';
import type { Network } from '../../../db/model/catalog-schema.js';
import { askerFor } from '../../../src/asking/asker.js';
import { type ChatDeps, commandContext, handleMessage } from '../../../src/asking/handle-message.js';
import {
  MATRIX,
  type MatrixEntry,
  type MatrixId,
  permits,
  ROLES,
  type Role,
} from '../../../src/authz/matrix.js';
import type { CatalogView } from '../../../src/catalog/catalog-view.js';
import type { InboundMessage } from '../../../src/chat/inbound.js';
import { localInbound } from '../../../src/chat/inbound-schema.js';
import { renderText } from '../../../src/chat/render-text.js';
import { databaseCheckIns } from '../../../src/checkins/check-in-service.js';
import { buildProgram } from '../../../src/cli/main.js';
import { fixedClock } from '../../../src/clock.js';
import { databaseNetworks } from '../../../src/digest/network-service.js';
import { translator } from '../../../src/i18n/i18n.js';
import { createLogger } from '../../../src/logger.js';
import { databaseAway } from '../../../src/schedule/away-service.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { delmal } from '../../support/cli.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';
import { authzSubjects } from '../../support/personas.js';

const CHANNEL = 'C0NETWORK';
const t = translator('sv');

interface Scenario {
  /** What the person does: text through the chat core, or a form submission. */
  readonly run: (email: string) => Promise<string>;
  /** The state the action changes (compared before and after); absent: it reads only. */
  readonly state?: () => Promise<string>;
}

describeEachDialect('the authorization matrix, role by role', (dialect) => {
  let db: TestDatabase;
  let view: CatalogView;
  let network: Network;
  let deps: ChatDeps;
  let who: Record<Role, string>;
  /** An activity whose owners neither chair the network nor administer the plan. */
  let ACTIVITY: string;

  const channelInbound = (text: string, email: string): InboundMessage => ({
    ...localInbound(text, { email }),
    conversation: { kind: 'channel', id: CHANNEL },
    replyTo: { kind: 'conversation', platform: 'local', workspaceId: 'local', conversationId: CHANNEL },
  });
  const say = async (text: string, email: string, inbound = localInbound(text, { email })) =>
    renderText(await handleMessage(deps, inbound, askerFor(view, email, 'sv')), t);
  const count = async (table: 'check_ins' | 'check_in_versions' | 'network_channels' | 'audit_log') =>
    String(
      (
        await db.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const form = async (email: string, mode: 'record' | 'edit') => {
    const ctx = await commandContext(deps, askerFor(view, email, 'sv'), localInbound('', { email }));
    const input = { activityId: ACTIVITY, statusCode: 'at_risk', note: 'Från formuläret.' };
    const result = mode === 'record' ? await ctx.checkIns.record(input) : await ctx.checkIns.edit(input);
    return result.ok ? 'ok' : result.problems.map((p) => t(p.key, p.params)).join('; ');
  };

  const scenarios: Record<MatrixId, Scenario | 'cli'> = {
    'command.list': { run: (e) => say('delmal', e) },
    'command.goal': { run: (e) => say('delmal 5', e) },
    'command.activity': { run: (e) => say(`delmal aktivitet ${ACTIVITY}`, e) },
    'command.search': { run: (e) => say('delmal sok ensamhet', e) },
    'command.intent': { run: (e) => say('vem äger CROSS?', e) },
    'command.status': { run: (e) => say('delmal status', e) },
    'command.help': { run: (e) => say('delmal hjalp', e) },
    'command.mine': { run: (e) => say('delmal mina', e) },
    'command.home': {
      run: async (e) => renderText(await homeReply(await commandContext(deps, askerFor(view, e, 'sv'))), t),
    },
    'command.away': { run: (e) => say('delmal borta 2027-01-10', e) },
    'command.back': { run: (e) => say('delmal tillbaka', e) },
    'command.checkIn': {
      run: (e) => say(`delmal avstamning ${ACTIVITY} enligt Möte hållet.`, e),
      state: () => count('check_ins'),
    },
    'command.editCheckIn': {
      run: (e) => say(`delmal ändra ${ACTIVITY} risk Mötet flyttat.`, e),
      state: () => count('check_in_versions'),
    },
    'command.network': {
      run: (e) => say('x', e, channelInbound(`delmal natverk koppla ${network.id}`, e)),
      state: () => count('network_channels'),
    },
    'command.digest': { run: (e) => say(`delmal digest ${network.id}`, e) },
    'command.digestDetailsInChannel': {
      run: async (e) => {
        await databaseNetworks(db.db, fixedClock('2026-11-23T08:00:00Z')).bind(
          network.id,
          channelInbound('', who.chair),
          who.chair,
        );
        return say('x', e, channelInbound(`delmal digest ${network.id} detaljer`, e));
      },
    },
    'command.deliveries': { run: (e) => say('delmal leveranser', e) },
    // A button is its command: the same text arrives from Slack, Teams and the playground.
    'button.command': {
      run: (e) =>
        say('x', e, { ...localInbound(`delmal avstamning ${ACTIVITY} risk`, { email: e }), form: {} }),
      state: () => count('check_ins'),
    },
    'button.share': { run: (e) => say('x', e, channelInbound(`delmal natverk koppla ${network.id}`, e)) },
    // Slack opens no form for a non-owner: the button's command answers instead.
    'button.openCheckIn': { run: (e) => say(`delmal avstamning ${ACTIVITY}`, e) },
    'modal.checkIn': { run: (e) => form(e, 'record'), state: () => count('check_ins') },
    'modal.editCheckIn': { run: (e) => form(e, 'edit'), state: () => count('check_in_versions') },
    'cli.serve': 'cli',
    'cli.ask': 'cli',
    'cli.migrate': 'cli',
    'cli.doctor': 'cli',
    'cli.catalog.import': 'cli',
    'cli.catalog.export': 'cli',
    'cli.report.uppfoljning': 'cli',
    'cli.report.checkins': 'cli',
    'cli.digest': 'cli',
    'cli.schedule.preview': 'cli',
    'cli.checkins.run-due': 'cli',
    'cli.audit': 'cli',
    'cli.person.export': 'cli',
    'cli.person.delete': 'cli',
    'cli.mail.test': 'cli',
  };

  /** The rule of the command a button carries, for `allowed: 'command'`. */
  const carried: Partial<Record<MatrixId, MatrixId>> = {
    'button.command': 'command.checkIn',
    'button.share': 'command.network',
  };

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
    view = (await new CatalogStore(db.db).get()).view;
    const subjects = authzSubjects(view);
    network = subjects.network;
    ACTIVITY = subjects.activity.id;
    who = subjects.who;
    const clock = fixedClock('2026-11-23T08:14:00Z');
    deps = {
      store: new CatalogStore(db.db),
      checkIns: databaseCheckIns(db.db, clock),
      commands: COMMANDS,
      home: homeReply,
      clock,
      logger: createLogger('silent'),
      timezone: 'Europe/Stockholm',
      deliveries: () => deliveryHealth(db.db.kysely, clock.now().toISOString()),
      away: databaseAway(db.db, clock, 'Europe/Stockholm'),
      networks: databaseNetworks(db.db, clock),
    };
    // Something to edit.
    await databaseCheckIns(db.db, clock).record(
      view,
      { email: who.owner },
      { activityId: ACTIVITY, statusCode: 'on_track' },
      'local',
    );
  });
  afterEach(() => db.drop());

  const chatEntries = (Object.entries(MATRIX) as [MatrixId, MatrixEntry][]).filter(
    ([, e]) => e.surface !== 'cli',
  );
  it.each(chatEntries.flatMap(([id]) => ROLES.map((role) => [id, role] as const)))(
    '%s as %s: allowed ones work, denied ones are refused in Swedish and change nothing',
    async (id, role) => {
      const scenario = scenarios[id];
      if (scenario === 'cli') throw new Error(`${id} is a chat entry`);
      const roles = new Set<Role>(['member', role]);
      const allowed = permits(carried[id] ?? id, roles);
      const rule: MatrixEntry = MATRIX[carried[id] ?? id];
      const before = await scenario.state?.();
      const answer = await scenario.run(who[role]);
      const after = await scenario.state?.();
      const refusal = rule.refusal
        ? t(rule.refusal, {
            owners: '',
            activity: view.activities.get(ACTIVITY)?.name ?? '',
            network: network.name,
            chairs: '',
          })
        : undefined;
      // The refusal's own words (its fixed part, before any name).
      const marker = refusal?.split(/[:.(]/)[0]?.slice(0, 40);
      if (allowed) {
        if (marker) expect(answer).not.toContain(marker);
        if (scenario.state) expect(after, 'an allowed action changes what it should').not.toBe(before);
      } else {
        expect(marker, `${id} names its refusal in the matrix`).toBeTruthy();
        expect(answer).toContain(marker);
        expect(after).toBe(before);
      }
    },
  );

  it('denied actions leave no audit entry; allowed ones leave one', async () => {
    const before = await count('audit_log');
    await say(`delmal avstamning ${ACTIVITY} enligt Försök.`, who.member);
    await say('x', who.member, channelInbound(`delmal natverk koppla ${network.id}`, who.member));
    expect(await count('audit_log')).toBe(before);
    await say(`delmal avstamning ${ACTIVITY} enligt Klart.`, who.owner);
    expect(Number(await count('audit_log'))).toBe(Number(before) + 1);
  });

  it('lists every chat command and every CLI verb in the matrix, and nothing else', () => {
    const commands = COMMANDS.map((c) => `command.${c.name}`).sort();
    const inMatrix = Object.keys(MATRIX).filter((id) => id.startsWith('command.'));
    expect(commands.filter((c) => !inMatrix.includes(c))).toEqual([]);
    const program = buildProgram({
      env: {},
      out: () => {},
      err: () => {},
      clock: fixedClock('2026-11-23T08:00:00Z'),
    });
    const verbs = program.commands.flatMap((c) =>
      c.commands.length > 0 ? c.commands.map((s) => `cli.${c.name()}.${s.name()}`) : [`cli.${c.name()}`],
    );
    const cli = Object.keys(MATRIX).filter((id) => id.startsWith('cli.'));
    expect(verbs.sort()).toEqual(cli.sort());
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('delmal ask --as acts as that person, under the chat rules', async () => {
    const env = { DATABASE_URL: db.url };
    const refused = await delmal(
      ['ask', '--as', who.member, `delmal avstamning ${ACTIVITY} enligt Från CLI.`],
      env,
    );
    expect(refused.stdout).toContain('Avstämningen sparades inte: du står inte som ansvarig för');
    const recorded = await delmal(
      ['ask', '--as', who.owner, `delmal avstamning ${ACTIVITY} enligt Från CLI.`],
      env,
    );
    expect(recorded.stdout).toContain('Tack! Registrerat');
  });
});
