// Identities and roles (R18). With the mock backend the demo picker's identity travels in the
// `X-User-Id` header; the server never reads it (a signed session cookie says who is acting). zod/mini: the
// top bar lists them on the first page (see scalars.ts).
import { z } from 'zod/mini';
import { Id } from './scalars';
import { Role } from './policy-terms';

export const User = z.object({ id: Id, name: z.string().check(z.minLength(1), z.maxLength(100)), role: Role });
export type User = z.infer<typeof User>;
export const UserList = z.array(User);

export const USER_HEADER = 'X-User-Id';
