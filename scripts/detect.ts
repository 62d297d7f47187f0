// `npm run detect -- FILE [--window SECONDS] [--settings FILE.json] [--compact]`
// Reads a CSV, NDJSON or Twitter API v2 file, runs every detector and prints the detection report
// (docs/detection.md, src/api/contract/detection.ts) as JSON on stdout; a parse summary goes to
// stderr. Exit codes: 0 done (with or without clusters), 1 bad arguments or settings, 2 the file
// cannot be read or is not a usable activity file. Never prints a stack trace.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { DetectorSettingsInput } from '../src/api/contract/detection';
import { describeParseIssue, describeParseNote } from '../src/engine/detection/parse-messages';
import { resolveDetectorSettings, withWindow } from '../src/engine/detection/settings';
import type { DetectorSettingsInput as SettingsInput } from '../src/engine/detection/settings';
import { runDetectionJob } from '../src/workers/detection-runner';

const USAGE = 'usage: npm run detect -- FILE [--window SECONDS] [--settings FILE.json] [--compact]';

class UsageError extends Error {}
class FileError extends Error {}

interface Args {
  file: string;
  window: number | null;
  settingsFile: string | null;
  compact: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | null = null;
  let window: number | null = null;
  let settingsFile: string | null = null;
  let compact = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--window' || arg.startsWith('--window=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const seconds = Number(value);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 7 * 86_400) {
        throw new UsageError(`--window needs a whole number of seconds between 1 and 604800, got ${JSON.stringify(value ?? '')}`);
      }
      window = seconds;
    } else if (arg === '--settings' || arg.startsWith('--settings=')) {
      settingsFile = (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]) ?? null;
      if (!settingsFile) throw new UsageError('--settings needs a file');
    } else if (arg === '--compact') {
      compact = true;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new UsageError(`one file at a time (got ${JSON.stringify(file)} and ${JSON.stringify(arg)})`);
    }
  }
  if (file === null) throw new UsageError('no file given');
  return { file, window, settingsFile, compact };
}

function readSettings(path: string | null): SettingsInput {
  if (path === null) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read settings ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = DetectorSettingsInput.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UsageError(`invalid settings in ${path}: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}`);
  }
  return parsed.data;
}

function describeSystemError(error: unknown, file: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`;
  if (code === 'EISDIR') return `${file}: is a directory`;
  return `${file}: ${error instanceof Error ? error.message : String(error)}`;
}

const n = (x: number): string => x.toLocaleString('en');

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  let settings = resolveDetectorSettings(readSettings(args.settingsFile));
  if (args.window !== null) settings = withWindow(settings, args.window);

  let size: number;
  try {
    const stat = statSync(args.file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    throw new FileError(describeSystemError(error, args.file));
  }

  const stream = createReadStream(args.file, { highWaterMark: 1024 * 1024 });
  const streamFailure: { error: unknown } = { error: null };
  stream.on('error', (error) => {
    streamFailure.error = error;
  });
  const outcome = await runDetectionJob(
    { kind: 'stream', stream, totalBytes: size },
    { settings, maxIssues: 100 },
    { yieldControl: () => Promise.resolve() },
  );
  if (outcome.status === 'failed') {
    throw new FileError(outcome.code === 'read-failed' ? describeSystemError(streamFailure.error ?? new Error(outcome.message), args.file) : `${args.file}: ${outcome.message}`);
  }
  if (outcome.status !== 'done') throw new FileError(`${args.file}: the run was cancelled`);
  const { report } = outcome;
  const parse = report.parse;
  if (parse.fatal !== null) throw new FileError(`${args.file}: ${parse.fatal.message}`);

  const err = process.stderr;
  err.write(
    `${args.file}: ${parse.format} — ${n(parse.rowsRead)} rows read, ${n(parse.rowsImported)} imported, ${n(parse.rowsSkipped)} skipped` +
      `${parse.truncated ? ' (stopped early)' : ''}; ${n(report.posts)} posts by ${n(report.accounts)} accounts.\n`,
  );
  for (const note of parse.notes) err.write(`note: ${describeParseNote(note)}\n`);
  if (parse.issueCount > 0) {
    err.write(`${n(parse.issueCount)} row issue(s)${parse.issueCount > 10 ? ', the first 10' : ''}:\n`);
    for (const issue of parse.issues.slice(0, 10)) {
      err.write(`  row ${issue.row}${issue.field ? `, ${issue.field}` : ''}: ${describeParseIssue(issue)} (${issue.action})\n`);
    }
  }
  const flagged = report.clusters.reduce((sum, c) => sum + c.accounts.length, 0);
  err.write(`${report.clusters.length} cluster(s), ${n(flagged)} account(s).\n`);
  process.stdout.write(`${JSON.stringify(report, null, args.compact ? undefined : 2)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`detect: ${error.message}\n${USAGE}\n`);
      process.exitCode = 1;
    } else if (error instanceof FileError) {
      process.stderr.write(`detect: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`detect: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  },
);
