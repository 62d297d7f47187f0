// Who the client is acting as, and how this deployment lets a person sign in. zod/mini: in server
// mode the shell asks for the session before the first page renders (see scalars.ts).
import { z } from 'zod/mini';
import { Id } from './scalars';
import { User } from './users';

/**
 * `demo-picker`: the mock backend (MSW) takes whoever the top bar's demo picker names.
 * `development`: the server's development-only sign-in page lists the demo users (no password).
 * `none`: no way to sign in is configured (real sign-in is a later issue).
 */
export const SignInMethod = z.enum(['demo-picker', 'development', 'none']);
export type SignInMethod = z.infer<typeof SignInMethod>;

export const Session = z.object({ user: z.nullable(User), signIn: SignInMethod });
export type Session = z.infer<typeof Session>;

export const DevelopmentSignInInput = z.strictObject({ userId: Id });
export type DevelopmentSignInInput = z.infer<typeof DevelopmentSignInInput>;
