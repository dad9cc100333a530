import type { Activity, Network } from '../../db/model/catalog-schema.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Role } from './matrix.js';

/**
 * The roles of the person with `email` relative to what an action concerns (an activity, a
 * network), from the catalog: `member` for everyone, `owner` of that activity, `chair` of that
 * network, `admin` for plan administrators.
 */
export function rolesOf(
  view: CatalogView,
  email: string | undefined,
  concerning: { readonly activity?: Activity; readonly network?: Network } = {},
): ReadonlySet<Role> {
  const roles = new Set<Role>(['member']);
  const address = email?.trim().toLowerCase();
  if (!address) return roles;
  const person = view.people.get(address);
  if (!person) return roles;
  if (person.admin) roles.add('admin');
  if (concerning.activity?.owners.includes(person.email)) roles.add('owner');
  if (concerning.network?.chairs.includes(person.email)) roles.add('chair');
  return roles;
}
