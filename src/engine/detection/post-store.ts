// Imported posts held column by column (typed arrays, interned strings, texts packed as UTF-8) so a
// million posts fit in a few hundred MB and detectors scan plain integer arrays instead of objects.
//
// No string the store keeps may be a slice of the text it was read from: a JavaScript engine keeps
// a slice as a pointer into its parent, so one kept id or text would keep its whole 1 MiB chunk
// alive (at a million posts that was the whole file, twice over for chunks with one character
// beyond Latin-1). Texts and message ids are packed as bytes, every other kept string is `detach`ed.

import { FingerprintBuilder, keepFingerprintRows } from './text-fingerprints';
import type { PrecomputedFingerprints } from './text-fingerprints';
import { MentionColumn } from './mentions';
import type { Mentions } from './mentions';

/** A growable Int32 column; `-1` is used for "none" by the reference columns. */
export class Int32Column {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }
  private grow(): void {
    this.reserve(Math.max(16, this.data.length * 2));
  }
  /** Makes room for `capacity` values in all (one copy now instead of several while growing). */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** The values: a view when the growth slack is small, else an exact-length copy (see `trimmed`). */
  toArray(): Int32Array {
    return trimmed(this.data, this.length);
  }
}

export class Float64Column {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.reserve(Math.max(16, this.data.length * 2));
    this.data[this.length++] = value;
  }
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new Float64Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  toArray(): Float64Array {
    return trimmed(this.data, this.length);
  }
}

/**
 * The first `length` values: a view when at most an eighth of the array would be slack (a copy of
 * a million-row column is fresh memory, and fresh pages cost more than the copy on a busy VM), an
 * exact copy otherwise, so a store does not keep a large growth slack alive.
 */
function trimmed<T extends Int32Array | Float64Array>(data: T, length: number): T {
  return (data.length - length <= Math.max(1024, length / 8) ? data.subarray(0, length) : data.slice(0, length)) as T;
}

/**
 * An open-addressing table of [hash, slot] pairs (slot 0 = empty) moved into one of `mask + 1`
 * places, linear probing: the Interner's and the post texts' tables grow through it.
 */
function rehashedSlots(old: Int32Array, mask: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array((mask + 1) * 2);
  for (let j = 0; j < old.length; j += 2) {
    const slot = old[j + 1] ?? 0;
    if (slot === 0) continue;
    const h = old[j] ?? 0;
    let i = h & mask;
    while ((slots[2 * i + 1] ?? 0) !== 0) i = (i + 1) & mask;
    slots[2 * i] = h;
    slots[2 * i + 1] = slot;
  }
  return slots;
}

/**
 * Maps strings to dense ids 0..n-1 and back: FNV-1a hash, open addressing over an Int32Array of
 * [hash, id + 1] slots. Equality is checked against a compact byte copy of each key (keys with a
 * character above U+00FF against the stored string), not against the stored strings: those are
 * slices of the text chunks they were read from, scattered over hundreds of MB, and comparing with
 * them cost several cache misses per lookup (about 1 s of a million-row import on a 2-core VM).
 */
export class Interner {
  readonly values: string[] = [];
  private slots = new Int32Array(2048 * 2);
  private mask = 2047;
  /** Key `id` is `pool[keys[2 id] ..][0 .. keys[2 id + 1])`; a start of -1 marks a wide key, kept only in `values`. */
  private pool = new Uint8Array(4096);
  private poolLength = 0;
  private keys = new Int32Array(2048);

  intern(value: string): number {
    return this.lookup(value, 0, value.length, value);
  }

  /**
   * `intern(buf.slice(start, end))` without building the string unless the value is new: the CSV
   * fast path interns ids straight from the text it is reading.
   */
  internRange(buf: string, start: number, end: number): number {
    return this.lookup(buf, start, end, null);
  }

  get(value: string): number | undefined {
    const h = hashRange(value, 0, value.length);
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const slot = slots[2 * i + 1] ?? 0;
      if (slot === 0) return undefined;
      if (slots[2 * i] === h && this.keyEquals(slot - 1, value, 0, value.length)) return slot - 1;
      i = (i + 1) & this.mask;
    }
  }

  get size(): number {
    return this.values.length;
  }

  private lookup(buf: string, start: number, end: number, whole: string | null): number {
    const h = hashRange(buf, start, end);
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const slot = slots[2 * i + 1] ?? 0;
      if (slot === 0) break;
      if (slots[2 * i] === h && this.keyEquals(slot - 1, buf, start, end)) return slot - 1;
      i = (i + 1) & this.mask;
    }
    return this.insert(whole ?? buf.slice(start, end), h, i);
  }

  private keyEquals(id: number, buf: string, start: number, end: number): boolean {
    const n = this.keys[2 * id + 1] ?? 0;
    if (n !== end - start) return false;
    const from = this.keys[2 * id] ?? 0;
    if (from < 0) return equalsRange(this.values[id] ?? '', buf, start, end);
    const pool = this.pool;
    for (let k = 0; k < n; k++) if (pool[from + k] !== buf.charCodeAt(start + k)) return false;
    return true;
  }

  /** Adds key `key` (kept as a copy of its own: see `detach`) in slot `i`. */
  private insert(key: string, h: number, i: number): number {
    const id = this.values.length;
    const value = detach(key);
    this.values.push(value);
    if (2 * id + 2 > this.keys.length) {
      const next = new Int32Array(this.keys.length * 2);
      next.set(this.keys);
      this.keys = next;
    }
    const n = value.length;
    if (this.poolLength + n > this.pool.length) {
      const next = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + n));
      next.set(this.pool.subarray(0, this.poolLength));
      this.pool = next;
    }
    const base = this.poolLength;
    let narrow = true;
    for (let k = 0; k < n && narrow; k++) {
      const c = value.charCodeAt(k);
      if (c > 255) narrow = false;
      else this.pool[base + k] = c;
    }
    this.keys[2 * id] = narrow ? base : -1;
    this.keys[2 * id + 1] = n;
    if (narrow) this.poolLength = base + n;
    this.slots[2 * i] = h;
    this.slots[2 * i + 1] = id + 1;
    if (this.values.length * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    this.mask = this.mask * 2 + 1;
    this.slots = rehashedSlots(this.slots, this.mask);
  }
}

function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** `value === buf.slice(start, end)`, without the slice. */
export function equalsRange(value: string, buf: string, start: number, end: number): boolean {
  if (value.length !== end - start) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== buf.charCodeAt(start + i)) return false;
  return true;
}

const SLICE_MIN = 13;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();
let detachBytes = new Uint8Array(256);

/**
 * A copy of `s` that shares no memory with the string it may have been cut from (see the top of
 * this file). Cheap for short strings, which engines copy when slicing anyway, and for ASCII; any
 * other text goes through UTF-8, and a lone surrogate (which UTF-8 cannot hold) through JSON.
 */
export function detach(s: string): string {
  const n = s.length;
  if (n < SLICE_MIN) return s;
  if (detachBytes.length < n) detachBytes = new Uint8Array(Math.max(n, detachBytes.length * 2));
  const bytes = detachBytes;
  let ascii = true;
  for (let i = 0; i < n && ascii; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) ascii = false;
    else bytes[i] = c;
  }
  if (ascii) return utf8.decode(bytes.subarray(0, n));
  const copy = utf8.decode(utf8Encoder.encode(s));
  return copy === s ? copy : (JSON.parse(JSON.stringify(s)) as string);
}

/** Message ids packed as UTF-8 (ASCII: the row validator admits only letters, digits and `_ . : -` in an id). */
export interface PackedIds {
  bytes: Uint8Array;
  /** Where each id ends in `bytes`; it starts where the previous one ends. */
  ends: Int32Array;
}

/**
 * Packs message ids row by row (see PackedIds). `add` also returns the id's hash: FNV-1a folded to
 * 30 bits, so that hash * 2^23 + index stays an exact double (duplicates are found by sorting those).
 */
class IdPool {
  private bytes = new Uint8Array(4096);
  private used = 0;
  private readonly ends = new Int32Column(256);

  get size(): number {
    return this.ends.length;
  }

  /** Appends the id `text[from, to)` and returns its hash, computed as it is copied. */
  add(text: string, from: number, to: number): number {
    if (this.used + 3 * (to - from) > this.bytes.length) this.grow(this.used + 3 * (to - from));
    const out = this.bytes;
    let p = this.used;
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) {
        // Not an id the row validator passes (those are ASCII): stored as UTF-8 all the same.
        p = this.used + utf8Encoder.encodeInto(text.slice(from, to), out.subarray(this.used)).written;
        for (let b = this.used; b < p; b++) h = Math.imul(h ^ (out[b] ?? 0), 0x01000193);
        break;
      }
      out[p++] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.used = p;
    this.ends.push(p);
    return (h ^ (h >>> 30)) & 0x3fffffff;
  }

  /** Appends `count` ids of another pool. */
  append(other: PackedIds, count: number): void {
    const n = count === 0 ? 0 : (other.ends[count - 1] ?? 0);
    if (this.used + n > this.bytes.length) this.grow(this.used + n);
    this.bytes.set(other.bytes.subarray(0, n), this.used);
    this.ends.reserve(this.ends.length + count);
    for (let i = 0; i < count; i++) this.ends.push(this.used + (other.ends[i] ?? 0));
    this.used += n;
  }

  /** Room for `rows` ids as long as the ones so far. */
  reserve(rows: number): void {
    const size = this.size;
    if (size === 0 || rows <= size) return;
    this.ends.reserve(rows);
    const bytes = Math.ceil((this.used / size) * rows * 1.05) + 256;
    if (bytes > this.bytes.length) this.grow(bytes, true);
  }

  equals(i: number, j: number): boolean {
    const ends = this.ends.data;
    const a = i === 0 ? 0 : (ends[i - 1] ?? 0);
    const b = j === 0 ? 0 : (ends[j - 1] ?? 0);
    const n = (ends[i] ?? 0) - a;
    if (n !== (ends[j] ?? 0) - b) return false;
    const bytes = this.bytes;
    for (let k = 0; k < n; k++) if (bytes[a + k] !== bytes[b + k]) return false;
    return true;
  }

  get(i: number): string {
    return idAt(this.packed(), i);
  }

  packed(): PackedIds {
    return { bytes: this.bytes.subarray(0, this.used), ends: this.ends.toArray() };
  }

  private grow(atLeast: number, exact = false): void {
    const next = new Uint8Array(exact ? atLeast : Math.max(atLeast, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }
}

function idAt(ids: PackedIds, i: number): string {
  const end = ids.ends[i];
  if (end === undefined) return '';
  return utf8.decode(ids.bytes.subarray(i === 0 ? 0 : (ids.ends[i - 1] ?? 0), end));
}

/** The index a property key names in an array of `size` elements, or -1. */
function arrayIndex(key: string | symbol, size: number): number {
  if (typeof key !== 'string' || key.length === 0) return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const i = Number(key);
  return Number.isInteger(i) && i < size && String(i) === key ? i : -1;
}

/**
 * Packed ids as a read-only array of strings: `postIds[i]`, `length`, iteration and the array
 * methods behave as on an array, each id decoded when read. A view (a Proxy) instead of a million
 * strings: 18 bytes a post instead of about 36, none made while the file is read, and none kept
 * alive in the V8 heap; code written against `readonly string[]` keeps working. It cannot be
 * posted to another thread (nothing posts a store's message ids).
 */
function idArray(ids: PackedIds, size: number): readonly string[] {
  const target: string[] = [];
  target.length = size;
  return new Proxy(target, {
    get(t, key, receiver) {
      const i = arrayIndex(key, size);
      return i >= 0 ? idAt(ids, i) : (Reflect.get(t, key, receiver) as unknown);
    },
    has(t, key) {
      return arrayIndex(key, size) >= 0 || Reflect.has(t, key);
    },
    ownKeys(t) {
      return [...Array.from({ length: size }, (_, i) => String(i)), ...Reflect.ownKeys(t)];
    },
    getOwnPropertyDescriptor(t, key) {
      const i = arrayIndex(key, size);
      return i >= 0 ? { value: idAt(ids, i), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, key);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** True when `s` holds a surrogate that is not half of a pair (UTF-8 cannot hold it). */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const d = s.charCodeAt(i + 1);
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return true;
    i++;
  }
  return false;
}

/** The texts of no rows. */
export function noTexts(): PackedTexts {
  return { blocks: [], ends: new Int32Array(0), textOf: new Int32Array(0), odd: new Map(), inFile: { start: new Float64Array(0), bytes: new Int32Array(0) } };
}

/** A block of packed texts: distinct texts `first`, `first + 1`, ... as UTF-8, one after another. */
export interface TextBlock {
  first: number;
  bytes: Uint8Array;
}

/** The texts of a run of rows as plain data (typed arrays: they cross to another thread without a copy). */
export interface PackedTexts {
  blocks: TextBlock[];
  /** Where each distinct text ends in its block; it starts where the previous one ends, or at 0 for a block's first. */
  ends: Int32Array;
  /**
   * Each row's text, as an index into the distinct texts; -1 for none (or one in `odd`); `-2 - k`
   * for a text left in the file, at `inFile.start[k]`, `inFile.bytes[k]` bytes long.
   */
  textOf: Int32Array;
  /** Texts UTF-8 cannot hold (a lone surrogate, from a JSON escape), by row: kept as strings. */
  odd: Map<number, string>;
  /** Where the texts left in the file are (see `TextsInFile`). */
  inFile: { start: Float64Array; bytes: Int32Array };
}

/**
 * Random access to the bytes of the file being imported, synchronous (a dedicated worker's
 * `FileReaderSync`; a file descriptor under Node): with it, the texts of ordinary CSV rows are not
 * copied into memory but read back from the file when asked for (`PostTexts`). Throws when the
 * file can no longer be read (changed or removed since the import).
 */
export interface TextFile {
  read(start: number, length: number): Uint8Array;
}

/**
 * How a parser leaves texts in the file: `firstByte` is where the first character it is given
 * stands in the file (3 after a byte order mark, a part's start); `file` reads them back (null for
 * a part parser, whose rows another parser takes over).
 */
export interface TextsInFile {
  firstByte: number;
  file: TextFile | null;
}

const FILE_BLOCK = 64 * 1024;
const FILE_BLOCKS_KEPT = 16;
/** `prefetch` reads texts up to this far apart in one read, of at most PREFETCH_READ bytes. */
const PREFETCH_GAP = 64 * 1024;
const PREFETCH_READ = 4 * 1024 * 1024;
/** At most this many texts are read ahead at once (the rest are read when asked for). */
const PREFETCH_MAX = 100_000;

/**
 * Texts read back from the file, through a few cached 64 KiB blocks (texts asked for together are
 * mostly near each other in the file: a cluster's posts, a page of a timeline). A failed read
 * gives no bytes and marks the file unreadable.
 */
class FileTextReader {
  private readonly blocks = new Map<number, Uint8Array>();
  unreadable = false;

  constructor(readonly file: TextFile) {}

  /** `length` bytes from `start`; `cached`: through the blocks (false: one read of its own, not kept). */
  bytes(start: number, length: number, cached = true): Uint8Array | null {
    if (length <= 0 || this.unreadable) return null;
    try {
      const block = Math.floor(start / FILE_BLOCK);
      if (!cached || Math.floor((start + length - 1) / FILE_BLOCK) !== block) return this.file.read(start, length);
      let bytes = this.blocks.get(block);
      if (bytes === undefined) {
        bytes = this.file.read(block * FILE_BLOCK, FILE_BLOCK);
        if (this.blocks.size >= FILE_BLOCKS_KEPT) this.blocks.delete(this.blocks.keys().next().value ?? block);
      } else {
        this.blocks.delete(block); // most recently used last
      }
      this.blocks.set(block, bytes);
      const from = start - block * FILE_BLOCK;
      return bytes.subarray(from, from + length);
    } catch {
      this.unreadable = true;
      return null;
    }
  }
}

const TEXT_BLOCK_MIN = 64 * 1024;
const TEXT_BLOCK_MAX = 8 * 1024 * 1024;

/**
 * The posts' texts, packed as UTF-8 in blocks of up to 8 MiB, the text of many reposts of one
 * post once (they carry their source's text: on the benchmark's data a quarter of all text, in
 * real exports often more). A million 130-character posts: about 100 MB, where strings cut from
 * the file kept the file's chunks, two bytes per character, alive. `get(i)` decodes one text, `excerpt(i, n)` its
 * first `n` characters: for display, labels and matching; the detectors read the fingerprints
 * computed while the file was read.
 */
export class PostTexts {
  private readonly firsts: Int32Array;
  private readonly file: FileTextReader | null;

  /** `file`: where the texts left in the file are read (none: those read as ''). */
  constructor(
    private readonly packed: PackedTexts,
    readonly length: number,
    file: TextFile | null = null,
  ) {
    this.firsts = Int32Array.from(packed.blocks, (b) => b.first);
    this.file = file === null ? null : new FileTextReader(file);
  }

  /** How many texts are left in the file (read back when asked for) rather than kept in memory. */
  get inFile(): number {
    return this.packed.inFile.start.length;
  }

  /** True once a text left in the file could not be read back (the file changed or went away since the import). */
  get unreadable(): boolean {
    return this.file?.unreadable ?? false;
  }

  /** Texts read ahead by `prefetch`, by row. */
  private ahead = new Map<number, string>();

  /**
   * Reads the texts of these rows that are left in the file ahead of `get`, in file order and a few
   * large reads: a detector labelling thousands of edges, or a cluster's timeline, asks for texts
   * scattered over the file, and each read of a worker's FileReaderSync costs about half a
   * millisecond however small. Replaces what an earlier call read ahead.
   */
  prefetch(rows: Iterable<number>): void {
    this.ahead = new Map();
    const file = this.file;
    if (file === null) return;
    const { textOf, inFile } = this.packed;
    const wanted: number[] = [];
    for (const i of rows) {
      if ((textOf[i] ?? -1) <= -2 && wanted.length < PREFETCH_MAX) wanted.push(i);
    }
    const startOf = (i: number): number => inFile.start[-2 - (textOf[i] ?? -2)] ?? 0;
    const bytesOf = (i: number): number => inFile.bytes[-2 - (textOf[i] ?? -2)] ?? 0;
    const sorted = wanted.toSorted((a, b) => startOf(a) - startOf(b));
    for (let from = 0; from < sorted.length; ) {
      // One read for the texts from `from` on that lie close together.
      const first = startOf(sorted[from] ?? 0);
      let end = first + bytesOf(sorted[from] ?? 0);
      let to = from + 1;
      for (; to < sorted.length; to++) {
        const next = sorted[to] ?? 0;
        const nextEnd = Math.max(end, startOf(next) + bytesOf(next));
        if (startOf(next) - end > PREFETCH_GAP || nextEnd - first > PREFETCH_READ) break;
        end = nextEnd;
      }
      const bytes = file.bytes(first, end - first, false);
      if (bytes === null) return;
      for (let k = from; k < to; k++) {
        const i = sorted[k] ?? 0;
        const at = startOf(i) - first;
        this.ahead.set(i, utf8.decode(bytes.subarray(at, at + bytesOf(i))));
      }
      from = to;
    }
  }

  /** The text of post `i` ('' for none). */
  get(i: number): string {
    if (i < 0 || i >= this.length) return '';
    if (this.ahead.size > 0) {
      const text = this.ahead.get(i);
      if (text !== undefined) return text;
    }
    const odd = this.packed.odd;
    if (odd.size > 0) {
      const text = odd.get(i);
      if (text !== undefined) return text;
    }
    const range = this.range(this.packed.textOf[i] ?? -1);
    return range === null ? '' : utf8.decode(range);
  }

  /** The first `maxChars` UTF-16 units of post `i`'s text (all of it when shorter), decoding no more than that. */
  excerpt(i: number, maxChars: number): string {
    if (i < 0 || i >= this.length) return '';
    const odd = this.packed.odd.get(i) ?? this.ahead.get(i);
    if (odd !== undefined) return odd.slice(0, maxChars);
    const range = this.range(this.packed.textOf[i] ?? -1);
    if (range === null) return '';
    // A UTF-16 unit takes at most 3 UTF-8 bytes (a pair 4 for 2 units): 3 * maxChars + 3 bytes hold
    // maxChars + 1 whole units, so the cut falls where `slice` would put it (even inside a pair); a
    // character cut at the end of the bytes decodes to U+FFFD beyond it.
    const limit = 3 * maxChars + 3;
    const text = utf8.decode(range.length > limit ? range.subarray(0, limit) : range);
    return text.length > maxChars ? text.slice(0, maxChars) : text;
  }

  /** Every text, as strings (tests, small stores). */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.get(i));
  }

  /** The texts of the rows `keep` marks 1, packed anew (those in the file stay there). */
  keepRows(keep: Uint8Array): PostTexts {
    const pool = new TextPool();
    const { textOf, inFile } = this.packed;
    for (let i = 0; i < this.length; i++) {
      if (keep[i] !== 1) continue;
      const odd = this.packed.odd.get(i);
      const t = textOf[i] ?? -1;
      if (odd !== undefined) pool.add(odd, 0, odd.length);
      else if (t <= -2) pool.addInFile(inFile.start[-2 - t] ?? 0, inFile.bytes[-2 - t] ?? 0);
      else pool.addBytes(this.range(t));
    }
    return pool.texts(this.file?.file ?? null);
  }

  /** The UTF-8 bytes of text `t` (a distinct packed text, or `-2 - k` for one in the file), or null for none. */
  private range(t: number): Uint8Array | null {
    if (t <= -2) {
      const k = -2 - t;
      return this.file?.bytes(this.packed.inFile.start[k] ?? 0, this.packed.inFile.bytes[k] ?? 0) ?? null;
    }
    if (t < 0) return null;
    const firsts = this.firsts;
    // The last block starting at or before text t (blocks are in order).
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((firsts[mid] ?? 0) <= t) lo = mid;
      else hi = mid - 1;
    }
    const block = this.packed.blocks[lo];
    if (block === undefined) return null;
    const ends = this.packed.ends;
    const start = t === block.first ? 0 : (ends[t - 1] ?? 0);
    return block.bytes.subarray(start, ends[t] ?? 0);
  }
}

/**
 * Packs texts row by row as UTF-8 into blocks (see PostTexts), each distinct repost text once: a
 * text is encoded in place, and if an earlier one has the same bytes the row points to that one
 * and the bytes are written over by the next text.
 */
class TextPool {
  private readonly blocks: TextBlock[] = [];
  private bytes = new Uint8Array(0);
  private used = 0;
  private nextBlock = TEXT_BLOCK_MIN;
  /** End of each distinct text in its block. */
  private readonly ends = new Int32Column(256);
  private readonly textOf = new Int32Column(256);
  private readonly odd = new Map<number, string>();
  /** Texts left in the file: where each starts and how many bytes it has (see PackedTexts.textOf). */
  private readonly fileStart = new Float64Column(16);
  private readonly fileBytes = new Int32Column(16);
  /** Distinct texts by hash: [hash, text + 1] pairs, open addressing (null once the pool is packed). */
  private slots: Int32Array | null = new Int32Array(2 * 1024);
  private mask = 1023;

  /**
   * Appends `text[from, to)` as the next row's text. `repeated`: a text that is likely to have
   * been seen before (a repost's: they carry their source's text), looked up among the earlier
   * ones given so; other texts are new (looking them all up cost a third of a second a million
   * posts to find 3 % of the bytes again, where reposts give back 70 % of theirs).
   */
  add(text: string, from: number, to: number, repeated = false): void {
    const n = to - from;
    if (n === 0) {
      this.textOf.push(-1);
      return;
    }
    if (this.used + 3 * n > this.bytes.length) this.newBlock(3 * n);
    const piece = from === 0 && to === text.length ? text : text.slice(from, to);
    // Native UTF-8 encoding (a JavaScript loop took about 1 s a million posts); a slice is a view, not a copy.
    const written = utf8Encoder.encodeInto(piece, this.bytes.subarray(this.used)).written;
    if (written !== n && hasLoneSurrogate(piece)) {
      // UTF-8 cannot hold a lone surrogate (it was written as U+FFFD): the text is kept as a string.
      this.odd.set(this.textOf.length, detach(piece));
      this.textOf.push(-1);
      return;
    }
    if (repeated) this.commit(this.used, this.used + written);
    else this.textOf.push(this.newText(this.used + written));
  }

  /** Appends a text left in the file: `bytes` bytes from byte `start` (none when 0). */
  addInFile(start: number, bytes: number): void {
    if (bytes === 0) {
      this.textOf.push(-1);
      return;
    }
    this.textOf.push(-2 - this.fileStart.length);
    this.fileStart.push(start);
    this.fileBytes.push(bytes);
  }

  /** Appends a text given as its UTF-8 bytes (null or empty: none). */
  addBytes(bytes: Uint8Array | null): void {
    const n = bytes?.length ?? 0;
    if (bytes === null || n === 0) {
      this.textOf.push(-1);
      return;
    }
    if (this.used + n > this.bytes.length) this.newBlock(n);
    this.bytes.set(bytes, this.used);
    this.textOf.push(this.newText(this.used + n));
  }

  /** Appends the texts of another pool's rows after these (its blocks are taken over, not copied). */
  append(other: PackedTexts, rows: number): void {
    const shift = this.ends.length;
    const rowShift = this.textOf.length;
    const fileShift = this.fileStart.length;
    for (let t = 0; t < other.ends.length; t++) this.ends.push(other.ends[t] ?? 0);
    this.textOf.reserve(rowShift + rows);
    for (let i = 0; i < rows; i++) {
      const t = other.textOf[i] ?? -1;
      this.textOf.push(t >= 0 ? t + shift : t <= -2 ? t - fileShift : -1);
    }
    const inFile = other.inFile;
    this.fileStart.reserve(fileShift + inFile.start.length);
    this.fileBytes.reserve(fileShift + inFile.start.length);
    for (let k = 0; k < inFile.start.length; k++) {
      this.fileStart.push(inFile.start[k] ?? 0);
      this.fileBytes.push(inFile.bytes[k] ?? 0);
    }
    for (const block of other.blocks) this.blocks.push({ first: block.first + shift, bytes: block.bytes });
    for (const [row, text] of other.odd) this.odd.set(row + rowShift, text);
    // Further texts go to a new block (the last one taken over is full, or another thread's), and
    // are not compared with the part's (nothing is added after a part anyway).
    this.bytes = new Uint8Array(0);
    this.used = 0;
    this.slots = null;
  }

  /** Room for `rows` rows (`inFile`: most of them with texts left in the file). */
  reserve(rows: number, inFile = false): void {
    this.textOf.reserve(rows);
    if (inFile) {
      this.fileStart.reserve(rows);
      this.fileBytes.reserve(rows);
    }
  }

  /** The texts as plain data; the pool takes no texts afterwards. */
  packed(): PackedTexts {
    this.slots = null;
    return {
      blocks: this.blocks,
      ends: this.ends.toArray(),
      textOf: this.textOf.toArray(),
      odd: this.odd,
      inFile: { start: this.fileStart.toArray(), bytes: this.fileBytes.toArray() },
    };
  }

  /** `file`: where texts left in the file are read back. */
  texts(file: TextFile | null = null): PostTexts {
    return new PostTexts(this.packed(), this.textOf.length, file);
  }

  /** The text just written at `bytes[start, end)`: the row points to an equal earlier text, or it becomes one. */
  private commit(start: number, end: number): void {
    const slots = this.slots;
    if (slots === null) {
      this.textOf.push(this.newText(end));
      return;
    }
    const n = end - start;
    const bytes = this.bytes;
    // A hash of the length and of up to 32 bytes spread over the text: equal texts hash equal, and
    // a text is compared byte for byte only with the ones that hash like it.
    const step = (n >> 5) + 1;
    let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
    for (let k = start; k < end; k += step) h = Math.imul(h ^ (bytes[k] ?? 0), 0x01000193);
    h ^= bytes[end - 1] ?? 0;
    h ^= h >>> 15;
    let i = h & this.mask;
    for (;;) {
      const slot = slots[2 * i + 1] ?? 0;
      if (slot === 0) break;
      if (slots[2 * i] === h) {
        const t = slot - 1;
        const other = this.bytesOf(t);
        if (other.length === n) {
          let same = true;
          for (let k = 0; k < n && same; k++) same = other[k] === bytes[start + k];
          if (same) {
            this.textOf.push(t);
            return; // the copy just written is overwritten by the next text
          }
        }
      }
      i = (i + 1) & this.mask;
    }
    const t = this.newText(end);
    this.textOf.push(t);
    slots[2 * i] = h;
    slots[2 * i + 1] = t + 1;
    if (2 * this.ends.length > this.mask + 1) this.rehash();
  }

  private newText(end: number): number {
    this.used = end;
    this.ends.push(end);
    return this.ends.length - 1;
  }

  /** The bytes of distinct text `t`, which is in the current block or an earlier one. */
  private bytesOf(t: number): Uint8Array {
    const blocks = this.blocks;
    let b = blocks.length - 1;
    while (b > 0 && (blocks[b]?.first ?? 0) > t) b--;
    const block = blocks[b];
    if (block === undefined) return new Uint8Array(0);
    const ends = this.ends.data;
    return block.bytes.subarray(t === block.first ? 0 : (ends[t - 1] ?? 0), ends[t] ?? 0);
  }

  private rehash(): void {
    if (this.slots === null) return;
    this.mask = this.mask * 2 + 1;
    this.slots = rehashedSlots(this.slots, this.mask);
  }

  private newBlock(atLeast: number): void {
    const size = Math.max(atLeast, this.nextBlock);
    this.nextBlock = Math.min(TEXT_BLOCK_MAX, this.nextBlock * 2);
    this.bytes = new Uint8Array(size);
    this.used = 0;
    // A block that received no text of its own (only repeats followed) is replaced, so no two start at the same text.
    if (this.blocks.at(-1)?.first === this.ends.length) this.blocks.pop();
    this.blocks.push({ first: this.ends.length, bytes: this.bytes });
  }
}

/** The posts of one import. Row `i` of every column describes post `i`. */
export interface PostStore {
  readonly size: number;
  /** The platform's message id of each post: a read-only view of packed ids (each read decodes one). */
  readonly postIds: readonly string[];
  /** Account index of each post (into `accountIds` / `usernames`). */
  readonly account: Int32Array;
  /** Epoch seconds (fractional allowed). */
  readonly time: Float64Array;
  /** Each post's text: `text.get(i)` (the whole text) or `text.excerpt(i, chars)` (packed, see PostTexts). */
  readonly text: PostTexts;
  /** Index into `refIds` of the reposted / replied-to / quoted post, or -1. */
  readonly repostOf: Int32Array;
  readonly replyTo: Int32Array;
  readonly quoteOf: Int32Array;
  /** Post `i` links `urlIds[urlOffsets[i] .. urlOffsets[i+1])`, indices into `urls` (normalised). */
  readonly urlOffsets: Int32Array;
  readonly urlIds: Int32Array;
  readonly urls: readonly string[];
  /** Index into `devices` / `ips`, or -1. */
  readonly device: Int32Array;
  readonly ip: Int32Array;
  readonly devices: readonly string[];
  readonly ips: readonly string[];
  readonly refIds: readonly string[];
  readonly accountIds: readonly string[];
  /** Latest non-empty username seen for each account, or null. */
  readonly usernames: readonly (string | null)[];
  /**
   * Post `i` @-mentions `mentionIds[mentionOffsets[i] .. mentionOffsets[i+1])`, indices into
   * `mentionNames` (lower case): found while the file was read (mentions.ts), so that detectors
   * need no texts.
   */
  readonly mentionOffsets: Int32Array;
  readonly mentionIds: Int32Array;
  readonly mentionNames: readonly string[];
  readonly minTime: number;
  readonly maxTime: number;
}

/** A validated post, as the row validator hands it to the builder. */
export interface ValidPost {
  messageId: string;
  userId: string;
  username: string | null;
  time: number;
  text: string;
  repostId: string | null;
  replyId: string | null;
  quoteId: string | null;
  /** Already normalised. */
  urls: readonly string[];
  deviceHash: string | null;
  ipHash: string | null;
}

/**
 * A validated CSV row as the fast path hands it over: ids as `[start, end)` ranges of `buf` (start
 * -1: absent), interned without building a string per field. Reused between rows.
 */
export interface RangePost {
  buf: string;
  idStart: number;
  idEnd: number;
  userStart: number;
  userEnd: number;
  nameStart: number;
  nameEnd: number;
  time: number;
  /** The message: `buf[textStart, textEnd)` (empty when equal), and the same as a string (a slice: a view, not a copy). */
  textStart: number;
  textEnd: number;
  /** Where the message is in the file: its first byte (-1: not known) and its length in UTF-8 bytes. */
  textByte: number;
  textBytes: number;
  text: string;
  repostStart: number;
  repostEnd: number;
  replyStart: number;
  replyEnd: number;
  quoteStart: number;
  quoteEnd: number;
  /** Ids in `urls` (from `internUrl`), distinct, in order of first appearance. */
  urlIds: Int32Array;
  urlCount: number;
  deviceStart: number;
  deviceEnd: number;
  ipStart: number;
  ipEnd: number;
}

/**
 * The rows one builder read, as plain data that can cross to another thread (typed arrays are
 * transferable): ids are local to the part, strings in first-seen order. A second thread parses
 * the second half of a large CSV into a part; the first thread's builder takes it over with
 * `importPart`, ending in the state it would have reached reading those rows itself.
 */
export interface BuilderPart {
  size: number;
  ids: PackedIds;
  idHash: Int32Array;
  /** Line of each row, counted from the part's first line (1). */
  rows: Int32Array;
  account: Int32Array;
  time: Float64Array;
  texts: PackedTexts;
  /** The rows' text fingerprints when the builder computed them while reading (see PostStoreBuilder). */
  fingerprints: PrecomputedFingerprints | null;
  repostOf: Int32Array;
  replyTo: Int32Array;
  quoteOf: Int32Array;
  urlOffsets: Int32Array;
  urlIds: Int32Array;
  device: Int32Array;
  ip: Int32Array;
  accountIds: string[];
  /** Latest username of each account (index into `names`), -1 for none. */
  usernameOf: Int32Array;
  names: string[];
  refIds: string[];
  urls: string[];
  devices: string[];
  ips: string[];
  /** The rows' @-mentions (names local to the part, in first-seen order). */
  mentions: Mentions;
}

export class PostStoreBuilder {
  private readonly ids = new IdPool();
  /** 30-bit hash of each message id and the row it came from: duplicates are found at build time by sorting. */
  private idHash = new Int32Column(256);
  private rows = new Int32Column(256);
  /** Rows dropped at build time because their message id repeats an earlier row's. */
  duplicates: { row: number; messageId: string }[] = [];
  private readonly account = new Int32Column(256);
  private readonly time = new Float64Column(256);
  private readonly text = new TextPool();
  /** Text fingerprints computed as rows are added (with `fingerprintMinChars`), else null. */
  private fingerprints: FingerprintBuilder | null;
  private readonly repostOf = new Int32Column(256);
  private readonly replyTo = new Int32Column(256);
  private readonly quoteOf = new Int32Column(256);
  private readonly urlOffsets = new Int32Column(256);
  private readonly urlIds = new Int32Column(256);
  private readonly device = new Int32Column(256);
  private readonly ip = new Int32Column(256);
  private readonly accounts = new Interner();
  /** Each account's latest username as an id in `names` (-1: none yet): comparing ids, not strings. */
  private readonly usernameOf = new Int32Column(256);
  private readonly names = new Interner();
  private readonly knownUsernames = new Map<string, string>();
  private readonly refs = new Interner();
  private readonly urls = new Interner();
  private readonly devices = new Interner();
  private readonly ips = new Interner();
  /** Each row's @-mentions, found as it is added (mentions.ts). */
  private readonly mentions = mentionColumn();
  /** Rows taken over from a part start here (-1: none); after `build`, -1 also when duplicates were dropped. */
  partStart = -1;
  /** After `build`: the built store's fingerprints (see `builtFingerprints`). */
  private built: PrecomputedFingerprints | null = null;

  /**
   * `fingerprintMinChars`: compute each row's text fingerprints (text-fingerprints.ts, signatures
   * from this many characters) as it is added, where its text stands in the text being read; the
   * detectors then need no pass over the texts. Without it, detection computes them.
   */
  constructor(fingerprintMinChars?: number, textsInFile: TextsInFile | null = null) {
    this.urlOffsets.push(0);
    this.fingerprints = fingerprintMinChars === undefined ? null : new FingerprintBuilder(fingerprintMinChars);
    this.textsInFile = textsInFile;
  }

  /**
   * With `textsInFile`, the rows added with a place in the file (`RangePost.textByte`: the CSV fast
   * path's) keep their texts there: 12 bytes a row instead of the text (about 110 MB at a million
   * posts), read back when asked for. Other rows, and every row without it, keep theirs packed.
   */
  private readonly textsInFile: TextsInFile | null;

  get size(): number {
    return this.ids.size;
  }

  /**
   * Records a username for a user id that may only post later (Twitter `includes.users` arrive after
   * `data`). Applied at build time to accounts that have no username from their own rows.
   */
  setUsername(userId: string, username: string): void {
    this.knownUsernames.set(detach(userId), detach(username));
  }

  /** Adds a post; `row` is where it came from (reported if its message id turns out to be a duplicate). */
  add(post: ValidPost, row = this.size + 1): void {
    this.idHash.push(this.ids.add(post.messageId, 0, post.messageId.length));
    this.rows.push(row);
    const accountIndex = this.accountIndex(post.userId);
    if (post.username !== null) this.usernameOf.data[accountIndex] = this.names.intern(post.username);
    this.account.push(accountIndex);
    this.time.push(post.time);
    const text = post.text;
    const repost = post.repostId === null ? -1 : this.refs.intern(post.repostId);
    this.text.add(text, 0, text.length, repost >= 0);
    this.repostOf.push(repost);
    if (this.fingerprints !== null) {
      if (repost >= 0) this.fingerprints.skip();
      else this.fingerprints.add(text, 0, text.length);
    }
    this.replyTo.push(post.replyId === null ? -1 : this.refs.intern(post.replyId));
    this.quoteOf.push(post.quoteId === null ? -1 : this.refs.intern(post.quoteId));
    for (const url of post.urls) this.urlIds.push(this.urls.intern(url));
    this.urlOffsets.push(this.urlIds.length);
    this.device.push(post.deviceHash === null ? -1 : this.devices.intern(post.deviceHash));
    this.ip.push(post.ipHash === null ? -1 : this.ips.intern(post.ipHash));
    this.mentions.add(post.text, 0, post.text.length);
  }

  /** Exactly what `add` does for the same values, reading ids and the text from ranges (see `RangePost`). */
  addRange(post: RangePost, row: number): void {
    const buf = post.buf;
    this.idHash.push(this.ids.add(buf, post.idStart, post.idEnd));
    this.rows.push(row);
    const before = this.accounts.size;
    const accountIndex = this.accounts.internRange(buf, post.userStart, post.userEnd);
    if (accountIndex === before) this.usernameOf.push(-1);
    if (post.nameStart >= 0) this.usernameOf.data[accountIndex] = this.names.internRange(buf, post.nameStart, post.nameEnd);
    this.account.push(accountIndex);
    this.time.push(post.time);
    const repost = post.repostStart < 0 ? -1 : this.refs.internRange(buf, post.repostStart, post.repostEnd);
    if (this.textsInFile !== null && post.textByte >= 0) this.text.addInFile(post.textByte, post.textBytes);
    else this.text.add(post.text, 0, post.text.length, repost >= 0);
    this.repostOf.push(repost);
    if (this.fingerprints !== null) {
      if (repost >= 0) this.fingerprints.skip();
      else this.fingerprints.add(buf, post.textStart, post.textEnd);
    }
    this.replyTo.push(post.replyStart < 0 ? -1 : this.refs.internRange(buf, post.replyStart, post.replyEnd));
    this.quoteOf.push(post.quoteStart < 0 ? -1 : this.refs.internRange(buf, post.quoteStart, post.quoteEnd));
    for (let u = 0; u < post.urlCount; u++) this.urlIds.push(post.urlIds[u] ?? 0);
    this.urlOffsets.push(this.urlIds.length);
    this.device.push(post.deviceStart < 0 ? -1 : this.devices.internRange(buf, post.deviceStart, post.deviceEnd));
    this.ip.push(post.ipStart < 0 ? -1 : this.ips.internRange(buf, post.ipStart, post.ipEnd));
    this.mentions.add(buf, post.textStart, post.textEnd);
  }

  /** Interns a normalised URL (the fast path resolves a row's URLs before `addRange`). */
  internUrl(url: string): number {
    return this.urls.intern(url);
  }

  /**
   * Makes room for about `rows` rows in every column and in the fingerprints (links and
   * signatures in proportion to the rows so far), so that a large import is not copied again and
   * again while it grows, nor when a part is taken over, and ends without growth slack: each copy
   * of a million-row column was fresh memory, and the last doubling left up to half of it unused.
   */
  reserve(rows: number): void {
    const size = this.size;
    if (size === 0 || rows <= size) return;
    for (const column of [this.idHash, this.rows, this.account, this.time, this.repostOf, this.replyTo, this.quoteOf, this.device, this.ip]) column.reserve(rows);
    this.ids.reserve(rows);
    this.text.reserve(rows, this.textsInFile !== null);
    this.urlOffsets.reserve(rows + 1);
    this.urlIds.reserve(Math.ceil((this.urlIds.length / size) * rows * 1.05) + 16);
    this.fingerprints?.reserve(rows);
    this.mentions.reserve(rows);
  }

  /** This builder's rows as a part (see `BuilderPart`); the builder is not used afterwards. */
  exportPart(): BuilderPart {
    const f = this.fingerprints;
    return {
      size: this.size,
      ids: this.ids.packed(),
      idHash: this.idHash.toArray(),
      rows: this.rows.toArray(),
      account: this.account.toArray(),
      time: this.time.toArray(),
      texts: this.text.packed(),
      fingerprints: f === null ? null : { ...f.result(), minChars: f.minChars },
      repostOf: this.repostOf.toArray(),
      replyTo: this.replyTo.toArray(),
      quoteOf: this.quoteOf.toArray(),
      urlOffsets: this.urlOffsets.toArray(),
      urlIds: this.urlIds.toArray(),
      device: this.device.toArray(),
      ip: this.ip.toArray(),
      accountIds: this.accounts.values,
      usernameOf: this.usernameOf.toArray(),
      names: this.names.values,
      refIds: this.refs.values,
      urls: this.urls.values,
      devices: this.devices.values,
      ips: this.ips.values,
      mentions: this.mentions.result(),
    };
  }

  /**
   * Appends a part's rows as if `add` had been called for each in order: its strings are interned
   * in their first-seen order, so every id comes out as reading the rows here would have made it.
   * `lineOffset` is added to the part's line numbers. The part's text blocks are taken over as
   * they are; its fingerprints are appended to these when both were computed for the same
   * threshold (otherwise there are none, and detection computes them). The part is left empty.
   */
  importPart(part: BuilderPart, lineOffset: number): void {
    this.partStart = this.size;
    const accountMap = new Int32Array(part.accountIds.length);
    for (let i = 0; i < part.accountIds.length; i++) accountMap[i] = this.accountIndex(part.accountIds[i] ?? '');
    for (let i = 0; i < part.accountIds.length; i++) {
      const name = part.usernameOf[i] ?? -1;
      if (name >= 0) this.usernameOf.data[accountMap[i] ?? 0] = this.names.intern(part.names[name] ?? '');
    }
    const refMap = internAll(this.refs, part.refIds);
    const urlMap = internAll(this.urls, part.urls);
    const deviceMap = internAll(this.devices, part.devices);
    const ipMap = internAll(this.ips, part.ips);
    const ref = (local: number): number => (local < 0 ? -1 : (refMap[local] ?? -1));
    const f = this.fingerprints;
    if (f !== null && part.fingerprints !== null && part.fingerprints.minChars === f.minChars && f.size === this.size) f.append(part.fingerprints);
    else this.fingerprints = null;
    this.text.append(part.texts, part.size);
    this.ids.append(part.ids, part.size);
    for (let i = 0; i < part.size; i++) {
      this.idHash.push(part.idHash[i] ?? 0);
      this.rows.push((part.rows[i] ?? 0) + lineOffset);
      this.account.push(accountMap[part.account[i] ?? 0] ?? 0);
      this.time.push(part.time[i] ?? 0);
      this.repostOf.push(ref(part.repostOf[i] ?? -1));
      this.replyTo.push(ref(part.replyTo[i] ?? -1));
      this.quoteOf.push(ref(part.quoteOf[i] ?? -1));
      for (let u = part.urlOffsets[i] ?? 0; u < (part.urlOffsets[i + 1] ?? 0); u++) this.urlIds.push(urlMap[part.urlIds[u] ?? 0] ?? 0);
      this.urlOffsets.push(this.urlIds.length);
      const device = part.device[i] ?? -1;
      this.device.push(device < 0 ? -1 : (deviceMap[device] ?? -1));
      const ip = part.ip[i] ?? -1;
      this.ip.push(ip < 0 ? -1 : (ipMap[ip] ?? -1));
    }
    this.mentions.append(part.mentions);
    emptyPart(part);
  }

  private accountIndex(userId: string): number {
    const before = this.accounts.size;
    const id = this.accounts.intern(userId);
    if (id === before) this.usernameOf.push(-1);
    return id;
  }

  /**
   * The text fingerprints of the built store's rows, when they were computed while reading (the
   * rows of dropped duplicates left out), with their threshold; else null.
   */
  builtFingerprints(): PrecomputedFingerprints | null {
    return this.built;
  }

  build(): PostStore {
    const ids = this.accounts.values;
    const usernames: (string | null)[] = [];
    for (let i = 0; i < ids.length; i++) {
      const name = this.usernameOf.data[i] ?? -1;
      let username = name >= 0 ? (this.names.values[name] ?? null) : null;
      if (username === null && this.knownUsernames.size > 0) username = this.knownUsernames.get(ids[i] ?? '') ?? null;
      usernames.push(username);
    }
    const keep = this.findDuplicates();
    if (keep !== null) this.partStart = -1;
    // Only duplicates needed these.
    this.idHash = new Int32Column(0);
    this.rows = new Int32Column(0);
    const f = this.fingerprints;
    const fingerprints = f === null || f.size !== this.size ? null : f.result();
    this.built = fingerprints === null ? null : { ...(keep === null ? fingerprints : keepFingerprintRows(fingerprints, keep)), minChars: f?.minChars ?? 0 };
    this.fingerprints = null;
    const size = this.size;
    const mentions = this.mentions.result();
    const store: PostStore = {
      size,
      postIds: idArray(this.ids.packed(), size),
      account: this.account.toArray(),
      time: this.time.toArray(),
      text: this.text.texts(this.textsInFile?.file ?? null),
      repostOf: this.repostOf.toArray(),
      replyTo: this.replyTo.toArray(),
      quoteOf: this.quoteOf.toArray(),
      urlOffsets: this.urlOffsets.toArray(),
      urlIds: this.urlIds.toArray(),
      urls: this.urls.values,
      device: this.device.toArray(),
      ip: this.ip.toArray(),
      devices: this.devices.values,
      ips: this.ips.values,
      refIds: this.refs.values,
      accountIds: this.accounts.values,
      usernames,
      mentionOffsets: mentions.offsets,
      mentionIds: mentions.ids,
      mentionNames: mentions.names,
      minTime: 0,
      maxTime: 0,
    };
    const result = keep === null ? store : compact(store, keep);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < result.size; i++) {
      const t = result.time[i] ?? 0;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    return { ...result, minTime: result.size === 0 ? 0 : min, maxTime: result.size === 0 ? 0 : max };
  }

  /**
   * Sorts (hash, index) keys and compares the strings of equal hashes: the first row of each message
   * id is kept. Much cheaper than a Set of a million strings. Returns null when there is no duplicate.
   */
  private findDuplicates(): Uint8Array | null {
    const n = this.size;
    const hashes = this.idHash.data;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (hashes[i] ?? 0) * INDEX_SCALE + i;
    keys.sort();
    let keep: Uint8Array | null = null;
    let runStart = 0;
    for (let k = 1; k <= n; k++) {
      const same = k < n && Math.floor((keys[k] ?? 0) / INDEX_SCALE) === Math.floor((keys[runStart] ?? 0) / INDEX_SCALE);
      if (same) continue;
      if (k - runStart > 1) {
        // Indices in a run are ascending, so the earliest row of each id comes first.
        for (let x = runStart + 1; x < k; x++) {
          const ix = (keys[x] ?? 0) % INDEX_SCALE;
          for (let y = runStart; y < x; y++) {
            const iy = (keys[y] ?? 0) % INDEX_SCALE;
            if (keep !== null && keep[iy] === 0) continue;
            if (this.ids.equals(ix, iy)) {
              keep ??= new Uint8Array(n).fill(1);
              keep[ix] = 0;
              this.duplicates.push({ row: this.rows.data[ix] ?? 0, messageId: this.ids.get(ix) });
              break;
            }
          }
        }
      }
      runStart = k;
    }
    this.duplicates.sort((a, b) => a.row - b.row);
    return keep;
  }
}

const INDEX_SCALE = 2 ** 23;

/**
 * Leaves a part that was taken over empty: its texts now belong to the builder and the rest was
 * copied, and whoever still holds the part (a settled promise does) must not keep a million rows
 * of arrays alive through it.
 */
function emptyPart(part: BuilderPart): void {
  const none = new Int32Array(0);
  part.size = 0;
  part.ids = { bytes: new Uint8Array(0), ends: none };
  part.idHash = none;
  part.rows = none;
  part.account = none;
  part.time = new Float64Array(0);
  part.texts = noTexts();
  part.fingerprints = null;
  part.repostOf = none;
  part.replyTo = none;
  part.quoteOf = none;
  part.urlOffsets = none;
  part.urlIds = none;
  part.device = none;
  part.ip = none;
  part.accountIds = [];
  part.usernameOf = none;
  part.names = [];
  part.refIds = [];
  part.urls = [];
  part.devices = [];
  part.mentions = { offsets: none, ids: none, names: [] };
  part.ips = [];
}

/** Each value's id in `interner`, interned in order. */
function internAll(interner: Interner, values: readonly string[]): Int32Array {
  const map = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) map[i] = interner.intern(values[i] ?? '');
  return map;
}

const ints = (len: number): Int32Array => new Int32Array(len);

/** The store without the rows `keep` marks 0. */
function compact(store: PostStore, keep: Uint8Array): PostStore {
  const n = store.size;
  let size = 0;
  for (let i = 0; i < n; i++) size += keep[i] ?? 0;
  const pick = <T extends Int32Array | Float64Array>(column: T, make: (len: number) => T): T => {
    const out = make(size);
    let j = 0;
    for (let i = 0; i < n; i++) if (keep[i] === 1) out[j++] = column[i] ?? 0;
    return out;
  };
  const urlOffsets = new Int32Array(size + 1);
  const urlIds: number[] = [];
  const ids = new IdPool();
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    const id = store.postIds[i] ?? '';
    ids.add(id, 0, id.length);
    for (let u = store.urlOffsets[i] ?? 0; u < (store.urlOffsets[i + 1] ?? 0); u++) urlIds.push(store.urlIds[u] ?? 0);
    urlOffsets[++j] = urlIds.length;
  }
  return {
    ...store,
    size,
    postIds: idArray(ids.packed(), size),
    text: store.text.keepRows(keep),
    account: pick(store.account, ints),
    time: pick(store.time, (len) => new Float64Array(len)),
    repostOf: pick(store.repostOf, ints),
    replyTo: pick(store.replyTo, ints),
    quoteOf: pick(store.quoteOf, ints),
    device: pick(store.device, ints),
    ip: pick(store.ip, ints),
    urlOffsets,
    urlIds: Int32Array.from(urlIds),
    ...keepMentionRows(store, keep, size),
  };
}

/** The mention columns of the rows `keep` marks 1 (of `size` kept); the names stay as they are. */
function keepMentionRows(store: PostStore, keep: Uint8Array, size: number): Pick<PostStore, 'mentionOffsets' | 'mentionIds'> {
  const offsets = new Int32Array(size + 1);
  const ids = new Int32Column(store.mentionIds.length);
  let j = 0;
  for (let i = 0; i < store.size; i++) {
    if (keep[i] !== 1) continue;
    for (let u = store.mentionOffsets[i] ?? 0; u < (store.mentionOffsets[i + 1] ?? 0); u++) ids.push(store.mentionIds[u] ?? 0);
    offsets[++j] = ids.length;
  }
  return { mentionOffsets: offsets, mentionIds: ids.toArray() };
}

/** A column of @-mentions writing to a store's kind of columns (see mentions.ts). */
export function mentionColumn(): MentionColumn {
  return new MentionColumn({ offsets: new Int32Column(256), ids: new Int32Column(256), names: new Interner() });
}

export function buildPostStore(posts: readonly ValidPost[]): PostStore {
  const builder = new PostStoreBuilder();
  for (const post of posts) builder.add(post);
  return builder.build();
}
