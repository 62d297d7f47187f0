// Display helpers for signals: the time window in UTC, in the user's language.
import type { TimeWindow } from '../../api/contract/case';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language: creating an Intl.DateTimeFormat costs far more than formatting with one. */
function utcFormatter(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    formatters.set(language, formatter);
  }
  return formatter;
}

export function formatUtc(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return utcFormatter(language).format(date);
}

/** `12 Mar 2024, 10:00 – 14 Mar 2024, 18:00`, or null when neither end is known. */
export function formatWindow(window: TimeWindow, language: string): string | null {
  if (!window.start && !window.end) return null;
  const start = window.start ? formatUtc(window.start, language) : '…';
  const end = window.end ? formatUtc(window.end, language) : '…';
  return `${start} – ${end}`;
}

/** A `datetime-local` value read as UTC (the form labels say so) -> ISO instant, or null. */
export function localInputToUtc(value: string): string | null {
  if (!value) return null;
  return value.length === 16 ? `${value}:00Z` : `${value}Z`;
}

export function utcToLocalInput(iso: string | null): string {
  return iso ? iso.slice(0, 16) : '';
}
