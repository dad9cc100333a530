import type { Locale } from '../i18n/i18n.js';

const STYLES = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per style, language and zone, built once: building one costs ~50 times more than
 * using it, and a prompt formats a date or two for every activity each time it is rendered.
 */
function formatter(style: keyof typeof STYLES, locale: Locale, timezone: string): Intl.DateTimeFormat {
  const key = `${style}\u0000${locale}\u0000${timezone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      timeZone: timezone,
      ...STYLES[style],
    });
    formatters.set(key, format);
  }
  return format;
}

/** "22 nov. 2026" in the reader's language and the plan's time zone. */
export function formatDate(iso: string, locale: Locale, timezone: string): string {
  return formatter('date', locale, timezone).format(new Date(iso));
}

/** "22 nov. 2026 09:14" in the reader's language and the plan's time zone. */
export function formatDateTime(iso: string, locale: Locale, timezone: string): string {
  return formatter('dateTime', locale, timezone).format(new Date(iso));
}

/** "09:14" in the plan's time zone. */
export function formatTime(iso: string, locale: Locale, timezone: string): string {
  return formatter('time', locale, timezone).format(new Date(iso));
}
