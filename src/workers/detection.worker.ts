// The detection worker: a thin shell around the shared job host (detection-runner.ts). All the
// work happens in the engine; this file only connects the host to the worker's message port.
// The same script serves as the helper thread (helper-thread.ts: the second half of a large CSV
// file, the detectors that read no text): the page creates two of these workers and joins them
// with a MessageChannel (detection-client.ts).
import { createHelperClient, serveHelperRequests } from './helper-thread';
import type { Helper } from './helper-thread';
import { createDetectionHost } from './detection-runner';
import type { DetectionRequest, DetectionResponse } from './detection-runner';

/** Messages that set a worker up (not part of the job protocol). */
export type WorkerSetup =
  | { type: 'use-helper'; port: MessagePort }
  | { type: 'serve-as-helper'; port: MessagePort }
  /** The page saw the helper worker fail: pending and later work is done here. */
  | { type: 'helper-failed' };

/** The worker global, typed for what this shell uses (the project's DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: DetectionResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DetectionRequest | WorkerSetup>) => void): void;
}

const scope = self as unknown as WorkerScope;
let helper: (Helper & { fail(): void }) | null = null;
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no target origin
const handle = createDetectionHost((response) => scope.postMessage(response), () => helper);
scope.addEventListener('message', (event) => {
  const data = event.data;
  if (data.type === 'use-helper') helper = createHelperClient(data.port);
  else if (data.type === 'serve-as-helper') serveHelperRequests(data.port);
  else if (data.type === 'helper-failed') helper?.fail();
  else handle(data);
});
