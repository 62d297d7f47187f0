// The @-mentions of each post, found while the file is read (issue 16 §6): the dogpiling detector
// reads this column instead of the post texts, which a large import does not keep in memory.
//
// A mention is '@' followed by a name (`nameAt`): letters, digits and '_', with inner '.' and '-'
// (Bluesky and Mastodon handles), not right after a name character or another '@' (an e-mail
// address, '@@x'), at most MAX_NAME_CHARS characters read. Names are kept lower-cased, distinct per
// post, in text order.
//
// This module names the store's growable column and interner by type only: post-store.ts holds
// those classes and imports this module, and makes the column (`mentionColumn` there).
import type { Int32Column, Interner } from './post-store';

/** Mentioned usernames longer than this are not read as names (the first this many characters are read). */
export const MAX_NAME_CHARS = 50;

/**
 * Distinct names kept per post (in text order; the rest of a longer text is not read). A post
 * naming more accounts than this is a spam list, not a call on one person: the dogpiling detector
 * reads at most 10 per reply, and a post whose 33rd distinct mention is a burst's target does not
 * count as naming it.
 */
export const MAX_MENTIONS_PER_POST = 32;

const NON_ASCII_NAME_CHAR = /^[\p{L}\p{N}]$/u;

export function isNameChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return NON_ASCII_NAME_CHAR.test(String.fromCharCode(c));
}

/** Set by `nameEnd`: whether the name it found has a character lower-casing may change (A-Z or beyond ASCII). */
let notLowerCase = false;

/**
 * Where the name after the '@' at `at` ends (one past its last character), or -1 when there is
 * none, in the text `text[from, to)`: see `nameAt`.
 */
function nameEnd(text: string, at: number, from: number, to: number): number {
  if (at > from && (isNameChar(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 64)) return -1;
  let end = at + 1;
  let last = at; // last name character
  let upper = false;
  while (end < to && end - at - 1 < MAX_NAME_CHARS) {
    const c = text.charCodeAt(end);
    if (isNameChar(c)) {
      last = end;
      if (c < 97) upper ||= c >= 65 && c <= 90;
      else upper ||= c >= 128;
    } else if (c !== 46 && c !== 45) break;
    end++;
  }
  notLowerCase = upper;
  return last === at ? -1 : last + 1;
}

/**
 * The name after the '@' at `at`, lower-cased, or null: letters, digits and '_', with inner '.' and
 * '-' (Bluesky and Mastodon handles); not an e-mail address (a name character right before '@').
 */
export function nameAt(text: string, at: number): string | null {
  const end = nameEnd(text, at, 0, text.length);
  return end < 0 ? null : text.slice(at + 1, end).toLowerCase();
}

/** The distinct @-mentions of a text, lower case, in text order, at most `max` (MentionColumn keeps the same). */
export function mentionsOf(text: string, max = MAX_MENTIONS_PER_POST): string[] {
  const out: string[] = [];
  for (let at = text.indexOf('@'); at >= 0 && out.length < max; at = text.indexOf('@', at + 1)) {
    const name = nameAt(text, at);
    if (name !== null && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Whether the text @-mentions `name` (lower case), wherever in the text (no cap). */
export function namesAccount(text: string, name: string): boolean {
  const n = name.length;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && (isNameChar(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 64)) continue;
    // Compared in place (no string per mention).
    let same = true;
    let ascii = true;
    for (let j = 0; j < n && same && ascii; j++) {
      let c = text.charCodeAt(at + 1 + j);
      if (c >= 128) ascii = false; // lower-casing may change its length: compare the parsed name
      else if (c >= 65 && c <= 90) c += 32;
      same = !ascii || c === name.charCodeAt(j);
    }
    if (!ascii) {
      if (nameAt(text, at) === name) return true;
      continue;
    }
    if (!same) continue;
    // The mention ends here: trailing '.' and '-' are punctuation unless a name character follows.
    let end = at + 1 + n;
    while (end < text.length && (text.charCodeAt(end) === 46 || text.charCodeAt(end) === 45)) end++;
    if (n <= MAX_NAME_CHARS && (end >= text.length || !isNameChar(text.charCodeAt(end)))) return true;
  }
  return false;
}

/** The mentions of a run of rows as plain data (typed arrays: they cross to another thread without a copy). */
export interface Mentions {
  /** Row `i` mentions `ids[offsets[i] .. offsets[i + 1])` (n + 1 entries). */
  offsets: Int32Array;
  /** Indices into `names`. */
  ids: Int32Array;
  /** Lower case, in first-seen order. */
  names: string[];
}

/** What a MentionColumn writes to: two empty columns and a name table (see the top of this file). */
export interface MentionStorage {
  offsets: Int32Column;
  ids: Int32Column;
  names: Interner;
}

/**
 * Each row's @-mentions (`mentionsOf`), found as the rows are read. Cheap on a text without '@'
 * (one native `indexOf`); a name is interned from where it stands in the text being read, no
 * string built unless it is new (and then a copy of its own: the Interner detaches it), or unless
 * it has to be lower-cased.
 */
export class MentionColumn {
  private readonly offsets: Int32Column;
  private readonly ids: Int32Column;
  private readonly names: Interner;
  /** The text last searched for '@', where that search started, and the first '@' it found (-1: none). */
  private searched = '';
  private searchedFrom = 0;
  private found = -1;

  constructor(storage: MentionStorage) {
    this.offsets = storage.offsets;
    this.ids = storage.ids;
    this.names = storage.names;
    this.offsets.push(0);
  }

  /** Rows so far. */
  get size(): number {
    return this.offsets.length - 1;
  }

  /** Appends the row whose text is `text[from, to)`. */
  add(text: string, from: number, to: number): void {
    const first = this.nextAt(text, from);
    if (first >= 0 && first < to) this.scan(text, from, to, first);
    this.offsets.push(this.ids.length);
  }

  /** Appends a row without text. */
  skip(): void {
    this.offsets.push(this.ids.length);
  }

  /** Appends another column's rows, its names interned here in their first-seen order (as reading those rows here would). */
  append(part: Mentions): void {
    const map = new Int32Array(part.names.length);
    for (let k = 0; k < part.names.length; k++) map[k] = this.names.intern(part.names[k] ?? '');
    const rows = Math.max(0, part.offsets.length - 1);
    this.offsets.reserve(this.offsets.length + rows);
    this.ids.reserve(this.ids.length + part.ids.length);
    for (let i = 0; i < rows; i++) {
      for (let u = part.offsets[i] ?? 0; u < (part.offsets[i + 1] ?? 0); u++) this.ids.push(map[part.ids[u] ?? 0] ?? 0);
      this.offsets.push(this.ids.length);
    }
  }

  /** Room for about `rows` rows (mentions in proportion to the rows so far). */
  reserve(rows: number): void {
    const size = this.size;
    if (size === 0 || rows <= size) return;
    this.offsets.reserve(rows + 1);
    this.ids.reserve(Math.ceil((this.ids.length / size) * rows * 1.05) + 16);
  }

  result(): Mentions {
    this.searched = ''; // not the last chunk read kept alive
    return { offsets: this.offsets.toArray(), ids: this.ids.toArray(), names: this.names.values };
  }

  /**
   * The first '@' at or after `from` in `text` (-1: none). One native search, which runs on past
   * the row's end in the chunk being read up to the next '@': rows come in the order they stand
   * in the chunk, so that '@' answers the next rows' searches too, and the chunk is searched once
   * over, not once a row to its end.
   */
  private nextAt(text: string, from: number): number {
    // The string comparison last: a row of the same chunk compares one pointer.
    if (from < this.searchedFrom || (this.found >= 0 && from > this.found) || text !== this.searched) {
      this.searched = text;
      this.searchedFrom = from;
      this.found = text.indexOf('@', from);
    }
    return this.found;
  }

  /** The mentions of `text[from, to)`, whose first '@' is at `first`. */
  private scan(text: string, from: number, to: number, first: number): void {
    const ids = this.ids;
    const rowStart = ids.length;
    for (let at = first; at >= 0 && at < to && ids.length - rowStart < MAX_MENTIONS_PER_POST; at = this.nextAt(text, at + 1)) {
      const end = nameEnd(text, at, from, to);
      if (end < 0) continue;
      const start = at + 1;
      const id = notLowerCase ? this.names.intern(text.slice(start, end).toLowerCase()) : this.names.internRange(text, start, end);
      let seen = false;
      for (let k = rowStart; k < ids.length && !seen; k++) seen = ids.data[k] === id;
      if (!seen) ids.push(id);
    }
  }
}
