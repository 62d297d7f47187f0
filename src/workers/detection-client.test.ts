// The worker facade. jsdom has no Worker, so `createDetectionClient()` runs in this thread; a fake
// Worker drives the same host through the message protocol to test the worker path.
import { describe, expect, it } from 'vitest';
import { ContinuationWatch, DetectionReport } from '../api/contract/detection';
import type { ContinuationWatch as ContinuationWatchModel } from '../engine/detection/continuation';
import { createDetectionClient } from './detection-client';
import type { DetectionProgress } from './detection-client';
import { createDetectionHost } from './detection-runner';
import type { DetectionRequest, DetectionResponse } from './detection-runner';

const HEADER = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls';
const T0 = 1_700_000_000;

/**
 * A small import with one coordinated group: r1..r4 repost the same six posts within seconds,
 * among 200 accounts reposting and posting on their own.
 */
function activityCsv(): string {
  const rows: string[] = [HEADER];
  let id = 1;
  for (let k = 0; k < 200; k++) {
    for (let j = 0; j < 4; j++) {
      const t = T0 + k * 600 + j * 97;
      rows.push(`${id++},bg${k},bg_${k},,,"post ${k}-${j}, about my day",${t},`);
      rows.push(`${id++},bg${k},bg_${k},own-${k}-${j},,RT,${t + 5},`);
    }
  }
  for (let target = 0; target < 6; target++) {
    for (const [n, user] of ['r1', 'r2', 'r3', 'r4'].entries()) {
      rows.push(`${id++},${user},ring_${user},target-${target},,RT,${T0 + target * 7_200 + n * 9},`);
    }
  }
  return `${rows.join('\n')}\n`;
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('createDetectionClient in jsdom (no Worker)', () => {
  it('falls back to this thread and finds the coordinated group, reporting progress in order', async () => {
    const client = createDetectionClient();
    expect(client.mode).toBe('in-thread');
    const progress: DetectionProgress[] = [];
    const job = client.run({ kind: 'text', chunks: chunks(activityCsv(), 8_192) }, { onProgress: (p) => progress.push(p) });
    const result = await job.result;
    if (result.status !== 'done') throw new Error(`expected done, got ${result.status}`);
    const { report } = result;
    expect(report.parse.format).toBe('csv');
    expect(report.posts).toBe(1_624);
    expect(report.clusters.map((c) => c.accounts.map((a) => a.id).toSorted())).toEqual([['r1', 'r2', 'r3', 'r4']]);
    expect(report.clusters[0]?.suggestedSignal).toEqual({ kind: 'technical', technique: 'coordinated-reposting' });
    // Reading first, then the detection phases in order.
    const stages = progress.map((p) => (p.stage === 'reading' ? 'reading' : p.phase));
    expect(stages[0]).toBe('reading');
    expect(stages.slice(stages.indexOf('prepare'))).toEqual([
      'prepare', 'co-post', 'near-duplicate', 'co-link', 'co-retweet', 'co-reply', 'dogpiling', 'synchronised-posting', 'shared-identifier', 'clustering',
    ]);
    const reading = progress.filter((p) => p.stage === 'reading');
    expect(reading.at(-1)).toMatchObject({ rows: 1_624, skipped: 0 });
    client.dispose();
  });

  it('reads a Blob and an ArrayBuffer the same way as text', async () => {
    const client = createDetectionClient();
    const text = activityCsv();
    const fromBlob = await client.run({ kind: 'blob', blob: new Blob([text]) }, { chunkBytes: 10_000 }).result;
    const fromBuffer = await client.run({ kind: 'buffer', buffer: new TextEncoder().encode(text).buffer }, { chunkBytes: 7_777 }).result;
    if (fromBlob.status !== 'done' || fromBuffer.status !== 'done') throw new Error('expected done');
    expect(fromBlob.report.parse.bytes).toBe(new TextEncoder().encode(text).length);
    expect(fromBuffer.report.clusters).toEqual(fromBlob.report.clusters);
    client.dispose();
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const client = createDetectionClient();
    const text = `${HEADER}\n1,u1,a,,,"héllo wörld 🔥",${T0},\n`;
    const result = await client.run({ kind: 'buffer', buffer: new TextEncoder().encode(text).buffer }, { chunkBytes: 3 }).result;
    if (result.status !== 'done') throw new Error('expected done');
    expect(result.report.parse.issueCount).toBe(0);
    expect(result.report.posts).toBe(1);
    client.dispose();
  });

  it('refuses a file over the size limit before reading it, as a report with a fatal error', async () => {
    const client = createDetectionClient();
    const result = await client.run({ kind: 'blob', blob: new Blob(['x'.repeat(2_000)]) }, { limits: { maxBytes: 1_000 } }).result;
    if (result.status !== 'done') throw new Error('expected done');
    expect(result.report.parse.fatal?.code).toBe('file-too-large');
    expect(result.report.clusters).toEqual([]);
    client.dispose();
  });

  it('reports unreadable files through the report, never by throwing', async () => {
    const client = createDetectionClient();
    const binary = await client.run({ kind: 'buffer', buffer: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe]).buffer }).result;
    const empty = await client.run({ kind: 'text', chunks: [] }).result;
    expect(binary.status === 'done' && binary.report.parse.fatal?.code).toBe('binary-file');
    expect(empty.status === 'done' && empty.report.parse.fatal?.code).toBe('empty-file');
    client.dispose();
  });

  it('cancels a job while it reads', async () => {
    const client = createDetectionClient();
    let cancelAfterFirst: (() => void) | null = null;
    const job = client.run({ kind: 'text', chunks: chunks(activityCsv(), 1_000) }, { onProgress: () => cancelAfterFirst?.() });
    cancelAfterFirst = () => job.cancel();
    expect(await job.result).toEqual({ status: 'cancelled' });
    client.dispose();
  });

  it('cancels the running job when a new one starts', async () => {
    const client = createDetectionClient();
    const first = client.run({ kind: 'text', chunks: chunks(activityCsv(), 1_000) });
    const second = client.run({ kind: 'text', chunks: [activityCsv()] });
    expect(await first.result).toEqual({ status: 'cancelled' });
    expect((await second.result).status).toBe('done');
    client.dispose();
  });

  it('re-runs the detectors with other settings on the last parsed file', async () => {
    const client = createDetectionClient();
    expect(await client.redetect({}).result).toMatchObject({ status: 'failed', code: 'no-parsed-file' });
    await client.run({ kind: 'text', chunks: [activityCsv()] }).result;
    const strict = await client.redetect({ coRetweet: { minCoItems: 7 } }).result;
    if (strict.status !== 'done') throw new Error('expected done');
    expect(strict.report.clusters).toEqual([]);
    expect(strict.report.settings.coRetweet.minCoItems).toBe(7);
    const loose = await client.redetect({ coRetweet: { minCoItems: 6 } }).result;
    expect(loose.status === 'done' && loose.report.clusters).toHaveLength(1);
    client.dispose();
  });

  it('lists the posts by which a watched account continues after its limit expired, also when re-run (R15)', async () => {
    const client = createDetectionClient();
    // r1 is a member of the retweet ring's cluster: its five posts after this instant fall in the cluster's window.
    const expiredAt = new Date((T0 + 7_200 - 1) * 1000).toISOString();
    const watch: ContinuationWatchModel = {
      accounts: [
        { handle: 'RING_R1', actionId: 'action-ring', expiredAt },
        { handle: '@bg_0', actionId: 'action-bg', expiredAt: new Date((T0 + 100) * 1000).toISOString() },
        { handle: 'bg_1', actionId: 'action-quiet', expiredAt },
      ],
      hashtags: [],
      keywords: ['About My Day'],
      links: [],
    };
    const result = await client.run({ kind: 'text', chunks: chunks(activityCsv(), 8_192) }, { watch }).result;
    if (result.status !== 'done') throw new Error(`expected done, got ${result.status}`);
    const clusterId = result.report.clusters[0]?.id ?? '';
    const summary = result.report.continuations.map((f) => ({
      handle: f.handle,
      actionId: f.actionId,
      posts: f.posts,
      examples: f.examples.map((e) => e.matches.map((m) => `${m.kind}:${m.value}`).join(' ')),
    }));
    expect(summary).toEqual([
      { handle: 'bg_0', actionId: 'action-bg', posts: 2, examples: ['keyword:About My Day', 'keyword:About My Day'] },
      { handle: 'RING_R1', actionId: 'action-ring', posts: 5, examples: Array.from({ length: 5 }, () => `cluster:${clusterId}`) },
    ]);
    expect(ContinuationWatch.safeParse(watch).success).toBe(true);
    expect(DetectionReport.parse(result.report).continuations).toEqual(result.report.continuations);
    // A report stored before continuations existed still reads, with none.
    expect(DetectionReport.parse({ ...result.report, continuations: undefined }).continuations).toEqual([]);
    const again = await client.redetect({ coRetweet: { minCoItems: 6 } }).result;
    expect(again.status === 'done' && again.report.continuations).toEqual(result.report.continuations);
    client.dispose();
  });

  it('answers an activity query on the last parsed file beside a running job, under the last run settings (issue 16)', async () => {
    const client = createDetectionClient();
    expect(await client.activity(['r1'])).toMatchObject({ status: 'failed', code: 'no-parsed-file' });
    await client.run({ kind: 'text', chunks: [activityCsv()] }).result;
    const running = client.redetect({ coRetweet: { windowSeconds: 5 } });
    const answer = await client.activity(['r1', 'r2', 'nobody']);
    if (answer.status !== 'done') throw new Error('expected done');
    expect(answer.activity.lanes.map((lane) => [lane.accountId, lane.username, lane.posts, lane.coActionPosts])).toEqual([
      ['r1', 'ring_r1', 6, 6],
      ['r2', 'ring_r2', 6, 6],
    ]);
    expect(answer.activity.missingAccounts).toBe(1);
    expect((await running.result).status).toBe('done');
    // The redetect's 5 s window now applies: r1 and r2 repost 9 s apart, so only the moment is shared.
    const after = await client.activity(['r1', 'r2']);
    expect(after.status === 'done' && after.activity.lanes[0]?.marks[0]?.coActions).toBe(16);
    client.dispose();
    expect(await client.activity(['r1'])).toMatchObject({ status: 'failed', code: 'worker-failed' });
  });

  it('resolves pending jobs as cancelled on dispose and refuses new ones', async () => {
    const client = createDetectionClient();
    const job = client.run({ kind: 'text', chunks: chunks(activityCsv(), 1_000) });
    client.dispose();
    expect(await job.result).toEqual({ status: 'cancelled' });
    expect(await client.run({ kind: 'text', chunks: [] }).result).toMatchObject({ status: 'failed', code: 'worker-failed' });
  });
});

/** A stand-in Worker: the real host behind a structured-clone message boundary. */
class FakeWorker extends EventTarget {
  readonly transfers: Transferable[][] = [];
  terminated = false;
  private readonly handle = createDetectionHost((response: DetectionResponse) => {
    setTimeout(() => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: structuredClone(response) }));
    }, 0);
  });

  postMessage(request: DetectionRequest, transfer: Transferable[] = []): void {
    this.transfers.push(transfer);
    // Blobs and buffers cross as clones, like the real boundary.
    const copy = request.type === 'start' && request.source.kind !== 'blob' ? structuredClone(request) : request;
    setTimeout(() => this.handle(copy), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(message: string): void {
    // jsdom has no ErrorEvent: an Event carrying the same `message` field.
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

describe('createDetectionClient with a worker', () => {
  it('speaks the protocol: start, progress, result; ArrayBuffers are transferred', async () => {
    const worker = new FakeWorker();
    const client = createDetectionClient({ createWorker: () => worker as unknown as Worker });
    expect(client.mode).toBe('worker');
    const buffer = new TextEncoder().encode(activityCsv()).buffer;
    let progressCount = 0;
    const result = await client.run({ kind: 'buffer', buffer }, { onProgress: () => progressCount++ }).result;
    expect(result.status === 'done' && result.report.clusters).toHaveLength(1);
    expect(progressCount).toBeGreaterThan(9);
    expect(worker.transfers[0]).toEqual([buffer]);
    client.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('answers activity queries through the worker', async () => {
    const worker = new FakeWorker();
    const client = createDetectionClient({ createWorker: () => worker as unknown as Worker });
    await client.run({ kind: 'text', chunks: [activityCsv()] }).result;
    const answer = await client.activity(['r3']);
    expect(answer.status === 'done' && answer.activity.lanes[0]?.marks.map((m) => m.kind)).toEqual(Array.from({ length: 6 }, () => 'repost'));
    const pending = client.activity(['r4']);
    worker.crash('gone');
    expect(await pending).toEqual({ status: 'failed', code: 'worker-failed', message: 'gone' });
    client.dispose();
  });

  it('fails pending jobs with worker-failed when the worker crashes', async () => {
    const worker = new FakeWorker();
    const client = createDetectionClient({ createWorker: () => worker as unknown as Worker });
    const job = client.run({ kind: 'text', chunks: chunks(activityCsv(), 500) });
    worker.crash('out of memory');
    expect(await job.result).toEqual({ status: 'failed', code: 'worker-failed', message: 'out of memory' });
    client.dispose();
  });

  it('falls back to this thread when the worker cannot be created', async () => {
    const client = createDetectionClient({
      createWorker: () => {
        throw new Error('blocked by CSP');
      },
    });
    expect(client.mode).toBe('in-thread');
    expect((await client.run({ kind: 'text', chunks: [activityCsv()] }).result).status).toBe('done');
    client.dispose();
  });
});
