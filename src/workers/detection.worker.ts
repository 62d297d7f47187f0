// The detection worker: a thin shell around the shared job host (detection-runner.ts). All the
// work happens in the engine; this file only connects the host to the worker's message port.
import { createDetectionHost } from './detection-runner';
import type { DetectionRequest, DetectionResponse } from './detection-runner';

/** The worker global, typed for what this shell uses (the project's DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: DetectionResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DetectionRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no target origin
const handle = createDetectionHost((response) => scope.postMessage(response));
scope.addEventListener('message', (event) => handle(event.data));
