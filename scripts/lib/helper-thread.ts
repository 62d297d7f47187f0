// The Node counterpart of the browser's helper worker (src/workers/helper-thread.ts): a worker
// thread, so the benchmark runs imports on two threads exactly as the import page does.
import { openSync, readSync } from 'node:fs';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { TextFile } from '../../src/engine/detection/post-store';
import { createHelperClient } from '../../src/workers/helper-thread';
import type { Helper, PortLike } from '../../src/workers/helper-thread';

export interface NodeHelper {
  helper: Helper;
  /** Resolves once the thread has loaded the parser (the page's workers load before a run too). */
  ready: Promise<void>;
  /** Ends the worker thread. */
  close(): Promise<void>;
}

/**
 * Synchronous reads of the file at `path` (what a browser worker's FileReaderSync gives the
 * detection job: see JobHooks.textFile), through one file descriptor kept open until the process ends.
 */
export function nodeTextFile(path: string): TextFile {
  const fd = openSync(path, 'r');
  return {
    read(start, length) {
      const bytes = new Uint8Array(length);
      const read = readSync(fd, bytes, 0, length, start);
      return read === length ? bytes : bytes.subarray(0, read);
    },
  };
}

/**
 * `file`: the path of the file the jobs read (as a Blob from `openAsBlob`). Node cannot pass a
 * file-backed Blob to another thread (V8 aborts: the file handle belongs to this isolate), so the
 * worker opens the file as a Blob of its own and reads the part from it a chunk at a time, as the
 * browser's helper reads a File (helper-worker.ts); this side only says how many bytes.
 * `memory`: where the worker reports its heap (see helper-worker.ts), for the benchmark.
 */
export function startHelperThread(file?: string, memory?: SharedArrayBuffer): NodeHelper {
  const channel = new MessageChannel();
  // The scripts run under tsx, whose loader a worker thread does not inherit: register it first.
  const entry = new URL('./helper-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { port: channel.port2, file: file ?? null, memory: memory ?? null }, transferList: [channel.port2] });
  const client = createHelperClient(channel.port1 as unknown as PortLike);
  const ready = new Promise<void>((resolve) => {
    channel.port1.on('message', (message: { type?: string }) => {
      if (message.type === 'helper-ready') resolve();
    });
    worker.on('exit', () => resolve());
  });
  worker.on('error', () => client.fail());
  worker.on('exit', () => client.fail());
  const helper: Helper = {
    detect: (store, settings, detectors) => client.detect(store, settings, detectors),
    parse(source, layout, limits, chunkBytes, onProgress, fingerprintMinChars, textsFirstByte) {
      if (source.kind !== 'blob' || file === undefined) return client.parse(source, layout, limits, chunkBytes, onProgress, fingerprintMinChars, textsFirstByte);
      // A part always runs to the end of the file: the worker reads the file's last `size` bytes.
      channel.port1.postMessage({ type: 'node-file-tail', bytes: source.blob.size });
      return client.parse({ kind: 'buffer', buffer: new ArrayBuffer(0) }, layout, limits, chunkBytes, onProgress, fingerprintMinChars, textsFirstByte);
    },
  };
  return {
    helper,
    ready,
    async close() {
      channel.port1.close();
      await worker.terminate();
    },
  };
}
