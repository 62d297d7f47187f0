// The helper thread: a second Web Worker in the browser (the same script as the detection worker,
// joined to it by a MessageChannel), a worker thread under Node. It does two jobs for the
// detection worker, so a large import uses both cores:
//
// - Reading the second half of a large CSV file. The job's thread sniffs the format and reads up
//   to the first line break past PART_START (detection-runner.ts); the helper reads the rest into
//   a part (activity-parser.ts `csvPart`), fingerprinting its texts as it reads, which the job's
//   parser takes over (`absorbPart`) only when its own half ended exactly at a record boundary: a
//   cut inside a quoted field is detected and the job's thread reads on itself.
//   csv-fast-row.test.ts checks every cut gives the one-thread result.
// - Running some detectors that need no text (co-link, co-reply, synchronised posting, shared
//   identifiers: detection-runner.ts HELPER_DETECTORS) on a copy of the store's columns while the
//   job's thread runs the others; the pipeline assembles the runs in the same order either way
//   (detect-coordination.ts `elsewhere`).
//
// Whenever the helper fails or is missing, the job's thread does the work itself.
import { createActivityParser } from '../engine/detection/activity-parser';
import type { CsvPart } from '../engine/detection/activity-parser';
import { runDetectors } from '../engine/detection/detect-coordination';
import type { DetectorRun } from '../engine/detection/detection-types';
import type { CsvLayout } from '../engine/detection/format-sniffer';
import type { ParseLimits } from '../engine/detection/parse-types';
import { PostTexts, noTexts } from '../engine/detection/post-store';
import type { PostStore } from '../engine/detection/post-store';
import type { DetectorName, DetectorSettings } from '../engine/detection/settings';

/**
 * A chunk read is decoded and parsed this many bytes at a time: V8 puts a string over ~128 KiB
 * straight into its large-object space, where dead ones wait for a full collection; strings of
 * 64 KiB are young and go at the next scavenge (1M-post bench: peak RSS 687 -> 623 MiB).
 */
export const DECODE_BYTES = 64 * 1024;

/** A byte range of the file, in a form that can be posted to the helper. */
export type PartSource = { kind: 'blob'; blob: Blob } | { kind: 'buffer'; buffer: ArrayBuffer };

export type HelperRequest =
  | {
      type: 'part';
      jobId: string;
      source: PartSource;
      layout: CsvLayout;
      limits: ParseLimits;
      chunkBytes: number;
      fingerprintMinChars?: number;
      /** Leave the texts of ordinary rows in the file: the part starts at this byte of it (see activity-parser.ts `textsInFile`). */
      textsFirstByte?: number | null;
    }
  | { type: 'detect'; jobId: string; store: PostStore; settings: DetectorSettings; detectors: DetectorName[] }
  | { type: 'cancel'; jobId: string };

export type HelperResponse =
  | { type: 'part-progress'; jobId: string; bytes: number; rows: number; skipped: number }
  /** The part, with its rows' text fingerprints when `fingerprintMinChars` was given. */
  | { type: 'part-done'; jobId: string; part: CsvPart }
  | { type: 'detect-done'; jobId: string; runs: DetectorRun[] }
  | { type: 'failed'; jobId: string; message: string };

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

/** A job on the helper: its result is null when the helper failed or the job was cancelled. */
export interface HelperJob<T> {
  result: Promise<T | null>;
  cancel(): void;
}
export type PartJob = HelperJob<CsvPart>;

/** What the job's thread sees of the helper. */
export interface Helper {
  /**
   * Reads a part; with `fingerprintMinChars`, computing its rows' text fingerprints as it reads
   * (text-fingerprints.ts), so the part's texts arrive packed and fingerprinted.
   */
  parse(
    source: PartSource,
    layout: CsvLayout,
    limits: ParseLimits,
    chunkBytes: number,
    onProgress: (progress: PartProgress) => void,
    fingerprintMinChars?: number,
    textsFirstByte?: number | null,
  ): PartJob;
  /** Runs `detectors` on the posts of `store` (only its columns are sent: no texts, no message ids). */
  detect(store: PostStore, settings: DetectorSettings, detectors: DetectorName[]): HelperJob<DetectorRun[]>;
}

let helperCounter = 0;

/** The job's side: sends requests over `port`. `fail` ends every pending job with null (the helper died). */
export function createHelperClient(port: PortLike): Helper & { fail(): void } {
  interface Pending {
    resolve: (value: unknown) => void;
    onProgress?: (progress: PartProgress) => void;
  }
  const jobs = new Map<string, Pending>();
  const end = (jobId: string, job: Pending): void => {
    jobs.delete(jobId);
    job.resolve(null);
  };
  port.addEventListener('message', (event) => {
    const response = event.data as HelperResponse;
    const job = jobs.get(response.jobId);
    if (!job) return;
    switch (response.type) {
      case 'part-progress':
        job.onProgress?.({ bytes: response.bytes, rows: response.rows, skipped: response.skipped });
        return;
      case 'part-done':
        jobs.delete(response.jobId);
        job.resolve(response.part);
        return;
      case 'detect-done':
        jobs.delete(response.jobId);
        job.resolve(response.runs);
        return;
      case 'failed':
        end(response.jobId, job);
        return;
    }
  });
  port.start?.();
  let failed = false;
  const start = <T>(
    request: (jobId: string) => HelperRequest,
    transfer: Transferable[],
    onProgress?: (progress: PartProgress) => void,
  ): HelperJob<T> => {
    const jobId = `helper-${++helperCounter}`;
    const result = new Promise<T | null>((resolve) => {
      if (failed) {
        resolve(null);
        return;
      }
      jobs.set(jobId, { resolve: (value) => resolve(value as T | null), onProgress });
      try {
        port.postMessage(request(jobId), transfer);
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
        end(jobId, job);
        const cancel: HelperRequest = { type: 'cancel', jobId };
        port.postMessage(cancel, []);
      },
    };
  };
  return {
    fail() {
      failed = true;
      for (const [id, job] of jobs) end(id, job);
    },
    parse(source, layout, limits, chunkBytes, onProgress, fingerprintMinChars, textsFirstByte) {
      return start<CsvPart>(
        (jobId) => ({ type: 'part', jobId, source, layout, limits, chunkBytes, fingerprintMinChars, textsFirstByte }),
        source.kind === 'buffer' ? [source.buffer] : [],
        onProgress,
      );
    },
    detect(store, settings, detectors) {
      const columns = columnsOnly(store);
      return start<DetectorRun[]>((jobId) => ({ type: 'detect', jobId, store: columns, settings, detectors }), transferables(columns));
    },
  };
}

/** No texts (what a store sent to the helper holds instead of its own). */
const NO_TEXTS = (): PostTexts => new PostTexts(noTexts(), 0);

/**
 * What the detectors that run on the helper read: copies of the columns (the job's thread keeps
 * its own), the @-mention columns among them (what dogpiling reads instead of the texts), and the
 * string tables their labels use. No texts, message ids or usernames: they are most of the store
 * and none of those detectors reads them (dogpiling would need the usernames).
 */
function columnsOnly(store: PostStore): PostStore {
  return {
    size: store.size,
    postIds: [],
    account: store.account.slice(),
    time: store.time.slice(),
    text: NO_TEXTS(),
    repostOf: store.repostOf.slice(),
    replyTo: store.replyTo.slice(),
    quoteOf: store.quoteOf.slice(),
    urlOffsets: store.urlOffsets.slice(),
    urlIds: store.urlIds.slice(),
    urls: store.urls,
    device: store.device.slice(),
    ip: store.ip.slice(),
    devices: store.devices,
    ips: store.ips,
    refIds: store.refIds,
    accountIds: store.accountIds,
    usernames: [],
    mentionOffsets: store.mentionOffsets.slice(),
    mentionIds: store.mentionIds.slice(),
    mentionNames: store.mentionNames,
    minTime: store.minTime,
    maxTime: store.maxTime,
  };
}

function transferables(store: PostStore): Transferable[] {
  return [store.account, store.time, store.repostOf, store.replyTo, store.quoteOf, store.urlOffsets, store.urlIds, store.device, store.ip, store.mentionOffsets, store.mentionIds].map((a) => a.buffer as ArrayBuffer);
}

/** The helper's side: answers requests arriving on `port`. */
export function serveHelperRequests(port: PortLike): void {
  const cancelled = new Set<string>();
  const post = (response: HelperResponse, transfer: Transferable[]): void => port.postMessage(response, transfer);
  port.addEventListener('message', (event) => {
    const request = event.data as HelperRequest;
    if (request.type === 'cancel') {
      cancelled.add(request.jobId);
      return;
    }
    if (request.type === 'detect') {
      try {
        // The store arrived as plain data: its (empty) texts become a PostTexts again.
        const store: PostStore = { ...request.store, text: NO_TEXTS() };
        post({ type: 'detect-done', jobId: request.jobId, runs: runDetectors(store, request.settings, request.detectors) }, []);
      } catch (error) {
        post({ type: 'failed', jobId: request.jobId, message: error instanceof Error ? error.message : String(error) }, []);
      }
      return;
    }
    if (request.type !== 'part') return;
    void readPart(request, () => cancelled.has(request.jobId), post).finally(() => cancelled.delete(request.jobId));
  });
  port.start?.();
}

async function readPart(
  request: Extract<HelperRequest, { type: 'part' }>,
  isCancelled: () => boolean,
  post: (response: HelperResponse, transfer: Transferable[]) => void,
): Promise<void> {
  const { jobId, source, chunkBytes } = request;
  try {
    const size = source.kind === 'blob' ? source.blob.size : source.buffer.byteLength;
    const firstByte = request.textsFirstByte ?? null;
    const parser = createActivityParser(request.limits, {
      csvPart: request.layout,
      fingerprintMinChars: request.fingerprintMinChars,
      expectedBytes: size,
      textsInFile: firstByte === null ? undefined : { firstByte, file: null },
    });
    // Texts left in the file need well-formed UTF-8 (see detection-runner.ts): a malformed sequence fails the part.
    const decoder = new TextDecoder('utf-8', { fatal: firstByte !== null, ignoreBOM: true });
    const all = source.kind === 'buffer' ? new Uint8Array(source.buffer) : null;
    for (let offset = 0; offset < size; offset += chunkBytes) {
      const bytes = all !== null ? all.subarray(offset, offset + chunkBytes) : new Uint8Array(await readBlob(source.kind === 'blob' ? source.blob.slice(offset, offset + chunkBytes) : null));
      for (let at = 0; at < bytes.length; at += DECODE_BYTES) {
        const piece = bytes.subarray(at, at + DECODE_BYTES);
        parser.push(decoder.decode(piece, { stream: true }), piece.length);
      }
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
    const f = b.fingerprints;
    // Everything but the string tables is typed arrays: transferred, not copied.
    const transfer: ArrayBufferLike[] = [b.ids.bytes, b.ids.ends, b.idHash, b.rows, b.account, b.time, b.repostOf, b.replyTo, b.quoteOf, b.urlOffsets, b.urlIds, b.device, b.ip, b.usernameOf, b.texts.ends, b.texts.textOf, b.texts.inFile.start, b.texts.inFile.bytes, b.mentions.offsets, b.mentions.ids].map((a) => a.buffer);
    for (const block of b.texts.blocks) transfer.push(block.bytes.buffer);
    if (f !== null) for (const a of [f.eligible, f.hashA, f.hashB, f.length, f.signatureRow, f.signatures]) transfer.push(a.buffer);
    post({ type: 'part-done', jobId, part }, [...new Set(transfer)] as Transferable[]);
  } catch (error) {
    post({ type: 'failed', jobId, message: error instanceof Error ? error.message : String(error) }, []);
  }
}

async function readBlob(blob: Blob | null): Promise<ArrayBuffer> {
  if (blob === null) return new ArrayBuffer(0);
  return blob.arrayBuffer();
}
