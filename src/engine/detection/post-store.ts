// Imported posts held column by column (typed arrays + interned strings) so a million posts fit in
// a few hundred MB and detectors scan plain integer arrays instead of objects.

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
  /** An exact-length copy, so the store does not keep the growth slack alive. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
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
    return this.data.slice(0, this.length);
  }
}

/**
 * Maps strings to dense ids 0..n-1 and back: FNV-1a hash, open addressing over typed arrays, equality
 * checked on the stored string. Measured faster than a Map<string, number> at a million keys.
 */
export class Interner {
  readonly values: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048); // id + 1, 0 = empty
  private mask = 2047;

  intern(value: string): number {
    const h = hashString(value);
    let i = h & this.mask;
    for (;;) {
      const slot = this.slots[i] ?? 0;
      if (slot === 0) break;
      const id = slot - 1;
      if (this.hashes[id] === h && this.values[id] === value) return id;
      i = (i + 1) & this.mask;
    }
    const id = this.values.length;
    this.values.push(value);
    if (id >= this.hashes.length) {
      const next = new Int32Array(this.hashes.length * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[id] = h;
    this.slots[i] = id + 1;
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  get(value: string): number | undefined {
    const h = hashString(value);
    let i = h & this.mask;
    for (;;) {
      const slot = this.slots[i] ?? 0;
      if (slot === 0) return undefined;
      const id = slot - 1;
      if (this.hashes[id] === h && this.values[id] === value) return id;
      i = (i + 1) & this.mask;
    }
  }

  get size(): number {
    return this.values.length;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.values.length; id++) {
      let i = (this.hashes[id] ?? 0) & mask;
      while ((slots[i] ?? 0) !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
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
  private readonly usernames: (string | null)[] = [];
  private readonly knownUsernames = new Map<string, string>();
  private readonly refs = new Interner();
  private readonly urls = new Interner();
  private readonly devices = new Interner();
  private readonly ips = new Interner();

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
    if (post.username !== null) this.usernames[accountIndex] = post.username;
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

  private accountIndex(userId: string): number {
    const before = this.accounts.size;
    const id = this.accounts.intern(userId);
    if (id === before) this.usernames.push(null);
    return id;
  }

  build(): PostStore {
    if (this.knownUsernames.size > 0) {
      const ids = this.accounts.values;
      for (let i = 0; i < ids.length; i++) {
        if (this.usernames[i] === null) this.usernames[i] = this.knownUsernames.get(ids[i] ?? '') ?? null;
      }
    }
    const keep = this.findDuplicates();
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
      usernames: this.usernames,
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
