// Small shared field shapes: bounded text, safe links, dates, handles (ids and instants: scalars.ts).
import { z } from 'zod';

/**
 * No NUL character (U+0000): PostgreSQL cannot store one in text or jsonb, so the server would fail
 * on it (a 500); refused here instead, as a field error, by the mock and the server alike.
 */
const hasNoNul = (value: string): boolean => !value.includes('\u0000');
const NO_NUL = { message: 'text.nul' } as const;

export const shortText = (max = 200) => z.string().trim().max(max).refine(hasNoNul, NO_NUL);
export const longText = (max = 20_000) => z.string().max(max).refine(hasNoNul, NO_NUL);

/** A link the user may click: http(s) only, so `javascript:` and `data:` never reach an href (issue 4 §7). */
export const SafeLink = z
  .string()
  .trim()
  .max(2_000)
  .refine(hasNoNul, NO_NUL)
  .refine((value) => value === '' || isHttpUrl(value), { message: 'link.httpOnly' });

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A calendar date without time, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date();

/** A handle like `@name` or `name`; stored without the `@`. */
export const AccountHandle = z
  .string()
  .trim()
  .transform((s) => s.replace(/^@/, ''))
  .pipe(z.string().min(1).max(50).regex(/^[A-Za-z0-9_.-]+$/, 'account.handleFormat'));

export const TagList = z.array(shortText(120).min(1)).max(200);
