// Number, size and time formatting for the import page, in the interface language. Formatters are
// cached per language: building an Intl formatter costs about a millisecond, and a result page
// formats hundreds of values.

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(language: string, digits: number | null): Intl.NumberFormat {
  const key = `${language}|${digits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, digits === null ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'kB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${numberFormat(language, digits).format(value)} ${units[unit]}`;
}

export function formatNumber(value: number, language: string): string {
  return numberFormat(language, null).format(value);
}

export function formatScore(score: number, language: string): string {
  return numberFormat(language, 2).format(score);
}

/** An ISO instant as a short date-time in UTC: platform exports are in UTC and analysts compare them as such. */
export function formatInstant(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return `${format.format(date)} UTC`;
}

export function formatDuration(ms: number, language: string): string {
  const seconds = ms / 1000;
  return seconds < 60
    ? `${numberFormat(language, 1).format(seconds)} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
