// Timestamps as the supported formats write them, to epoch seconds. Accepted: epoch seconds
// (fractional allowed; values >= 1e11 are read as milliseconds), ISO 8601 with or without offset
// (no offset = UTC), and Twitter v1's `Wed Oct 10 20:19:24 +0000 2018`.

/** 1990-01-01 and 2100-01-01: anything outside is a unit mistake or garbage, not a post. */
export const MIN_EPOCH_SECONDS = 631_152_000;
export const MAX_EPOCH_SECONDS = 4_102_444_800;

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const TWITTER_V1_RE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Epoch seconds, or null when the value is not a timestamp in a supported format or range. */
export function parseTimestamp(value: string | number): number | null {
  let seconds: number | null;
  if (typeof value === 'number') {
    seconds = Number.isFinite(value) ? fromEpochNumber(value) : null;
  } else {
    const s = value.trim();
    seconds = isDecimalNumber(s) ? fromEpochNumber(Number(s)) : parseDateString(s);
  }
  if (seconds === null || seconds < MIN_EPOCH_SECONDS || seconds > MAX_EPOCH_SECONDS) return null;
  return seconds;
}

function fromEpochNumber(n: number): number {
  return n >= 1e11 ? n / 1000 : n;
}

/** Digits with at most one dot; no sign, no exponent (those are never real epoch timestamps). */
function isDecimalNumber(s: string): boolean {
  if (s.length === 0 || s.length > 20) return false;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      dots++;
      if (dots > 1 || i === 0 || i === s.length - 1) return false;
    } else if (c < 48 || c > 57) return false;
  }
  return true;
}

function parseDateString(s: string): number | null {
  const iso = ISO_RE.exec(s);
  if (iso) {
    const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = iso;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
    if (!validFields(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec))) return null;
    return (ms - zoneOffsetMs(zone)) / 1000 + (frac ? Number(`0.${frac}`) : 0);
  }
  const v1 = TWITTER_V1_RE.exec(s);
  if (v1) {
    const [, mon = '', d, h, mi, sec, sign, oh, om, y] = v1;
    const month = MONTHS.indexOf(mon);
    if (month < 0 || !validFields(Number(y), month + 1, Number(d), Number(h), Number(mi), Number(sec))) return null;
    const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
    return (Date.UTC(Number(y), month, Number(d), Number(h), Number(mi), Number(sec)) - offset) / 1000;
  }
  return null;
}

function validFields(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Epoch seconds to an ISO 8601 UTC instant with a `Z` (milliseconds kept). */
export function toIsoUtc(seconds: number): string {
  return new Date(Math.round(seconds * 1000)).toISOString();
}
