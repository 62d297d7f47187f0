import { describe, expect, it } from 'vitest';
import { reapplicableLimits, type LimitedAccountAction } from './reapplication';

const NOW = '2027-02-01T00:00:00.000Z';
const limit = (over: Partial<LimitedAccountAction> = {}): LimitedAccountAction => ({
  id: 'action-1',
  type: 'limit-visibility',
  target: 'account',
  targetRef: 'grey_relay_07',
  expiresAt: '2027-01-05T00:00:00.000Z',
  endedAt: null,
  reappliesId: null,
  ...over,
});
const confirmed = [{ handle: 'Grey_Relay_07', status: 'confirmed' }];

describe('R15: the expired limits an import watches for continued behaviour', () => {
  it('an account limit that expired by itself, on a confirmed account, not re-applied yet (handles case-insensitive)', () => {
    expect(reapplicableLimits([limit()], confirmed, NOW)).toEqual([
      { actionId: 'action-1', handle: 'grey_relay_07', expiredAt: '2027-01-05T00:00:00.000Z' },
    ]);
  });

  it.each<[string, LimitedAccountAction[], { handle: string; status: string }[]]>([
    ['still active', [limit({ expiresAt: '2027-03-01T00:00:00.000Z' })], confirmed],
    ['ended by a person or a withdrawal (R14, R17)', [limit({ endedAt: '2027-01-02T00:00:00.000Z' })], confirmed],
    ['re-applied already', [limit(), limit({ id: 'action-2', reappliesId: 'action-1', expiresAt: '2027-03-01T00:00:00.000Z' })], confirmed],
    ['not a visibility-type action (a suspension does not expire)', [limit({ type: 'suspend-primary-use', expiresAt: null })], confirmed],
    ['on a trend term, not an account', [limit({ type: 'prevent-trends', target: 'trend', targetRef: 'rivers' })], confirmed],
    ['its association ended (R16)', [limit()], [{ handle: 'grey_relay_07', status: 'rejected' }]],
  ])('not when %s', (_why, actions, accounts) => {
    expect(reapplicableLimits(actions, accounts, NOW)).toEqual([]);
  });
});
