import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../catalog/export-formats.js';
import { DEFAULT_LOCALE, isLocale, type MessageKey, type Translate, translator } from '../i18n/i18n.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/report-formats.js';
import { ASK_FORMATS, type AskFormat } from './ask-formats.js';
import { AUDIT_FORMATS, type AuditOptions } from './audit-formats.js';
import { type CliContext, CliExit, defaultContext } from './context.js';
import { ERASURE_MODES, type ErasureMode } from './erasure-modes.js';
import { localisedHelp, valueNames } from './help-words.js';
import type { PreviewOptions } from './schedule-command.js';

// Each verb's module is loaded when that verb runs: `serve` does not pay for the CSV and YAML
// writers, the holiday calendar or the report renderers, nor `ask` for the HTTP server.

/** Builds the `delmal` command line. `ctx` carries env and output so tests run it in-process. */
export function buildProgram(ctx: CliContext): Command {
  const t = cliTranslator(ctx);
  const v = valueNames(t);
  const program = new Command('delmal')
    .description(t('cli.help.program'))
    // Commander's own words (help titles, errors) are English; ours come from the i18n catalog.
    .configureHelp(localisedHelp(t))
    .helpOption('-h, --help', t('cli.help.help'))
    .helpCommand(`help [${v.command}]`, t('cli.help.help'))
    .configureOutput({
      writeOut: (s) => ctx.out(s.replace(/\n$/, '')),
      writeErr: (s) => ctx.err(s.replace(/\n$/, '')),
      outputError: () => {},
    })
    .exitOverride();

  program
    .command('serve')
    .description(t('cli.help.serve'))
    .option('--clock <tidpunkt>', t('cli.help.serveClock'))
    .action((options: { clock?: string }) =>
      import('./serve-command.js').then((m) => m.serveCommand(ctx, options)),
    );
  program
    .command('ask')
    .description(t('cli.help.ask'))
    .argument(`<${v.text}...>`, t('cli.help.askText'))
    .option(`--as <${v.email}>`, t('cli.help.askAs'))
    .option(
      `--format <${v.format}>`,
      t('cli.help.askFormat'),
      (value: string) => parseChoice(t, ASK_FORMATS, value),
      'text' as AskFormat,
    )
    .action(async (text: string[], options: { as?: string; format: AskFormat }) => {
      const [{ askCommand }, { askWiring }] = await Promise.all([
        import('./ask-command.js'),
        import('../app.js'),
      ]);
      await askCommand(ctx, askWiring, text.join(' '), options);
    });
  program
    .command('migrate')
    .description(t('cli.help.migrate'))
    .action(() => import('./migrate-command.js').then((m) => m.migrateCommand(ctx)));
  program
    .command('doctor')
    .description(t('cli.help.doctor'))
    .action(() => import('./doctor-command.js').then((m) => m.doctorCommand(ctx)));

  const catalog = program.command('catalog').description(t('cli.help.catalog'));
  catalog
    .command('import')
    .description(t('cli.help.import'))
    .argument(`<${v.file}>`, t('cli.help.importFile'))
    .option('--dry-run', t('cli.help.dryRun'))
    .action((file: string, options: { dryRun?: boolean }) =>
      import('./catalog-command.js').then((m) => m.catalogImport(ctx, file, options)),
    );
  catalog
    .command('export')
    .description(t('cli.help.export'))
    .option(
      `--format <${v.format}>`,
      t('cli.help.format'),
      (value: string) => parseChoice(t, EXPORT_FORMATS, value),
      'yaml' as ExportFormat,
    )
    .action((options: { format: ExportFormat }) =>
      import('./catalog-command.js').then((m) => m.catalogExport(ctx, options.format)),
    );

  const report = program.command('report').description(t('cli.help.report'));
  report
    .command('uppfoljning')
    .alias('follow-up')
    .description(t('cli.help.reportFollowUp'))
    .requiredOption(`--from <${v.date}>`, t('cli.help.periodFrom'))
    .requiredOption(`--to <${v.date}>`, t('cli.help.periodTo'))
    .requiredOption(`--out <${v.file}>`, t('cli.help.out'))
    .option(
      `--format <${v.format}>`,
      t('cli.help.reportFormat'),
      (value: string) => parseChoice(t, REPORT_FORMATS, value),
      'docx' as ReportFormat,
    )
    .option('--compare-with <year>', t('cli.help.compareWith'))
    .option('--quiet', t('cli.help.quiet'))
    .action(
      (options: {
        from: string;
        to: string;
        out: string;
        format: ReportFormat;
        compareWith?: string;
        quiet?: boolean;
      }) => import('./report-command.js').then((m) => m.reportFollowUp(ctx, options)),
    );
  report
    .command('checkins')
    .description(t('cli.help.reportCheckIns'))
    .requiredOption(`--from <${v.date}>`, t('cli.help.periodFrom'))
    .requiredOption(`--to <${v.date}>`, t('cli.help.periodTo'))
    .requiredOption(`--out <${v.file}>`, t('cli.help.out'))
    .action((options: { from: string; to: string; out: string }) =>
      import('./report-command.js').then((m) => m.reportCheckIns(ctx, options)),
    );
  program
    .command('digest')
    .description(t('cli.help.digest'))
    .argument(`[${v.network}]`, t('arg.network'))
    .action((name: string | undefined) =>
      import('./digest-command.js').then((m) => m.digestCommand(ctx, name)),
    );
  program
    .command('schedule')
    .description(t('cli.help.schedule'))
    .command('preview')
    .description(t('cli.help.schedulePreview'))
    .option(`--from <${v.date}>`, t('cli.help.from'))
    .option(`--weeks <${v.count}>`, t('cli.help.weeks'), '8')
    .action((options: PreviewOptions) =>
      import('./schedule-command.js').then((m) => m.schedulePreview(ctx, options)),
    );
  program
    .command('checkins')
    .description(t('cli.help.checkins'))
    .command('run-due')
    .description(t('cli.help.runDue'))
    .option(`--now <${v.time}>`, t('cli.help.now'))
    .action((options: { now?: string }) =>
      import('./checkins-command.js').then((m) => m.checkInsRunDue(ctx, options)),
    );
  program
    .command('audit')
    .description(t('cli.help.audit'))
    .option(`--activity <${v.id}>`, t('cli.help.auditActivity'))
    .option(`--person <${v.email}>`, t('cli.help.auditPerson'))
    .option(`--since <${v.date}>`, t('cli.help.auditSince'))
    .option(
      `--format <${v.format}>`,
      t('cli.help.auditFormat'),
      (value: string) => parseChoice(t, AUDIT_FORMATS, value),
      'text',
    )
    .action((options: AuditOptions) =>
      import('./audit-command.js').then((m) => m.auditCommand(ctx, options)),
    );
  program
    .command('mail')
    .description(t('cli.help.mail'))
    .command('test')
    .description(t('cli.help.mailTest'))
    .argument('<address>', t('cli.help.personEmail'))
    .action(async (address: string) => {
      const [{ mailTest }, { mailWiring }] = await Promise.all([
        import('./mail-command.js'),
        import('../app.js'),
      ]);
      await mailTest(ctx, mailWiring, address);
    });
  const person = program.command('person').description(t('cli.help.person'));
  person
    .command('export')
    .description(t('cli.help.personExport'))
    .argument(`<${v.email}>`, t('cli.help.personEmail'))
    .action((email: string) => import('./person-command.js').then((m) => m.personExport(ctx, email)));
  person
    .command('delete')
    .description(t('cli.help.personDelete'))
    .argument(`<${v.email}>`, t('cli.help.personEmail'))
    .option(
      `--mode <${v.mode}>`,
      t('cli.help.personMode'),
      (value: string) => parseChoice(t, ERASURE_MODES, value),
      'pseudonymise',
    )
    .option('--dry-run', t('cli.help.dryRun'))
    .action((email: string, options: { mode: ErasureMode; dryRun?: boolean }) =>
      import('./person-command.js').then((m) => m.personDelete(ctx, email, options)),
    );
  return program;
}

function parseChoice<T extends string>(t: Translate, choices: readonly T[], value: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InvalidArgumentError(t('cli.help.formatInvalid', { allowed: choices.join(', ') }));
}

const cliTranslator = (ctx: CliContext) =>
  translator(isLocale(ctx.env.DELMAL_LOCALE) ? ctx.env.DELMAL_LOCALE : DEFAULT_LOCALE);

/** Commander's error codes, worded for the operator. */
const COMMANDER_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'commander.unknownCommand': 'cli.error.unknownCommand',
  'commander.unknownOption': 'cli.error.unknownOption',
  'commander.missingArgument': 'cli.error.missingArgument',
  'commander.optionMissingArgument': 'cli.error.optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'cli.error.missingOption',
  'commander.invalidArgument': 'cli.error.invalidArgument',
  'commander.excessArguments': 'cli.error.excessArguments',
};

/** Runs the CLI with `argv` and returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[], ctx: CliContext = defaultContext()): Promise<number> {
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CliExit) return error.exitCode;
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, help
      const t = cliTranslator(ctx);
      // e.g. "error: option `--format <${v.format}>` argument 'pdf' is invalid. välj ett av: …"
      const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
      const reason = /is invalid\. (.*)$/s.exec(error.message)?.[1] ?? '';
      const key = COMMANDER_MESSAGES[error.code] ?? 'cli.error.usage';
      ctx.err(t(key, { value: quoted.at(-1) ?? '', option: quoted[0] ?? '', reason }));
      return 2;
    }
    ctx.err(`delmal: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
