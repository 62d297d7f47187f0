// Canonical URLs for co-link detection: the same article shared with different tracking decorations
// must count as the same link, or link campaigns hide behind `?utm_source=` variations.
import { isSpaceCode } from './text-features';

/** Query parameters that only track the click, never select content. Matched case-insensitively. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'vero_id',
  'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid', 'ref_src', 'ref_url', 'cmpid', 'spm',
]);
/** Parameters that track only on the hosts that add them (elsewhere they may select content). */
const HOST_TRACKING_PARAMS: Record<string, readonly string[]> = {
  'twitter.com': ['s', 't', 'ref_src'],
  'x.com': ['s', 't'],
  'youtube.com': ['si', 'feature', 'pp'],
  'youtu.be': ['si', 'feature'],
  'open.spotify.com': ['si'],
  'instagram.com': ['utm_source', 'igshid', 'igsh'],
  'facebook.com': ['mibextid', 'rdid', 'share_url'],
};

export const MAX_URL_LENGTH = 2_048;

/**
 * Returns the canonical form `host/path?query` (no scheme: http and https count as one link), or
 * null when the token is not an http(s) URL. Host lower-cased, `www.` and default ports dropped,
 * fragment and trailing slash dropped, tracking parameters removed, remaining parameters sorted.
 */
export function normaliseUrl(raw: string): string | null {
  let s = raw.trim();
  if (s.length === 0 || s.length > MAX_URL_LENGTH) return null;
  const lower = s.slice(0, 8).toLowerCase();
  if (lower.startsWith('https://')) s = s.slice(8);
  else if (lower.startsWith('http://')) s = s.slice(7);
  else if (!lower.startsWith('www.')) return null; // schemeless "www." links are kept, as people paste them

  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) {
      end = i;
      break;
    }
  }
  let host = s.slice(0, end);
  const rest = s.slice(end);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1); // credentials never identify the content
  host = host.toLowerCase();
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && colon > host.lastIndexOf(']')) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
    if (!/^\d{1,5}$/.test(port)) return null;
    if (port === '80' || port === '443') port = '';
  }
  if (host.endsWith('.')) host = host.slice(0, -1); // the root label of a fully qualified name
  if (host.endsWith('.')) return null; // "a.." is an empty label, not a name
  if (host.startsWith('www.')) host = host.slice(4);
  if (host.startsWith('m.') && HOST_TRACKING_PARAMS[host.slice(2)] !== undefined) host = host.slice(2);
  if (host.length === 0 || !isPlausibleHost(host)) return null;
  const hostTrackers = HOST_TRACKING_PARAMS[host] ?? [];
  if (port !== '') host = `${host}:${port}`;

  const hash = rest.indexOf('#');
  const withoutFragment = hash >= 0 ? rest.slice(0, hash) : rest;
  const q = withoutFragment.indexOf('?');
  let path = q >= 0 ? withoutFragment.slice(0, q) : withoutFragment;
  const query = q >= 0 ? withoutFragment.slice(q + 1) : '';
  while (path.endsWith('/')) path = path.slice(0, -1);
  if (hasSpaceOrControl(path) || hasSpaceOrControl(query)) return null;

  let canonicalQuery = '';
  if (query.length > 0) {
    const kept: string[] = [];
    for (const part of query.split('&')) {
      if (part.length === 0) continue;
      const eq = part.indexOf('=');
      const key = (eq >= 0 ? part.slice(0, eq) : part).toLowerCase();
      if (key.startsWith('utm_') || TRACKING_PARAMS.has(key) || hostTrackers.includes(key)) continue;
      kept.push(part);
    }
    kept.sort();
    canonicalQuery = kept.join('&');
  }
  return canonicalQuery.length > 0 ? `${host}${path}?${canonicalQuery}` : `${host}${path}`;
}

function hasSpaceOrControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 127 || isSpaceCode(c)) return true;
  }
  return false;
}

/** Letters, digits, dots, hyphens and non-ASCII (IDN) characters; an IPv6 literal in brackets. */
function isPlausibleHost(host: string): boolean {
  if (host.startsWith('[')) return /^\[[0-9a-f:.]+\]$/.test(host);
  if (host.startsWith('.') || host.includes('..')) return false;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    const ok =
      (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c > 127;
    if (!ok) return false;
  }
  return true;
}
