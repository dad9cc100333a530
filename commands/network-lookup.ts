import type { Network } from '../db/model/catalog-schema.js';
import type { CommandContext } from '../src/asking/command.js';
import { type MatrixId, permits } from '../src/authz/matrix.js';
import { rolesOf } from '../src/authz/roles.js';
import { fold } from '../src/search/text-processing.js';

export type NetworkLookup =
  | { readonly kind: 'found'; readonly network: Network }
  | { readonly kind: 'none' }
  | { readonly kind: 'many'; readonly networks: readonly Network[] };

/** Finds a network by id or name, typed without diacritics or in part (`lag missbruk`, `lag-missbruk`). */
export function findNetwork(ctx: CommandContext, text: string): NetworkLookup {
  const networks = ctx.catalog.view.catalog.networks;
  const wanted = fold(text.trim()).replace(/[\s_-]+/g, ' ');
  const norm = (value: string) => fold(value).replace(/[\s_-]+/g, ' ');
  const exact = networks.filter((n) => norm(n.id) === wanted || norm(n.name) === wanted);
  if (exact.length === 1) return { kind: 'found', network: exact[0] as Network };
  const partial = networks.filter((n) => norm(n.id).includes(wanted) || norm(n.name).includes(wanted));
  if (partial.length === 1) return { kind: 'found', network: partial[0] as Network };
  return partial.length === 0 ? { kind: 'none' } : { kind: 'many', networks: partial };
}

/** The networks' ids, for "Nätverk: …" hints. */
export function networkIds(networks: readonly Network[]): string {
  return networks.map((n) => n.id).join(', ') || '–';
}

/** True when the asker may do `id` (binding, a preview) for `network`: its chairs and administrators. */
export function mayManage(
  ctx: CommandContext,
  network: Network,
  id: Extract<MatrixId, 'command.network' | 'command.digest'>,
): boolean {
  return permits(id, rolesOf(ctx.catalog.view, ctx.asker.email, { network }));
}
