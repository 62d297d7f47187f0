// A Node worker thread that helps runDetectionJob as the browser's second detection worker does
// (src/workers/helper-thread.ts). Started by helper-thread.ts, with the path of the file the jobs
// read: the browser's helper reads its part of the file as slices of a File, a chunk at a time,
// and so does this one, from a Blob of the file it opens itself (Node cannot pass a file-backed
// Blob to another thread). A part request arrives with an empty buffer after a
// `{type: 'node-file-tail', bytes}` message: its source becomes the last `bytes` of the file.
// With a `memory` buffer, it writes its heap used + ArrayBuffers there (cell 1: now, cell 3: peak;
// bench-detect.ts) every 20 ms between chunks and whenever it posts.
import { openAsBlob } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { serveHelperRequests } from '../../src/workers/helper-thread';
import type { HelperRequest, PortLike } from '../../src/workers/helper-thread';

const { port, file, memory } = workerData as { port: MessagePort; file: string | null; memory: SharedArrayBuffer | null };
const heaps = memory === null ? null : new Float64Array(memory);
const sampleHeap = (): void => {
  if (heaps === null) return;
  const m = process.memoryUsage();
  const now = m.heapUsed + m.arrayBuffers;
  heaps[1] = now;
  if (now > (heaps[3] ?? 0)) heaps[3] = now;
};
if (heaps !== null) setInterval(sampleHeap, 20).unref();
const fileBlob = file === null ? null : await openAsBlob(file);
let tail: number | null = null;

/** `port`, with the part requests that follow a `node-file-tail` message reading the file's tail. */
const filePort: PortLike = {
  postMessage: (message, transfer) => {
    sampleHeap();
    port.postMessage(message, transfer as never);
  },
  addEventListener(type, listener) {
    port.addEventListener(type, (event) => {
      const data = (event as unknown as { data: HelperRequest | { type: 'node-file-tail'; bytes: number } }).data;
      if (data.type === 'node-file-tail') {
        tail = data.bytes;
        return;
      }
      if (data.type === 'part' && tail !== null && fileBlob !== null) {
        const blob = fileBlob.slice(fileBlob.size - tail);
        tail = null;
        listener({ data: { ...data, source: { kind: 'blob', blob } } });
        return;
      }
      listener({ data });
    });
  },
  start: () => port.start(),
};
serveHelperRequests(filePort);
port.postMessage({ type: 'helper-ready' });
