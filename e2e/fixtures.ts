// Shared Playwright fixtures. By default a test gets one browser context whose mock backend persists
// in that context's IndexedDB (as in `npm run dev`). Tests that need several users at once call
// `openAs(userId)`: each call opens a new context wired to one Node-side store for the test, so the
// contexts act as users of one server (src/backend/bridge-storage.ts).
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Download, type Locator, type Page } from '@playwright/test';
import { createStorageBridgeHost } from '../src/backend/bridge-storage';
import { createMemoryStorage } from '../src/backend/memory-storage';
import { SESSION_STORAGE_KEY } from '../src/app/session-store';

export { expect };

/** Persisted zustand session as the app reads it; set only when the context has none yet. */
function seedSession({ key, userId }: { key: string; userId: string }) {
  try {
    if (!window.localStorage.getItem(key)) {
      window.localStorage.setItem(key, JSON.stringify({ state: { userId, language: 'en', colorMode: 'light' }, version: 0 }));
    }
  } catch {
    // Chrome's own error pages (e.g. offline) have no storage; nothing to seed there.
  }
}

export interface Fixtures {
  /** Opens a page as `userId` in a new context that shares this test's backend store. */
  openAs: (userId: string, path?: string) => Promise<Page>;
  /** Fails the test on any uncaught exception in a page. */
  failOnPageError: void;
}

export const test = base.extend<Fixtures>({
  context: async ({ context }, use) => {
    await context.addInitScript(seedSession, { key: SESSION_STORAGE_KEY, userId: 'ana' });
    await use(context);
  },
  openAs: async ({ browser, baseURL }, use) => {
    const storage = createMemoryStorage();
    const host = createStorageBridgeHost(storage);
    const contexts: BrowserContext[] = [];
    await use(async (userId, path = '/cases') => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      await context.exposeFunction('__chaSharedStore', host);
      await context.addInitScript(seedSession, { key: SESSION_STORAGE_KEY, userId });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(path);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  failOnPageError: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use();
      expect(errors, 'uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** axe with WCAG 2.0/2.1/2.2 A and AA rules; serious and critical violations fail. */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  expect(blocking, `axe violations on ${label}`).toEqual([]);
}

/** Waits until the mock backend's service worker controls the page. */
export async function waitForMockBackend(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller && window.__chaMsw));
}

/**
 * Waits until the app shell's precache is complete (index.html goes in last), so the page works
 * offline: msw builds fill it beside the app, after the worker activates (src/app/app-shell-worker.ts).
 */
export async function waitForAppShellCache(page: Page): Promise<void> {
  // Polled from here: waitForFunction takes the promise an async predicate returns as truthy at once,
  // so it never waited (the offline reload then met an empty cache, issue 14 defect 9).
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match('/index.html'))), { timeout: 30_000, message: 'the app shell is cached for offline use' })
    .toBe(true);
}

/**
 * Four eyes (R18) seen from the analyst who submitted the case: the reviewer's page explains why she
 * cannot decide, and the backend refuses her approval whatever the page claims (`claimedUserId` goes
 * in `X-User-Id`: the mock backend's identity, a forged header the server must ignore).
 */
export async function expectOwnApprovalRefused(page: Page, caseId: string, claimedUserId: string): Promise<void> {
  await page.goto(`/review/${caseId}`);
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.getByTestId('four-eyes-explanation')).toContainText('you submitted this case');
  await expect(decision.getByRole('button', { name: 'Record the decision' })).toBeDisabled();
  await checkA11y(page, '/review/:caseId (four eyes)');
  const refusal = await page.evaluate(
    async ({ id, userId }) => {
      const current = (await (await fetch(`/api/cases/${id}`, { headers: { 'X-User-Id': userId } })).json()) as { version: number };
      const response = await fetch(`/api/cases/${id}/decision`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-User-Id': userId, 'If-Match': `"${current.version}"` },
        body: JSON.stringify({ decision: 'approve', rationale: 'My own case.', overrideJustification: null }),
      });
      return { status: response.status, body: (await response.json()) as { code: string; message: string } };
    },
    { id: caseId, userId: claimedUserId },
  );
  expect(refusal.status).toBe(403);
  expect(refusal.body.code).toBe('forbidden');
  expect(refusal.body.message).toContain('R18');
}

/** The page is no wider than the window; on failure, names the elements that stick out. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => {
    const width = window.innerWidth;
    // Inside a frame of its own that scrolls or clips (a wide table's container), an element may be wide.
    // oxlint-disable-next-line consistent-function-scoping -- runs in the page: page.evaluate sends this function's source only
    const framed = (element: HTMLElement): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const out = [...document.querySelectorAll<HTMLElement>('body *')]
      // (An absolutely placed element escapes a frame that is not its containing block: always listed.)
      .filter((element) => element.getBoundingClientRect().right > width + 1 && (!framed(element) || ['absolute', 'fixed'].includes(getComputedStyle(element).position)))
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].slice(0, 2).join('.')} right=${Math.round(element.getBoundingClientRect().right)} "${(element.textContent ?? '').slice(0, 40)}"`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: out };
  });
  expect(scrollWidth, `${page.url()} is wider than the window: ${wide.join(' | ')}`).toBeLessThanOrEqual(innerWidth);
}

/** Clicks the button that downloads a file; answers the download and its text. */
/** Clicks the button (or link) named `name` in `scope` and reads the file it saves, without a byte-order mark. */
export async function downloadText(scope: Page | Locator, name: string, role: 'button' | 'link' = 'button'): Promise<{ download: Download; text: string }> {
  const page = 'waitForEvent' in scope ? scope : scope.page();
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole(role, { name }).click()]);
  return { download, text: (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '') };
}
