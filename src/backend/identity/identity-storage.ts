// The identity seam: accounts, set-password tokens, sessions, failed sign-ins and the directory's
// trail. The server stores them in SQL (src/server/storage/sql-identity-storage.ts); memory serves
// tests. One contract suite (identity-storage-contract-suite.ts) holds both to the same behaviour.
// The mock backend has no accounts (its demo picker names the user), so there is no IndexedDB one.
import type { UserEvent } from '../../api/contract/identity';
import type { WorkbenchRole } from '../../api/contract/users';
import type { Page } from '../storage';

export interface Account {
  id: string;
  /** Lower-case; unique. */
  login: string;
  name: string;
  roles: WorkbenchRole[];
  disabled: boolean;
  /** `scrypt$…` (password-hashing.ts), or null: no local password (invited, or single sign-on only). */
  passwordHash: string | null;
  /** `<issuer> <sub>` of the single sign-on identity this account is, or null. */
  ssoSubject: string | null;
  /**
   * Sessions carry the epoch they were made in; raising it ends them all at once (roles changed,
   * disabled, password set or reset, "sign out everywhere").
   */
  sessionEpoch: number;
  /** Compare-and-set: bumped by every update. */
  version: number;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface StoredSession {
  /** SHA-256 of the cookie's token, hex: a stolen table cannot be replayed as cookies. */
  tokenHash: string;
  userId: string;
  epoch: number;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end, whatever the activity. */
  expiresAt: string;
}

export type NewUserEvent = Omit<UserEvent, 'seq'>;

export type AccountWriteResult = { ok: true } | { ok: false; reason: 'conflict' | 'login-taken' | 'sso-taken' | 'missing' | 'last-admin' };

/** True for an account that can act as an admin now. */
export function isEnabledAdmin(account: Pick<Account, 'roles' | 'disabled'>): boolean {
  return account.roles.includes('admin') && !account.disabled;
}

export interface IdentityStorage {
  countAccounts(): Promise<number>;
  /** Everyone, by name then id. */
  listAccounts(): Promise<Account[]>;
  getAccount(id: string): Promise<Account | null>;
  findAccountByLogin(login: string): Promise<Account | null>;
  findAccountBySsoSubject(subject: string): Promise<Account | null>;
  /** Inserts `account` (version 1) with its events; refused when the id, login or SSO subject is taken. */
  createAccount(account: Account, events: NewUserEvent[]): Promise<AccountWriteResult>;
  /**
   * Stores `account` only when the stored version is `account.version - 1`, with its events, atomically.
   * With `keepAnAdmin`, refused (`last-admin`) when it would take the last enabled admin's role or
   * access away; checked under the write, so two admins demoting each other at once cannot both pass.
   */
  updateAccount(account: Account, events: NewUserEvent[], options?: { keepAnAdmin?: boolean }): Promise<AccountWriteResult>;
  /** Notes a successful sign-in's time without a version bump (it changes nothing anyone decided). */
  touchSignIn(userId: string, at: string): Promise<void>;

  /** Replaces the person's set-password token (one live link per person). */
  putPasswordToken(token: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  /** The user a live token belongs to (not used up), or null when unknown or expired at `now`. */
  passwordTokenUser(tokenHash: string, now: string): Promise<string | null>;
  /** Takes a token once: answers its user and deletes it, or null when unknown or expired at `now`. */
  takePasswordToken(tokenHash: string, now: string): Promise<string | null>;

  createSession(session: StoredSession): Promise<void>;
  findSession(tokenHash: string): Promise<StoredSession | null>;
  /** The session with its account, in one round trip: what every API request of the server asks. */
  findSessionWithAccount(tokenHash: string): Promise<{ session: StoredSession; account: Account } | null>;
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Drops sessions ended by time (absolute end before `now`, or idle since before `idleSince`). */
  deleteEndedSessions(now: string, idleSince: string): Promise<number>;

  /** One failed sign-in counted against each key (`login:…`, `address:…`). */
  recordSignInFailure(keys: readonly string[], at: string): Promise<void>;
  /** The key's failures since `since`, oldest first. */
  signInFailures(key: string, since: string): Promise<string[]>;
  clearSignInFailures(key: string): Promise<void>;
  /** Housekeeping: drops failures older than `before` (they no longer count); answers how many. */
  deleteSignInFailuresBefore(before: string): Promise<number>;

  /** The directory's trail, newest first, a page at a time. */
  queryUserEvents(query: { page: number; pageSize: number; userId?: string | undefined }): Promise<Page<UserEvent>>;
}
