import { z } from 'zod';
import type { Translate } from '../i18n/i18n.js';
import type { ArgHelp, ChatCommand } from './command.js';

/**
 * A command's usage line built from its schema: the entry word, the command word, then each
 * argument's placeholder from `.meta({ placeholder })`, optional ones in brackets —
 * e.g. `delmal aktivitet ‹namn›`. Placeholders use ‹ › rather than < >: Microsoft's Adaptive Card
 * renderer takes `<namn>` for markup and shows nothing.
 */
export function usage(command: ChatCommand, t: Translate): string {
  // A command without an object schema (none, or a transformed one) has no placeholders.
  const shape = command.args instanceof z.ZodObject ? command.args.shape : {};
  const placeholders = Object.values(shape)
    .map((field) => (field as z.ZodType).meta() as ArgHelp | undefined)
    .filter((meta): meta is ArgHelp => meta?.placeholder !== undefined)
    .map((meta) => (meta.optional ? `[${t(meta.placeholder)}]` : `‹${t(meta.placeholder)}›`));
  return ['delmal', command.word ?? command.words[0], ...placeholders].filter(Boolean).join(' ');
}
