/** Locales delmal speaks. Swedish is the default everywhere. */
export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
