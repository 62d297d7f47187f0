// Number, size and time formatting for the import page, in the interface language.

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'kB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(language, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}

export function formatNumber(value: number, language: string): string {
  return value.toLocaleString(language);
}

export function formatScore(score: number, language: string): string {
  return score.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** An ISO instant as a short date-time in UTC: platform exports are in UTC and analysts compare them as such. */
export function formatInstant(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })} UTC`;
}

export function formatDuration(ms: number, language: string): string {
  const seconds = ms / 1000;
  return seconds < 60
    ? `${seconds.toLocaleString(language, { maximumFractionDigits: 1 })} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
