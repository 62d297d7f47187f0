// Issue 15 §3: relative times in the reader's language, from Intl, in the largest whole unit.
import { describe, expect, it } from 'vitest';
import { formatRelative } from './date-time';

const NOW = '2026-12-07T12:00:00.000Z';
const before = (seconds: number) => new Date(Date.parse(NOW) - seconds * 1000).toISOString();

describe('formatRelative', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(formatRelative(before(2 * 86_400 + 3_600), NOW, 'en')).toBe('2 days ago');
    expect(formatRelative(before(86_400), NOW, 'en')).toBe('yesterday');
    expect(formatRelative(before(3 * 3_600), NOW, 'en')).toBe('3 hours ago');
    expect(formatRelative(before(20), NOW, 'en')).toBe('now');
    expect(formatRelative(before(-5 * 60), NOW, 'en')).toBe('in 5 minutes');
    expect(formatRelative(before(400 * 86_400), NOW, 'en')).toBe('last year');
  });

  it('in Dutch and Turkish', () => {
    expect(formatRelative(before(2 * 86_400), NOW, 'nl')).toBe('eergisteren');
    expect(formatRelative(before(3 * 86_400), NOW, 'nl')).toBe('3 dagen geleden');
    expect(formatRelative(before(3 * 86_400), NOW, 'tr')).toBe('3 gün önce');
  });

  it('gives back what is not an instant as it is', () => {
    expect(formatRelative('not a date', NOW, 'en')).toBe('not a date');
  });
});
