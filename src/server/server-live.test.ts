// Issue 12 §7 over real sockets: the server-sent event stream of live notices. Only a signed-in person
// may listen; a comment and a presence reach another person's open stream; the stream ends when the
// session does (checked with each keep-alive) and when the server shuts down.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../api/contract/case';
import { LiveNotice } from '../api/contract/live';
import { NEW_CASE } from '../backend/backend-test-kit';
import { json, startTestServer, type TestServer } from './server-test-kit';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<TestServer> {
  server = await startTestServer({ env: { LIVE_KEEP_ALIVE_MS: '200' } });
  return server;
}

/** Reads an event stream's text as it arrives: `next(predicate)` waits for a notice it matches. */
function eventReader(response: Response) {
  const body = response.body;
  if (!body) throw new Error('no body');
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;
  const notices: LiveNotice[] = [];

  async function pump(): Promise<void> {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    buffer += value;
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const frame = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      if (frame.includes('event: notice') && data) notices.push(LiveNotice.parse(JSON.parse(data.slice('data: '.length))));
      boundary = buffer.indexOf('\n\n');
    }
  }

  return {
    async next(matches: (notice: LiveNotice) => boolean): Promise<LiveNotice> {
      for (;;) {
        const found = notices.find(matches);
        if (found) return found;
        if (ended) throw new Error('the stream ended first');
        await pump();
      }
    },
    async ended(): Promise<boolean> {
      while (!ended) await pump();
      return ended;
    },
  };
}

async function createCase(s: TestServer, cookie: string): Promise<CaseDocument> {
  const response = await s.request('/api/cases', { method: 'POST', cookie, body: json(NEW_CASE) });
  expect(response.status).toBe(201);
  return (await response.json()) as CaseDocument;
}

describe('the live stream (issue 12 §7)', () => {
  it('answers 401 without a session, in the error format', async () => {
    const s = await start();
    const response = await s.request('/api/live', { headers: { Accept: 'text/event-stream' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it("brings another person's comment and presence to an open stream, with the stream's headers", async () => {
    const s = await start();
    const ana = await s.signIn('ana');
    const rui = await s.signIn('rui');
    const doc = await createCase(s, ana);
    const stream = await s.request('/api/live', { cookie: rui, headers: { Accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.headers.get('content-security-policy')).toContain("default-src 'self'");
    const events = eventReader(stream);

    const comment = await s.request(`/api/cases/${doc.id}/comments`, { method: 'POST', cookie: ana, body: json({ text: 'Sources added.' }) });
    expect(comment.status).toBe(201);
    expect(await events.next((notice) => notice.kind === 'case-change')).toMatchObject({
      kind: 'case-change', caseId: doc.id, type: 'case.commented', actorId: 'ana', caseVersion: doc.version,
    });

    const presence = await s.request(`/api/cases/${doc.id}/presence`, { method: 'PUT', cookie: ana, body: json({ tab: 'ana-tab-0001', state: 'editing' }) });
    expect(presence.status).toBe(200);
    expect(await events.next((notice) => notice.kind === 'presence')).toMatchObject({
      kind: 'presence', caseId: doc.id, people: [{ userId: 'ana', state: 'editing' }],
    });
  });

  it('ends the stream once its session has ended (read again with each keep-alive)', async () => {
    const s = await start();
    const rui = await s.signIn('rui');
    const stream = await s.request('/api/live', { cookie: rui, headers: { Accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const signOut = await s.request('/api/session', { method: 'DELETE', cookie: rui });
    expect(signOut.status).toBe(200);
    expect(await eventReader(stream).ended()).toBe(true);
  });

  it('ends open streams when the server shuts down, so shutdown does not wait on them', async () => {
    const s = await start();
    const rui = await s.signIn('rui');
    const stream = await s.request('/api/live', { cookie: rui, headers: { Accept: 'text/event-stream' } });
    const events = eventReader(stream);
    await s.close();
    server = null;
    expect(await events.ended()).toBe(true);
  });
});
