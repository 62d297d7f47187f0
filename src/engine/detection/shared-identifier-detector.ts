// Shared technical identifiers (R1 technical linkage): accounts posting from the same device, or
// from several of the same IP addresses. One shared IP is weak (households, offices); identifiers
// used by very many accounts are infrastructure (carrier NAT) and are ignored.
import type { DetectionContext } from './detection-context';
import type { DetectorEdge, DetectorRun } from './detection-types';
import { MAX_EVIDENCE_PER_EDGE } from './detection-types';
import { PairTable, ensureFloat64, ensureInt32 } from './pair-table';
import type { SharedIdentifierSettings } from './settings';

export function detectSharedIdentifiers(ctx: DetectionContext, settings: SharedIdentifierSettings): DetectorRun {
  const store = ctx.store;
  const table = new PairTable(1024);
  let devices = new Int32Array(1024);
  let ips = new Int32Array(1024);
  let first = new Float64Array(1024);
  let last = new Float64Array(1024);
  const evidence: { label: string; postA: number; postB: number }[][] = [];
  let actions = 0;

  const scan = (column: Int32Array, values: readonly string[], kind: 'device' | 'ip'): void => {
    const count = values.length;
    if (count === 0) return;
    // Posts grouped by identifier (counting sort).
    const start = new Int32Array(count + 1);
    for (let i = 0; i < store.size; i++) {
      const v = column[i] ?? -1;
      if (v >= 0) start[v + 1] = (start[v + 1] ?? 0) + 1;
    }
    for (let v = 0; v < count; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
    const fill = start.slice(0, count);
    const posts = new Int32Array(start[count] ?? 0);
    for (let i = 0; i < store.size; i++) {
      const v = column[i] ?? -1;
      if (v < 0) continue;
      posts[fill[v] ?? 0] = i;
      fill[v] = (fill[v] ?? 0) + 1;
    }
    actions += posts.length;
    // Per identifier: its accounts, each with its first post and time span on that identifier.
    const slot = new Int32Array(store.accountIds.length).fill(-1);
    const members: number[] = [];
    const firstPost: number[] = [];
    const from: number[] = [];
    const to: number[] = [];
    for (let v = 0; v < count; v++) {
      members.length = 0;
      firstPost.length = 0;
      from.length = 0;
      to.length = 0;
      let tooMany = false;
      for (let k = start[v] ?? 0; k < (start[v + 1] ?? 0); k++) {
        const p = posts[k] ?? 0;
        const a = store.account[p] ?? 0;
        const time = store.time[p] ?? 0;
        let s = slot[a] ?? -1;
        if (s < 0) {
          if (members.length >= settings.maxAccountsPerIdentifier) {
            tooMany = true;
            break;
          }
          s = members.length;
          slot[a] = s;
          members.push(a);
          firstPost.push(p);
          from.push(time);
          to.push(time);
        } else {
          if (time < (from[s] ?? time)) from[s] = time;
          if (time > (to[s] ?? time)) to[s] = time;
        }
      }
      for (const a of members) slot[a] = -1;
      if (tooMany || members.length < 2) continue;
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          let ia = x;
          let ib = y;
          if ((members[ia] ?? 0) > (members[ib] ?? 0)) [ia, ib] = [ib, ia];
          const a = members[ia] ?? 0;
          const b = members[ib] ?? 0;
          const before = table.size;
          const id = table.intern(a, b);
          if (table.size !== before) {
            if (id >= devices.length) {
              const size = devices.length * 2;
              devices = ensureInt32(devices, size);
              ips = ensureInt32(ips, size);
              first = ensureFloat64(first, size);
              last = ensureFloat64(last, size);
            }
            devices[id] = 0;
            ips[id] = 0;
            first[id] = Number.POSITIVE_INFINITY;
            last[id] = Number.NEGATIVE_INFINITY;
            evidence[id] = [];
          }
          if (kind === 'device') devices[id] = (devices[id] ?? 0) + 1;
          else ips[id] = (ips[id] ?? 0) + 1;
          first[id] = Math.min(first[id] ?? 0, from[ia] ?? 0, from[ib] ?? 0);
          last[id] = Math.max(last[id] ?? 0, to[ia] ?? 0, to[ib] ?? 0);
          const ev = evidence[id];
          if (ev && ev.length < MAX_EVIDENCE_PER_EDGE) {
            ev.push({ label: `${kind} ${values[v] ?? ''}`, postA: firstPost[ia] ?? 0, postB: firstPost[ib] ?? 0 });
          }
        }
      }
    }
  };
  scan(store.device, store.devices, 'device');
  scan(store.ip, store.ips, 'ip');

  const edges: DetectorEdge[] = [];
  for (let id = 0; id < table.size; id++) {
    const d = devices[id] ?? 0;
    const ip = ips[id] ?? 0;
    if (d === 0 && ip < settings.minSharedIps) continue;
    edges.push({
      a: table.pairA[id] ?? 0,
      b: table.pairB[id] ?? 0,
      detector: 'shared-identifier',
      // A shared device is near-certain linkage; IP addresses alone grow stronger with each one shared.
      score: d > 0 ? 1 : Math.min(0.9, 0.5 + 0.1 * (ip - settings.minSharedIps)),
      coItems: d + ip,
      first: first[id] ?? 0,
      last: last[id] ?? 0,
      evidence: evidence[id] ?? [],
    });
  }
  return { detector: 'shared-identifier', edges, actions, candidatePairs: table.size };
}
