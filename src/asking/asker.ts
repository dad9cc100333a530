import type { CatalogView } from '../catalog/catalog-view.js';
import type { Locale } from '../i18n/i18n.js';
import type { Asker } from './command.js';

/**
 * Builds the asker from what a platform knows (an e-mail at best). A person in the catalog gets
 * their own name and language; anyone else the workspace language and can still ask questions.
 */
export function askerFor(view: CatalogView, email: string | undefined, workspaceLocale: Locale): Asker {
  const normalised = email?.trim().toLowerCase() || undefined;
  const person = normalised ? view.people.get(normalised) : undefined;
  return { email: normalised, name: person?.name, locale: person?.locale ?? workspaceLocale };
}
