// Seeded synthetic platform activity for the detection benchmark: an organic background built to
// trip naive detectors (heavy-tailed activity, Zipf-popular links and words, viral retweet and reply
// cascades, share-button texts, households and carrier NAT sharing IPs) plus planted coordinated
// clusters of every kind, with ground truth. Parameters are documented in docs/detection.md.

export const PLANTED_KINDS = [
  'co-post',
  'near-duplicate',
  'co-link',
  'co-retweet',
  'co-reply',
  'synchronised-posting',
  'shared-identifier',
  // Issue 16: planted last, so the data of the seven kinds before it is what it was.
  'dogpiling',
] as const;
export type PlantedKind = (typeof PLANTED_KINDS)[number];

/** Kinds that size the organic background (dogpiling is planted on top of it: see PLANTED_KINDS). */
const BACKGROUND_SIZING_KINDS = PLANTED_KINDS.length - 1;

export interface SyntheticParams {
  seed: number;
  /** Approximate number of posts in total (organic + planted). */
  posts: number;
  durationDays: number;
  /** First instant, epoch seconds. */
  start: number;
  /** Mean posts per organic account; activity is log-normal with `activitySigma`. */
  meanPostsPerAccount: number;
  activitySigma: number;
  /** Shares of organic posts by type (the rest are original posts). */
  retweetShare: number;
  replyShare: number;
  quoteShare: number;
  /** Share of original posts carrying a link, drawn Zipf-popular from `urlPool` links. */
  urlShare: number;
  urlPool: number;
  urlZipf: number;
  vocabulary: number;
  vocabularyZipf: number;
  /** Pareto shape of post popularity (retweet/reply targets): lower = more viral concentration. */
  popularityShape: number;
  /** Share of original posts that are pre-filled "share" texts (identical text + link across accounts). */
  shareTextShare: number;
  shareTexts: number;
  /** Share of accounts living in households of 2-4 that share a home IP. */
  householdShare: number;
  /** Share of posts sent from a mobile carrier NAT IP; each such IP serves about `accountsPerNatIp` accounts. */
  mobileShare: number;
  accountsPerNatIp: number;
  /** Clock-aligned schedulers (news bots posting at :00/:30), per 100k posts. */
  schedulersPer100k: number;
  /** Planted clusters of each kind. */
  clustersPerKind: number;
  clusterSize: [number, number];
  /** Coordinated items per planted cluster (messages, links, targets, moments). */
  coordinatedItems: [number, number];
  /** Targets per planted dogpiling cluster: a few incited pile-ons, each one burst. */
  dogpilingTargets: [number, number];
  /** Probability that a member takes part in one coordinated item. */
  participation: number;
  /** Mean organic-looking posts per planted account (camouflage). */
  camouflagePosts: number;
}

export function defaultSyntheticParams(posts: number, seed = 42): SyntheticParams {
  return {
    seed,
    posts,
    durationDays: 7,
    start: Date.UTC(2024, 2, 1) / 1000,
    meanPostsPerAccount: 25,
    activitySigma: 1.2,
    retweetShare: 0.3,
    replyShare: 0.12,
    quoteShare: 0.03,
    urlShare: 0.25,
    urlPool: Math.max(2_000, Math.round(posts / 20)),
    urlZipf: 1.1,
    vocabulary: 8_000,
    vocabularyZipf: 1.05,
    popularityShape: 1.1,
    shareTextShare: 0.02,
    shareTexts: 200,
    householdShare: 0.3,
    mobileShare: 0.4,
    accountsPerNatIp: 150,
    schedulersPer100k: 5,
    clustersPerKind: Math.max(2, Math.ceil(posts / 50_000)),
    clusterSize: [8, 30],
    coordinatedItems: [8, 16],
    dogpilingTargets: [2, 4],
    participation: 0.85,
    camouflagePosts: 30,
  };
}

export interface PlantedCluster {
  kind: PlantedKind;
  id: number;
  userIds: string[];
}

export interface SyntheticDataset {
  params: SyntheticParams;
  postCount: number;
  accountCount: number;
  clusters: PlantedCluster[];
  /** user id -> planted kind, for planted accounts only. */
  truth: Map<string, PlantedKind>;
  /** The CSV text in pieces of about `chunkChars` characters. */
  csvChunks(chunkChars?: number): Generator<string>;
}

/** sfc32: small, fast, seedable. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }
}

/** Sampling from a fixed discrete distribution by binary search over its CDF. */
class Discrete {
  private readonly cdf: Float64Array;
  constructor(weights: ArrayLike<number>) {
    this.cdf = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i] ?? 0;
      this.cdf[i] = sum;
    }
    for (let i = 0; i < weights.length; i++) this.cdf[i] = (this.cdf[i] ?? 0) / sum;
  }
  sample(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cdf[mid] ?? 1) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function zipfWeights(n: number, s: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 1 / Math.pow(i + 1, s);
  return w;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'si', 'de', 'ba', 'po', 'le', 'zu', 'fi', 'go', 'an', 'er', 'is', 'ul', 'om'];
const EMOJI = ['🔥', '💯', '👏', '😡', '🙏', '✅', '❗', '👉'];

interface PostRow {
  time: number;
  account: number;
  text: string;
  repostOf: number; // post index or -1
  replyTo: number;
  quoteOf: number;
  urls: string;
  device: string;
  ip: string;
}

/** Builds the dataset in memory (columns of plain rows; about 250 bytes per post). */
export function generateSyntheticActivity(params: SyntheticParams): SyntheticDataset {
  const rng = new Rng(params.seed);
  const duration = params.durationDays * 86_400;
  const start = params.start;

  const words: string[] = [];
  const seenWords = new Set<string>();
  while (words.length < params.vocabulary) {
    const parts = rng.range(1, 4);
    let w = '';
    for (let i = 0; i < parts; i++) w += rng.pick(SYLLABLES);
    if (!seenWords.has(w)) {
      seenWords.add(w);
      words.push(w);
    }
  }
  const wordDist = new Discrete(zipfWeights(words.length, params.vocabularyZipf));
  const hashtags = Array.from({ length: 400 }, (_, i) => `#${words[(i * 7919) % words.length]}${i}`);
  const hashtagDist = new Discrete(zipfWeights(hashtags.length, 1.1));
  const domains = Array.from({ length: Math.max(50, Math.round(params.urlPool / 40)) }, (_, i) => `${words[(i * 104729) % words.length]}${i}.example`);
  const urlBases: string[] = [];
  for (let i = 0; i < params.urlPool; i++) {
    urlBases.push(`${rng.pick(domains)}/${rng.pick(words)}/${rng.pick(words)}-${i}`);
  }
  const urlDist = new Discrete(zipfWeights(urlBases.length, params.urlZipf));
  const shareTexts = Array.from({ length: params.shareTexts }, (_, i) => ({
    text: `I just signed the petition "${sentence(rng, words, wordDist, 6)}" please sign and share ${hashtags[i % hashtags.length]}`,
    url: `https://petitions.example/p/${i}?utm_source=share&utm_medium=button`,
  }));
  const shareDist = new Discrete(zipfWeights(shareTexts.length, 1.0));
  const shortPhrases = ['good morning', 'thank you!', 'lol', 'so true', 'happy friday everyone', 'this 👇', 'agreed', 'wow'];

  /** Diurnal profile: quiet at night (UTC), peak in the evening. */
  const hourWeights = Array.from({ length: 24 }, (_, h) => 0.35 + Math.max(0, Math.sin(((h - 6) / 24) * 2 * Math.PI)) * 1.4);
  const hourDist = new Discrete(hourWeights);
  const organicTime = (): number => {
    const day = rng.int(params.durationDays);
    return start + day * 86_400 + hourDist.sample(rng) * 3_600 + rng.next() * 3_600;
  };

  // Accounts.
  const usernames: string[] = [];
  const userIds: string[] = [];
  const homeIp: string[] = [];
  const devices: string[][] = [];
  const addAccount = (): number => {
    const index = userIds.length;
    userIds.push(String(1_000_000_000 + index * 7 + rng.int(7)));
    usernames.push(`${rng.pick(words)}_${rng.pick(words)}${index}`);
    homeIp.push(`ip-h${index}`);
    devices.push([`dev-${index}`]);
    return index;
  };

  const sigma = params.activitySigma;
  const mu = Math.log(params.meanPostsPerAccount) - (sigma * sigma) / 2;
  const sampleActivity = (mean: number): number => Math.max(1, Math.round(Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * rng.normal())));

  const plantedShare = (params.clustersPerKind * BACKGROUND_SIZING_KINDS * ((params.clusterSize[0] + params.clusterSize[1]) / 2) * (params.camouflagePosts + 12)) / params.posts;
  const organicPosts = Math.max(100, Math.round(params.posts * (1 - Math.min(0.5, plantedShare))));
  const organicAccounts = Math.max(10, Math.round(organicPosts / params.meanPostsPerAccount));
  const activity: number[] = [];
  for (let i = 0; i < organicAccounts; i++) {
    addAccount();
    activity.push(Math.max(1, Math.round(Math.exp(mu + sigma * rng.normal()))));
  }
  // Households share a home IP; a few share a family device too.
  for (let i = 0; i < organicAccounts; ) {
    if (!rng.chance(params.householdShare / 2.5)) {
      i++;
      continue;
    }
    const size = rng.range(2, 4);
    const ip = homeIp[i] ?? '';
    for (let j = i; j < Math.min(organicAccounts, i + size); j++) homeIp[j] = ip;
    // Some households have a family device that two of them (a parent and a child) both use.
    if (rng.chance(0.15)) {
      const shared = `dev-family-${i}`;
      devices[i]?.push(shared);
      devices[i + 1]?.push(shared);
    }
    i += size;
  }
  const natIps = Math.max(5, Math.round((organicAccounts * params.mobileShare) / params.accountsPerNatIp));
  const ipFor = (account: number): string => (rng.chance(params.mobileShare) ? `ip-nat${rng.int(natIps)}` : homeIp[account] ?? '');
  const deviceFor = (account: number): string => {
    const list = devices[account] ?? [];
    return list.length === 1 ? (list[0] ?? '') : rng.pick(list);
  };

  const rows: PostRow[] = [];
  const originals: number[] = [];

  const addRow = (row: PostRow): number => {
    rows.push(row);
    return rows.length - 1;
  };
  const makeText = (): { text: string; urls: string } => {
    const r = rng.next();
    if (r < params.shareTextShare) {
      const share = shareTexts[shareDist.sample(rng)];
      if (share) return { text: `${share.text} ${share.url}`, urls: share.url };
    }
    if (r < params.shareTextShare + 0.03) return { text: rng.pick(shortPhrases), urls: '' };
    let text = sentence(rng, words, wordDist, rng.range(5, 25));
    if (rng.chance(0.35)) text += ` ${hashtags[hashtagDist.sample(rng)]}`;
    if (rng.chance(0.15)) text = `@${rng.pick(usernames)} ${text}`;
    let urls = '';
    if (rng.chance(params.urlShare)) {
      urls = decorateUrl(rng, urlBases[urlDist.sample(rng)] ?? 'x.example');
      text += ` ${urls}`;
    }
    return { text, urls };
  };

  // Phase 1: organic originals, and placeholders for reposts/replies/quotes (targets assigned later).
  const pendingRefs: { row: number; kind: 'repost' | 'reply' | 'quote' }[] = [];
  const emitOrganic = (account: number, count: number): void => {
    for (let k = 0; k < count; k++) {
      const r = rng.next();
      const kind = r < params.retweetShare ? 'repost' : r < params.retweetShare + params.replyShare ? 'reply' : r < params.retweetShare + params.replyShare + params.quoteShare ? 'quote' : null;
      const { text, urls } = kind === 'repost' ? { text: '', urls: '' } : makeText();
      const row = addRow({ time: organicTime(), account, text, repostOf: -1, replyTo: -1, quoteOf: -1, urls, device: deviceFor(account), ip: ipFor(account) });
      if (kind === null) originals.push(row);
      else pendingRefs.push({ row, kind });
    }
  };
  for (let a = 0; a < organicAccounts; a++) emitOrganic(a, activity[a] ?? 1);

  // Clock-aligned schedulers: news bots posting exactly on the hour / half hour.
  const schedulers = Math.round((params.schedulersPer100k * params.posts) / 100_000);
  for (let s = 0; s < schedulers; s++) {
    const account = addAccount();
    const step = rng.pick([1_800, 3_600, 7_200]);
    for (let t = start; t < start + duration; t += step) {
      if (!rng.chance(0.7)) continue;
      const { text, urls } = makeText();
      const row = addRow({ time: t + rng.next() * 3, account, text, repostOf: -1, replyTo: -1, quoteOf: -1, urls, device: deviceFor(account), ip: homeIp[account] ?? '' });
      originals.push(row);
    }
  }

  // Phase 2: popularity of originals (Pareto) drives viral cascades of retweets and replies.
  const popularity = new Float64Array(originals.length);
  for (let i = 0; i < originals.length; i++) popularity[i] = Math.pow(1 - rng.next(), -1 / params.popularityShape) - 1;
  const targetDist = new Discrete(popularity);
  const cascadeDelay = (): number => (rng.chance(0.6) ? rng.exp(900) : rng.exp(6 * 3_600));
  for (const pending of pendingRefs) {
    const target = originals[targetDist.sample(rng)] ?? 0;
    const row = rows[pending.row];
    const source = rows[target];
    if (!row || !source) continue;
    row.time = source.time + 5 + cascadeDelay();
    if (pending.kind === 'repost') {
      row.repostOf = target;
      row.text = `RT @${usernames[source.account]}: ${source.text}`;
      row.urls = source.urls;
    } else if (pending.kind === 'reply') {
      row.replyTo = target;
      row.text = `@${usernames[source.account]} ${row.text}`;
    } else {
      row.quoteOf = target;
    }
  }

  // Phase 3: planted clusters.
  const clusters: PlantedCluster[] = [];
  const truth = new Map<string, PlantedKind>();
  let clusterId = 0;
  const lowPopularityOriginals = originals.filter((_, i) => (popularity[i] ?? 0) < 0.5);
  const popularOriginals = originals.filter((_, i) => (popularity[i] ?? 0) > 5);

  for (const kind of PLANTED_KINDS) {
    for (let c = 0; c < params.clustersPerKind; c++) {
      const size = kind === 'shared-identifier' ? rng.range(4, 12) : rng.range(params.clusterSize[0], params.clusterSize[1]);
      const members: number[] = [];
      for (let m = 0; m < size; m++) members.push(addAccount());
      const id = clusterId++;
      clusters.push({ kind, id, userIds: members.map((m) => userIds[m] ?? '') });
      for (const m of members) truth.set(userIds[m] ?? '', kind);
      if (kind === 'shared-identifier') {
        const farmDevices = Array.from({ length: Math.max(1, Math.ceil(size / 4)) }, (_, d) => `dev-farm${id}-${d}`);
        const farmIps = Array.from({ length: 3 }, (_, d) => `ip-farm${id}-${d}`);
        members.forEach((m, i) => {
          devices[m] = [farmDevices[i % farmDevices.length] ?? ''];
          homeIp[m] = rng.pick(farmIps);
        });
        for (const m of members) {
          const count = sampleActivity(params.camouflagePosts);
          for (let k = 0; k < count; k++) {
            const { text, urls } = makeText();
            const ip = rng.chance(0.7) ? rng.pick(farmIps) : ipFor(m);
            addRow({ time: organicTime(), account: m, text, repostOf: -1, replyTo: -1, quoteOf: -1, urls, device: deviceFor(m), ip });
          }
        }
        continue;
      }
      // Camouflage: organic-looking posts (originals, and retweets/replies of popular posts).
      for (const m of members) {
        const count = sampleActivity(params.camouflagePosts);
        for (let k = 0; k < count; k++) {
          const r = rng.next();
          const { text, urls } = makeText();
          const base: PostRow = { time: organicTime(), account: m, text, repostOf: -1, replyTo: -1, quoteOf: -1, urls, device: deviceFor(m), ip: ipFor(m) };
          if (r < 0.25 && originals.length > 0) {
            const target = originals[targetDist.sample(rng)] ?? 0;
            const source = rows[target];
            if (source) {
              base.repostOf = target;
              base.time = source.time + 5 + cascadeDelay();
              base.text = `RT @${usernames[source.account]}: ${source.text}`;
              base.urls = source.urls;
            }
          }
          addRow(base);
        }
      }
      const items = kind === 'dogpiling' ? rng.range(params.dogpilingTargets[0], params.dogpilingTargets[1]) : rng.range(params.coordinatedItems[0], params.coordinatedItems[1]);
      const campaignTag = `#${rng.pick(words)}${rng.pick(words)}${id}`;
      for (let item = 0; item < items; item++) {
        const t0 = start + rng.next() * (duration - 3_600);
        const participants = members.filter(() => rng.chance(params.participation));
        switch (kind) {
          case 'co-post': {
            const message = `${sentence(rng, words, wordDist, rng.range(10, 18))} ${campaignTag}`;
            for (const m of participants) {
              let text = rng.chance(0.3) ? message.toUpperCase() : message;
              if (rng.chance(0.3)) text = `@${rng.pick(usernames)}  ${text}`;
              let urls = '';
              if (rng.chance(0.3)) {
                urls = `https://t.example/${rng.int(1e9).toString(36)}`;
                text = `${text} ${urls}`;
              }
              addRow({ time: t0 + rng.next() * 600, account: m, text, repostOf: -1, replyTo: -1, quoteOf: -1, urls, device: deviceFor(m), ip: ipFor(m) });
            }
            break;
          }
          case 'near-duplicate': {
            const template = sentence(rng, words, wordDist, rng.range(12, 20)).split(' ');
            for (const m of participants) {
              const variant = template.slice();
              const swaps = rng.range(1, 2);
              for (let s = 0; s < swaps; s++) variant[rng.int(variant.length)] = rng.pick(words);
              variant.push(rng.chance(0.5) ? campaignTag : rng.pick(EMOJI));
              variant.push(rng.chance(0.5) ? String(rng.int(10_000)) : rng.pick(EMOJI));
              addRow({ time: t0 + rng.next() * 900, account: m, text: variant.join(' '), repostOf: -1, replyTo: -1, quoteOf: -1, urls: '', device: deviceFor(m), ip: ipFor(m) });
            }
            break;
          }
          case 'co-link': {
            const link = `camp${id}-news.example/${rng.pick(words)}/${rng.int(1e6)}`;
            for (const m of participants) {
              const urls = decorateUrl(rng, link);
              const text = `${sentence(rng, words, wordDist, rng.range(4, 12))} ${urls}`;
              addRow({ time: t0 + rng.next() * 45, account: m, text, repostOf: -1, replyTo: -1, quoteOf: -1, urls, device: deviceFor(m), ip: ipFor(m) });
            }
            break;
          }
          case 'co-retweet': {
            const pool = rng.chance(0.5) && popularOriginals.length > 0 ? popularOriginals : lowPopularityOriginals;
            const target = rng.pick(pool);
            const source = rows[target];
            if (!source) break;
            const t = source.time + 60 + rng.exp(3_600);
            for (const m of participants) {
              addRow({ time: t + rng.next() * 40, account: m, text: `RT @${usernames[source.account]}: ${source.text}`, repostOf: target, replyTo: -1, quoteOf: -1, urls: source.urls, device: deviceFor(m), ip: ipFor(m) });
            }
            break;
          }
          case 'co-reply': {
            const target = rng.pick(lowPopularityOriginals);
            const source = rows[target];
            if (!source) break;
            const t = source.time + 60 + rng.exp(3_600);
            for (const m of participants) {
              const text = `@${usernames[source.account]} ${sentence(rng, words, wordDist, rng.range(3, 12))}`;
              addRow({ time: t + rng.next() * 600, account: m, text, repostOf: -1, replyTo: target, quoteOf: -1, urls: '', device: deviceFor(m), ip: ipFor(m) });
            }
            break;
          }
          case 'dogpiling': {
            // R1 social, the seed's example: the cluster's first member names an ordinary account's
            // post hours after it appeared (half the time quoting it), and the others pile onto it
            // within 15 minutes; in a third of the campaigns they reply to the call instead,
            // @-mentioning the target.
            const target = rng.pick(lowPopularityOriginals);
            const source = rows[target];
            const inciter = members[0];
            if (!source || inciter === undefined) break;
            const name = usernames[source.account] ?? '';
            const t = source.time + 1_800 + rng.exp(6 * 3_600);
            const call = addRow({
              time: t, account: inciter, text: `@${name} ${sentence(rng, words, wordDist, rng.range(4, 10))} look at this ${campaignTag}`,
              repostOf: -1, replyTo: -1, quoteOf: rng.chance(0.5) ? target : -1, urls: '', device: deviceFor(inciter), ip: ipFor(inciter),
            });
            const inThread = rng.chance(1 / 3);
            for (const m of participants) {
              if (m === inciter) continue;
              const said = sentence(rng, words, wordDist, rng.range(3, 12));
              const text = inThread ? `@${usernames[inciter]} @${name} ${said}` : `@${name} ${said}`;
              addRow({ time: t + 30 + rng.next() * 900, account: m, text, repostOf: -1, replyTo: inThread ? call : target, quoteOf: -1, urls: '', device: deviceFor(m), ip: ipFor(m) });
            }
            break;
          }
          case 'synchronised-posting': {
            for (const m of participants) {
              const { text, urls } = makeText();
              addRow({ time: t0 + (rng.next() - 0.5) * 60, account: m, text, repostOf: -1, replyTo: -1, quoteOf: -1, urls, device: deviceFor(m), ip: ipFor(m) });
            }
            break;
          }
        }
      }
    }
  }

  // Posts in time order, as exports usually are.
  const order = rows.map((_, i) => i).toSorted((a, b) => (rows[a]?.time ?? 0) - (rows[b]?.time ?? 0));
  // Snowflake-like 19-digit ids, built as strings (numbers that large are not exact).
  const messageIds: string[] = Array.from({ length: rows.length }, () => '');
  order.forEach((rowIndex, rank) => {
    messageIds[rowIndex] = `17${String(rank).padStart(9, '0')}${String(rowIndex % 1000).padStart(3, '0')}`;
  });

  function* csvChunks(chunkChars = 1 << 20): Generator<string> {
    let chunk = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls,quote_id,device_hash,ip_hash,lang\n';
    for (const rowIndex of order) {
      const row = rows[rowIndex];
      if (!row) continue;
      chunk += [
        messageIds[rowIndex],
        userIds[row.account],
        usernames[row.account],
        row.repostOf >= 0 ? messageIds[row.repostOf] : '',
        row.replyTo >= 0 ? messageIds[row.replyTo] : '',
        csvField(row.text),
        Math.round(row.time),
        row.urls,
        row.quoteOf >= 0 ? messageIds[row.quoteOf] : '',
        row.device,
        row.ip,
        'en',
      ].join(',');
      chunk += '\n';
      if (chunk.length >= chunkChars) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  return { params, postCount: rows.length, accountCount: userIds.length, clusters, truth, csvChunks };
}

function sentence(rng: Rng, words: readonly string[], dist: Discrete, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[dist.sample(rng)] ?? 'x');
  return out.join(' ');
}

/** The same link as people and tools write it: scheme, www., tracking parameters, slash, fragment. */
function decorateUrl(rng: Rng, base: string): string {
  let url = `${rng.chance(0.8) ? 'https' : 'http'}://${rng.chance(0.3) ? 'www.' : ''}${base}`;
  if (rng.chance(0.2)) url += '/';
  if (rng.chance(0.4)) url += `?utm_source=${rng.pick(['twitter', 'fb', 'newsletter'])}&utm_medium=social`;
  else if (rng.chance(0.1)) url += `?fbclid=${rng.int(1e9).toString(36)}`;
  if (rng.chance(0.1)) url += '#comments';
  return url;
}

function csvField(value: string): string {
  if (/[",\n\r]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}
