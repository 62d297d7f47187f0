// The demo people as real accounts, for a first run of `npm start` on an empty database: the two
// analysts and two reviewers the demo cases name, and an admin. One password for all of them,
// DEMO_PASSWORD or generated and printed once by the server. Never on a database that has accounts.
import type { User } from '../../api/contract/users';
import { DEMO_USERS } from '../../backend/demo-users';
import type { PasswordHasher } from '../../backend/identity/identity-rules';
import type { Account, IdentityStorage } from '../../backend/identity/identity-storage';

export const DEMO_ADMIN: User = { id: 'ada', name: 'Ada Lindqvist', roles: ['admin'] };

/** Creates the demo accounts when there are none; answers whether it did. */
export async function seedDemoAccounts(
  storage: IdentityStorage,
  deps: { passwords: PasswordHasher; password: string; now: string; newEventId: () => string },
): Promise<boolean> {
  if ((await storage.countAccounts()) > 0) return false;
  const passwordHash = await deps.passwords.hash(deps.password);
  for (const user of [...DEMO_USERS, DEMO_ADMIN]) {
    const account: Account = {
      id: user.id, login: user.id, name: user.name, roles: [...user.roles], disabled: false, passwordHash,
      ssoSubject: null, sessionEpoch: 0, version: 1, createdAt: deps.now, lastSignInAt: null,
    };
    await storage.createAccount(account, [{
      id: deps.newEventId(), userId: user.id, type: 'user.created', actorId: null, source: 'command', at: deps.now,
      changes: [{ path: 'roles', before: null, after: account.roles }, { path: 'demo', before: null, after: true }],
    }]);
  }
  return true;
}
