// The Node counterpart of the browser's helper worker (src/workers/helper-thread.ts): a worker
// thread, so the benchmark runs imports on two threads exactly as the import page does.
import { open } from 'node:fs/promises';
import { MessageChannel, Worker } from 'node:worker_threads';
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
 * `file`: the path of the file the jobs read (as a Blob from `openAsBlob`). Node cannot read a
 * file-backed Blob in another thread (V8 aborts: the file handle belongs to this isolate), so the
 * part's bytes are read here with `fs` (asynchronously, off this thread) and transferred.
 */
export function startHelperThread(file?: string): NodeHelper {
  const channel = new MessageChannel();
  // The scripts run under tsx, whose loader a worker thread does not inherit: register it first.
  const entry = new URL('./helper-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { port: channel.port2 }, transferList: [channel.port2] });
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
    parse(source, layout, limits, chunkBytes, onProgress, fingerprintMinChars) {
      if (source.kind !== 'blob') return client.parse(source, layout, limits, chunkBytes, onProgress, fingerprintMinChars);
      let inner: ReturnType<Helper['parse']> | null = null;
      let cancelled = false;
      const started = readTail(file, source.blob).then(
        (buffer) => {
          if (!cancelled) inner = client.parse({ kind: 'buffer', buffer }, layout, limits, chunkBytes, onProgress, fingerprintMinChars);
          return inner;
        },
        () => null,
      );
      return {
        result: started.then((job) => job?.result ?? null),
        fingerprints: started.then((job) => job?.fingerprints ?? null),
        cancel: () => {
          cancelled = true;
          inner?.cancel();
        },
      };
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

/** The last `blob.size` bytes of `file` (a part always runs to the end of the file). */
async function readTail(file: string | undefined, blob: Blob): Promise<ArrayBuffer> {
  if (file === undefined) return blob.arrayBuffer();
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(blob.size);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, size - blob.size + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.buffer;
  } finally {
    await handle.close();
  }
}
