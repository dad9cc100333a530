import type { CatalogView } from '../../src/catalog/catalog-view.js';
import type { Locale, Translate } from '../../src/i18n/i18n.js';

const EXAMPLE_KEYS = [
  'playground.example.goal',
  'playground.example.search',
  'playground.example.owner',
  'playground.example.progress',
  'playground.example.status',
  'playground.example.changes',
] as const;

interface PlaygroundPerson {
  readonly email: string;
  readonly name: string;
  readonly role: string;
}

/**
 * What the playground page needs to start: the people you can be (demo owners, chairs and
 * members from the catalog, plus an unknown member), the conversations (a DM with the bot and
 * one channel per network) and the page's words in the workspace language.
 */
export function playgroundSession(view: CatalogView, t: Translate, locale: Locale) {
  const owners = new Set(view.catalog.activities.flatMap((a) => a.owners));
  const chairs = new Set(view.catalog.networks.flatMap((n) => n.chairs));
  const people: PlaygroundPerson[] = view.catalog.people.map((p) => ({
    email: p.email,
    name: p.name,
    role:
      [
        chairs.has(p.email) ? t('playground.role.chair') : '',
        owners.has(p.email) ? t('playground.role.owner') : '',
      ]
        .filter(Boolean)
        .join(', ') || t('playground.role.member'),
  }));
  return {
    locale,
    people,
    conversations: [
      { id: 'dm', name: t('playground.dm'), hint: t('playground.dmHint') },
      ...view.catalog.networks.map((n) => ({
        id: `network:${n.id}`,
        name: `# ${n.name}`,
        hint: t('playground.channelHint'),
      })),
    ],
    words: {
      title: t('playground.title'),
      intro: t('playground.intro'),
      whoAmI: t('playground.whoAmI'),
      anonymous: t('playground.anonymous'),
      conversations: t('playground.conversations'),
      send: t('playground.send'),
      placeholder: t('playground.placeholder'),
      you: t('playground.you'),
      bot: 'delmal',
      error: t('playground.error'),
      demo: t('playground.demo'),
      welcomeTitle: t('playground.welcome.title'),
      welcome: t('playground.welcome.text'),
      channelWelcome: t('playground.welcome.channel'),
    },
    /** Questions the first screen offers as buttons: what a newcomer can try. */
    examples: EXAMPLE_KEYS.map((key) => t(key)),
  };
}
