import { z } from 'zod';
import type { Network } from '../db/model/catalog-schema.js';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import type { Reply } from '../src/chat/reply.js';
import { renderDigest, renderDigestDetails } from '../src/digest/render-digest.js';
import { fold } from '../src/search/text-processing.js';
import { findNetwork, mayManage, networkIds } from './network-lookup.js';

const DETAIL_WORDS = new Set(['detaljer', 'details', 'mer', 'more']);

const args = z.object({
  network: z.string().default('').meta({ placeholder: 'arg.network', optional: true }),
  details: z.boolean().default(false),
});

const text = (message: string): Reply => ({ summary: message, blocks: [{ type: 'text', text: message }] });

/**
 * `delmal digest [nätverk]` — a chair's private preview of the network's next weekly digest (what
 * it would say if it went out now). `delmal digest <nätverk> detaljer` lists every exception and
 * update of the latest digest: the "more" button of a long digest runs it, so it also works for
 * anyone in the network's own channel.
 */
export const digest = defineCommand({
  name: 'digest',
  words: ['digest', 'sammanfattning', 'veckosammanfattning'],
  summary: 'cmd.digest.summary',
  examples: ['delmal digest', 'delmal digest lag-missbruk'],
  args,
  toArgs: (rest) => {
    const words = rest.trim().split(/\s+/).filter(Boolean);
    const last = words.at(-1);
    const details = last !== undefined && DETAIL_WORDS.has(fold(last));
    return { network: (details ? words.slice(0, -1) : words).join(' '), details };
  },
  run: async (ctx, input): Promise<Reply> => {
    const service = ctx.networks;
    if (!service) return text(ctx.t('digest.unavailable'));
    const networks = ctx.catalog.view.catalog.networks;
    const inbound = ctx.inbound;
    const hereId =
      inbound && inbound.conversation.kind !== 'dm' ? await service.networkOf(inbound) : undefined;

    let target: Network | undefined;
    if (input.network.trim() !== '') {
      const found = findNetwork(ctx, input.network);
      if (found.kind === 'none')
        return text(ctx.t('network.unknown', { value: input.network, networks: networkIds(networks) }));
      if (found.kind === 'many')
        return text(
          ctx.t('network.ambiguous', { value: input.network, networks: networkIds(found.networks) }),
        );
      target = found.network;
    } else if (hereId) target = networks.find((n) => n.id === hereId);
    else {
      const chaired = ctx.asker.email ? ctx.catalog.view.networksChairedBy(ctx.asker.email) : [];
      if (chaired.length === 0) return text(ctx.t('digest.noNetworks'));
      if (chaired.length > 1) return choose(ctx, chaired);
      target = chaired[0];
    }
    if (!target) return text(ctx.t('digest.noNetworks'));

    // The details of a digest already posted in the network's channel may be read there by anyone.
    const inOwnChannel = hereId === target.id;
    if (input.details && inOwnChannel)
      return renderDigestDetails(await service.latest(ctx.catalog.view, target), ctx.t, ctx.asker.locale);
    if (!mayManage(ctx, target, 'command.digest'))
      return { ...text(ctx.t('digest.notAllowed')), privately: true };
    const privately = !inbound || inbound.conversation.kind === 'dm' || inbound.replyTo.kind === 'private';
    if (!privately) return text(ctx.t('digest.private', { command: `delmal digest ${target.id}` }));
    if (input.details)
      return renderDigestDetails(await service.latest(ctx.catalog.view, target), ctx.t, ctx.asker.locale);
    return renderDigest(await service.preview(ctx.catalog.view, target), ctx.t, ctx.asker.locale);
  },
});

function choose(ctx: CommandContext, networks: readonly Network[]): Reply {
  return {
    summary: ctx.t('digest.chooseNetwork'),
    blocks: [
      { type: 'text', text: ctx.t('digest.chooseNetwork') },
      {
        type: 'list',
        items: networks.map((n) => ({
          title: n.name,
          action: { kind: 'command', label: ctx.t('digest.open'), command: `delmal digest ${n.id}` },
        })),
      },
    ],
  };
}
