// One detection job, shared by the worker shell and the in-thread fallback: read the source in
// chunks, stream them through the parser, run the detectors, build the report. Progress, cancel
// and yielding are hooks, so the same code serves a Worker, the main thread and the CLI.
import { createActivityParser } from '../engine/detection/activity-parser';
import { detectCoordinationSteps, runDetectors, signatureMinChars } from '../engine/detection/detect-coordination';
import type { PrecomputedFingerprints } from '../engine/detection/text-fingerprints';
import type { DetectionOutcome, DetectionPhase } from '../engine/detection/detect-coordination';
import type { ContinuationWatch } from '../engine/detection/continuation';
import { buildDetectionReport } from '../engine/detection/detection-report';
import type { DetectionReport } from '../engine/detection/detection-report';
import { DEFAULT_PARSE_LIMITS } from '../engine/detection/parse-types';
import type { ParseLimits, ParseResult } from '../engine/detection/parse-types';
import { resolveDetectorSettings } from '../engine/detection/settings';
import type { DetectorName, DetectorSettings, DetectorSettingsInput } from '../engine/detection/settings';
import { DEFAULT_ACTIVITY_LIMITS, clusterActivity } from '../engine/detection/cluster-activity';
import type { ClusterActivity, ClusterActivityLimits } from '../engine/detection/cluster-activity';
import type { DetectorRun } from '../engine/detection/detection-types';
import { DECODE_BYTES } from './helper-thread';
import type { Helper, PartJob, PartProgress, PartSource } from './helper-thread';
import type { TextFile } from '../engine/detection/post-store';

/** What to read. `stream` is for in-thread callers (the CLI); it cannot cross a worker boundary. */
export type DetectionSource =
  | { kind: 'blob'; blob: Blob }
  | { kind: 'buffer'; buffer: ArrayBuffer }
  | { kind: 'text'; chunks: readonly string[] }
  | { kind: 'stream'; stream: AsyncIterable<Uint8Array | string>; totalBytes: number | null };

export interface DetectionJobOptions {
  settings?: DetectorSettingsInput;
  limits?: Partial<ParseLimits>;
  /** Bytes read per chunk from a Blob or ArrayBuffer (default 1 MiB). */
  chunkBytes?: number;
  /** Row issues copied into the report (default: all kept by the parser, at most 10,000). */
  maxIssues?: number;
  /** Files of at least this many bytes are read on two threads when a helper is there (default 32 MiB). */
  parallelMinBytes?: number;
  /** Imports of at least this many posts run the text-free detectors of HELPER_DETECTORS on the helper (default 150,000). */
  parallelMinPosts?: number;
  /** R15: the case's accounts whose visibility limit expired, and its markers; the report lists their continuing posts. */
  watch?: ContinuationWatch;
}

export type DetectionProgress =
  | { stage: 'reading'; bytes: number; totalBytes: number | null; rows: number; skipped: number }
  | { stage: 'detecting'; phase: DetectionPhase; done: number; total: number };

export type DetectionErrorCode = 'read-failed' | 'no-parsed-file' | 'worker-failed' | 'internal';

export type DetectionJobResult =
  | { status: 'done'; report: DetectionReport }
  | { status: 'cancelled' }
  | { status: 'failed'; code: DetectionErrorCode; message: string };

// --- the worker protocol ---------------------------------------------------------------------

/** Main thread -> worker. A new `start` cancels the job in progress. */
export type DetectionRequest =
  | { type: 'start'; jobId: string; source: Exclude<DetectionSource, { kind: 'stream' }>; options: DetectionJobOptions }
  /** Runs the detectors again, with other settings, on the file the last finished `start` parsed (and with its watch). */
  | { type: 'redetect'; jobId: string; settings: DetectorSettingsInput }
  | { type: 'cancel'; jobId: string }
  /**
   * Issue 16 §1: the posts of these accounts (platform user ids) in the last parsed file, with their
   * co-actions under the last run's settings. A query, not a job: it neither cancels nor is cancelled.
   */
  | { type: 'activity'; jobId: string; accountIds: string[]; limits?: Partial<ClusterActivityLimits> };

/** Worker -> main thread. Every job ends with exactly one `result`, `error` or `cancelled`. */
export type DetectionResponse =
  | { type: 'progress'; jobId: string; progress: DetectionProgress }
  | { type: 'result'; jobId: string; report: DetectionReport }
  | { type: 'error'; jobId: string; code: DetectionErrorCode; message: string }
  | { type: 'cancelled'; jobId: string }
  | { type: 'activity'; jobId: string; activity: ClusterActivity };

export interface JobHooks {
  onProgress?: (progress: DetectionProgress) => void;
  isCancelled?: () => boolean;
  /** Lets other work run between chunks and phases (messages, input, paint). Default: a macrotask. */
  yieldControl?: () => Promise<void>;
  /** A second thread (helper-thread.ts): reads the second half of a large CSV file, runs some detectors. None: this thread does all. */
  helper?: Helper | null;
  /**
   * Synchronous reads of a Blob source's bytes: the texts of ordinary CSV rows then stay in the file
   * and are read back when asked for (post-store.ts PostTexts), instead of taking about 110 MB a
   * million posts. Default: a dedicated worker's FileReaderSync where there is one; null: keep
   * every text in memory.
   */
  textFile?: ((blob: Blob) => TextFile) | null;
}

/**
 * The parse result comes back too, so a worker can re-run detection without re-reading the file;
 * `twoThreads` says whether a helper read the second half of the file.
 */
export type JobOutcome = DetectionJobResult & { parsed?: ParseResult; twoThreads?: boolean };

const DEFAULT_CHUNK_BYTES = 1024 * 1024;

class Cancelled extends Error {}
class ReadFailed extends Error {}
/** The file is not well-formed UTF-8: the places of its texts cannot be counted (read again, texts kept in memory). */
class NotUtf8 extends Error {}

/** Where a worker can read a Blob synchronously (FileReaderSync: dedicated workers only), else null. */
function defaultTextFile(): ((blob: Blob) => TextFile) | null {
  const Reader = (globalThis as { FileReaderSync?: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer } }).FileReaderSync;
  if (Reader === undefined) return null;
  const reader = new Reader();
  return (blob) => ({ read: (start, length) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, start + length))) });
}

export function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Files from this size on are read on two threads when a helper is available. Below it the
 * helper's start (a fresh isolate: its code runs cold) costs more than it saves: at 100k posts
 * (22 MiB) two threads took 0.95-1.02 s, one 0.88 s; at 1M posts 6.4-7.9 s against 8.0 s.
 */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/**
 * Where the helper's part starts: a little past the middle, because the helper also packs its
 * part for the trip back and this thread unpacks and merges it; measured at a million rows.
 */
const PART_START = 0.54;

export async function runDetectionJob(source: DetectionSource, options: DetectionJobOptions = {}, hooks: JobHooks = {}): Promise<JobOutcome> {
  const yieldControl = hooks.yieldControl ?? macrotask;
  const check = (): void => {
    if (hooks.isCancelled?.()) throw new Cancelled();
  };
  let part: { job: PartJob; progress: PartProgress } | null = null;
  let twoThreads = false;
  try {
    const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
    // Texts are fingerprinted as they are read (on both threads), for near-duplicate's threshold,
    // and kept packed or left in the file: detection reads the fingerprints.
    const minChars = signatureMinChars(resolveDetectorSettings(options.settings ?? {}));
    const totalBytes = sourceSize(source);
    const openTextFile = hooks.textFile === undefined ? defaultTextFile() : hooks.textFile;
    const textFile = source.kind === 'blob' && openTextFile !== null ? openTextFile(source.blob) : null;
    const parser = createActivityParser(limits, {
      fingerprintMinChars: minChars,
      expectedBytes: totalBytes ?? undefined,
      textsInFile: textFile === null ? undefined : { firstByte: 0, file: textFile },
    });
    const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    let bytes = 0;
    const report = (): void => {
      const { rows, skipped } = parser.progress;
      const extra = part?.progress ?? { bytes: 0, rows: 0, skipped: 0 };
      hooks.onProgress?.({ stage: 'reading', bytes: bytes + extra.bytes, totalBytes, rows: rows + extra.rows, skipped: skipped + extra.skipped });
    };
    const bytesOf = byteSource(source);
    // A file over the limit is refused before a byte is read.
    if (totalBytes !== null && totalBytes > limits.maxBytes) {
      parser.push('', totalBytes);
    } else if (bytesOf === null) {
      for await (const piece of readChunks(source, chunkBytes)) {
        check();
        parser.push(piece.text, piece.bytes);
        bytes += piece.bytes;
        report();
        await yieldControl();
        check();
        if (parser.stopped) break;
      }
    } else {
      // Texts left in the file need every byte accounted for: a malformed sequence (which would
      // become U+FFFD) stops the read, and the file is read again with its texts kept in memory.
      // The byte order mark is left to the parser, which counts it.
      const decoder = new TextDecoder('utf-8', { fatal: textFile !== null, ignoreBOM: true });
      const decode = (chunk?: Uint8Array): string => {
        try {
          return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
        } catch (error) {
          if (textFile !== null && error instanceof TypeError) throw new NotUtf8();
          throw error;
        }
      };
      const size = bytesOf.size;
      /** Reads [offset, until) into the parser; returns where it stopped. */
      const readRange = async (offset: number, until: number, afterChunk: (offset: number) => Promise<number>): Promise<number> => {
        let end = until;
        while (offset < end) {
          const chunk = await bytesOf.read(offset, Math.min(chunkBytes, end - offset));
          check();
          for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
            const piece = chunk.subarray(at, at + DECODE_BYTES);
            parser.push(decode(piece), piece.length);
          }
          offset += chunk.length;
          bytes += chunk.length;
          end = await afterChunk(offset);
          report();
          await yieldControl();
          check();
          if (parser.stopped) break;
        }
        return offset;
      };
      const helper = hooks.helper ?? null;
      let split = size;
      await readRange(0, size, async (offset) => {
        // Once the format is known to be CSV, a large file's second half goes to the helper.
        if (helper === null || part !== null || split < size || size < (options.parallelMinBytes ?? PARALLEL_MIN_BYTES)) return split;
        const layout = parser.csvLayout;
        if (layout === null) return split;
        const at = await bytesOf.lineStartAfter(Math.max(offset, Math.floor(size * PART_START)));
        if (at === null || at >= size) return split;
        split = at;
        const job = helper.parse(
          bytesOf.slice(at),
          layout,
          limits,
          chunkBytes,
          (progress) => {
            if (part !== null) part.progress = progress;
            report();
          },
          minChars,
          textFile === null ? null : at,
        );
        part = { job, progress: { bytes: 0, rows: 0, skipped: 0 } };
        return split;
      });
      if (part !== null) {
        const current: { job: PartJob; progress: PartProgress } = part;
        let taken = false;
        if (!parser.stopped && parser.csvBoundary() !== null) {
          const result = await waitFor(current.job.result, check);
          part = null;
          taken = result !== null && parser.absorbPart(result);
          if (taken) bytes += result?.bytes ?? 0;
          twoThreads = taken;
        }
        part = null;
        if (!taken) current.job.cancel();
        // The cut was inside a quoted field, or the helper failed: this thread reads on.
        if (!taken && !parser.stopped) await readRange(split, size, async () => size);
      }
      const rest = decode();
      if (rest.length > 0 && !parser.stopped) parser.push(rest, 0);
    }
    const parsed = parser.end();
    // The texts' places add up to the file's size, or they cannot be trusted: read again, keeping them.
    if (textFile !== null && !parser.stopped && parsed.fatal === null && parser.bytesCounted() !== null && parser.bytesCounted() !== totalBytes) throw new NotUtf8();
    report();
    const outcome = await detectWithHooks(parsed, options.settings ?? {}, hooks, yieldControl, check, options.parallelMinPosts, parser.fingerprints());
    return { status: 'done', report: buildDetectionReport(parsed, outcome, options.maxIssues, options.watch), parsed, twoThreads };
  } catch (error) {
    (part as { job: PartJob } | null)?.job.cancel();
    if (error instanceof NotUtf8) return runDetectionJob(source, options, { ...hooks, textFile: null });
    if (error instanceof Cancelled) return { status: 'cancelled' };
    if (error instanceof ReadFailed) return { status: 'failed', code: 'read-failed', message: error.message };
    return { status: 'failed', code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Waits for `promise`, checking for cancellation every 50 ms. */
async function waitFor<T>(promise: Promise<T>, check: () => void): Promise<T> {
  const state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => {
    state.done = true;
    state.value = value;
  });
  for (;;) {
    await Promise.race([promise, new Promise((resolve) => setTimeout(resolve, 50))]);
    check();
    if (state.done) return state.value as T;
  }
}

/** Random access to a Blob's or ArrayBuffer's bytes (text and stream sources have none). */
interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The bytes from `offset` to the end, to post to the helper. */
  slice(offset: number): PartSource;
  /** The offset just after the first line break at or after `from`, or null when none is near. */
  lineStartAfter(from: number): Promise<number | null>;
}

function byteSource(source: DetectionSource): ByteSource | null {
  if (source.kind !== 'blob' && source.kind !== 'buffer') return null;
  const size = source.kind === 'blob' ? source.blob.size : source.buffer.byteLength;
  const all = source.kind === 'buffer' ? new Uint8Array(source.buffer) : null;
  const read = async (offset: number, length: number): Promise<Uint8Array> =>
    all !== null ? all.subarray(offset, offset + length) : readBlobSlice((source as { blob: Blob }).blob.slice(offset, offset + length));
  return {
    size,
    read,
    slice: (offset) => (source.kind === 'blob' ? { kind: 'blob', blob: source.blob.slice(offset) } : { kind: 'buffer', buffer: source.buffer.slice(offset) }),
    async lineStartAfter(from) {
      // Look through at most 4 MiB: a longer line is an oversize record anyway.
      for (let offset = from; offset < size && offset < from + 4 * 1024 * 1024; offset += 64 * 1024) {
        const window = await read(offset, 64 * 1024);
        const nl = window.indexOf(10);
        if (nl >= 0) return offset + nl + 1;
      }
      return null;
    },
  };
}

/** Re-runs the detectors on an already parsed file (new settings, same posts; `watch`: the one the file was parsed with). */
export async function redetect(
  parsed: ParseResult,
  settings: DetectorSettingsInput,
  hooks: JobHooks = {},
  maxIssues?: number,
  watch?: ContinuationWatch,
): Promise<JobOutcome> {
  const yieldControl = hooks.yieldControl ?? macrotask;
  const check = (): void => {
    if (hooks.isCancelled?.()) throw new Cancelled();
  };
  try {
    const outcome = await detectWithHooks(parsed, settings, hooks, yieldControl, check);
    return { status: 'done', report: buildDetectionReport(parsed, outcome, maxIssues, watch), parsed };
  } catch (error) {
    if (error instanceof Cancelled) return { status: 'cancelled' };
    return { status: 'failed', code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Stores from this many posts on have HELPER_DETECTORS run on the helper thread (see PARALLEL_MIN_BYTES). */
export const PARALLEL_MIN_POSTS = 150_000;
/**
 * Detectors that read no text, run on the helper while this thread runs the text ones (and
 * co-retweet: with it on the helper, this thread waited about 0.5 s for the helper at 1M posts).
 */
const HELPER_DETECTORS: DetectorName[] = ['co-link', 'co-reply', 'synchronised-posting', 'shared-identifier'];

async function detectWithHooks(
  parsed: ParseResult,
  settings: DetectorSettingsInput,
  hooks: JobHooks,
  yieldControl: () => Promise<void>,
  check: () => void,
  minPosts = PARALLEL_MIN_POSTS,
  fingerprints: PrecomputedFingerprints | null = null,
): Promise<DetectionOutcome> {
  if (parsed.fatal !== null) return { settings: resolveDetectorSettings(settings), runs: [], edges: [], clusters: [] };
  const store = parsed.store;
  const resolved = resolveDetectorSettings(settings);
  const helper = hooks.helper ?? null;
  const remote = helper !== null && store.size >= minPosts ? helper.detect(store, resolved, HELPER_DETECTORS) : null;
  try {
    const steps = detectCoordinationSteps(store, resolved, { elsewhere: remote === null ? [] : HELPER_DETECTORS, fingerprints });
    let runs: readonly DetectorRun[] | undefined;
    for (;;) {
      const next = steps.next(runs);
      runs = undefined;
      if (next.done) return next.value;
      const step = next.value;
      hooks.onProgress?.({ stage: 'detecting', phase: step.phase, done: step.done, total: step.total });
      if (step.awaiting !== undefined) {
        // The helper's runs, or (if it failed) the same detectors run here.
        runs = (remote === null ? null : await waitFor(remote.result, check)) ?? runDetectors(store, resolved, step.awaiting);
      }
      await yieldControl();
      check();
    }
  } finally {
    remote?.cancel();
  }
}

function sourceSize(source: DetectionSource): number | null {
  switch (source.kind) {
    case 'blob':
      return source.blob.size;
    case 'buffer':
      return source.buffer.byteLength;
    case 'text':
      return null;
    case 'stream':
      return source.totalBytes;
  }
}

interface Piece {
  text: string;
  bytes: number;
}

/** Decoded text pieces with their size in bytes; invalid UTF-8 becomes U+FFFD (the parser judges it). */
async function* readChunks(source: DetectionSource, chunkBytes: number): AsyncGenerator<Piece> {
  const decoder = new TextDecoder('utf-8');
  switch (source.kind) {
    case 'text':
      for (const chunk of source.chunks) yield { text: chunk, bytes: chunk.length };
      return;
    case 'buffer': {
      const all = new Uint8Array(source.buffer);
      for (let offset = 0; offset < all.length; offset += chunkBytes) {
        const slice = all.subarray(offset, offset + chunkBytes);
        yield { text: decoder.decode(slice, { stream: true }), bytes: slice.length };
      }
      break;
    }
    case 'blob': {
      const blob = source.blob;
      for (let offset = 0; offset < blob.size; offset += chunkBytes) {
        const bytes = await readBlobSlice(blob.slice(offset, offset + chunkBytes));
        yield { text: decoder.decode(bytes, { stream: true }), bytes: bytes.length };
      }
      break;
    }
    case 'stream':
      try {
        for await (const chunk of source.stream) {
          if (typeof chunk === 'string') yield { text: chunk, bytes: chunk.length };
          else yield { text: decoder.decode(chunk, { stream: true }), bytes: chunk.length };
        }
      } catch (error) {
        throw new ReadFailed(error instanceof Error ? error.message : String(error));
      }
      break;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield { text: rest, bytes: 0 };
}

/** Blob bytes, with fallbacks for environments whose Blob lacks `arrayBuffer` (older jsdom). */
async function readBlobSlice(blob: Blob): Promise<Uint8Array> {
  try {
    if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
    return await new Promise<Uint8Array>((resolve, reject) => {
      const reader = new FileReader();
      reader.addEventListener('load', () => resolve(new Uint8Array(reader.result as ArrayBuffer)));
      reader.addEventListener('error', () => reject(reader.error ?? new Error('FileReader failed')));
      reader.readAsArrayBuffer(blob);
    });
  } catch (error) {
    throw new ReadFailed(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The worker's message handling, without the worker: `post` sends a response. The worker file
 * wires it to `self`; tests drive it directly. Keeps the last parsed file, with the maxIssues and
 * watch it was started with, for `redetect`.
 */
export function createDetectionHost(
  post: (response: DetectionResponse) => void,
  helper: () => Helper | null = () => null,
): (request: DetectionRequest) => void {
  let current: { jobId: string; cancelled: boolean } | null = null;
  let lastParsed: ParseResult | null = null;
  let lastMaxIssues: number | undefined;
  let lastWatch: ContinuationWatch | undefined;
  /** The settings of the last finished start or redetect: what the activity query's co-actions use. */
  let lastSettings: DetectorSettings = resolveDetectorSettings();

  const finish = (jobId: string, outcome: JobOutcome): void => {
    if (outcome.status === 'done') post({ type: 'result', jobId, report: outcome.report });
    else if (outcome.status === 'cancelled') post({ type: 'cancelled', jobId });
    else post({ type: 'error', jobId, code: outcome.code, message: outcome.message });
  };

  return (request) => {
    if (request.type === 'cancel') {
      if (current?.jobId === request.jobId) current.cancelled = true;
      return;
    }
    if (request.type === 'activity') {
      if (lastParsed === null) post({ type: 'error', jobId: request.jobId, code: 'no-parsed-file', message: 'No file has been parsed yet.' });
      else {
        const limits = { ...DEFAULT_ACTIVITY_LIMITS, ...request.limits };
        post({ type: 'activity', jobId: request.jobId, activity: clusterActivity(lastParsed.store, request.accountIds, lastSettings, limits) });
      }
      return;
    }
    if (current) current.cancelled = true; // one job at a time: a new one replaces the old
    const job = { jobId: request.jobId, cancelled: false };
    current = job;
    const hooks: JobHooks = {
      isCancelled: () => job.cancelled,
      onProgress: (progress) => post({ type: 'progress', jobId: job.jobId, progress }),
      helper: helper(),
    };
    if (request.type === 'redetect') {
      if (lastParsed === null) {
        post({ type: 'error', jobId: job.jobId, code: 'no-parsed-file', message: 'No file has been parsed yet.' });
        return;
      }
      const settings = request.settings;
      void redetect(lastParsed, settings, hooks, lastMaxIssues, lastWatch).then((outcome) => {
        if (outcome.status === 'done') lastSettings = resolveDetectorSettings(settings);
        finish(job.jobId, outcome);
      });
      return;
    }
    void runDetectionJob(request.source, request.options, hooks).then((outcome) => {
      if (outcome.status === 'done' && outcome.parsed) {
        lastParsed = outcome.parsed;
        lastMaxIssues = request.options.maxIssues;
        lastWatch = request.options.watch;
        lastSettings = resolveDetectorSettings(request.options.settings ?? {});
      }
      finish(job.jobId, outcome);
    });
  };
}
