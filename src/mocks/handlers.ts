// MSW adapters, generated from the endpoint table: each turns the intercepted Request into a
// BackendRequest, asks the rules module, and returns its answer. No rules live here.
import { http, HttpResponse, sse, type HttpHandler, type JsonBodyType } from 'msw';
import { endpoints, type EndpointName } from '../api/contract/endpoints';
import { LIVE_EVENT, LIVE_STREAM_PATH, LIVE_STREAM_USER_PARAM, type LiveNotice } from '../api/contract/live';
import { DEV_RESET_PATH, DEV_STORAGE_PATH } from '../api/contract/storage-health';
import { USER_HEADER } from '../api/contract/users';
import { parseJsonBody, type Backend, type BackendRequest } from '../backend/backend';

const ROUTE = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete } as const;


export async function toBackendRequest(request: Request): Promise<BackendRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  // Headers iterate with lower-case names, which is what BackendRequest promises.
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return {
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    // The mock backend's identity is the demo picker's, sent in a header: it runs in the user's own
    // browser, so there is nothing to protect. The server never does this (src/server/).
    userId: request.headers.get(USER_HEADER)?.trim() || null,
    body: hasBody ? parseJsonBody(await request.text()) : undefined,
  };
}

async function answer(backend: Backend, request: Request): Promise<Response> {
  const response = await backend.handle(await toBackendRequest(request));
  if (response.stream) {
    // A file (the CSV exports): the mock builds it whole; its data is the browser's own and small.
    let text = '';
    for await (const chunk of response.stream) text += chunk;
    return new HttpResponse(text, { status: response.status, headers: response.headers });
  }
  return HttpResponse.json(response.body as JsonBodyType, { status: response.status, headers: response.headers });
}

/** `<scheme>://<host>/api/…` and nothing deeper in the path (not `/src/api/…`). */
export const API_UNDER_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/api(?:\/|$)/i;

/**
 * Issue 12 §7: the live stream as the server sends it, from the same rule (`openLiveStream`). The
 * person comes from the stream's `as` parameter, since an EventSource sends no custom header. Where
 * there is no EventSource (jsdom) there is no stream, and screens work without live notices.
 */
const ignore = (): void => undefined;

function liveStreamHandlers(backend: Backend): HttpHandler[] {
  if (typeof EventSource === 'undefined') return [];
  // MSW tells a handler neither that the page closed the stream nor that sending failed, so each
  // subscription would outlive its stream. One tab has one live stream at a time (the shared stream's
  // leader, live-updates.tsx): a new one replaces the one before.
  let closePrevious = ignore;
  return [
    sse<{ [LIVE_EVENT]: LiveNotice }>(`*${LIVE_STREAM_PATH}`, async ({ client, request }) => {
      closePrevious();
      const connection = await backend.openLiveStream(new URL(request.url).searchParams.get(LIVE_STREAM_USER_PARAM), (notice) =>
        client.send({ event: LIVE_EVENT, data: notice }),
      );
      if (!connection.ok) {
        closePrevious = ignore;
        client.error();
        return;
      }
      closePrevious = connection.close;
    }),
  ];
}

export function createHandlers(backend: Backend): HttpHandler[] {
  // `*` before the path: match on any origin (jsdom's, Vite's dev server, `vite preview`).
  const table = (Object.keys(endpoints) as EndpointName[]).map((name) => {
    const { method, path } = endpoints[name];
    return ROUTE[method](`*${path}`, ({ request }) => answer(backend, request));
  });
  return [
    ...liveStreamHandlers(backend),
    // Dev only: drop all data and reseed. Not in the endpoint table, because no real server has it.
    http.post(`*${DEV_RESET_PATH}`, async () => {
      await backend.reset();
      return HttpResponse.json({ ok: true });
    }),
    // Dev only: the stored records the backend could not read and set aside (issue 14, defect 3).
    http.get(`*${DEV_STORAGE_PATH}`, async () => HttpResponse.json(await backend.storageHealth())),
    ...table,
    // Anything else under /api gets the backend's JSON 404 instead of falling through to the network.
    // Anchored at the origin: in `npm run dev` Vite serves modules such as /src/api/client/*.ts, which
    // a plain `*/api/*` would swallow.
    http.all(API_UNDER_ORIGIN, ({ request }) => answer(backend, request)),
  ];
}
