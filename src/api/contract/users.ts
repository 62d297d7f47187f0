// Identities and roles (R18). With the mock backend the demo picker's identity travels in the
// `X-User-Id` header; the server never reads it (its session cookie says who is acting). zod/mini: the
// top bar lists them on the first page (see scalars.ts).
import { z } from 'zod/mini';
import { ROLES } from '../../engine/policy-terms';
import { Id } from './scalars';

/**
 * The policy's roles (R18: analysts propose, reviewers decide) and the workbench's own `admin`, who
 * manages people and reads the audit trail but holds no case role unless given one as well.
 */
export const WORKBENCH_ROLES = [...ROLES, 'admin'] as const;
export type WorkbenchRole = (typeof WORKBENCH_ROLES)[number];
export const WorkbenchRole = z.enum(WORKBENCH_ROLES);

/** A person's roles: at least one, each once, in the order of WORKBENCH_ROLES. */
export const Roles = z.pipe(
  z.array(WorkbenchRole).check(z.minLength(1, 'roles.none'), z.maxLength(WORKBENCH_ROLES.length)),
  z.transform((roles: WorkbenchRole[]) => WORKBENCH_ROLES.filter((role) => roles.includes(role))),
);

export const User = z.object({ id: Id, name: z.string().check(z.minLength(1), z.maxLength(100)), roles: Roles });
export type User = z.infer<typeof User>;
export const UserList = z.array(User);

export function hasRole(user: Pick<User, 'roles'> | null | undefined, role: WorkbenchRole): boolean {
  return user?.roles.includes(role) ?? false;
}

export const USER_HEADER = 'X-User-Id';

/** The id an automatic re-application is recorded under (R15: "applied by the system"); nobody signs in as it. */
export const SYSTEM_ACTOR_ID = 'system';
