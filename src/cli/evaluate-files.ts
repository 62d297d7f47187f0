// `npm run evaluate -- FILE|DIR …`: validates case export files against the contract and prints one
// verdict per case. The logic lives here, behind injected output and clock, so tests run it in-process;
// scripts/evaluate.ts only wires it to the real process.
import { lstatSync, readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CASE_EXPORT_SCHEMA_VERSION, CaseExport } from '../api/contract/case-export';
import { fieldMessageInWords } from '../api/contract/field-messages';
import { evaluate } from '../engine/evaluate';
import type { Verdict } from '../engine/verdict';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The CLI may read the clock (the engine may not): this is where it does. */
  now: () => string;
}

export const EXIT_OK = 0;
/** Any file invalid, unreadable or not JSON, or a usage error. */
export const EXIT_INVALID = 2;

/** A case export holds at most 5,000 signals and evidence items per list: far below this. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Problems printed per file; the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 20;

export const USAGE = [
  'usage: npm run evaluate -- [--now ISO-8601] FILE|DIR [FILE|DIR …]',
  '  FILE  a case export (schemaVersion ' + String(CASE_EXPORT_SCHEMA_VERSION) + ', see examples/README.md)',
  '  DIR   every *.json file directly inside it, in name order',
  '  --now the evaluation instant (default: the current time)',
  'Prints one JSON line per case on stdout: {"file","caseId","verdict"}. Problems go to stderr;',
  'the exit code is 2 when any file could not be evaluated, after evaluating all the others.',
].join('\n');

/** One line of output: what a consumer (`jq`, a script) reads. */
export interface VerdictLine {
  file: string;
  caseId: string;
  verdict: Verdict;
}

export type FileResult = { ok: true; line: VerdictLine } | { ok: false; messages: string[] };

const Instant = z.iso.datetime({ offset: true });

interface ParsedArgs {
  targets: string[];
  now: string | null;
  help: boolean;
  errors: string[];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { targets: [], now: null, help: false, errors: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue; // npm passes its separator through on some versions
    if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg === '--now' || arg.startsWith('--now=')) {
      const value = arg === '--now' ? argv[(i += 1)] : arg.slice('--now='.length);
      if (value === undefined || !Instant.safeParse(value).success) {
        parsed.errors.push(`--now needs an ISO 8601 instant such as 2026-03-01T12:00:00Z (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
      } else parsed.now = new Date(value).toISOString();
    } else if (arg.startsWith('-')) parsed.errors.push(`unknown option ${arg}`);
    else parsed.targets.push(arg);
  }
  if (!parsed.help && parsed.targets.length === 0) parsed.errors.push('no FILE or DIR given');
  return parsed;
}

/**
 * Why `file` cannot be read as a case export before opening it, or null: only a regular file of a
 * bounded size is read (a FIFO would wait forever, /dev/zero would never end).
 */
export function refusalOf(file: string): string | null {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    if (isDanglingLink(file)) return `${file}: a link to a file that does not exist`;
    return `${file}: cannot read: ${describeError(error)}`;
  }
  if (stats.isDirectory()) return `${file}: a directory, not a file`;
  if (!stats.isFile()) return `${file}: not a regular file (${kindOf(stats)}); only case export files are read`;
  if (stats.size > MAX_FILE_BYTES) {
    return `${file}: too large (${megabytes(stats.size)}); a case export file may be at most ${megabytes(MAX_FILE_BYTES)}`;
  }
  return null;
}

/** Reads, validates and evaluates one case export file. Never throws. */
export function evaluateFile(file: string, now: string): FileResult {
  const refusal = refusalOf(file);
  if (refusal !== null) return { ok: false, messages: [refusal] };
  let text: string;
  try {
    // A byte-order mark is how some editors start a UTF-8 file: not part of the JSON.
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return { ok: false, messages: [`${file}: cannot read: ${describeError(error)}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, messages: [`${file}: not valid JSON: ${describeError(error)}`] };
  }
  const parsed = CaseExport.safeParse(json);
  if (!parsed.success) {
    const { issues } = parsed.error;
    const shown = issues.slice(0, MAX_PROBLEMS_PER_FILE);
    return {
      ok: false,
      messages: [
        `${file}: not a valid case export (schemaVersion ${CASE_EXPORT_SCHEMA_VERSION}, kind "cha.case"):`,
        ...shown.map((issue) => `  ${issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.')}: ${fieldMessageInWords(issue.message)}`),
        ...(issues.length > shown.length ? [`  … and ${issues.length - shown.length} more problems in this file`] : []),
      ],
    };
  }
  const { id, actor, questions, rightsRiskAssessment, harm, signals, settings } = parsed.data.case;
  try {
    // Only the content the analyst edits: the engine judges the case, not its workflow state.
    const verdict = evaluate({ actor, questions, rightsRiskAssessment, harm, signals, settings }, { now });
    return { ok: true, line: { file, caseId: id, verdict } };
  } catch (error) {
    // The engine does not throw on a valid case; should it ever, report it and keep going.
    return { ok: false, messages: [`${file}: internal error while evaluating: ${describeError(error)}`] };
  }
}

/** The files a target names: itself, or the *.json files directly inside a directory. */
export function filesOf(target: string): { files: string[]; error: string | null } {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(target).isDirectory();
  } catch (error) {
    if (isDanglingLink(target)) return { files: [], error: `${target}: a link to a file that does not exist` };
    return { files: [], error: `${target}: cannot read: ${describeError(error)}` };
  }
  // Anything but a directory is evaluated as a file, which reports what it is when it is not one.
  if (!isDirectory) return { files: [target], error: null };
  let names: string[];
  try {
    names = readdirSync(target);
  } catch (error) {
    return { files: [], error: `${target}: cannot list directory: ${describeError(error)}` };
  }
  // Every *.json entry, FIFOs, devices and dangling links included: each is then reported by name
  // (evaluateFile refuses it) instead of being skipped in silence or waited on.
  const files = names
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .toSorted()
    .map((name) => join(target, name))
    .filter((path) => !isDirectoryPath(path));
  return files.length === 0 ? { files, error: `${target}: no *.json files in this directory` } : { files, error: null };
}

/** Runs the command; returns the exit code. Bad files are reported and skipped, never fatal. */
export function runEvaluateCli(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (args.errors.length > 0) {
    for (const error of args.errors) io.stderr(`evaluate: ${error}`);
    io.stderr(USAGE);
    return EXIT_INVALID;
  }
  const now = args.now ?? io.now();
  let failed = false;
  for (const target of args.targets) {
    const { files, error } = filesOf(target);
    if (error !== null) {
      io.stderr(error);
      failed = true;
    }
    for (const file of files) {
      const result = evaluateFile(file, now);
      if (result.ok) io.stdout(JSON.stringify(result.line));
      else {
        for (const message of result.messages) io.stderr(message);
        failed = true;
      }
    }
  }
  return failed ? EXIT_INVALID : EXIT_OK;
}

/** An error's message without its stack, with the system code when there is one (ENOENT, EISDIR…). */
function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error.message.replace(/^[A-Z]+: /, '');
    return code === undefined ? message : `${code}: ${message}`;
  }
  return String(error);
}

function isDirectoryPath(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}
