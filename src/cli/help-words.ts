import type { Help, Option } from 'commander';
import type { Translate } from '../i18n/i18n.js';

/**
 * Commander writes a few words of its own into `--help` (titles, `[options]`, `[command]`,
 * `(default: "docx")`). Through its documented `configureHelp` hooks they come from the i18n
 * catalog instead, so the help is all Swedish (or all English under `DELMAL_LOCALE=en`). The style
 * hooks are the ones commander measures column widths with, so the columns stay aligned.
 */
export function localisedHelp(t: Translate): Partial<Help> {
  const titles: Record<string, string> = {
    'Usage:': t('cli.help.usage'),
    'Options:': t('cli.help.options'),
    'Commands:': t('cli.help.commands'),
    'Arguments:': t('cli.help.arguments'),
    'Global Options:': t('cli.help.options'),
  };
  const options = `[${t('cli.value.options')}]`;
  const command = `[${t('cli.value.command')}]`;
  return {
    styleTitle: (title) => titles[title] ?? title,
    styleOptionText: (text) => (text === '[options]' ? options : text),
    styleSubcommandText: (text) => (text === '[command]' ? command : text),
    optionDescription: (option: Option) => {
      // Only options that take a value show their default; a flag's `false` means nothing to people.
      const shown = option.defaultValue !== undefined && (option.required || option.optional);
      if (!shown) return option.description;
      const value = option.defaultValueDescription ?? JSON.stringify(option.defaultValue);
      return `${option.description} (${t('cli.help.default', { value })})`;
    },
  };
}

/** Names for option values and arguments in help (`--from <datum>`), from the catalog. */
export function valueNames(t: Translate) {
  return {
    date: t('cli.value.date'),
    file: t('cli.value.file'),
    format: t('cli.value.format'),
    count: t('cli.value.count'),
    time: t('cli.value.time'),
    id: t('cli.value.id'),
    email: t('cli.value.email'),
    mode: t('cli.value.mode'),
    text: t('cli.value.text'),
    network: t('cli.value.network'),
    command: t('cli.value.command'),
  } as const;
}
