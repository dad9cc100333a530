import { z } from 'zod';
import { defineCommand } from '../src/asking/command.js';
import { usage } from '../src/asking/usage.js';
import type { Reply } from '../src/chat/reply.js';

/** `delmal hjälp` — help generated from the command registry and each command's argument schema. */
export const help = defineCommand({
  name: 'help',
  words: ['hjalp', 'help', 'hj', '?', 'kommandon', 'commands'],
  word: 'hjälp',
  summary: 'cmd.help.summary',
  readOnly: true,
  examples: ['delmal hjälp'],
  args: z.object({}),
  toArgs: () => ({}),
  run: (ctx): Reply => ({
    summary: ctx.t('help.heading'),
    blocks: [
      { type: 'heading', text: ctx.t('help.heading') },
      { type: 'text', text: ctx.t('help.intro') },
      {
        type: 'list',
        items: ctx.commands.map((command) => ({
          title: usage(command, ctx.t),
          detail: `${ctx.t(command.summary)}\n${ctx.t('help.example', { example: command.examples.join(' · ') })}`,
        })),
      },
      { type: 'context', text: ctx.t('help.freeText') },
    ],
  }),
});
