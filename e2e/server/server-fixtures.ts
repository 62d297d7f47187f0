// Fixtures for the `server` project: browser contexts signed in through the real server's sign-in
// page with the demo accounts' password (a server-side session each), failing on uncaught page errors and on any
// Content-Security-Policy violation (the server's CSP must not break the built app).
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_LOGINS, E2E_DEMO_PASSWORD } from './demo-password';

export { expect };

export interface ServerFixtures {
  /** A new browser context signed in as the demo user named (e.g. 'Ana Kovač'), at `path`. */
  signInAs: (name: string, path?: string) => Promise<Page>;
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
}

export async function signIn(page: Page, name: string, password = E2E_DEMO_PASSWORD): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.getByLabel(/User name/).fill(DEMO_LOGINS[name] ?? name);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(name);
}

export async function openContext(browser: Browser, baseURL: string | undefined, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  contexts.push(context);
  return context.newPage();
}

export const test = base.extend<ServerFixtures & { problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      watch(page, problems);
      await use(problems);
      expect(problems, 'page errors and CSP violations').toEqual([]);
    },
    { auto: true },
  ],
  signInAs: async ({ browser, baseURL, problems }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (name, path = '/cases') => {
      const page = await openContext(browser, baseURL, contexts);
      watch(page, problems);
      await page.goto(path);
      await signIn(page, name);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
