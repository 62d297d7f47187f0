// Accounts, sign-in and user administration (issue 11): the wire shapes of the server's local
// accounts, set-password links, the signed-in user's own sessions and password, and the admin's
// directory with its trail. The mock backend (MSW) has no accounts: its demo picker names the user.
import { z } from 'zod';
import { FieldChange } from './audit';
import { Id, UtcTimestamp } from './scalars';
import { Roles } from './users';

/** What people type as their user name, and their id in the trail: lower-case letters, digits, dash, underscore. */
export const Login = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'login.tooShort')
  .max(64, 'login.tooLong')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'login.invalid');

const PersonName = z.string().trim().min(1, 'name.required').max(100, 'name.tooLong');

/**
 * A password as typed: never trimmed (spaces count), any characters, bounded so the hash cannot be
 * made expensive; the policy (length, common passwords) is the backend's, not the schema's.
 */
const TypedPassword = z.string().max(1024, 'password.tooLong');

export const PasswordSignInInput = z.strictObject({ login: z.string().trim().toLowerCase().min(1, 'login.required').max(200), password: TypedPassword.min(1, 'password.required') });
export type PasswordSignInInput = z.input<typeof PasswordSignInInput>;

/** A set-password link's token (from an invitation or a reset) and the new password. */
export const SetPasswordInput = z.strictObject({ token: z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/), password: TypedPassword });
export type SetPasswordInput = z.input<typeof SetPasswordInput>;

export const ChangePasswordInput = z.strictObject({ currentPassword: TypedPassword.min(1, 'password.required'), newPassword: TypedPassword });
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

/** A person in the admin's directory. */
export const DirectoryUser = z.object({
  id: Id,
  login: z.string(),
  name: z.string(),
  roles: Roles,
  disabled: z.boolean(),
  /** Has set a password (local sign-in works); false while an invitation is pending. */
  hasPassword: z.boolean(),
  /** Signs in through the organisation's single sign-on. */
  singleSignOn: z.boolean(),
  createdAt: UtcTimestamp,
  lastSignInAt: z.nullable(UtcTimestamp),
});
export type DirectoryUser = z.infer<typeof DirectoryUser>;
export const DirectoryUserList = z.array(DirectoryUser);

export const NewUserInput = z.strictObject({ login: Login, name: PersonName, roles: Roles });
export type NewUserInput = z.input<typeof NewUserInput>;

export const RolesInput = z.strictObject({ roles: Roles });
export type RolesInput = z.input<typeof RolesInput>;

export const UserIdParams = z.strictObject({ userId: Id });

/**
 * A single-use set-password link for a new or reset account, shown once to the admin (or printed by
 * `npm run users`). The token goes in the link's fragment (`/set-password#token=…`), so it never
 * reaches a server log or a Referer header.
 */
export const SetPasswordLink = z.object({ user: DirectoryUser, token: z.string(), expiresAt: UtcTimestamp });
export type SetPasswordLink = z.infer<typeof SetPasswordLink>;

export const UserEventType = z.enum([
  'user.created',
  'user.roles-changed',
  'user.disabled',
  'user.enabled',
  'user.password-link',
  'user.password-set',
  'user.signed-out-everywhere',
]);
export type UserEventType = z.infer<typeof UserEventType>;

/** Who made a change to a person's account: an admin in the app, the `users` command, single sign-on's claims, or the person. */
export const UserEventSource = z.enum(['admin', 'command', 'single-sign-on', 'self']);
export type UserEventSource = z.infer<typeof UserEventSource>;

/** The directory's own append-only trail (R19 covers cases; this covers who may act on them). */
export const UserEvent = z.object({
  seq: z.number().int().min(1),
  id: Id,
  userId: Id,
  type: UserEventType,
  /** The admin or the person who acted; null for the `users` command and single sign-on. */
  actorId: z.nullable(Id),
  source: UserEventSource,
  at: UtcTimestamp,
  changes: z.array(FieldChange),
});
export type UserEvent = z.infer<typeof UserEvent>;

export const UserEventQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  userId: z.optional(Id),
});
export type UserEventQuery = z.input<typeof UserEventQuery>;

export const UserEventPage = z.object({
  items: z.array(UserEvent),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UserEventPage = z.infer<typeof UserEventPage>;
