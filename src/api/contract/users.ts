// Demo identities and roles (R18). The chosen identity travels in the `X-User-Id` header.
import { z } from 'zod';
import { Id } from './primitives';
import { Role } from './policy-terms';

export const User = z.object({ id: Id, name: z.string().min(1).max(100), role: Role });
export type User = z.infer<typeof User>;
export const UserList = z.array(User);

export const USER_HEADER = 'X-User-Id';
