// Issue 14 defect 9 in components: a screen whose code or texts cannot load shows an "offline" or
// "could not be loaded" state, never raw translation keys, and comes back without a page reload.
import { onlineManager } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageLoading } from '../components/page-loading';
import type { Language } from '../i18n/locale-shape';
import { createI18n } from './i18n';
import { loadNamespace } from './i18n-namespaces';
import { lazyScreen } from './lazy-screen';
import type { RetryPolicy } from './load-when-online';
import { AppProviders } from './providers';
import { RouteErrorBoundary } from './route-error-page';

/** Online failures are reported at once (no pauses: no timed tests). */
const reportAtOnce: RetryPolicy = {
  attempts: 1,
  isOnline: () => onlineManager.isOnline(),
  whenOnline: () => new Promise((resolve) => onlineManager.subscribe((online) => online && resolve())),
  pause: async () => undefined,
};

/** The locale files, except the case list's texts while `network.down`. */
function flakyTexts(network: { down: boolean }) {
  return (language: Language, namespace: string) =>
    network.down && namespace === 'cases' ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : loadNamespace(language, namespace);
}

function CaseListTitle() {
  const { t } = useTranslation('cases');
  return <h1>{t('list.title')}</h1>;
}

async function renderScreen(screenElement: React.ReactNode, network: { down: boolean }) {
  const { i18n, ready } = createI18n('en', { loadTexts: flakyTexts(network), retry: { startup: reportAtOnce, screen: reportAtOnce } });
  await ready;
  render(
    <AppProviders i18n={i18n}>
      <RouteErrorBoundary>
        <Suspense fallback={<PageLoading />}>{screenElement}</Suspense>
      </RouteErrorBoundary>
    </AppProviders>,
  );
}

function expectReportedErrors() {
  // React reports the error the boundary caught; here it is expected.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
}

afterEach(() => onlineManager.setOnline(true));

describe('a screen whose texts or code cannot load', () => {
  it('says it could not be loaded instead of showing raw keys, and Retry brings the texts', async () => {
    expectReportedErrors();
    const network = { down: true };
    await renderScreen(<CaseListTitle />, network);

    expect(await screen.findByText('This screen could not be loaded')).toBeVisible();
    expect(screen.queryByText('list.title')).toBeNull();
    expect(screen.queryByText('This part of the page failed')).toBeNull();

    network.down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeVisible();
  });

  it('offline, says so and appears by itself when the network returns', async () => {
    const network = { down: true };
    const { i18n, ready } = createI18n('en', { loadTexts: flakyTexts(network) });
    await ready;
    act(() => onlineManager.setOnline(false));
    render(
      <AppProviders i18n={i18n}>
        <RouteErrorBoundary>
          <Suspense fallback={<PageLoading />}>
            <CaseListTitle />
          </Suspense>
        </RouteErrorBoundary>
      </AppProviders>,
    );
    expect(await screen.findByText('You are offline. This screen appears by itself when the network returns.')).toBeVisible();
    expect(screen.queryByText('list.title')).toBeNull();

    network.down = false;
    act(() => onlineManager.setOnline(true));
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeVisible();
  });

  it('a screen’s code that failed to load is loaded again by Retry (React.lazy alone keeps the failure)', async () => {
    expectReportedErrors();
    const network = { down: true };
    const Screen = lazyScreen(
      () => (network.down ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(() => <p>the audit trail</p>)),
      { policy: reportAtOnce },
    );
    await renderScreen(<Screen />, { down: false });

    expect(await screen.findByText('This screen could not be loaded')).toBeVisible();
    network.down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('the audit trail')).toBeVisible();
  });
});

describe('a screen with its texts listed', () => {
  it('asks for its code and every listed namespace before any of them arrives (one round trip, not one per component)', async () => {
    const requested: string[] = [];
    const arrivals: Array<() => void> = [];
    /** Nothing arrives until the test lets it: what is asked for meanwhile was asked for in parallel. */
    const held = <T,>(name: string, value: () => Promise<T>): Promise<T> => {
      requested.push(name);
      return new Promise<T>((resolve) => arrivals.push(() => resolve(value())));
    };
    const loadTexts = (language: Language, namespace: string) =>
      namespace === 'common' || namespace === 'policy' ? loadNamespace(language, namespace) : held(namespace, () => loadNamespace(language, namespace));
    const { i18n, ready } = createI18n('en', { loadTexts, retry: { startup: reportAtOnce, screen: reportAtOnce } });
    await ready;
    const Screen = lazyScreen(() => held('code', async () => CaseListTitle), { texts: ['cases', 'audit'], policy: reportAtOnce });
    render(
      <AppProviders i18n={i18n}>
        <Suspense fallback={<PageLoading />}>
          <Screen />
        </Suspense>
      </AppProviders>,
    );

    await vi.waitFor(() => expect(requested.toSorted()).toEqual(['audit', 'cases', 'code']));
    expect(screen.getByText('Loading…')).toBeVisible();
    await act(async () => arrivals.forEach((arrive) => arrive()));
    expect(await screen.findByRole('heading', { name: 'Cases' })).toBeVisible();
    expect(requested).toHaveLength(3);
  });
});
