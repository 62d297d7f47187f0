// Who the client is acting as, and how this deployment lets a person sign in. zod/mini: in server
// mode the shell asks for the session before the first page renders (see scalars.ts).
import { z } from 'zod/mini';
import { User } from './users';

/**
 * `demo-picker`: the mock backend (MSW) takes whoever the top bar's demo identity picker names.
 * `accounts`: the server's sign-in: local accounts with passwords, and single sign-on when configured.
 */
export const SignInMethod = z.enum(['demo-picker', 'accounts']);
export type SignInMethod = z.infer<typeof SignInMethod>;

export const Session = z.object({
  user: z.nullable(User),
  signIn: SignInMethod,
  /** The organisation's OpenID Connect sign-in, when configured: the button says "Sign in with <label>". */
  singleSignOn: z._default(z.nullable(z.object({ label: z.string() })), null),
});
export type Session = z.infer<typeof Session>;
