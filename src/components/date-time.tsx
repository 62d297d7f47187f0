// Instants are stored in UTC; people read them in their own language and time zone.
import { useTranslation } from 'react-i18next';

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
