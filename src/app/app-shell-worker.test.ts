import { describe, expect, it } from 'vitest';
import { APP_ROUTE_SEGMENTS, FILL_REQUEST, isAppRoute } from './app-shell-paths';
import {
  appShellCacheName,
  appShellFileFor,
  serveAppShell,
  type AppShellWorkerScope,
  type WorkerFetchEvent,
  type WorkerLifecycleEvent,
  type WorkerMessageEvent,
} from './app-shell-worker';
import { routes } from './routes';

const ORIGIN = 'https://workbench.example';
const FILES = new Set([`${ORIGIN}/index.html`, `${ORIGIN}/assets/index-abc123.js`, `${ORIGIN}/assets/cases-locales-def456.js`]);
const get = (path: string, mode = 'cors') => ({ url: `${ORIGIN}${path}`, method: 'GET', mode });

describe('the app routes the worker answers with index.html', () => {
  it('cover every screen of the route table (a new route must be added to APP_ROUTE_SEGMENTS)', () => {
    const paths = (routes[0]?.children ?? []).flatMap((route) => (route.path ? [route.path] : []));
    const segments = new Set(paths.filter((path) => path !== '*').map((path) => path.split('/')[0]));
    expect([...segments].toSorted()).toEqual([...APP_ROUTE_SEGMENTS].toSorted());
  });

  it('are the app’s paths only: not the API, not files, not pages the server may add', () => {
    expect(isAppRoute('/')).toBe(true);
    expect(isAppRoute('/cases/case-1/overview')).toBe(true);
    expect(isAppRoute('/designations/case-1/report')).toBe(true);
    expect(isAppRoute('/api/cases')).toBe(false);
    expect(isAppRoute('/api/')).toBe(false);
    expect(isAppRoute('/sign-in')).toBe(false);
    expect(isAppRoute('/healthz')).toBe(false);
    expect(isAppRoute('/casesx')).toBe(false);
  });
});

describe('appShellFileFor', () => {
  it('answers an app navigation with index.html and a build file with itself', () => {
    expect(appShellFileFor(get('/cases?status=draft', 'navigate'), ORIGIN, FILES)).toBe(`${ORIGIN}/index.html`);
    expect(appShellFileFor(get('/assets/index-abc123.js'), ORIGIN, FILES)).toBe(`${ORIGIN}/assets/index-abc123.js`);
  });

  it('leaves the API, other navigations, unknown files, writes and other origins to the network', () => {
    expect(appShellFileFor(get('/api/cases'), ORIGIN, FILES)).toBeNull();
    expect(appShellFileFor(get('/api/cases', 'navigate'), ORIGIN, FILES)).toBeNull();
    expect(appShellFileFor(get('/sign-in', 'navigate'), ORIGIN, FILES)).toBeNull();
    expect(appShellFileFor(get('/assets/other-999.js'), ORIGIN, FILES)).toBeNull();
    expect(appShellFileFor({ ...get('/assets/index-abc123.js'), method: 'POST' }, ORIGIN, FILES)).toBeNull();
    expect(appShellFileFor({ ...get('/assets/index-abc123.js'), url: 'https://cdn.example/assets/index-abc123.js' }, ORIGIN, FILES)).toBeNull();
  });
});

describe('appShellCacheName', () => {
  it('changes with the build’s file list, so a new build fills a cache of its own', () => {
    expect(appShellCacheName(['a.js'])).toBe(appShellCacheName(['a.js']));
    expect(appShellCacheName(['a.js'])).not.toBe(appShellCacheName(['b.js']));
    expect(appShellCacheName([{ url: 'index.html', revision: '1' }])).not.toBe(appShellCacheName([{ url: 'index.html', revision: '2' }]));
  });
});

/** One Cache in memory: `add` marks what it stored, `addAll` stores each URL as its own body. */
const cacheOf = (store: Map<string, Response>) => ({
  match: async (url: string) => store.get(url)?.clone(),
  add: async (request: Request) => void store.set(request.url, new Response(`from network: ${request.url}`)),
  addAll: async (requests: Request[]) => requests.forEach((request) => store.set(request.url, new Response(request.url))),
});

/** A service worker scope in memory: listeners, one CacheStorage, a network that records requests. */
function fakeScope(stores = new Map<string, Map<string, Response>>()) {
  const listeners = new Map<string, Array<(event: never) => void>>();
  const network: string[] = [];
  const scope = {
    location: new URL(`${ORIGIN}/sw.js`) as unknown as Location,
    caches: {
      open: async (name: string) => cacheOf(stores.get(name) ?? stores.set(name, new Map()).get(name)!),
      keys: async () => [...stores.keys()],
      delete: async (name: string) => stores.delete(name),
    } as unknown as CacheStorage,
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
    fetch: async (request: Request) => {
      network.push(request.url);
      return new Response('network');
    },
    addEventListener: (type: string, listener: (event: never) => void) => {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
  } as AppShellWorkerScope;
  const dispatch = async (type: string, event: object) => {
    const pending: Promise<unknown>[] = [];
    let answer: Promise<Response> | undefined;
    let stopped = false;
    const full = {
      ...event,
      waitUntil: (promise: Promise<unknown>) => pending.push(promise),
      respondWith: (response: Promise<Response>) => (answer = response),
      stopImmediatePropagation: () => (stopped = true),
    };
    for (const listener of listeners.get(type) ?? []) listener(full as never);
    await Promise.all(pending);
    return { answer: answer ? await (await answer).text() : undefined, stopped };
  };
  return { scope, stores, network, dispatch };
}

const fetchEvent = (path: string) => ({ request: new Request(`${ORIGIN}${path}`) }) as unknown as WorkerFetchEvent;

describe('serveAppShell', () => {
  const manifest = [{ url: 'index.html', revision: 'r1' }, 'assets/index-abc123.js'];

  it('precaches the build on install and answers its files and app navigations from the cache, alone', async () => {
    const worker = fakeScope();
    serveAppShell(worker.scope, manifest);
    await worker.dispatch('install', {} as WorkerLifecycleEvent);
    const [store] = [...worker.stores.values()];
    expect([...(store?.keys() ?? [])].toSorted()).toEqual([`${ORIGIN}/assets/index-abc123.js`, `${ORIGIN}/index.html`]);

    const file = await worker.dispatch('fetch', fetchEvent('/assets/index-abc123.js'));
    expect(file).toEqual({ answer: `${ORIGIN}/assets/index-abc123.js`, stopped: true });
    // A navigation Request cannot be built outside a browser; its mode is what the worker reads.
    const navigation = await worker.dispatch('fetch', { request: { url: `${ORIGIN}/cases/case-1`, method: 'GET', mode: 'navigate' } });
    expect(navigation.answer).toBe(`from network: ${ORIGIN}/index.html`);
    expect(worker.network).toEqual([]);
  });

  it('never answers nor stores an API request: it reaches the next listener (MSW) or the network', async () => {
    const worker = fakeScope();
    serveAppShell(worker.scope, manifest);
    await worker.dispatch('install', {} as WorkerLifecycleEvent);
    const api = await worker.dispatch('fetch', fetchEvent('/api/cases'));
    expect(api).toEqual({ answer: undefined, stopped: false });
    const stored = [...worker.stores.values()].flatMap((store) => [...store.keys()]);
    expect(stored.some((url) => url.includes('/api/'))).toBe(false);
  });

  it('in msw builds fills the cache only when a page asks, after the worker took over', async () => {
    const worker = fakeScope();
    serveAppShell(worker.scope, manifest, 'on-request');
    await worker.dispatch('install', {} as WorkerLifecycleEvent);
    await worker.dispatch('activate', {} as WorkerLifecycleEvent);
    expect([...worker.stores.values()].every((store) => store.size === 0)).toBe(true);
    // Before the fill, a build file still loads: from the network.
    expect((await worker.dispatch('fetch', fetchEvent('/assets/index-abc123.js'))).answer).toBe('network');

    await worker.dispatch('message', { data: FILL_REQUEST } as unknown as WorkerMessageEvent);
    expect((await worker.dispatch('fetch', fetchEvent('/assets/index-abc123.js'))).answer).toBe(`${ORIGIN}/assets/index-abc123.js`);
  });

  it('drops the caches of older builds when a new one activates', async () => {
    const old = fakeScope();
    serveAppShell(old.scope, ['assets/old-111.js']);
    await old.dispatch('install', {} as WorkerLifecycleEvent);
    const next = fakeScope(old.stores);
    serveAppShell(next.scope, manifest);
    await next.dispatch('install', {} as WorkerLifecycleEvent);
    await next.dispatch('activate', {} as WorkerLifecycleEvent);
    expect([...old.stores.keys()]).toEqual([appShellCacheName(manifest)]);
  });
});
