import { Command, InvalidArgumentError } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../catalog/catalog-export.js';
import { DEFAULT_LOCALE, isLocale, type Translate, translator } from '../i18n/i18n.js';
import { ASK_FORMATS, type AskFormat, askCommand } from './ask-command.js';
import { catalogExport, catalogImport } from './catalog-command.js';
import { type CliContext, CliExit, defaultContext } from './context.js';
import { doctorCommand } from './doctor-command.js';
import { migrateCommand } from './migrate-command.js';
import { serveCommand } from './serve-command.js';

/** Builds the `delmal` command line. `ctx` carries env and output so tests run it in-process. */
export function buildProgram(ctx: CliContext): Command {
  const t = translator(isLocale(ctx.env.DELMAL_LOCALE) ? ctx.env.DELMAL_LOCALE : DEFAULT_LOCALE);
  const program = new Command('delmal')
    .description(t('cli.help.program'))
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) })
    .exitOverride();

  program
    .command('serve')
    .description(t('cli.help.serve'))
    .action(() => serveCommand(ctx));
  program
    .command('ask')
    .description(t('cli.help.ask'))
    .argument('<text...>', t('cli.help.askText'))
    .option('--as <email>', t('cli.help.askAs'))
    .option(
      '--format <format>',
      t('cli.help.askFormat'),
      (value: string) => parseChoice(t, ASK_FORMATS, value),
      'text' as AskFormat,
    )
    .action((text: string[], options: { as?: string; format: AskFormat }) =>
      askCommand(ctx, text.join(' '), options),
    );
  program
    .command('migrate')
    .description(t('cli.help.migrate'))
    .action(() => migrateCommand(ctx));
  program
    .command('doctor')
    .description(t('cli.help.doctor'))
    .action(() => doctorCommand(ctx));

  const catalog = program.command('catalog').description(t('cli.help.catalog'));
  catalog
    .command('import')
    .description(t('cli.help.import'))
    .argument('<file>', t('cli.help.importFile'))
    .option('--dry-run', t('cli.help.dryRun'))
    .action((file: string, options: { dryRun?: boolean }) => catalogImport(ctx, file, options));
  catalog
    .command('export')
    .description(t('cli.help.export'))
    .option(
      '--format <format>',
      t('cli.help.format'),
      (value: string) => parseChoice(t, EXPORT_FORMATS, value),
      'yaml' as ExportFormat,
    )
    .action((options: { format: ExportFormat }) => catalogExport(ctx, options.format));
  return program;
}

function parseChoice<T extends string>(t: Translate, choices: readonly T[], value: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InvalidArgumentError(t('cli.help.formatInvalid', { allowed: choices.join(', ') }));
}

/** Runs the CLI with `argv` and returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[], ctx: CliContext = defaultContext()): Promise<number> {
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CliExit) return error.exitCode;
    const commanderError = error as { code?: string; exitCode?: number };
    if (commanderError.code?.startsWith('commander.')) return commanderError.exitCode ?? 2;
    ctx.err(`delmal: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
