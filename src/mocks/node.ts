// The mock backend under Node (feature integration tests): MSW's server over in-memory storage,
// seeded with the demo data, with a clock tests can set.
import { setupServer } from 'msw/node';
import { evaluate } from '../engine/evaluate';
import { createBackend, randomId } from '../backend/backend';
import { buildDemoSeed } from '../backend/demo-data';
import { createMemoryStorage } from '../backend/memory-storage';
import { createHandlers } from './handlers';

let fixedNow: string | null = null;

/** The backend's clock: the real time unless a test fixed it with `setMockNow`. */
const now = (): string => fixedNow ?? new Date().toISOString();

export const mockStorage = createMemoryStorage();

export const mockBackend = createBackend({
  storage: mockStorage,
  now,
  evaluate,
  newId: randomId,
  seed: () => buildDemoSeed({ now: now(), evaluate }),
});

export const server = setupServer(...createHandlers(mockBackend));

/** Fixes the backend's clock at an instant (UTC ISO), or back to real time with `null`. */
export function setMockNow(instant: string | null): void {
  fixedNow = instant;
}

/** Drops all data and reseeds the demo data (call in `beforeEach` so tests don't share state). */
export async function resetMockBackend(): Promise<void> {
  await mockBackend.reset();
}
