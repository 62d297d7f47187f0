// The detection worker: a thin shell around the shared job host (detection-runner.ts). All the
// work happens in the engine; this file only connects the host to the worker's message port.
// The same script serves as the helper that reads the second half of a large CSV file: the page
// creates two of these workers and joins them with a MessageChannel (detection-client.ts).
import { createPartClient, servePartRequests } from './csv-part';
import type { PartHelper } from './csv-part';
import { createDetectionHost } from './detection-runner';
import type { DetectionRequest, DetectionResponse } from './detection-runner';

/** Messages that set a worker up (not part of the job protocol). */
export type WorkerSetup =
  | { type: 'use-part-helper'; port: MessagePort }
  | { type: 'serve-parts'; port: MessagePort }
  /** The page saw the helper worker fail: pending and later parts are read here. */
  | { type: 'part-helper-failed' };

/** The worker global, typed for what this shell uses (the project's DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: DetectionResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DetectionRequest | WorkerSetup>) => void): void;
}

const scope = self as unknown as WorkerScope;
let helper: (PartHelper & { fail(): void }) | null = null;
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no target origin
const handle = createDetectionHost((response) => scope.postMessage(response), () => helper);
scope.addEventListener('message', (event) => {
  const data = event.data;
  if (data.type === 'use-part-helper') helper = createPartClient(data.port);
  else if (data.type === 'serve-parts') servePartRequests(data.port);
  else if (data.type === 'part-helper-failed') helper?.fail();
  else handle(data);
});
