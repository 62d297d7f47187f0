// The demo identities (R18): two analysts who build cases, two reviewers who decide them. Invented people.
import type { User } from '../api/contract/users';

export const DEMO_USERS: readonly User[] = [
  { id: 'ana', name: 'Ana Kovač', roles: ['analyst'] },
  { id: 'ben', name: 'Ben Osei', roles: ['analyst'] },
  { id: 'rui', name: 'Rui Takahashi', roles: ['reviewer'] },
  { id: 'sam', name: 'Samira Haddad', roles: ['reviewer'] },
];
