import { z } from 'zod';
import type { Network } from '../db/model/catalog-schema.js';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import type { Reply } from '../src/chat/reply.js';
import { firstWord } from '../src/chat/words.js';
import { DEFAULT_DIGEST } from '../src/digest/digest-schedule.js';
import { followedAreas } from '../src/digest/followed.js';
import { findNetwork, mayManage, networkIds } from './network-lookup.js';

const ACTIONS: Readonly<Record<string, 'koppla' | 'lossa'>> = {
  koppla: 'koppla',
  bind: 'koppla',
  anslut: 'koppla',
  lossa: 'lossa',
  unbind: 'lossa',
  koppla_bort: 'lossa',
};

const args = z.object({
  action: z
    .enum(['koppla', 'lossa'], { error: 'arg.networkAction.missing' })
    .meta({ placeholder: 'arg.networkAction' }),
  network: z.string().default('').meta({ placeholder: 'arg.network', optional: true }),
});

const text = (message: string): Reply => ({ summary: message, blocks: [{ type: 'text', text: message }] });

/**
 * `delmal natverk koppla <nätverk>` binds the channel it is written in to the network — its weekly
 * digest goes there (one Slack and one Teams channel per network at most); `delmal natverk lossa`
 * unbinds it. Only the network's chairs and plan administrators may; in a DM it explains where.
 */
export const network = defineCommand({
  name: 'network',
  words: ['natverk', 'natverket', 'network'],
  summary: 'cmd.network.summary',
  examples: ['delmal natverk koppla lag-missbruk', 'delmal natverk lossa'],
  args,
  toArgs: (rest) => {
    const { word, rest: name } = firstWord(rest.replace(/^koppla bort\b/i, 'koppla_bort'));
    return { action: ACTIONS[word] ?? (word === '' ? undefined : word), network: name };
  },
  run: async (ctx, input): Promise<Reply> => {
    const inbound = ctx.inbound;
    if (!inbound || inbound.conversation.kind === 'dm')
      return text(ctx.t('network.dm', { command: 'delmal natverk koppla ‹nätverk›' }));
    const service = ctx.networks;
    if (!service) return text(ctx.t('network.unavailable'));
    if (!ctx.asker.email || !ctx.catalog.view.people.has(ctx.asker.email))
      return text(ctx.t('network.unknownAsker'));
    const networks = ctx.catalog.view.catalog.networks;
    const byId = (id: string) => networks.find((n) => n.id === id);

    if (input.action === 'lossa') {
      const boundId = await service.networkOf(inbound);
      const bound = boundId ? byId(boundId) : undefined;
      if (!boundId) return text(ctx.t('network.notBound'));
      if (bound && !mayManage(ctx, bound, 'command.network')) return notAllowed(ctx, bound);
      await service.unbind(inbound, ctx.asker.email);
      return text(ctx.t('network.unbound', { network: bound?.name ?? boundId }));
    }

    if (input.network.trim() === '')
      return text(
        ctx.t('network.missingName', {
          command: 'delmal natverk koppla ‹nätverk›',
          networks: networkIds(networks),
        }),
      );
    const found = findNetwork(ctx, input.network);
    if (found.kind === 'none')
      return text(ctx.t('network.unknown', { value: input.network, networks: networkIds(networks) }));
    if (found.kind === 'many')
      return text(ctx.t('network.ambiguous', { value: input.network, networks: networkIds(found.networks) }));
    const target = found.network;
    if (!mayManage(ctx, target, 'command.network')) return notAllowed(ctx, target);
    const result = await service.bind(target.id, inbound, ctx.asker.email);
    if (!result.ok)
      return text(
        ctx.t('network.taken', {
          network: byId(result.takenBy)?.name ?? result.takenBy,
          command: 'delmal natverk lossa',
        }),
      );
    if (result.already) return text(ctx.t('network.already', { network: target.name }));
    const bound = ctx.t('network.bound', { network: target.name, when: when(ctx, target) });
    // Two plans may name an insatsområde alike (a plan's own and the follow-up's): named once.
    const areas = [
      ...new Set(
        followedAreas(ctx.catalog.view, target).map((a) =>
          a.number === undefined
            ? ctx.t('digest.section.focusArea', { title: a.title })
            : ctx.t('digest.section.goal', { number: a.number, title: a.title }),
        ),
      ),
    ];
    return {
      summary: bound,
      blocks: [
        { type: 'text', text: bound },
        ...(result.replaced
          ? [
              {
                type: 'context' as const,
                // A channel's id (C0123…, 19:…@thread) means nothing to people: named only when known.
                text:
                  result.replaced.conversation_name &&
                  result.replaced.conversation_name !== result.replaced.conversation_id
                    ? ctx.t('network.bound.moved', { previous: result.replaced.conversation_name })
                    : ctx.t('network.bound.movedUnnamed'),
              },
            ]
          : []),
        ...(areas.length > 0
          ? [{ type: 'context' as const, text: ctx.t('network.follows', { areas: areas.join(' · ') }) }]
          : []),
        {
          type: 'actions',
          actions: [
            { kind: 'command', label: ctx.t('network.preview'), command: `delmal digest ${target.id}` },
          ],
        },
      ],
    };
  },
});

function notAllowed(ctx: CommandContext, target: Network): Reply {
  const { people } = ctx.catalog.view;
  const chairs = target.chairs.map((email) => people.get(email)?.name ?? email).join(', ') || '–';
  return { ...text(ctx.t('network.notAllowed', { network: target.name, chairs })), privately: true };
}

/** "varje måndag kl. 08:00" in the reader's language, or that the digest is off. */
function when(ctx: CommandContext, target: Network): string {
  const digest = target.digest ?? DEFAULT_DIGEST;
  if (!digest.active) return ctx.t('network.when.off');
  // 2024-01-01 was a Monday: the weekday's name comes from Intl, in the reader's language.
  const index = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(
    digest.weekday,
  );
  const weekday = new Intl.DateTimeFormat(ctx.asker.locale === 'en' ? 'en-GB' : 'sv-SE', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1 + index)));
  return ctx.t('network.when', { weekday, time: digest.time });
}
