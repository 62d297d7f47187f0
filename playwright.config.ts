import { defineConfig, devices } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from './e2e/server/demo-password';

// E2E_PORT lets two checkouts on one machine run their suites at once; the server project's port
// follows it unless E2E_SERVER_PORT says otherwise.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SERVER_PORT = Number(process.env.E2E_SERVER_PORT ?? PORT + 4000);
/** The msw build's folder: one per port, so two runs on one machine do not empty each other's. */
const MSW_OUT_DIR = process.env.E2E_PORT === undefined ? 'dist-e2e' : `dist-e2e-${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // One browser at a time in CI: with two, and the server project's process beside them, 10-second
  // expectations timed out on this 2-core machine (the workbench axe walk, the 31-day expiry journey).
  workers: process.env.CI ? 1 : 2,
  // No retries: a journey that fails once is a defect to find. The contrast check that failed
  // mid-transition reads final colours now (reducedMotion below), and three full CI runs in a row
  // passed 30 of 30 on their first try.
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    // As a user who asked the system for less motion: the theme then has no transitions (theme.ts), so
    // axe reads a control's final colours, never a colour half-way through a transition.
    reducedMotion: 'reduce',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The app with its mock backend (MSW in the page), as `npm run dev` runs it.
    { name: 'msw', testIgnore: 'server/**', use: { baseURL: `http://localhost:${PORT}` } },
    // The app against the real server (`npm start` on PGlite), signed in with the demo accounts' password.
    {
      name: 'server',
      testMatch: 'server/**/*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${SERVER_PORT}` },
      // Two browsers and a database on a shared two-core machine: more room than the mock backend needs.
      timeout: 180_000,
      expect: { timeout: 20_000 },
    },
  ],
  webServer: [
    {
      // The msw-mode production build: the same handlers as dev and Vitest, served by `vite preview`.
      // A folder of its own: a benchmark rebuilding dist-msw mid-run removed the service worker script.
      command: `npx vite build --mode msw --outDir ${MSW_OUT_DIR} --emptyOutDir && npx vite preview --mode msw --outDir ${MSW_OUT_DIR} --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
    },
    {
      // The production build served by the workbench server on a fresh temporary database.
      command: `npx tsx scripts/e2e-server.ts`,
      url: `http://127.0.0.1:${SERVER_PORT}/readyz`,
      env: {
        PORT: String(SERVER_PORT), HOST: '127.0.0.1', DEMO_PASSWORD: E2E_DEMO_PASSWORD,
        // Like the msw build: a folder per port when E2E_PORT is given.
        ...(process.env.E2E_PORT === undefined ? {} : { STATIC_DIR: `dist-e2e-server-${SERVER_PORT}` }),
      },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
