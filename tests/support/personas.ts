import type { Activity, Network } from '../../db/model/catalog-schema.js';
import type { Role } from '../../src/authz/matrix.js';
import type { CatalogView } from '../../src/catalog/catalog-view.js';

/** What the authorization tests act on: a chaired network and an activity owned by neither chair nor admin. */
export interface AuthzSubjects {
  readonly network: Network;
  readonly activity: Activity;
  /** One person per role, each holding ONLY that role towards the activity and the network. */
  readonly who: Record<Role, string>;
}

/** Picks the subjects and one person per role from the shipped catalog. */
export function authzSubjects(view: CatalogView): AuthzSubjects {
  const network = view.catalog.networks.find((n) => n.chairs.length > 0);
  if (!network) throw new Error('the shipped catalog has a chaired network');
  const admins = [...view.people.values()].filter((p) => p.admin).map((p) => p.email);
  const activity = [...view.activities.values()].find(
    (a) => a.owners.length > 0 && a.owners.every((o) => !admins.includes(o) && !network.chairs.includes(o)),
  );
  if (!activity) throw new Error('the shipped catalog has an activity owned by people without other roles');
  return { network, activity, who: personas(view, network, activity) };
}

function personas(view: CatalogView, network: Network, activity: Activity): Record<Role, string> {
  const people = [...view.people.values()];
  const pick = (test: (p: (typeof people)[number]) => boolean, what: string) => {
    const found = people.find(test);
    if (!found) throw new Error(`the shipped catalog has ${what}`);
    return found.email;
  };
  const owns = (email: string) => activity.owners.includes(email);
  const chairs = (email: string) => network.chairs.includes(email);
  return {
    owner: pick((p) => owns(p.email) && !chairs(p.email) && !p.admin, 'an owner of the activity'),
    chair: pick((p) => chairs(p.email) && !owns(p.email) && !p.admin, 'a chair of the network'),
    admin: pick((p) => Boolean(p.admin) && !owns(p.email) && !chairs(p.email), 'an administrator'),
    member: pick((p) => !owns(p.email) && !chairs(p.email) && !p.admin, 'someone without roles'),
  };
}
