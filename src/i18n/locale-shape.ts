// A translation must have exactly the English file's keys: `LocaleShape<typeof en>` makes a missing
// or extra key in nl/tr a type error.
export type LocaleShape<T> = { [K in keyof T]: T[K] extends string ? string : LocaleShape<T[K]> };

export const LANGUAGES = ['en', 'nl', 'tr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands', tr: 'Türkçe' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
