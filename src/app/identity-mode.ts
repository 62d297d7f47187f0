// How this build learns who the user is. `demo-picker`: the mock backend (npm run dev, msw builds,
// UI tests) takes whoever the top bar's picker names. `server-session`: the workbench server's signed
// session says who is signed in; the top bar shows that person and a sign-out button.
import { createContext, useContext } from 'react';

export type IdentityMode = 'demo-picker' | 'server-session';

export const IdentityModeContext = createContext<IdentityMode>('demo-picker');

export function useIdentityMode(): IdentityMode {
  return useContext(IdentityModeContext);
}
