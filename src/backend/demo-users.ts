// The demo identities (R18): two analysts who build cases, two reviewers who decide them. Invented people.
import type { User } from '../api/contract/users';

export const DEMO_USERS: readonly User[] = [
  { id: 'ana', name: 'Ana Kovač', role: 'analyst' },
  { id: 'ben', name: 'Ben Osei', role: 'analyst' },
  { id: 'rui', name: 'Rui Takahashi', role: 'reviewer' },
  { id: 'sam', name: 'Samira Haddad', role: 'reviewer' },
];
