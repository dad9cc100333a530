import { LOCALES, type Locale } from '../../db/model/locales.js';
import { en } from './messages.en.js';
import { type MessageKey, sv } from './messages.sv.js';

// The list itself lives in db/model/ because the catalog format (which db/ stores) names locales too.
export { LOCALES, type Locale } from '../../db/model/locales.js';
export type { MessageKey } from './messages.sv.js';

export const DEFAULT_LOCALE: Locale = 'sv';

/** Values that may be interpolated into a message: `{name}` in the catalog. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A function that turns a message key and its parameters into text in one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogs: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { sv, en };

/** True when `value` is one of the supported locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Formats one message. `{name}` placeholders are replaced by `params.name`;
 * `{count|en|flera}` picks the singular or plural word for a numeric `count`.
 * A missing parameter is left visible as `{name}` so a gap is noticed in review, not hidden.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key];
  // Most messages have no placeholder: nothing to scan.
  if (!template.includes('{')) return template;
  return template.replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one: string | undefined, many: string | undefined, offset: number) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (one !== undefined && many !== undefined) return Number(value) === 1 ? one : many;
      if (typeof value === 'number') return value.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB');
      // A sentence put before the template's own full stop keeps one: "… har sparats." not "..".
      return template[offset + whole.length] === '.' ? value.replace(/\.$/, '') : value;
    },
  );
}

const translators = Object.fromEntries(
  LOCALES.map((locale): [Locale, Translate] => [locale, (key, params) => translate(locale, key, params)]),
) as Readonly<Record<Locale, Translate>>;

/** Binds {@link translate} to one locale. */
export function translator(locale: Locale): Translate {
  return translators[locale];
}
