// Reading a CSV file on two threads must give the report reading it on one gives: the helper's part
// taken over, a cut inside a quoted field (the job's thread reads on), a helper that fails.
import { afterEach, describe, expect, it } from 'vitest';
import { createHelperClient, serveHelperRequests } from './helper-thread';
import type { Helper, PortLike } from './helper-thread';
import { runDetectionJob } from './detection-runner';
import type { DetectionSource, JobOutcome } from './detection-runner';
import type { TextFile } from '../engine/detection/post-store';

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A helper served in this thread over a MessageChannel: the same code as the second worker. */
function helperInThisThread(): Helper {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serveHelperRequests(port2 as unknown as PortLike);
  return createHelperClient(port1 as unknown as PortLike);
}

/** Rows with quoted multi-line messages, CRLF, emoji, bad and duplicate rows, spread over the file. */
function csv(rows: number, quotedAt: (i: number) => boolean, duplicates = true): string {
  const lines = ['message_id,user_id,username,repost_id,reply_id,message,timestamp,urls'];
  for (let i = 0; i < rows; i++) {
    const user = `u${i % 37}`;
    const message = quotedAt(i) ? `"line one of ${i}\nline two, with ""quotes"" 🔥\r\nline three"` : `plain text number ${i % 11} for everyone`;
    const id = duplicates && i % 97 === 5 ? String(i - 1) : String(i);
    const time = i % 131 === 7 ? 'soon' : String(1_700_000_000 + (i % 600) * 3);
    const repost = i % 5 === 0 ? String(i % 13) : '';
    const url = i % 7 === 0 ? `https://www.example.com/a/${i % 9}?utm_source=x` : '';
    lines.push(`${id},${user},name_${user},${repost},,${message},${time},${url}`);
  }
  return `${lines.join(rows % 2 === 0 ? '\n' : '\r\n')}\n`;
}

async function report(source: DetectionSource, helper: Helper | null, twoThreads = false): Promise<string> {
  const outcome = await runDetectionJob(source, { parallelMinBytes: 1, parallelMinPosts: 1, chunkBytes: 4096, settings: { clustering: { minAccounts: 2 } } }, {
    helper,
    yieldControl: () => Promise.resolve(),
  });
  expect([outcome.status, outcome.twoThreads]).toEqual(['done', twoThreads]);
  return JSON.stringify(outcome.status === 'done' ? outcome.report : null);
}

const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('runDetectionJob with a part helper', () => {
  it('takes the second half, its text fingerprints and the text-free detectors from the helper, and reports exactly what one thread reports', async () => {
    const text = csv(3_000, (i) => i % 10 === 3, false);
    const alone = await report({ kind: 'buffer', buffer: bytes(text) }, null);
    const helper = helperInThisThread();
    const detected: string[] = [];
    let fingerprinted = 0;
    const spy: Helper = {
      parse: (...args) => {
        const job = helper.parse(...args);
        void job.result.then((part) => (fingerprinted = part?.builder.fingerprints?.eligible.length ?? -1));
        return job;
      },
      detect: (store, settings, detectors) => {
        const job = helper.detect(store, settings, detectors);
        void job.result.then((runs) => detected.push(...(runs ?? []).map((r) => r.detector)));
        return job;
      },
    };
    expect(await report({ kind: 'buffer', buffer: bytes(text) }, spy, true)).toBe(alone);
    expect(detected).toEqual(['co-link', 'co-reply', 'synchronised-posting', 'shared-identifier']);
    expect(fingerprinted).toBeGreaterThan(1_000); // the part's rows, fingerprinted by the helper as it read them
  });

  it('with duplicate message ids across the cut (rows dropped, fingerprints computed here)', async () => {
    const text = csv(3_000, (i) => i % 10 === 3);
    const alone = await report({ kind: 'buffer', buffer: bytes(text) }, null);
    expect(await report({ kind: 'buffer', buffer: bytes(text) }, helperInThisThread(), true)).toBe(alone);
    expect(await report({ kind: 'blob', blob: new Blob([text]) }, helperInThisThread(), true)).toBe(alone);
  });

  it('reads on itself when the cut falls inside a quoted field', async () => {
    // Every message is quoted and spans three lines: most line breaks are inside quotes.
    const text = csv(2_001, () => true);
    const alone = await report({ kind: 'buffer', buffer: bytes(text) }, null);
    expect(await report({ kind: 'buffer', buffer: bytes(text) }, helperInThisThread())).toBe(alone);
  });

  it('reads on itself when the helper fails', async () => {
    const text = csv(2_000, (i) => i % 4 === 0);
    const failing: Helper = {
      parse: () => ({ result: Promise.resolve(null), cancel: () => {} }),
      detect: () => ({ result: Promise.resolve(null), cancel: () => {} }),
    };
    expect(await report({ kind: 'buffer', buffer: bytes(text) }, failing)).toBe(await report({ kind: 'buffer', buffer: bytes(text) }, null));
  });
});

/** Sync reads of `bytes`, as a worker's FileReaderSync reads the picked file. */
const fileOf = (bytes: Uint8Array<ArrayBuffer>) => (): TextFile => ({ read: (start, length) => bytes.slice(start, start + length) });
const run = (bytes: Uint8Array<ArrayBuffer>, helper: Helper | null, textFile: ((blob: Blob) => TextFile) | null) =>
  runDetectionJob({ kind: 'blob', blob: new Blob([bytes]) }, { parallelMinBytes: 1, parallelMinPosts: 1, chunkBytes: 4096, settings: { clustering: { minAccounts: 2 } } }, {
    helper,
    textFile,
    yieldControl: () => Promise.resolve(),
  });
const texts = (outcome: JobOutcome): string[] => outcome.parsed?.store.text.toArray() ?? [];

describe('runDetectionJob leaving texts in the file', () => {
  it('reports what keeping them in memory reports, on one thread or two, and reads every text back the same', async () => {
    const bytes = new TextEncoder().encode(`\ufeff${csv(3_000, (i) => i % 10 === 3)}`.replace(/plain text number/g, 'plain téxt nümber 🔥'));
    const inMemory = await run(bytes, null, null);
    expect(inMemory.parsed?.store.text.inFile).toBe(0);
    for (const helper of [null, helperInThisThread()]) {
      const inFile = await run(bytes, helper, fileOf(bytes));
      expect(inFile.twoThreads).toBe(helper !== null);
      expect(inFile.parsed?.store.text.inFile).toBeGreaterThan(2_000); // the quoted rows' texts are kept in memory
      expect(texts(inFile)).toEqual(texts(inMemory));
      expect(JSON.stringify(inFile.status === 'done' ? inFile.report : null)).toBe(JSON.stringify(inMemory.status === 'done' ? inMemory.report : null));
    }
  });

  it('reads a file that is not well-formed UTF-8 again with its texts in memory (their places cannot be counted)', async () => {
    const text = csv(2_000, () => false); // ASCII: a character is a byte
    const good = new TextEncoder().encode(text);
    const bytes = new Uint8Array(good.length + 1);
    const at = text.indexOf('everyone', text.length >> 1); // inside a message in the second half
    bytes.set(good.subarray(0, at));
    bytes[at] = 0xff;
    bytes.set(good.subarray(at), at + 1);
    const inMemory = await run(bytes, null, null);
    for (const helper of [null, helperInThisThread()]) {
      const outcome = await run(bytes, helper, fileOf(bytes));
      expect(outcome.parsed?.store.text.inFile).toBe(0);
      expect(texts(outcome)).toEqual(texts(inMemory));
      expect(texts(outcome).filter((t) => t.includes('\ufffd'))).toHaveLength(1);
    }
  });
});
