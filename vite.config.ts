/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { APP_SHELL_WORKER_SOURCES } from './src/app/app-shell-paths.ts';

export default defineConfig({
  plugins: [
    react(),
    // The app shell's service worker (precache of the build's files, index.html for app routes), built
    // from our own source (injectManifest) because `--mode msw` builds need MSW's worker in the same
    // one. Builds only: under `vite` (dev) the modules change with every edit and MSW's worker runs
    // alone (README, decisions).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: APP_SHELL_WORKER_SOURCES.production,
      integration: {
        configureOptions: (config, options) => {
          if (config.mode === 'msw') options.filename = APP_SHELL_WORKER_SOURCES.msw;
        },
      },
      injectRegister: false, // src/app/register-app-shell-worker.ts and MSW register it
      manifest: false, // offline use, not installation: no web app manifest
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // MSW's script is imported by the msw worker itself (and unused in production).
        globIgnores: ['mockServiceWorker.js'],
      },
    }),
  ],
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
