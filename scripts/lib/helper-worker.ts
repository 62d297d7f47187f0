// A Node worker thread that helps runDetectionJob as the browser's second detection worker does
// (src/workers/helper-thread.ts). Started by helper-thread.ts.
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { serveHelperRequests } from '../../src/workers/helper-thread';
import type { PortLike } from '../../src/workers/helper-thread';

const port = (workerData as { port: MessagePort }).port;
serveHelperRequests(port as unknown as PortLike);
port.postMessage({ type: 'helper-ready' });
