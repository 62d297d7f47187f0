/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // No modulepreload polyfill: without modulepreload (Safari < 17, Firefox < 115) chunks still load, a
    // little later.
    modulePreload: { polyfill: false },
    // Everything the entry imports statically goes in one chunk. Left alone, Rolldown splits it into
    // chunks shared with lazy routes, and the first page then paid for the split: export lists between
    // them and gzip working per file (about 4 kB gzip; scripts/check-bundle.mjs).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] } } },
  },
  test: {
    restoreMocks: true,
    testTimeout: 20_000,
    // Three projects: pure code runs in Node; the server's tests run in Node beside one PostgreSQL
    // cluster (started once per run by the global set-up; the run fails if it cannot start); UI runs
    // in jsdom against the MSW node server.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: ['src/features/**', 'src/app/**', 'src/components/**', 'src/server/**'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/server/**/*.test.ts'],
          setupFiles: ['src/test/setup.ts'],
          globalSetup: ['src/server/testing/postgres-global-setup.ts'],
          // PGlite's first start (WebAssembly, initdb) takes seconds on a busy machine.
          hookTimeout: 120_000,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/features/**/*.test.{ts,tsx}', 'src/app/**/*.test.{ts,tsx}', 'src/components/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts', 'src/test/setup-msw.ts'],
        },
      },
    ],
  },
});
