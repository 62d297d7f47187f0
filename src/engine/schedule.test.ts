// R15/R17 date arithmetic at its boundaries: expiry exactly at the instant, and whole days that stay
// 24 hours across the 2026 European daylight-saving changes (29 March, 25 October).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CASE_SETTINGS } from './case-model';
import {
  actionExpiresAt,
  addDaysUtc,
  endedByWithdrawal,
  GENERAL_RULES_ACTION_TYPES,
  isActionActive,
  isReviewDue,
  nextReviewAt,
  R14_generalRulesAccounts,
  R14_needsDesignation,
} from './schedule';

const HOUR_MS = 3_600_000;
const hoursBetween = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / HOUR_MS;

describe('addDaysUtc', () => {
  let savedTz: string | undefined;
  // Run under a European zone: a local-time implementation would gain or lose an hour here.
  beforeEach(() => {
    savedTz = process.env.TZ;
    process.env.TZ = 'Europe/Amsterdam';
  });
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it.each([
    ['spring forward, 29 March 2026', '2026-03-28T12:00:00.000Z', 1, '2026-03-29T12:00:00.000Z'],
    ['spring forward at 01:00 UTC, the switch instant', '2026-03-29T00:30:00.000Z', 1, '2026-03-30T00:30:00.000Z'],
    ['fall back, 25 October 2026', '2026-10-24T23:30:00.000Z', 1, '2026-10-25T23:30:00.000Z'],
    ['30-day limit across spring forward', '2026-03-15T09:00:00.000Z', 30, '2026-04-14T09:00:00.000Z'],
    ['90-day review across fall back', '2026-09-01T00:00:00.000Z', 90, '2026-11-30T00:00:00.000Z'],
    ['leap day', '2028-02-28T10:00:00.000Z', 1, '2028-02-29T10:00:00.000Z'],
  ])('%s: exactly N×24 h in UTC', (_label, start, days, expected) => {
    const end = addDaysUtc(start, days);
    expect(end).toBe(expected);
    expect(hoursBetween(start, end)).toBe(days * 24);
  });

  it('normalises an offset instant to UTC with Z', () => {
    expect(addDaysUtc('2026-03-29T01:30:00+01:00', 1)).toBe('2026-03-30T00:30:00.000Z');
  });

  it('rejects a string that is not an instant', () => {
    expect(() => addDaysUtc('next tuesday', 1)).toThrow(RangeError);
  });
});

describe('R15: visibility limits expire; expiry is exclusive', () => {
  const appliedAt = '2026-03-10T08:00:00.000Z';
  const expiresAt = actionExpiresAt('limit-visibility', appliedAt, DEFAULT_CASE_SETTINGS);

  it('visibility-type actions expire after the case setting (default 30 days); others never by themselves', () => {
    expect(expiresAt).toBe('2026-04-09T08:00:00.000Z');
    expect(actionExpiresAt('prevent-trends', appliedAt, { ...DEFAULT_CASE_SETTINGS, visibilityLimitDays: 7 })).toBe('2026-03-17T08:00:00.000Z');
    expect(actionExpiresAt('suspend-primary-use', appliedAt, DEFAULT_CASE_SETTINGS)).toBeNull();
    expect(actionExpiresAt('require-tweet-removal', appliedAt, DEFAULT_CASE_SETTINGS)).toBeNull();
  });

  it('is active one millisecond before expiry and inactive exactly at it', () => {
    const action = { expiresAt, endedAt: null };
    expect(isActionActive(action, '2026-04-09T07:59:59.999Z')).toBe(true);
    expect(isActionActive(action, '2026-04-09T08:00:00.000Z')).toBe(false);
    expect(isActionActive(action, '2026-04-09T10:00:00+02:00')).toBe(false);
  });

  it('an ended action is inactive from its end instant; a non-expiring one stays active until ended', () => {
    expect(isActionActive({ expiresAt: null, endedAt: '2026-05-01T00:00:00.000Z' }, '2026-04-30T23:59:59.999Z')).toBe(true);
    expect(isActionActive({ expiresAt: null, endedAt: '2026-05-01T00:00:00.000Z' }, '2026-05-01T00:00:00.000Z')).toBe(false);
    expect(isActionActive({ expiresAt: null, endedAt: null }, '2099-01-01T00:00:00.000Z')).toBe(true);
  });
});

describe('R17: periodic review every 90 days by default; due from the instant', () => {
  it('is due exactly at the next review instant, not a millisecond before', () => {
    const next = nextReviewAt('2026-08-01T12:00:00.000Z', DEFAULT_CASE_SETTINGS);
    expect(next).toBe('2026-10-30T12:00:00.000Z');
    expect(hoursBetween('2026-08-01T12:00:00.000Z', next)).toBe(90 * 24);
    expect(isReviewDue(next, '2026-10-30T11:59:59.999Z')).toBe(false);
    expect(isReviewDue(next, next)).toBe(true);
  });
});

const action = (id: string, type: Parameters<typeof actionExpiresAt>[0], expiresAt: string | null, endedAt: string | null = null) => ({ id, type, expiresAt, endedAt });

describe('R17: withdrawal ends the designation-based actions still active, not the general Rules\' ones', () => {
  const now = '2024-06-01T00:00:00Z';
  it.each([
    [[action('a', 'limit-visibility', '2024-06-10T00:00:00Z')], ['a']],
    [[action('b', 'limit-visibility', '2024-05-31T00:00:00Z')], []],
    [[action('c', 'suspend-primary-use', null)], ['c']],
    [[action('d', 'suspend-primary-use', null, '2024-05-01T00:00:00Z')], []],
    [[action('e', 'require-tweet-removal', null), action('f', 'suspend-severe-violations', null)], []],
  ])('%j -> %j', (actions, ended) => {
    expect(endedByWithdrawal(actions, now).map((a) => a.id)).toEqual(ended);
  });
});

describe('R14: actions under the general Rules', () => {
  it('are the actions the framework does not own, and need no designation', () => {
    expect(GENERAL_RULES_ACTION_TYPES).toEqual(['require-tweet-removal', 'suspend-severe-violations']);
    expect(R14_needsDesignation('limit-visibility')).toBe(true);
    expect(R14_needsDesignation('suspend-severe-violations')).toBe(false);
  });

  it('may be aimed at accounts named in signals or associated, never at a rejected association', () => {
    const signals = [{ accounts: ['@Bravo', 'alpha'] }, { accounts: ['ALPHA', 'charlie'] }];
    const associations = [
      { handle: 'delta', status: 'confirmed' as const },
      { handle: 'Charlie', status: 'rejected' as const },
      { handle: 'echo', status: 'suggested' as const },
    ];
    expect(R14_generalRulesAccounts(signals, associations)).toEqual(['alpha', 'Bravo', 'delta', 'echo']);
    expect(R14_generalRulesAccounts([], [])).toEqual([]);
  });
});

