// Who is using the app, in which language and theme: the only app-wide client state. One store per
// provider (createStore + context), so each test renders with its own fresh store.
import { createContext, useContext } from 'react';
import { z } from 'zod/mini';
import { createStore, useStore, type StoreApi } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import { LANGUAGES, type Language } from '../i18n/locale-shape';

// zod/mini: this is read before the first render (see api/contract/scalars.ts).
const PersistedSession = z.object({
  userId: z.catch(z.nullable(z.string().check(z.minLength(1), z.maxLength(64))), null),
  language: z.catch(z.enum(LANGUAGES), 'en'),
  colorMode: z.catch(z.enum(['light', 'dark']), 'light'),
});
type PersistedSession = z.infer<typeof PersistedSession>;

export interface SessionState extends PersistedSession {
  setUserId: (userId: string) => void;
  setLanguage: (language: Language) => void;
  toggleColorMode: () => void;
}

export const SESSION_STORAGE_KEY = 'cha.session';
export const DEFAULT_USER_ID = 'ana';

export function createSessionStore(initial?: Partial<PersistedSession>): StoreApi<SessionState> {
  return createStore<SessionState>()(
    persist(
      (set) => ({
        userId: DEFAULT_USER_ID,
        language: 'en',
        colorMode: 'light',
        ...initial,
        setUserId: (userId) => set({ userId }),
        setLanguage: (language) => set({ language }),
        toggleColorMode: () => set((s) => ({ colorMode: s.colorMode === 'light' ? 'dark' : 'light' })),
      }),
      {
        name: SESSION_STORAGE_KEY,
        storage: createJSONStorage(() => localStorage),
        partialize: ({ userId, language, colorMode }) => ({ userId, language, colorMode }),
        // Persisted state is input too: parse it, and fall back field by field.
        merge: (persisted, current) => {
          const parsed = z.partial(PersistedSession).safeParse(persisted ?? {});
          const valid = parsed.success ? parsed.data : {};
          const present = Object.fromEntries(Object.entries(valid).filter(([, value]) => value !== undefined));
          return { ...current, ...present };
        },
      },
    ),
  );
}

export const SessionStoreContext = createContext<StoreApi<SessionState> | null>(null);

export function useSession<T>(selector: (state: SessionState) => T): T {
  const store = useContext(SessionStoreContext);
  if (!store) throw new Error('useSession needs a SessionStoreContext provider');
  return useStore(store, selector);
}
