// Reading a large CSV file on two threads. The job's thread sniffs the format and reads the first
// half; a helper thread (a second Web Worker in the browser, a worker thread under Node) reads the
// second half, from the first line break after the middle, into a part (activity-parser.ts
// `csvPart`). The job's parser then takes the part over (`absorbPart`), which is only allowed when
// its own half ended exactly at a record boundary: a cut inside a quoted field is detected and the
// job's thread reads the second half itself. Either way the result is the one reading the file on
// one thread gives (csv-fast-row.test.ts checks this for every cut).
import { createActivityParser } from '../engine/detection/activity-parser';
import type { CsvPart } from '../engine/detection/activity-parser';
import type { CsvLayout } from '../engine/detection/format-sniffer';
import type { ParseLimits } from '../engine/detection/parse-types';

/** A byte range of the file, in a form that can be posted to the helper. */
export type PartSource = { kind: 'blob'; blob: Blob } | { kind: 'buffer'; buffer: ArrayBuffer };

export type PartRequest =
  | { type: 'part'; jobId: string; source: PartSource; layout: CsvLayout; limits: ParseLimits; chunkBytes: number }
  | { type: 'part-cancel'; jobId: string };

export type PartResponse =
  | { type: 'part-progress'; jobId: string; bytes: number; rows: number; skipped: number }
  | { type: 'part-done'; jobId: string; part: PackedPart }
  | { type: 'part-failed'; jobId: string; message: string };

/** The part of `MessagePort` both sides use (a browser MessagePort, a Node worker_threads port). */
export interface PortLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start?(): void;
}

export interface PartProgress {
  bytes: number;
  rows: number;
  skipped: number;
}

export interface PartJob {
  /** The part, or null when the helper failed or the job was cancelled. */
  result: Promise<CsvPart | null>;
  cancel(): void;
}

/** What the job's thread sees of the helper. */
export interface PartHelper {
  parse(source: PartSource, layout: CsvLayout, limits: ParseLimits, chunkBytes: number, onProgress: (progress: PartProgress) => void): PartJob;
}

let partCounter = 0;

/** The job's side: sends part requests over `port`. `fail` ends every pending request with null (the helper died). */
export function createPartClient(port: PortLike): PartHelper & { fail(): void } {
  const jobs = new Map<string, { resolve: (part: CsvPart | null) => void; onProgress: (progress: PartProgress) => void }>();
  port.addEventListener('message', (event) => {
    const response = event.data as PartResponse;
    const job = jobs.get(response.jobId);
    if (!job) return;
    if (response.type === 'part-progress') {
      job.onProgress({ bytes: response.bytes, rows: response.rows, skipped: response.skipped });
      return;
    }
    jobs.delete(response.jobId);
    job.resolve(response.type === 'part-done' ? unpack(response.part) : null);
  });
  port.start?.();
  let failed = false;
  return {
    fail() {
      failed = true;
      for (const [id, job] of jobs) {
        jobs.delete(id);
        job.resolve(null);
      }
    },
    parse(source, layout, limits, chunkBytes, onProgress) {
      const jobId = `part-${++partCounter}`;
      const result = new Promise<CsvPart | null>((resolve) => {
        if (failed) {
          resolve(null);
          return;
        }
        jobs.set(jobId, { resolve, onProgress });
        try {
          const request: PartRequest = { type: 'part', jobId, source, layout, limits, chunkBytes };
          port.postMessage(request, source.kind === 'buffer' ? [source.buffer] : []);
        } catch {
          jobs.delete(jobId);
          resolve(null);
        }
      });
      return {
        result,
        cancel: () => {
          const job = jobs.get(jobId);
          if (!job) return;
          jobs.delete(jobId);
          job.resolve(null);
          const request: PartRequest = { type: 'part-cancel', jobId };
          port.postMessage(request, []);
        },
      };
    },
  };
}

/** The helper's side: answers part requests arriving on `port`. */
export function servePartRequests(port: PortLike): void {
  const cancelled = new Set<string>();
  port.addEventListener('message', (event) => {
    const request = event.data as PartRequest;
    if (request.type === 'part-cancel') {
      cancelled.add(request.jobId);
      return;
    }
    if (request.type !== 'part') return;
    void readPart(request, () => cancelled.has(request.jobId), (response, transfer) => port.postMessage(response, transfer)).finally(() =>
      cancelled.delete(request.jobId),
    );
  });
  port.start?.();
}

async function readPart(
  request: Extract<PartRequest, { type: 'part' }>,
  isCancelled: () => boolean,
  post: (response: PartResponse, transfer: Transferable[]) => void,
): Promise<void> {
  const { jobId, source, chunkBytes } = request;
  try {
    const parser = createActivityParser(request.limits, { csvPart: request.layout });
    const decoder = new TextDecoder('utf-8');
    const size = source.kind === 'blob' ? source.blob.size : source.buffer.byteLength;
    const all = source.kind === 'buffer' ? new Uint8Array(source.buffer) : null;
    for (let offset = 0; offset < size; offset += chunkBytes) {
      const bytes = all !== null ? all.subarray(offset, offset + chunkBytes) : new Uint8Array(await readBlob(source.kind === 'blob' ? source.blob.slice(offset, offset + chunkBytes) : null));
      parser.push(decoder.decode(bytes, { stream: true }), bytes.length);
      const { rows, skipped } = parser.progress;
      post({ type: 'part-progress', jobId, bytes: Math.min(size, offset + chunkBytes), rows, skipped }, []);
      await new Promise((resolve) => setTimeout(resolve, 0)); // lets a cancel arrive
      if (isCancelled()) return;
      if (parser.stopped) break;
    }
    const rest = decoder.decode();
    if (rest.length > 0) parser.push(rest, 0);
    const part = parser.endPart();
    const b = part.builder;
    const pk = pack(part);
    const transfer = [b.idHash, b.rows, b.account, b.time, b.repostOf, b.replyTo, b.quoteOf, b.urlOffsets, b.urlIds, b.device, b.ip, b.usernameOf, pk.postIds, pk.text].map((a) => a.buffer);
    post({ type: 'part-done', jobId, part: pk }, transfer);
  } catch (error) {
    post({ type: 'part-failed', jobId, message: error instanceof Error ? error.message : String(error) }, []);
  }
}

/**
 * A part as posted: its message ids and texts joined with NUL (which neither can contain: the
 * row validator refuses it) into two strings. Cloning a million separate strings cost the job's
 * thread about a second; two long strings and a split cost about a quarter of that.
 */
export interface PackedPart extends Omit<CsvPart, 'builder'> {
  builder: Omit<CsvPart['builder'], 'postIds' | 'text'>;
  /** UTF-8 of the message ids and of the texts, each list joined with NUL (transferred, not copied). */
  postIds: Uint8Array;
  text: Uint8Array;
}

function pack(part: CsvPart): PackedPart {
  const { postIds, text, ...builder } = part.builder;
  const encoder = new TextEncoder();
  return { ...part, builder, postIds: encoder.encode(postIds.join('\u0000')), text: encoder.encode(text.join('\u0000')) };
}

function unpack(packed: PackedPart): CsvPart {
  const { postIds, text, builder, ...rest } = packed;
  const decoder = new TextDecoder();
  const split = (joined: Uint8Array): string[] => (packed.builder.size === 0 ? [] : decoder.decode(joined).split('\u0000'));
  return { ...rest, builder: { ...builder, postIds: split(postIds), text: split(text) } };
}

async function readBlob(blob: Blob | null): Promise<ArrayBuffer> {
  if (blob === null) return new ArrayBuffer(0);
  return blob.arrayBuffer();
}
