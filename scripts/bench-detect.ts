// `npm run bench:detect`: generates seeded synthetic activity (scripts/lib/synthetic-activity.ts)
// to .bench-data/ in a child process (so the generator's memory does not weigh on the measured
// run), then runs the import page's job on it — runDetectionJob from src/workers, reading the file
// as a Blob, with a worker thread as the helper that reads the second half of a large CSV and runs
// the detectors that read no text, as the page's second Web Worker does — and scores the clusters against the planted ground truth
// (account-level precision and recall, overall and per kind). CPU time is the whole process's,
// helper thread included.
//
// Options: --sizes 100000,1000000   --seed 42   --keep (keep the CSV and truth files)
//          --reuse (use kept files instead of regenerating)   --json (machine output)
//          --threads 1 (no helper: the page's in-thread fallback, for comparison)
//          --texts-in-memory (texts packed in memory, not read back from the file: a page without FileReaderSync)
//          --memory-trace (the highest RSS seen in each phase)   --save-reports DIR (the reports as JSON)
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, openAsBlob, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DetectionReport } from '../src/engine/detection/detection-report';
import { runDetectionJob } from '../src/workers/detection-runner';
import { findContinuations } from '../src/engine/detection/continuation';
import { toIsoUtc } from '../src/engine/detection/timestamp';
import type { DetectionProgress } from '../src/workers/detection-runner';
import { nodeTextFile, startHelperThread } from './lib/helper-thread';
import { PLANTED_KINDS, defaultSyntheticParams, generateSyntheticActivity } from './lib/synthetic-activity';
import type { PlantedKind, SyntheticDataset } from './lib/synthetic-activity';
import type { DetectorName } from '../src/engine/detection/settings';

interface Options {
  sizes: number[];
  seed: number;
  keep: boolean;
  reuse: boolean;
  json: boolean;
  threads: 1 | 2;
  /** Keep every text in memory (as the page does where a worker has no FileReaderSync), for comparison. */
  textsInMemory: boolean;
  /** Print the highest RSS of each phase. */
  memoryTrace: boolean;
  /** Write each run's detection report as JSON into this folder (to compare runs byte for byte). */
  saveReports: string | null;
  /** Internal: generate one dataset to FILE and exit (run in a child process). */
  generate: { size: number; file: string } | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: [100_000, 1_000_000], seed: 42, keep: false, reuse: false, json: false, threads: 2, textsInMemory: false, memoryTrace: false, saveReports: null, generate: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') options.sizes = (argv[++i] ?? '').split(',').map((s) => Number(s.replace(/_/g, ''))).filter((n) => n > 0);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--reuse') options.reuse = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--memory-trace') options.memoryTrace = true;
    else if (arg === '--save-reports') options.saveReports = argv[++i] ?? null;
    else if (arg === '--threads') options.threads = argv[++i] === '1' ? 1 : 2;
    else if (arg === '--texts-in-memory') options.textsInMemory = true;
    else if (arg === '--generate') options.generate = { size: Number(argv[++i]), file: argv[++i] ?? '' };
  }
  return options;
}

/** Which detector is the natural finder of each planted kind. */
const DETECTOR_OF_KIND: Record<PlantedKind, DetectorName> = {
  'co-post': 'co-post',
  'near-duplicate': 'near-duplicate',
  'co-link': 'co-link',
  'co-retweet': 'co-retweet',
  'co-reply': 'co-reply',
  'synchronised-posting': 'synchronised-posting',
  'shared-identifier': 'shared-identifier',
  dogpiling: 'dogpiling',
};

/**
 * Peak memory of a run. `rss` is the whole process (both threads' heaps, typed arrays, code):
 * the kernel's high-water mark (VmHWM, reset before the run through /proc/self/clear_refs) where
 * Linux offers it, else the largest sample of a sampler thread that reads the process's RSS every
 * 20 ms (a timer on this thread would not fire inside the long synchronous phases). The heaps are
 * what the browser's two workers would hold: each thread's V8 heap used plus the ArrayBuffers it
 * allocated (typed arrays; one moved to the other thread still counts where it was made), the
 * job thread's sampled at its progress events, the helper's by the helper (helper-worker.ts)
 * between its chunks and when it posts; `heaps` is the peak of their sum, taken by the sampler.
 * `rssPhase`: the phase the sampler saw the RSS peak in.
 */
class MemoryPeak {
  private readonly shared = new SharedArrayBuffer((4 + TRACE_FIELDS * TRACE_SAMPLES) * 8);
  /** [peak rss, time of the peak (epoch ms), stop flag, samples, then (time, rss, job heap, helper heap) per sample] */
  private readonly cells = new Float64Array(this.shared);
  /** Heaps, shared with the helper and the sampler: see HEAP_CELLS. */
  readonly heapShared = new SharedArrayBuffer(HEAP_CELLS * 8);
  private readonly heapCells = new Float64Array(this.heapShared);
  private readonly sampler: Worker;
  private readonly kernelPeak: boolean;
  private readonly phases: { name: string; at: number }[] = [];

  constructor() {
    this.kernelPeak = resetKernelPeak();
    this.sampler = new Worker(
      /* js */ `const { workerData } = require('node:worker_threads');
       const cells = new Float64Array(workerData.rss);
       const heaps = new Float64Array(workerData.heaps);
       const tick = () => {
         const rss = process.memoryUsage.rss();
         if (rss > cells[0]) { cells[0] = rss; cells[1] = performance.timeOrigin + performance.now(); }
         const k = cells[3];
         if (k < ${TRACE_SAMPLES}) { const o = 4 + ${TRACE_FIELDS} * k; cells[o] = performance.timeOrigin + performance.now(); cells[o + 1] = rss; cells[o + 2] = heaps[0]; cells[o + 3] = heaps[1]; }
         cells[3]++;
         const sum = heaps[0] + heaps[1];
         if (sum > heaps[4]) heaps[4] = sum;
         if (cells[2] === 0) setTimeout(tick, 20);
       };
       tick();`,
      { eval: true, workerData: { rss: this.shared, heaps: this.heapShared } },
    );
  }

  /** Peak heap + ArrayBuffers of the job thread, of the helper thread, and of both at once (bytes). */
  get heaps(): { job: number; helper: number; both: number } {
    const c = this.heapCells;
    return { job: c[2] ?? 0, helper: c[3] ?? 0, both: Math.max(c[4] ?? 0, (c[0] ?? 0) + (c[1] ?? 0)) };
  }

  phase(name: string): void {
    this.phases.push({ name, at: performance.timeOrigin + performance.now() });
  }

  sample(): void {
    const m = process.memoryUsage();
    const heap = m.heapUsed + m.arrayBuffers;
    const c = this.heapCells;
    c[0] = heap;
    if (heap > (c[2] ?? 0)) c[2] = heap;
    if (heap + (c[1] ?? 0) > (c[4] ?? 0)) c[4] = heap + (c[1] ?? 0);
  }

  /**
   * `--memory-trace`: per phase, the highest RSS sample, when it was seen and what the two
   * threads' heaps (used + ArrayBuffers) were then; then the run every 500 ms.
   */
  trace(): string {
    const rows: string[] = [];
    const start = this.phases[0]?.at ?? 0;
    const count = Math.min(TRACE_SAMPLES, this.cells[3] ?? 0);
    const sample = (j: number): { t: number; rss: number; job: number; helper: number } => {
      const o = 4 + TRACE_FIELDS * j;
      return { t: this.cells[o] ?? 0, rss: this.cells[o + 1] ?? 0, job: this.cells[o + 2] ?? 0, helper: this.cells[o + 3] ?? 0 };
    };
    for (const [k, p] of this.phases.entries()) {
      const end = this.phases[k + 1]?.at ?? Number.POSITIVE_INFINITY;
      let best: ReturnType<typeof sample> | null = null;
      for (let j = 0; j < count; j++) {
        const s = sample(j);
        if (s.t >= p.at && s.t < end && s.rss > (best?.rss ?? 0)) best = s;
      }
      const seen = best === null ? 'no sample' : `max ${line(best)} at ${Math.round(best.t - start)} ms`;
      rows.push(`  ${p.name.padEnd(22)} from ${String(Math.round(p.at - start)).padStart(5)} ms: ${seen}`);
    }
    rows.push('  every 500 ms:');
    let next = start;
    for (let j = 0; j < count; j++) {
      const s = sample(j);
      if (s.t < next) continue;
      rows.push(`    ${String(Math.round(s.t - start)).padStart(6)} ms  ${line(s)}`);
      next = s.t + 500;
    }
    return rows.join('\n');
  }

  /** Stops the sampler; the peak RSS in bytes and the phase it was seen in. */
  async stop(): Promise<{ rss: number; rssPhase: string; source: 'VmHWM' | 'sampled' }> {
    this.sample();
    this.cells[2] = 1;
    await new Promise((resolve) => setTimeout(resolve, 40));
    await this.sampler.terminate();
    const at = this.cells[1] ?? 0;
    let rssPhase = this.phases[0]?.name ?? '';
    for (const p of this.phases) if (p.at <= at) rssPhase = p.name;
    const kernel = this.kernelPeak ? readKernelPeak() : null;
    const sampled = this.cells[0] ?? 0;
    return kernel !== null && kernel >= sampled ? { rss: kernel, rssPhase, source: 'VmHWM' } : { rss: sampled, rssPhase, source: 'sampled' };
  }
}

const mib = (bytes: number): string => String(Math.round(bytes / 2 ** 20)).padStart(4);
/** One trace sample: the process's RSS and the two threads' heaps. */
const line = (s: { rss: number; job: number; helper: number }): string => `rss ${mib(s.rss)} MiB, heaps: job ${mib(s.job)}, helper ${mib(s.helper)}`;

/** [job now, helper now, job peak, helper peak, peak of both at once]: heap used + ArrayBuffers, bytes. */
const HEAP_CELLS = 5;

/** RSS samples kept for `--memory-trace` (20 ms apart: over 80 s). */
const TRACE_SAMPLES = 4096;
/** Numbers kept per trace sample: time, rss, job heap, helper heap. */
const TRACE_FIELDS = 4;

/** Resets the kernel's peak-RSS mark of this process (Linux); false where that is not possible. */
function resetKernelPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return readKernelPeak() !== null;
  } catch {
    return false;
  }
}

function readKernelPeak(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

interface Score {
  precision: number;
  recall: number;
  flagged: number;
  truePositives: number;
  planted: number;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function evaluate(dataset: Pick<SyntheticDataset, 'truth'>, outcome: Pick<DetectionReport, 'clusters'>) {
  const flagged = new Map<string, DetectorName>();
  for (const cluster of outcome.clusters) for (const a of cluster.accounts) flagged.set(a.id, cluster.primaryDetector);
  const truth = dataset.truth;
  let tp = 0;
  for (const id of flagged.keys()) if (truth.has(id)) tp++;
  const overall: Score = { precision: ratio(tp, flagged.size), recall: ratio(tp, truth.size), flagged: flagged.size, truePositives: tp, planted: truth.size };
  const perKind: Record<string, Score & { labelled: number }> = {};
  for (const kind of PLANTED_KINDS) {
    const detector = DETECTOR_OF_KIND[kind];
    let planted = 0;
    let found = 0;
    for (const [id, k] of truth) {
      if (k !== kind) continue;
      planted++;
      if (flagged.has(id)) found++;
    }
    // Precision of the clusters this kind's detector leads: flagged accounts that are planted (any kind).
    let byDetector = 0;
    let byDetectorTrue = 0;
    let labelled = 0;
    for (const [id, d] of flagged) {
      if (d !== detector) continue;
      byDetector++;
      if (truth.has(id)) byDetectorTrue++;
      if (truth.get(id) === kind) labelled++;
    }
    perKind[kind] = { precision: ratio(byDetectorTrue, byDetector), recall: ratio(found, planted), flagged: byDetector, truePositives: byDetectorTrue, planted, labelled };
  }
  // Accounts missed / wrongly flagged, for diagnosis.
  const falsePositives = [...flagged].filter(([id]) => !truth.has(id));
  const fpByDetector: Record<string, number> = {};
  for (const [, d] of falsePositives) fpByDetector[d] = (fpByDetector[d] ?? 0) + 1;
  return { overall, perKind, fpByDetector };
}

async function runOne(size: number, options: Options) {
  const dir = '.bench-data';
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const file = join(dir, `synthetic-${size}-seed${options.seed}.csv`);
  const truthFile = `${file}.truth.json`;
  const genStart = performance.now();
  if (!(options.reuse && existsSync(file) && existsSync(truthFile))) {
    // Same node, same loader (tsx), this script in generate mode.
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', '--generate', String(size), file, '--seed', String(options.seed)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`generating ${size} posts failed (exit ${child.status ?? child.signal})`);
  }
  const truth = new Map(JSON.parse(readFileSync(truthFile, 'utf8')) as [string, PlantedKind][]);
  const genMs = performance.now() - genStart;
  const bytes = statSync(file).size;

  // The helper thread starts and loads before the clock starts, as the page's workers load
  // while the analyst picks a file.
  const memory = new MemoryPeak();
  const helper = options.threads === 2 ? startHelperThread(file, memory.heapShared) : null;
  await helper?.ready;
  const baseRssMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
  memory.phase('parse');
  memory.sample();
  const cpuStart = process.cpuUsage();
  const t0 = performance.now();
  const blob = await openAsBlob(file);
  const phaseMs: Record<string, number> = {};
  const phaseCpuMs: Record<string, number> = {};
  let phase = 'parse';
  let phaseStart = t0;
  let phaseCpu = process.cpuUsage();
  let parseMs = 0;
  let parseCpu = { user: 0, system: 0 };
  let events = 0;
  const endPhase = (next: string): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(phaseCpu);
    phaseMs[phase] = now - phaseStart;
    phaseCpuMs[phase] = (cpu.user + cpu.system) / 1000;
    if (phase === 'parse') {
      parseMs = now - t0;
      parseCpu = process.cpuUsage(cpuStart);
    }
    phase = next;
    phaseStart = now;
    phaseCpu = process.cpuUsage();
  };
  const onProgress = (progress: DetectionProgress): void => {
    if (++events % 2 === 0) memory.sample();
    const name = progress.stage === 'reading' ? 'parse' : progress.phase;
    if (name !== phase) {
      memory.sample();
      memory.phase(name);
      endPhase(name);
    }
  };
  const textFile = options.textsInMemory ? null : () => nodeTextFile(file);
  const job = await runDetectionJob({ kind: 'blob', blob }, { maxIssues: 100 }, { onProgress, helper: helper?.helper ?? null, textFile });
  endPhase('done');
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpuStart);
  const peak = await memory.stop();
  const memoryTrace = options.memoryTrace ? memory.trace() : null;
  await helper?.close();
  if (job.status !== 'done') throw new Error(`the detection job ended ${job.status}${job.status === 'failed' ? `: ${job.message}` : ''}`);
  const outcome = job.report;
  if (options.saveReports !== null) {
    mkdirSync(options.saveReports, { recursive: true });
    writeFileSync(join(options.saveReports, `report-${size}-seed${options.seed}.json`), JSON.stringify(outcome, null, 1));
  }
  // R15: the import of a designated case also looks for 500 limited accounts continuing the behaviour
  // (their posts after the file's midpoint, by cluster, hashtag, keyword or link), in one pass.
  const continuation = (() => {
    const store = job.parsed?.store;
    if (!store) return { ms: 0, findings: 0 };
    const expiredAt = toIsoUtc((store.minTime + store.maxTime) / 2);
    const accounts = store.accountIds.slice(0, 500).map((id, index) => ({ handle: store.usernames[index] ?? `user-${id}`, actionId: `action-${index}`, expiredAt }));
    const start = performance.now();
    const findings = findContinuations(store, outcome.clusters, { accounts, hashtags: ['#news', '#vote'], keywords: ['council', 'market'], links: ['https://news.example.org/1'] });
    return { ms: Math.round(performance.now() - start), findings: findings.length };
  })();
  const parsed = { store: { size: outcome.posts, accountIds: { length: outcome.accounts } }, issueCount: outcome.parse.issueCount };
  if (!options.keep && !options.reuse) {
    rmSync(file);
    rmSync(truthFile);
  }

  const scores = evaluate({ truth }, outcome);
  return {
    posts: parsed.store.size,
    accounts: parsed.store.accountIds.length,
    bytes,
    generateMs: Math.round(genMs),
    parseMs: Math.round(parseMs),
    detectMs: Math.round(totalMs - parseMs),
    totalMs: Math.round(totalMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    parseCpuMs: Math.round((parseCpu.user + parseCpu.system) / 1000),
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    postsPerSecond: Math.round(parsed.store.size / (totalMs / 1000)),
    phaseMs: Object.fromEntries(Object.entries(phaseMs).map(([k, v]) => [k, Math.round(v)])),
    phaseCpuMs: Object.fromEntries(Object.entries(phaseCpuMs).map(([k, v]) => [k, Math.round(v)])),
    peakRssMb: Math.round(peak.rss / 2 ** 20),
    peakRssPhase: peak.rssPhase,
    peakRssSource: peak.source,
    memoryTrace,
    baseRssMb,
    peakHeapMb: Math.round(memory.heaps.job / 2 ** 20),
    peakHelperHeapMb: Math.round(memory.heaps.helper / 2 ** 20),
    peakHeapsMb: Math.round(memory.heaps.both / 2 ** 20),
    parseIssues: parsed.issueCount,
    textsInFile: job.parsed?.store.text.inFile ?? 0,
    clusters: outcome.clusters.length,
    continuationMs: continuation.ms,
    continuationFindings: continuation.findings,
    runs: outcome.detectors,
    twoThreads: job.twoThreads === true,
    ...scores,
  };
}

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

function availableCores(): number {
  return availableParallelism();
}

/** Child-process mode: writes the CSV and its ground truth. */
function generate(size: number, file: string, seed: number): void {
  const dataset = generateSyntheticActivity(defaultSyntheticParams(size, seed));
  writeFileSync(file, '');
  for (const chunk of dataset.csvChunks(4 << 20)) appendFileSync(file, chunk);
  writeFileSync(`${file}.truth.json`, JSON.stringify([...dataset.truth]));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.generate) {
    generate(options.generate.size, options.generate.file, options.seed);
    return;
  }
  const results = [];
  for (const size of options.sizes) {
    const r = await runOne(size, options);
    results.push(r);
    if (options.json) continue;
    const out = process.stdout;
    out.write(`\n== ${size.toLocaleString('en')} posts requested: ${r.posts.toLocaleString('en')} posts, ${r.accounts.toLocaleString('en')} accounts, ${(r.bytes / 2 ** 20).toFixed(0)} MiB CSV (generated/loaded in ${r.generateMs} ms, not timed)\n`);
    out.write(`parse ${r.parseMs} ms + detect ${r.detectMs} ms = ${r.totalMs} ms wall -> ${r.postsPerSecond.toLocaleString('en')} posts/s (${r.twoThreads ? 'second half of the file read by the helper thread' : 'one thread'})\n`);
    out.write(`CPU time: ${r.cpuMs} ms (parse ${r.parseCpuMs} ms); load average during the run ${r.loadAverage.join(' / ')} on ${availableCores()} cores\n`);
    out.write(`phases wall/CPU ms (clustering includes building the report): ${Object.entries(r.phaseMs).map(([k, v]) => `${k} ${v}/${r.phaseCpuMs[k] ?? 0}`).join(', ')}\n`);
    out.write(
      `peak memory: rss ${r.peakRssMb} MiB (whole process, both threads; ${r.peakRssSource}, reached in ${r.peakRssPhase}; ${r.baseRssMb} MiB before the run); ` +
        `heap used + ArrayBuffers: job thread ${r.peakHeapMb} MiB${r.twoThreads ? `, helper ${r.peakHelperHeapMb} MiB, both at once ${r.peakHeapsMb} MiB` : ''}\n`,
    );
    if (r.memoryTrace !== null) out.write(`${r.memoryTrace}\n`);
    out.write(`parse issues ${r.parseIssues}; clusters ${r.clusters}; texts left in the file (read back when shown) ${r.textsInFile.toLocaleString('en')} of ${r.posts.toLocaleString('en')}\n`);
    out.write(`R15 continuation (500 limited accounts, after the midpoint): ${r.continuationMs} ms, ${r.continuationFindings} accounts found continuing\n`);
    out.write(`edges per detector: ${r.runs.map((x) => `${x.detector} ${x.edges} (${x.candidatePairs} candidates)`).join(', ')}\n`);
    out.write(`overall: precision ${pct(r.overall.precision)}%  recall ${pct(r.overall.recall)}%  (${r.overall.truePositives}/${r.overall.flagged} flagged, ${r.overall.planted} planted)\n`);
    out.write('kind                   recall  precision(clusters led by its detector)  labelled-right\n');
    for (const [kind, s] of Object.entries(r.perKind)) {
      out.write(`${kind.padEnd(22)} ${pct(s.recall)}%  ${pct(s.precision)}% of ${String(s.flagged).padStart(5)}   ${s.labelled}/${s.planted}\n`);
    }
    if (Object.keys(r.fpByDetector).length > 0) out.write(`false positives by primary detector: ${JSON.stringify(r.fpByDetector)}\n`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
