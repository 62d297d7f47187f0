// The rules of accounts and sign-in (issue 11), called by the backend's endpoints and by the
// server's single sign-on and `users` command, so each rule is written once: the password policy,
// throttling of failed sign-ins, generic refusals, set-password links, last-admin protection, and
// the directory's trail. Hashing, tokens and randomness come in as dependencies (node:crypto on the
// server), so this module stays plain TypeScript.
import type { DirectoryUser, NewUserInput, SetPasswordLink, UserEventSource } from '../../api/contract/identity';
import type { FieldChange } from '../../api/contract/audit';
import type { User, WorkbenchRole } from '../../api/contract/users';
import { ApiFailure } from '../backend-errors';
import type { Account, IdentityStorage, NewUserEvent } from './identity-storage';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
}

export interface ThrottlePolicy {
  /** Failed sign-ins per user name within the window before it is refused for the rest of the window. */
  perAccount: number;
  /** Failed sign-ins per client address within the window. */
  perAddress: number;
  windowMs: number;
}

export interface IdentityDeps {
  storage: IdentityStorage;
  passwords: PasswordHasher;
  /** True for a password found in a list of common passwords (compared case-insensitively). */
  isCommonPassword: (password: string) => boolean;
  /** An unguessable token (set-password links, session cookies). */
  newToken: () => string;
  /** The token as stored: a one-way hash, so a copy of the table is not a set of working links. */
  hashToken: (token: string) => string;
  newEventId: () => string;
  /** The single sign-on button's label, when OpenID Connect is configured. */
  singleSignOn: { label: string } | null;
  throttle?: ThrottlePolicy;
  setPasswordLinkTtlMs?: number;
}

export const MIN_PASSWORD_LENGTH = 12;
export const DEFAULT_THROTTLE: ThrottlePolicy = { perAccount: 5, perAddress: 50, windowMs: 15 * 60_000 };
export const DEFAULT_SET_PASSWORD_LINK_TTL_MS = 72 * 3_600_000;

/** What sign-in hands the transport to keep: the person and the session epoch it belongs to. */
export interface SessionGrant {
  userId: string;
  epoch: number;
}

/** Who acts on the directory, and through what. */
export interface DirectoryActor {
  actorId: string | null;
  source: UserEventSource;
}

const WRONG_CREDENTIALS = 'The user name or password is not right.';

export function toUser(account: Account): User {
  return { id: account.id, name: account.name, roles: account.roles };
}

export function toDirectoryUser(account: Account): DirectoryUser {
  return {
    id: account.id,
    login: account.login,
    name: account.name,
    roles: account.roles,
    disabled: account.disabled,
    hasPassword: account.passwordHash !== null,
    singleSignOn: account.ssoSubject !== null,
    createdAt: account.createdAt,
    lastSignInAt: account.lastSignInAt,
  };
}

/** The message keys of what is wrong with a new password (empty when it is acceptable). */
export function passwordProblems(password: string, person: { login: string; name: string }, isCommon: (password: string) => boolean): string[] {
  const problems: string[] = [];
  // Counted in characters as people see them (code points), not UTF-16 units.
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push('password.tooShort');
  const lower = password.toLowerCase();
  if (isCommon(password)) problems.push('password.common');
  else if (/^(.)\1+$/u.test(password)) problems.push('password.common');
  const nameParts = [person.login, ...person.name.toLowerCase().split(/\s+/)].filter((part) => part.length >= 3);
  if (nameParts.some((part) => lower.includes(part))) problems.push('password.containsName');
  return problems;
}

/** Ends every session of the person (their epoch moves on) along with the change. */
function bumped(account: Account, change: Partial<Account>): Account {
  return { ...account, ...change, version: account.version + 1, sessionEpoch: account.sessionEpoch + 1 };
}

function minutesUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 60_000));
}

export function createIdentityRules(deps: IdentityDeps) {
  const { storage } = deps;
  const throttle = deps.throttle ?? DEFAULT_THROTTLE;
  const linkTtl = deps.setPasswordLinkTtlMs ?? DEFAULT_SET_PASSWORD_LINK_TTL_MS;
  // Verified against when the user name is unknown, so an unknown name takes as long as a wrong password.
  let decoy: Promise<string> | null = null;

  function event(account: Account, type: NewUserEvent['type'], actor: DirectoryActor, at: string, changes: FieldChange[] = []): NewUserEvent {
    return { id: deps.newEventId(), userId: account.id, type, actorId: actor.actorId, source: actor.source, at, changes };
  }

  async function loadAccount(userId: string): Promise<Account> {
    const account = await storage.getAccount(userId);
    if (!account) throw new ApiFailure('not-found', `No user ${userId}.`);
    return account;
  }

  /** Stores a change; an admin's change never leaves the workbench without an enabled admin. */
  async function save(next: Account, events: NewUserEvent[], options: { keepAnAdmin?: boolean } = {}): Promise<Account> {
    const result = await storage.updateAccount(next, events, options);
    if (result.ok) return next;
    if (result.reason === 'missing') throw new ApiFailure('not-found', `No user ${next.id}.`);
    if (result.reason === 'last-admin') {
      throw new ApiFailure('invalid-transition', `${next.name} is the only admin: give someone else the admin role first.`);
    }
    throw new ApiFailure('invalid-transition', 'Someone changed this account in the meantime. Reload the list and try again.');
  }

  function checkPassword(password: string, account: Pick<Account, 'login' | 'name'>, field: string): void {
    const problems = passwordProblems(password, account, deps.isCommonPassword);
    if (problems.length > 0) {
      throw new ApiFailure('validation', `The password is not acceptable: ${problems.join(', ')}.`, {
        fieldErrors: problems.map((message) => ({ path: field, message })),
      });
    }
  }

  async function newLink(account: Account, now: string): Promise<{ token: string; expiresAt: string }> {
    const token = deps.newToken();
    const expiresAt = new Date(Date.parse(now) + linkTtl).toISOString();
    await storage.putPasswordToken({ tokenHash: deps.hashToken(token), userId: account.id, expiresAt });
    return { token, expiresAt };
  }

  async function refuseWhileThrottled(keys: { account: string; address: string | null }, now: string): Promise<void> {
    const nowMs = Date.parse(now);
    const since = new Date(nowMs - throttle.windowMs).toISOString();
    const checks: Array<[string, number, string]> = [[keys.account, throttle.perAccount, 'this user name']];
    if (keys.address !== null) checks.push([keys.address, throttle.perAddress, 'this address']);
    for (const [key, limit, what] of checks) {
      const failures = await storage.signInFailures(key, since);
      if (failures.length >= limit) {
        // Open again once the oldest failure that counts leaves the window.
        const until = Date.parse(failures[failures.length - limit] ?? now) + throttle.windowMs;
        const minutes = minutesUntil(until, nowMs);
        throw new ApiFailure(
          'rate-limited',
          `Too many failed sign-ins for ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          { retryAfterSeconds: Math.ceil((until - nowMs) / 1000) },
        );
      }
    }
  }

  async function verifyOrDecoy(account: Account | null, password: string): Promise<boolean> {
    if (account && !account.disabled && account.passwordHash !== null) return deps.passwords.verify(password, account.passwordHash);
    decoy ??= deps.passwords.hash('decoy password that no account has');
    await deps.passwords.verify(password, await decoy);
    return false;
  }

  return {
    /** The local password sign-in: throttled per user name and per address; one refusal for every wrong case. */
    async signInWithPassword(input: { login: string; password: string }, address: string | null, now: string): Promise<SessionGrant> {
      const keys = { account: `login:${input.login}`, address: address === null ? null : `address:${address}` };
      await refuseWhileThrottled(keys, now);
      const account = await storage.findAccountByLogin(input.login);
      if (!(await verifyOrDecoy(account, input.password)) || !account) {
        await storage.recordSignInFailure(keys.address === null ? [keys.account] : [keys.account, keys.address], now);
        throw new ApiFailure('unauthenticated', WRONG_CREDENTIALS, { fieldErrors: [{ path: '', message: 'signIn.wrong' }] });
      }
      await storage.clearSignInFailures(keys.account);
      await storage.touchSignIn(account.id, now);
      return { userId: account.id, epoch: account.sessionEpoch };
    },

    /** A set-password link's token and a new password: the password is set and the person signed in. */
    async setPasswordWithToken(input: { token: string; password: string }, now: string): Promise<SessionGrant> {
      const tokenHash = deps.hashToken(input.token);
      const invalid = new ApiFailure(
        'unauthenticated',
        'This set-password link does not work any more: it was used, replaced by a newer one, or it expired. Ask an admin for a new link.',
        { fieldErrors: [{ path: '', message: 'setPassword.invalidLink' }] },
      );
      const userId = await storage.passwordTokenUser(tokenHash, now);
      const account = userId === null ? null : await storage.getAccount(userId);
      if (!account || account.disabled) throw invalid;
      // Checked before the link is used up, so a refused password leaves the link working.
      checkPassword(input.password, account, 'password');
      if ((await storage.takePasswordToken(tokenHash, now)) !== account.id) throw invalid;
      const next = bumped(account, { passwordHash: await deps.passwords.hash(input.password), lastSignInAt: now });
      await save(next, [event(next, 'user.password-set', { actorId: account.id, source: 'self' }, now, [
        { path: 'password', before: account.passwordHash === null ? 'none' : 'set', after: 'set' },
      ])]);
      return { userId: next.id, epoch: next.sessionEpoch };
    },

    /** The signed-in person's own password; other sessions end, this one goes on with a fresh grant. */
    async changePassword(user: User, input: { currentPassword: string; newPassword: string }, address: string | null, now: string): Promise<SessionGrant> {
      const account = await loadAccount(user.id);
      const keys = { account: `login:${account.login}`, address: address === null ? null : `address:${address}` };
      await refuseWhileThrottled(keys, now);
      if (!(await verifyOrDecoy(account, input.currentPassword))) {
        await storage.recordSignInFailure(keys.address === null ? [keys.account] : [keys.account, keys.address], now);
        throw new ApiFailure('validation', 'The current password is not right.', { fieldErrors: [{ path: 'currentPassword', message: 'password.wrong' }] });
      }
      checkPassword(input.newPassword, account, 'newPassword');
      const next = bumped(account, { passwordHash: await deps.passwords.hash(input.newPassword) });
      await save(next, [event(next, 'user.password-set', { actorId: account.id, source: 'self' }, now, [{ path: 'password', before: 'set', after: 'set' }])]);
      return { userId: next.id, epoch: next.sessionEpoch };
    },

    async signOutEverywhere(user: User, now: string): Promise<void> {
      const account = await loadAccount(user.id);
      const next = bumped(account, {});
      await save(next, [event(next, 'user.signed-out-everywhere', { actorId: user.id, source: 'self' }, now)]);
    },

    /**
     * Single sign-on: the provider vouched for `subject`; its claims give the name and the roles.
     * The account is made on first sign-in and its roles follow the claims at every sign-in (a
     * change is recorded and ends the person's other sessions).
     */
    async signInWithSingleSignOn(claims: { subject: string; id: string; name: string; roles: WorkbenchRole[] }, now: string): Promise<SessionGrant> {
      const actor: DirectoryActor = { actorId: null, source: 'single-sign-on' };
      const existing = await storage.findAccountBySsoSubject(claims.subject);
      if (existing?.disabled) throw new ApiFailure('forbidden', 'This account is disabled. Ask an admin of the workbench.');
      if (claims.roles.length === 0) {
        throw new ApiFailure('forbidden', 'Your organisation has given you no role in the workbench (analyst, reviewer or admin). Ask your administrator.');
      }
      if (!existing) {
        const account: Account = {
          id: claims.id, login: claims.id, name: claims.name, roles: claims.roles, disabled: false, passwordHash: null,
          ssoSubject: claims.subject, sessionEpoch: 0, version: 1, createdAt: now, lastSignInAt: now,
        };
        const result = await storage.createAccount(account, [event(account, 'user.created', actor, now, [
          { path: 'name', before: null, after: account.name },
          { path: 'roles', before: null, after: account.roles },
        ])]);
        if (!result.ok) throw new ApiFailure('invalid-transition', 'An account with this name exists already; ask an admin to link it.');
        return { userId: account.id, epoch: account.sessionEpoch };
      }
      const rolesChanged = existing.roles.join() !== claims.roles.join();
      const nameChanged = existing.name !== claims.name;
      if (!rolesChanged && !nameChanged) {
        await storage.touchSignIn(existing.id, now);
        return { userId: existing.id, epoch: existing.sessionEpoch };
      }
      const changes: FieldChange[] = [];
      if (rolesChanged) changes.push({ path: 'roles', before: existing.roles, after: claims.roles });
      if (nameChanged) changes.push({ path: 'name', before: existing.name, after: claims.name });
      const next = rolesChanged
        ? bumped(existing, { roles: claims.roles, name: claims.name, lastSignInAt: now })
        : { ...existing, name: claims.name, lastSignInAt: now, version: existing.version + 1 };
      await save(next, [event(next, 'user.roles-changed', actor, now, changes)]);
      return { userId: next.id, epoch: next.sessionEpoch };
    },

    // ----------------------------------------------------------------- administration

    async listDirectory(): Promise<DirectoryUser[]> {
      return (await storage.listAccounts()).map(toDirectoryUser);
    },

    async createUser(input: NewUserInput & { roles: WorkbenchRole[] }, actor: DirectoryActor, now: string): Promise<SetPasswordLink> {
      const account: Account = {
        id: input.login, login: input.login, name: input.name, roles: input.roles, disabled: false, passwordHash: null,
        ssoSubject: null, sessionEpoch: 0, version: 1, createdAt: now, lastSignInAt: null,
      };
      const result = await storage.createAccount(account, [
        event(account, 'user.created', actor, now, [
          { path: 'login', before: null, after: account.login },
          { path: 'name', before: null, after: account.name },
          { path: 'roles', before: null, after: account.roles },
        ]),
        event(account, 'user.password-link', actor, now),
      ]);
      if (!result.ok) {
        throw new ApiFailure('validation', `The user name ${input.login} is taken.`, { fieldErrors: [{ path: 'login', message: 'login.taken' }] });
      }
      return { user: toDirectoryUser(account), ...(await newLink(account, now)) };
    },

    async changeRoles(userId: string, roles: WorkbenchRole[], actor: DirectoryActor, now: string): Promise<DirectoryUser> {
      const account = await loadAccount(userId);
      if (account.roles.join() === roles.join()) return toDirectoryUser(account);
      const next = bumped(account, { roles });
      await save(next, [event(next, 'user.roles-changed', actor, now, [{ path: 'roles', before: account.roles, after: roles }])], { keepAnAdmin: true });
      return toDirectoryUser(next);
    },

    async disableUser(userId: string, actor: DirectoryActor, now: string): Promise<DirectoryUser> {
      const account = await loadAccount(userId);
      if (account.disabled) return toDirectoryUser(account);
      if (actor.actorId === account.id) throw new ApiFailure('invalid-transition', 'You cannot disable your own account; ask another admin.');
      const next = bumped(account, { disabled: true });
      await save(next, [event(next, 'user.disabled', actor, now, [{ path: 'disabled', before: false, after: true }])], { keepAnAdmin: true });
      return toDirectoryUser(next);
    },

    async enableUser(userId: string, actor: DirectoryActor, now: string): Promise<DirectoryUser> {
      const account = await loadAccount(userId);
      if (!account.disabled) return toDirectoryUser(account);
      const next = { ...account, disabled: false, version: account.version + 1 };
      await save(next, [event(next, 'user.enabled', actor, now, [{ path: 'disabled', before: true, after: false }])]);
      return toDirectoryUser(next);
    },

    /** A new set-password link; the old password stops working and the person's sessions end. */
    async resetPassword(userId: string, actor: DirectoryActor, now: string): Promise<SetPasswordLink> {
      const account = await loadAccount(userId);
      if (account.ssoSubject !== null && account.passwordHash === null) {
        throw new ApiFailure('invalid-transition', `${account.name} signs in with single sign-on; the password is kept by your organisation.`);
      }
      const next = bumped(account, { passwordHash: null });
      await save(next, [event(next, 'user.password-link', actor, now, [{ path: 'password', before: account.passwordHash === null ? 'none' : 'set', after: 'none' }])]);
      return { user: toDirectoryUser(next), ...(await newLink(next, now)) };
    },
  };
}

export type IdentityRules = ReturnType<typeof createIdentityRules>;
