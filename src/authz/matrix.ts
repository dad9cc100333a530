import type { MessageKey } from '../i18n/i18n.js';

/**
 * Roles, always relative to what an action concerns: `owner` owns the activity concerned, `chair`
 * chairs the network concerned, `admin` is a plan administrator (`admin: true` in the catalog),
 * `member` is anyone else who writes to delmal (in the catalog or not). Roles come from the
 * catalog file only; see docs/governance.md for why platform workspace admins do not
 * count.
 */
export const ROLES = ['member', 'owner', 'chair', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Where an entry is reached from. */
type Surface = 'command' | 'button' | 'modal' | 'cli';

export interface MatrixEntry {
  readonly surface: Surface;
  /**
   * Who may: a list of roles; `command` — a button runs the command it carries, under that
   * command's rule; `operator` — a CLI verb: whoever has the shell and the database (the CLI is
   * the operator's trust boundary); `as-person` — the CLI acting as the person named by `--as`,
   * under the chat rules.
   */
  readonly allowed: readonly Role[] | 'command' | 'operator' | 'as-person';
  /** What a refused person is told (in their language). */
  readonly refusal?: MessageKey;
}

const EVERYONE: readonly Role[] = ROLES;

/**
 * Who may do what: every chat command (by its name in commands/index.ts), button, modal and CLI
 * verb. The product decides from this table (`permits`), and the tests walk it role by role.
 */
export const MATRIX = {
  // Chat commands. Reading the plan is open to everyone.
  'command.list': { surface: 'command', allowed: EVERYONE },
  'command.goal': { surface: 'command', allowed: EVERYONE },
  'command.activity': { surface: 'command', allowed: EVERYONE },
  'command.search': { surface: 'command', allowed: EVERYONE },
  'command.intent': { surface: 'command', allowed: EVERYONE },
  'command.status': { surface: 'command', allowed: EVERYONE },
  'command.help': { surface: 'command', allowed: EVERYONE },
  /** One's own activities and networks; App Home is the same list. */
  'command.mine': { surface: 'command', allowed: EVERYONE },
  'command.home': { surface: 'command', allowed: EVERYONE },
  /** One's own absence only. */
  'command.away': { surface: 'command', allowed: EVERYONE },
  'command.back': { surface: 'command', allowed: EVERYONE },
  /** Owners check in on their own activities only; administrators do not check in for others. */
  'command.checkIn': { surface: 'command', allowed: ['owner'], refusal: 'checkin.error.notOwner' },
  'command.editCheckIn': { surface: 'command', allowed: ['owner'], refusal: 'checkin.error.notOwner' },
  /** Binding a network's channel, and its preview digest: its chairs and administrators. */
  'command.network': { surface: 'command', allowed: ['chair', 'admin'], refusal: 'network.notAllowed' },
  'command.digest': { surface: 'command', allowed: ['chair', 'admin'], refusal: 'digest.notAllowed' },
  /** The "Visa detaljer" of a digest already posted, in the network's own channel: anyone there. */
  'command.digestDetailsInChannel': { surface: 'command', allowed: EVERYONE },
  /** Delivery health (`leveranser`): administrators only. */
  'command.deliveries': { surface: 'command', allowed: ['admin'], refusal: 'deliveries.adminOnly' },

  // Buttons: every delmal button carries a chat command (Slack block actions, Teams Action.Execute
  // and Action.Submit, the playground), so it is allowed exactly when that command is.
  'button.command': { surface: 'button', allowed: 'command' },
  /** Slack "Dela i kanalen": re-runs the command for the channel, under its rule. */
  'button.share': { surface: 'button', allowed: 'command' },
  /** Slack "Stäm av nu" / "Ändra svaret": opens the form only for an owner. */
  'button.openCheckIn': { surface: 'button', allowed: ['owner'], refusal: 'checkin.error.notOwner' },

  // Modals (Slack view submissions).
  /** Shown under the form's field, as every check-in problem is. */
  'modal.checkIn': { surface: 'modal', allowed: ['owner'], refusal: 'checkin.error.notOwner' },
  'modal.editCheckIn': { surface: 'modal', allowed: ['owner'], refusal: 'checkin.error.notOwner' },

  // CLI verbs: the operator's. Only administrators should have that shell and database access.
  'cli.serve': { surface: 'cli', allowed: 'operator' },
  'cli.ask': { surface: 'cli', allowed: 'as-person' },
  'cli.migrate': { surface: 'cli', allowed: 'operator' },
  'cli.doctor': { surface: 'cli', allowed: 'operator' },
  'cli.catalog.import': { surface: 'cli', allowed: 'operator' },
  'cli.catalog.export': { surface: 'cli', allowed: 'operator' },
  'cli.report.uppfoljning': { surface: 'cli', allowed: 'operator' },
  'cli.report.checkins': { surface: 'cli', allowed: 'operator' },
  'cli.digest': { surface: 'cli', allowed: 'operator' },
  'cli.schedule.preview': { surface: 'cli', allowed: 'operator' },
  'cli.checkins.run-due': { surface: 'cli', allowed: 'operator' },
  'cli.audit': { surface: 'cli', allowed: 'operator' },
  'cli.person.export': { surface: 'cli', allowed: 'operator' },
  'cli.person.delete': { surface: 'cli', allowed: 'operator' },
  'cli.mail.test': { surface: 'cli', allowed: 'operator' },
} as const satisfies Record<string, MatrixEntry>;

export type MatrixId = keyof typeof MATRIX;

/** True when someone holding `roles` (relative to what the action concerns) may do `id`. */
export function permits(id: MatrixId, roles: ReadonlySet<Role>): boolean {
  const allowed: MatrixEntry['allowed'] = MATRIX[id].allowed;
  if (!Array.isArray(allowed)) return true;
  return allowed.some((role) => roles.has(role));
}
