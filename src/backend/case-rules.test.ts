// withSuggestedAccounts (R16) runs on every read of a case, so it must stay linear in the accounts
// its signals name (issue 14, defect 5). Timing belongs in `npm run bench:backend`; here the merge's
// result and its count of case-insensitive handle comparisons.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountAssociation } from '../api/contract/case';
import { signal } from '../engine/test-fixtures';
import { T0 } from './backend-test-kit';
import { withSuggestedAccounts } from './case-rules';
import type { StoredCase } from './storage';

function decided(handle: string): AccountAssociation {
  return { handle, status: 'confirmed', basis: ['signals'], note: '', primaryUseFinding: false, decidedBy: 'rui', decidedAt: T0 };
}

function caseWith(accounts: AccountAssociation[], signalAccounts: string[][]): StoredCase {
  // Only the fields the merge reads matter; the rest of the case is passed through untouched.
  const signals = signalAccounts.map((handles) => signal({ accounts: handles }));
  return { id: 'case-merge', accounts, signals } as unknown as StoredCase;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('withSuggestedAccounts (R16)', () => {
  it('keeps decided accounts first and adds each other named handle once, matching case-insensitively', () => {
    const record = caseWith(
      [decided('Harbor_One'), { ...decided('harbor_gone'), status: 'rejected' }],
      [['harbor_one', 'harbor_two', 'HARBOR_GONE'], ['Harbor_Two', 'harbor_three', 'harbor_two']],
    );
    const merged = withSuggestedAccounts(record);
    expect(merged.accounts.map((account) => [account.handle, account.status])).toEqual([
      ['Harbor_One', 'confirmed'],
      ['harbor_gone', 'rejected'],
      ['harbor_two', 'suggested'],
      ['harbor_three', 'suggested'],
    ]);
    expect(merged.accounts[2]).toEqual({
      handle: 'harbor_two', status: 'suggested', basis: [], note: '', primaryUseFinding: false, decidedBy: null, decidedAt: null,
    });
    expect(record.accounts).toHaveLength(2);
  });

  it('compares each handle a constant number of times, not once per account already merged', () => {
    const named = 3 * 300;
    const record = caseWith(
      Array.from({ length: 50 }, (_, i) => decided(`Acct_0_${i}`)),
      [0, 1, 2].map((s) => Array.from({ length: named / 3 }, (_, i) => `acct_${s}_${i}`)),
    );
    // Every case-insensitive comparison lower-cases a handle: count them (the quadratic merge lower-cased
    // about 2 x 900 x 500 = 900,000 times here; kept small so the old code fails instead of hanging).
    const lowerCase = vi.spyOn(String.prototype, 'toLowerCase');
    const merged = withSuggestedAccounts(record);
    const calls = lowerCase.mock.calls.length;
    lowerCase.mockRestore();
    expect(merged.accounts).toHaveLength(named);
    expect(calls).toBeLessThanOrEqual(2 * (named + record.accounts.length));
  });
});
