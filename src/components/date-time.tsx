// Instants are stored in UTC; people read them in their own language and time zone, exactly or as
// "2 days ago" with the exact instant on hover (issue 15 §3).
import { useTranslation } from 'react-i18next';
import { useNow } from './use-now';

export function formatDateTime(value: string, language: string, dateOnly = false): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(language, options).format(date);
}

/** A `<time>` element: machine-readable UTC in `dateTime`, the user's locale in the text. */
export function DateTime({ value, dateOnly = false }: { value: string; dateOnly?: boolean }) {
  const { i18n } = useTranslation();
  return <time dateTime={value}>{formatDateTime(value, i18n.language, dateOnly)}</time>;
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "2 days ago", "in 3 hours", "now" in the reader's language, in the largest whole unit. */
export function formatRelative(value: string, now: string, language: string): string {
  const seconds = (Date.parse(value) - Date.parse(now)) / 1000;
  if (Number.isNaN(seconds)) return value;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** A `<time>` read relative to now ("2 days ago"), the exact instant in the user's language on hover. */
export function RelativeTime({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const now = useNow();
  return (
    <time dateTime={value} title={formatDateTime(value, i18n.language)}>
      {formatRelative(value, now, i18n.language)}
    </time>
  );
}
