// UI tests talk to the real mock backend (MSW node server over the rules module), fresh per test;
// a request no handler knows fails the test.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetMockBackend, server, setMockNow } from '../mocks/node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  setMockNow(null);
  await resetMockBackend();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
