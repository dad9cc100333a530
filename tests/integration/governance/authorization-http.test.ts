import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MATRIX,
  type MatrixEntry,
  type MatrixId,
  permits,
  ROLES,
  type Role,
} from '../../../src/authz/matrix.js';
import type { CatalogView } from '../../../src/catalog/catalog-view.js';
import { fixedClock } from '../../../src/clock.js';
import { type MessageParams, translator } from '../../../src/i18n/i18n.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { FakeConnector } from '../../fakes/fake-connector.js';
import { FakeSlack } from '../../fakes/fake-slack.js';
import { type Place, type Seen, SlackPresses, TeamsPresses } from '../../support/chat-presses.js';
import { type AuthzSubjects, authzSubjects } from '../../support/personas.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { slackEnv } from '../../support/slack.js';

/**
 * The authorization matrix's buttons, card actions and modals, role by role, through the real
 * routes: Bolt behind `POST /slack/events` and the Teams SDK behind `POST /api/messages`. The
 * cases are generated from the matrix, so a new row fails here until it says how it is pressed.
 */
const t = translator('sv');
const slack = new FakeSlack();
const connector = new FakeConnector();
const SLACK_CHANNEL = { id: 'C0AUTHZ', name: 'authz' };
const TEAMS_CHANNEL = { id: '19:authz@thread.tacv2', teamId: '19:team-authz@thread.tacv2' };
const SLACK_ID: Record<Role, string> = {
  member: 'U0MEMBER',
  owner: 'U0OWNER',
  chair: 'U0CHAIR',
  admin: 'U0ADMIN',
};
const TABLES = ['check_ins', 'check_in_versions', 'network_channels', 'audit_log'] as const;
type Table = (typeof TABLES)[number];

let server: TestServer;
let s: AuthzSubjects;
let view: CatalogView;
let slackPresses: SlackPresses;
let teamsPresses: TeamsPresses;
let notes = 0;

/** How a row is reached: a button carrying a command, a Slack-only action, a form, or not from chat. */
interface Case {
  readonly slack?: (role: Role) => Promise<Seen>;
  readonly teams?: (role: Role) => Promise<Seen>;
  /** What an allowed press changes. */
  readonly changes?: Table;
  /** What an allowed press shows (beyond "not the refusal"). */
  readonly shows?: () => string;
  /** The refusal's parameters, as the product fills them in. */
  readonly params?: () => MessageParams;
}

/** A button carrying `command` on a message in the network's channel, on both platforms. */
const button = (command: () => string, place: Place = 'channel', extra: Partial<Case> = {}): Case => ({
  slack: (role) => slackPresses.press(SLACK_ID[role], command(), place),
  teams: (role) => teamsPresses.execute(role, command(), place),
  ...extra,
});
const notOwner = () => ({ activity: s.activity.name });
const refusedCheckIn = { params: notOwner };
/** The check-in form (Slack modal; Teams card form, Action.Submit). */
const form = (mode: 'new' | 'edit'): Case => ({
  slack: (role) => slackPresses.submit(SLACK_ID[role], s.activity.id, mode, `Notering ${++notes}.`),
  teams: (role) =>
    teamsPresses.submit(
      role,
      `delmal ${mode === 'edit' ? 'andra' : 'avstamning'} ${s.activity.id} ${mode === 'edit' ? 'risk' : 'enligt'}`,
      { note: `Notering ${++notes}.`, nextStep: '', needsSupport: 'false' },
      'dm',
    ),
  changes: mode === 'edit' ? 'check_in_versions' : 'check_ins',
  // The owner is thanked in their DM (Slack) or in place of the form (Teams); an edit too.
  shows: () => (mode === 'edit' ? 'Ändrat' : 'Tack! Registrerat'),
  ...refusedCheckIn,
});

const CASES: Record<MatrixId, Case | 'cli' | 'not-a-button'> = {
  'command.list': button(() => 'delmal'),
  'command.goal': button(() => 'delmal 5'),
  'command.activity': button(() => `delmal aktivitet ${s.activity.id}`),
  'command.search': button(() => 'delmal sok ensamhet'),
  'command.intent': button(() => `vem äger ${s.activity.id}?`),
  'command.status': button(() => 'delmal status'),
  'command.help': button(() => 'delmal hjalp'),
  'command.mine': button(() => 'delmal mina', 'dm'),
  // App Home is opened, not pressed (Slack's app_home_opened; Teams has none).
  'command.home': 'not-a-button',
  'command.away': button(() => 'delmal borta 2027-01-10', 'dm'),
  'command.back': button(() => 'delmal tillbaka', 'dm'),
  'command.checkIn': button(() => `delmal avstamning ${s.activity.id} enligt Möte ${++notes}.`, 'channel', {
    changes: 'check_ins',
    ...refusedCheckIn,
  }),
  'command.editCheckIn': button(() => `delmal ändra ${s.activity.id} risk Flyttat ${++notes}.`, 'channel', {
    changes: 'check_in_versions',
    ...refusedCheckIn,
  }),
  'command.network': button(() => `delmal natverk koppla ${s.network.id}`, 'channel', {
    changes: 'network_channels',
    params: () => ({ network: s.network.name, chairs: chairNames() }),
  }),
  'command.digest': button(() => `delmal digest ${s.network.id}`, 'dm'),
  'command.digestDetailsInChannel': button(() => `delmal digest ${s.network.id} detaljer`),
  'command.deliveries': button(() => 'delmal leveranser', 'dm'),
  // The status buttons of a check-in prompt, as rendered (a thread reply in a channel).
  'button.command': button(() => `delmal avstamning ${s.activity.id} on_track`, 'channel', {
    changes: 'check_ins',
    ...refusedCheckIn,
  }),
  // "Dela i kanalen" (Slack only) on a private answer in the channel; the value can be forged.
  'button.share': {
    slack: (role) =>
      slackPresses.press(
        SLACK_ID[role],
        `delmal natverk koppla ${s.network.id}`,
        'channel-ephemeral',
        'delmal_share',
      ),
    changes: 'network_channels',
    params: () => ({ network: s.network.name, chairs: chairNames() }),
  },
  // "Stäm av nu": Slack opens the modal, Teams answers with the form card.
  'button.openCheckIn': button(() => `delmal avstamning ${s.activity.id}`, 'dm', {
    shows: () => s.activity.name,
    ...refusedCheckIn,
  }),
  'modal.checkIn': form('new'),
  'modal.editCheckIn': form('edit'),
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
const CARRIED: Partial<Record<MatrixId, MatrixId>> = {
  'button.command': 'command.checkIn',
  'button.share': 'command.network',
};

function chairNames(): string {
  return s.network.chairs.map((email) => view.people.get(email)?.name ?? email).join(', ');
}

const counts = async (): Promise<Record<Table, number>> => {
  const out = {} as Record<Table, number>;
  for (const table of TABLES) {
    const row = await server.app.db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
};

beforeAll(async () => {
  await slack.start();
  await connector.start();
  server = await startTestServer(slackEnv(slack), 'sqlite', fixedClock('2026-11-23T08:14:00Z'), {
    teamsServiceUrls: [connector.serviceUrl],
  });
  view = (await new CatalogStore(server.app.db).get()).view;
  s = authzSubjects(view);
  slackPresses = new SlackPresses(slack, server.base, SLACK_CHANNEL);
  teamsPresses = new TeamsPresses(connector, server.base, TEAMS_CHANNEL);
  for (const role of ROLES) {
    const name = view.people.get(s.who[role])?.name ?? role;
    slack.users.set(SLACK_ID[role], { email: s.who[role], name });
    teamsPresses.member(role, s.who[role], name);
  }
  // Something for owners to edit.
  expect((await slackPresses.submit(SLACK_ID.owner, s.activity.id, 'new', 'Första.')).text).toContain(
    'Tack!',
  );
});
afterAll(async () => {
  await server?.stop();
  await slack.stop();
  await connector.stop();
});
beforeEach(async () => {
  // Binding is allowed again in every test (the order is random); unbinding is not audited here.
  await server.app.db.kysely.deleteFrom('network_channels').execute();
});

const rows = (Object.entries(CASES) as [MatrixId, Case | string][]).flatMap(([id, c]) =>
  typeof c === 'string' ? [] : [[id, c] as const],
);

describe('the authorization matrix through POST /slack/events and POST /api/messages', () => {
  it.each(rows.flatMap(([id, c]) => ROLES.map((role) => [id, role, c] as const)))(
    '%s as %s: allowed ones work, denied ones are refused in Swedish, privately, and change nothing',
    async (id, role, c) => {
      const rule: MatrixEntry = MATRIX[CARRIED[id] ?? id];
      const allowed = permits(CARRIED[id] ?? id, new Set<Role>(['member', role]));
      const refusal = rule.refusal ? t(rule.refusal, c.params?.() ?? {}) : undefined;
      const pressed = [c.slack && (['slack', c.slack] as const), c.teams && (['teams', c.teams] as const)];
      for (const entry of pressed) {
        if (!entry) continue;
        const [platform, press] = entry;
        const before = await counts();
        const seen = await press(role);
        const after = await counts();
        const what = `${platform}: ${seen.text.slice(0, 300)}`;
        expect(seen.text.trim(), what).not.toBe('');
        expect(seen.text, what).not.toContain(t('error.unclear'));
        if (allowed) {
          if (refusal) expect(seen.text.toLowerCase(), what).not.toContain(refusal.toLowerCase());
          if (c.shows) expect(seen.text, what).toContain(c.shows());
          if (c.changes) expect(after[c.changes], `${platform}: ${c.changes}`).toBe(before[c.changes] + 1);
        } else {
          if (!refusal) throw new Error(`${id} names no refusal in the matrix`);
          // The form's error is capitalised; elsewhere it is a sentence's second half.
          expect(seen.text.toLowerCase(), what).toContain(refusal.toLowerCase());
          if (platform === 'slack') expect(seen.privately, `${what}: only the presser sees it`).toBe(true);
          expect(after, `${platform}: nothing written`).toEqual(before);
        }
      }
    },
  );

  it('reaches every button and modal of the matrix through both platforms (share: Slack only)', () => {
    const reachable = Object.entries(MATRIX)
      .filter(([, e]) => e.surface === 'button' || e.surface === 'modal')
      .map(([id]) => id);
    for (const id of reachable) {
      const c = CASES[id as MatrixId];
      if (typeof c === 'string') throw new Error(`${id} is not pressed through HTTP`);
      expect(Boolean(c.slack), `${id} on Slack`).toBe(true);
      if (id !== 'button.share') expect(Boolean(c.teams), `${id} on Teams`).toBe(true);
    }
  });
});
