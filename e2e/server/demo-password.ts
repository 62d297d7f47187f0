// The demo accounts' password on the e2e server (DEMO_PASSWORD): the fixtures sign in with it.
export const E2E_DEMO_PASSWORD = 'harbour lanterns glow at dusk';

/** The demo people's user names, by the names the pages show. */
export const DEMO_LOGINS: Record<string, string> = {
  'Ana Kovač': 'ana',
  'Ben Osei': 'ben',
  'Rui Takahashi': 'rui',
  'Samira Haddad': 'sam',
  'Ada Lindqvist': 'ada',
};
