// Imported posts held column by column (typed arrays + interned strings) so a million posts fit in
// a few hundred MB and detectors scan plain integer arrays instead of objects.

import { fingerprintRows } from './text-fingerprints';
import type { TextFingerprints } from './text-fingerprints';

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
    const next = new Int32Array(Math.max(16, this.data.length * 2));
    next.set(this.data);
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
    if (this.length === this.data.length) {
      const next = new Float64Array(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
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

  private insert(value: string, h: number, i: number): number {
    const id = this.values.length;
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
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const slots = new Int32Array(size * 2);
    const old = this.slots;
    for (let j = 0; j < old.length; j += 2) {
      const slot = old[j + 1] ?? 0;
      if (slot === 0) continue;
      const h = old[j] ?? 0;
      let i = h & mask;
      while ((slots[2 * i + 1] ?? 0) !== 0) i = (i + 1) & mask;
      slots[2 * i] = h;
      slots[2 * i + 1] = slot;
    }
    this.slots = slots;
    this.mask = mask;
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

/** The posts of one import. Row `i` of every column describes post `i`. */
export interface PostStore {
  readonly size: number;
  /** The platform's message id of each post. */
  readonly postIds: readonly string[];
  /** Account index of each post (into `accountIds` / `usernames`). */
  readonly account: Int32Array;
  /** Epoch seconds (fractional allowed). */
  readonly time: Float64Array;
  readonly text: readonly string[];
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
  messageId: string;
  userStart: number;
  userEnd: number;
  nameStart: number;
  nameEnd: number;
  time: number;
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
  postIds: string[];
  idHash: Int32Array;
  /** Line of each row, counted from the part's first line (1). */
  rows: Int32Array;
  account: Int32Array;
  time: Float64Array;
  text: string[];
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
}

export class PostStoreBuilder {
  private readonly postIds: string[] = [];
  /** 30-bit hash of each message id and the row it came from: duplicates are found at build time by sorting. */
  private readonly idHash = new Int32Column(256);
  private readonly rows = new Int32Column(256);
  /** Rows dropped at build time because their message id repeats an earlier row's. */
  duplicates: { row: number; messageId: string }[] = [];
  private readonly account = new Int32Column(256);
  private readonly time = new Float64Column(256);
  private readonly text: string[] = [];
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
  /** Rows taken over from a part start here (-1: none); after `build`, -1 also when duplicates were dropped. */
  partStart = -1;

  constructor() {
    this.urlOffsets.push(0);
  }

  get size(): number {
    return this.postIds.length;
  }

  /**
   * Records a username for a user id that may only post later (Twitter `includes.users` arrive after
   * `data`). Applied at build time to accounts that have no username from their own rows.
   */
  setUsername(userId: string, username: string): void {
    this.knownUsernames.set(userId, username);
  }

  /** Adds a post; `row` is where it came from (reported if its message id turns out to be a duplicate). */
  add(post: ValidPost, row = this.postIds.length + 1): void {
    this.postIds.push(post.messageId);
    this.idHash.push(hash30(post.messageId));
    this.rows.push(row);
    const accountIndex = this.accountIndex(post.userId);
    if (post.username !== null) this.usernameOf.data[accountIndex] = this.names.intern(post.username);
    this.account.push(accountIndex);
    this.time.push(post.time);
    this.text.push(post.text);
    this.repostOf.push(post.repostId === null ? -1 : this.refs.intern(post.repostId));
    this.replyTo.push(post.replyId === null ? -1 : this.refs.intern(post.replyId));
    this.quoteOf.push(post.quoteId === null ? -1 : this.refs.intern(post.quoteId));
    for (const url of post.urls) this.urlIds.push(this.urls.intern(url));
    this.urlOffsets.push(this.urlIds.length);
    this.device.push(post.deviceHash === null ? -1 : this.devices.intern(post.deviceHash));
    this.ip.push(post.ipHash === null ? -1 : this.ips.intern(post.ipHash));
  }

  /** Exactly what `add` does for the same values, reading ids from ranges (see `RangePost`). */
  addRange(post: RangePost, row: number): void {
    const buf = post.buf;
    this.postIds.push(post.messageId);
    this.idHash.push(hash30(post.messageId));
    this.rows.push(row);
    const before = this.accounts.size;
    const accountIndex = this.accounts.internRange(buf, post.userStart, post.userEnd);
    if (accountIndex === before) this.usernameOf.push(-1);
    if (post.nameStart >= 0) this.usernameOf.data[accountIndex] = this.names.internRange(buf, post.nameStart, post.nameEnd);
    this.account.push(accountIndex);
    this.time.push(post.time);
    this.text.push(post.text);
    this.repostOf.push(post.repostStart < 0 ? -1 : this.refs.internRange(buf, post.repostStart, post.repostEnd));
    this.replyTo.push(post.replyStart < 0 ? -1 : this.refs.internRange(buf, post.replyStart, post.replyEnd));
    this.quoteOf.push(post.quoteStart < 0 ? -1 : this.refs.internRange(buf, post.quoteStart, post.quoteEnd));
    for (let u = 0; u < post.urlCount; u++) this.urlIds.push(post.urlIds[u] ?? 0);
    this.urlOffsets.push(this.urlIds.length);
    this.device.push(post.deviceStart < 0 ? -1 : this.devices.internRange(buf, post.deviceStart, post.deviceEnd));
    this.ip.push(post.ipStart < 0 ? -1 : this.ips.internRange(buf, post.ipStart, post.ipEnd));
  }

  /** Interns a normalised URL (the fast path resolves a row's URLs before `addRange`). */
  internUrl(url: string): number {
    return this.urls.intern(url);
  }

  /** The text fingerprints (text-fingerprints.ts) of the rows added so far. */
  fingerprintRows(minChars: number): TextFingerprints {
    return fingerprintRows(this.text, this.repostOf.data, 0, this.size, minChars);
  }

  /** This builder's rows as a part (see `BuilderPart`); the builder is not used afterwards. */
  exportPart(): BuilderPart {
    return {
      size: this.postIds.length,
      postIds: this.postIds,
      idHash: this.idHash.toArray(),
      rows: this.rows.toArray(),
      account: this.account.toArray(),
      time: this.time.toArray(),
      text: this.text,
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
    };
  }

  /**
   * Appends a part's rows as if `add` had been called for each in order: its strings are interned
   * in their first-seen order, so every id comes out as reading the rows here would have made it.
   * `lineOffset` is added to the part's line numbers.
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
    for (let i = 0; i < part.size; i++) {
      this.postIds.push(part.postIds[i] ?? '');
      this.idHash.push(part.idHash[i] ?? 0);
      this.rows.push((part.rows[i] ?? 0) + lineOffset);
      this.account.push(accountMap[part.account[i] ?? 0] ?? 0);
      this.time.push(part.time[i] ?? 0);
      this.text.push(part.text[i] ?? '');
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
  }

  private accountIndex(userId: string): number {
    const before = this.accounts.size;
    const id = this.accounts.intern(userId);
    if (id === before) this.usernameOf.push(-1);
    return id;
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
    const store: PostStore = {
      size: this.postIds.length,
      postIds: this.postIds,
      account: this.account.toArray(),
      time: this.time.toArray(),
      text: this.text,
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
    const n = this.postIds.length;
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
            if (this.postIds[ix] === this.postIds[iy]) {
              keep ??= new Uint8Array(n).fill(1);
              keep[ix] = 0;
              this.duplicates.push({ row: this.rows.data[ix] ?? 0, messageId: this.postIds[ix] ?? '' });
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

/** Each value's id in `interner`, interned in order. */
function internAll(interner: Interner, values: readonly string[]): Int32Array {
  const map = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) map[i] = interner.intern(values[i] ?? '');
  return map;
}

/** FNV-1a folded to 30 bits, so hash * 2^23 + index stays an exact double. */
function hash30(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 30)) & 0x3fffffff;
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
  const postIds: string[] = [];
  const text: string[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    postIds.push(store.postIds[i] ?? '');
    text.push(store.text[i] ?? '');
    for (let u = store.urlOffsets[i] ?? 0; u < (store.urlOffsets[i + 1] ?? 0); u++) urlIds.push(store.urlIds[u] ?? 0);
    urlOffsets[++j] = urlIds.length;
  }
  return {
    ...store,
    size,
    postIds,
    text,
    account: pick(store.account, ints),
    time: pick(store.time, (len) => new Float64Array(len)),
    repostOf: pick(store.repostOf, ints),
    replyTo: pick(store.replyTo, ints),
    quoteOf: pick(store.quoteOf, ints),
    device: pick(store.device, ints),
    ip: pick(store.ip, ints),
    urlOffsets,
    urlIds: Int32Array.from(urlIds),
  };
}

/** Convenience for tests and small imports: builds a store from plain posts (duplicates dropped). */
export function buildPostStore(posts: readonly ValidPost[]): PostStore {
  const builder = new PostStoreBuilder();
  for (const post of posts) builder.add(post);
  return builder.build();
}
