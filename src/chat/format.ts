import type { Locale } from '../i18n/i18n.js';

/** "22 nov. 2026" in the reader's language and the plan's time zone. */
export function formatDate(iso: string, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: timezone,
    dateStyle: 'medium',
  }).format(new Date(iso));
}

/** "22 nov. 2026 09:14" in the reader's language and the plan's time zone. */
export function formatDateTime(iso: string, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** "09:14" in the plan's time zone. */
export function formatTime(iso: string, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: timezone,
    timeStyle: 'short',
  }).format(new Date(iso));
}
