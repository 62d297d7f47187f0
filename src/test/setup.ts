// Vitest set-up: jest-dom matchers, and any console.error fails the test (ARCHITECTURE.md rule 5).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

const consoleErrors: unknown[][] = [];

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});

afterEach(() => {
  cleanup();
  if (consoleErrors.length > 0) {
    const messages = consoleErrors.map((args) => args.map(String).join(' ')).join('\n');
    consoleErrors.length = 0;
    throw new Error(`console.error was called during the test:\n${messages}`);
  }
});
