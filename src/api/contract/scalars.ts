// Ids and UTC instants: the scalars of every wire shape, including the first page's. In zod/mini
// (tree-shakable functions instead of methods) so that page parses its responses without classic
// zod; classic schemas take them as they are (`z.nullable(Id)`, not `Id.nullable()`).
import { z } from 'zod/mini';

export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'invalid id'));

/** UTC instant, always stored with its `Z` (R19: "when, in UTC"). */
export const UtcTimestamp = z.iso.datetime();
