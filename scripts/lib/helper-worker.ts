// A Node worker thread that reads the second half of large CSV files for runDetectionJob, as the
// browser's second detection worker does (src/workers/csv-part.ts). Started by part-helper.ts.
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { servePartRequests } from '../../src/workers/csv-part';
import type { PortLike } from '../../src/workers/csv-part';

const port = (workerData as { port: MessagePort }).port;
servePartRequests(port as unknown as PortLike);
port.postMessage({ type: 'part-ready' });
