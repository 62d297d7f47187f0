// @vitest-environment node
// The evaluate CLI in-process (examples, bad files, directories, --now) and once as a real process
// (exit code 2, no stack trace); plus the check that the engine's arbitraries are schema-valid, which
// the engine cannot do itself because it may not import the contract.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseContent } from '../api/contract/case';
import { CaseExport } from '../api/contract/case-export';
import { caseContentArb } from '../engine/case-arbitraries';
import { evaluate } from '../engine/evaluate';
import { EXIT_INVALID, EXIT_OK, MAX_FILE_BYTES, MAX_PROBLEMS_PER_FILE, USAGE, evaluateFile, runEvaluateCli } from './evaluate-files';
import type { VerdictLine } from './evaluate-files';

const ROOT = resolve(__dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');
const NOW = '2026-03-02T09:30:00.000Z';

function runCli(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runEvaluateCli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), now: () => NOW });
  return { code, out, err };
}
const parseLines = (lines: string[]): VerdictLine[] => lines.map((line) => JSON.parse(line) as VerdictLine);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cha-evaluate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const example = (name: string): unknown => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));

describe('examples/', () => {
  const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.json')).toSorted();

  it('has one valid export per lifecycle state', () => {
    const statuses = files.map((name) => CaseExport.parse(example(name)).case.status).toSorted();
    expect(statuses).toEqual(['designated', 'draft', 'in_review', 'rejected', 'withdrawn']);
  });

  it.each(files)('%s: stored verdict summaries match the engine', (name) => {
    const { case: doc } = CaseExport.parse(example(name));
    const summaries = [
      ...(doc.submission ? [{ at: doc.submission.submittedAt, verdict: doc.submission.verdict, content: doc.submission.contentAtSubmission }] : []),
      ...doc.reviews.map((review) => ({ at: review.decidedAt, verdict: review.verdictAtDecision, content: doc.submission?.contentAtSubmission ?? doc })),
    ];
    for (const { at, verdict, content } of summaries) {
      const now = evaluate(content, { now: at });
      expect(verdict).toEqual({
        outcome: now.outcome,
        ruleIds: now.ruleIds,
        priority: now.priority,
        platformManipulationTrack: now.platformManipulationTrack !== null,
      });
    }
  });

  it('evaluates the whole directory: one line per case, in name order, exit 0', () => {
    const { code, out, err } = runCli([EXAMPLES]);
    expect(err).toEqual([]);
    expect(code).toBe(EXIT_OK);
    const lines = parseLines(out);
    expect(lines.map((l) => [l.file, l.caseId, l.verdict.outcome])).toEqual([
      [join(EXAMPLES, 'designated-harbor-watch-collective.json'), 'case-harbor-watch-collective', 'recommended'],
      [join(EXAMPLES, 'draft-quayside-truth-brigade.json'), 'case-quayside-truth-brigade', 'incomplete'],
      [join(EXAMPLES, 'in-review-northgate-pile-on-crew.json'), 'case-northgate-pile-on-crew', 'recommended'],
      [join(EXAMPLES, 'rejected-clean-air-tuesdays.json'), 'case-clean-air-tuesdays', 'not-recommended'],
      [join(EXAMPLES, 'withdrawn-meridian-health-truth-circle.json'), 'case-meridian-health-truth-circle', 'recommended'],
    ]);
    expect(lines[0]?.verdict.platformManipulationTrack?.accounts).toContain('havenwacht');
  });
});

describe('bad input', () => {
  const good = join(EXAMPLES, 'rejected-clean-air-tuesdays.json');

  it('reports an invalid export with field paths and reasons, keeps evaluating the others, exits 2', () => {
    const broken = example('rejected-clean-air-tuesdays.json') as { case: { harm: { physical: { severity: string } }; signals: { evidenceState: string }[] } };
    broken.case.harm.physical.severity = 'extreme';
    const [firstSignal] = broken.case.signals;
    if (firstSignal) firstSignal.evidenceState = 'proven';
    writeFileSync(join(dir, 'a-broken.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'b-good.json'), readFileSync(good));
    writeFileSync(join(dir, 'notes.txt'), 'not a case');

    const { code, out, err } = runCli([dir]);
    expect(code).toBe(EXIT_INVALID);
    expect(parseLines(out).map((l) => l.caseId)).toEqual(['case-clean-air-tuesdays']);
    expect(err[0]).toBe(`${join(dir, 'a-broken.json')}: not a valid case export (schemaVersion 1, kind "cha.case"):`);
    expect(err.slice(1).map((line) => line.split(':')[0]?.trim())).toEqual(['case.harm.physical.severity', 'case.signals.0.evidenceState']);
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('names a wrong schemaVersion', () => {
    const other = { ...(example('rejected-clean-air-tuesdays.json') as object), schemaVersion: 2 };
    writeFileSync(join(dir, 'v2.json'), JSON.stringify(other));
    const result = evaluateFile(join(dir, 'v2.json'), NOW);
    expect(result).toEqual({ ok: false, messages: [expect.stringContaining('not a valid case export'), '  schemaVersion: Invalid input: expected 1'] });
  });

  it('reports a file that is not JSON and one that does not exist, without a stack', () => {
    writeFileSync(join(dir, 'garbage.json'), '{"schemaVersion": 1,');
    const { code, out, err } = runCli([join(dir, 'garbage.json'), join(dir, 'missing.json'), good]);
    expect(code).toBe(EXIT_INVALID);
    expect(out).toHaveLength(1);
    expect(err[0]).toMatch(/garbage\.json: not valid JSON: /);
    expect(err[1]).toMatch(/missing\.json: cannot read: ENOENT: /);
    expect(err).toHaveLength(2);
  });

  it('accepts a UTF-8 byte-order mark before the JSON', () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${readFileSync(good, 'utf8')}`);
    expect(evaluateFile(join(dir, 'bom.json'), NOW)).toMatchObject({ ok: true });
  });

  it('says what is wrong in words, not in message keys', () => {
    const doc = example('draft-quayside-truth-brigade.json') as { case: { harm: { physical: { evidence: unknown[] } } } };
    doc.case.harm.physical.evidence = [{ id: 'ev-x', description: 'x', observed: 'on-platform', date: null, source: '', link: 'javascript:alert(1)', credibleSource: false }];
    writeFileSync(join(dir, 'link.json'), JSON.stringify(doc));
    const result = evaluateFile(join(dir, 'link.json'), NOW);
    expect(result).toEqual({ ok: false, messages: [expect.any(String) as string, '  case.harm.physical.evidence.0.link: Only http:// and https:// links are allowed.'] });
  });

  it(`prints at most ${MAX_PROBLEMS_PER_FILE} problems per file and counts the rest`, () => {
    const doc = example('draft-quayside-truth-brigade.json') as { case: { signals: unknown[] } };
    doc.case.signals = Array.from({ length: 50 }, (_, index) => ({ id: `s${index}`, kind: 'social' }));
    writeFileSync(join(dir, 'many.json'), JSON.stringify(doc));
    const result = evaluateFile(join(dir, 'many.json'), NOW);
    if (result.ok) throw new Error('expected problems');
    expect(result.messages).toHaveLength(1 + MAX_PROBLEMS_PER_FILE + 1);
    expect(result.messages.at(-1)).toMatch(/^ {2}… and \d+ more problems in this file$/);
  });

  it('refuses a file over the size limit without reading it', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1); // sparse: nothing is written
    expect(evaluateFile(big, NOW)).toEqual({ ok: false, messages: [`${big}: too large (64 MB); a case export file may be at most 64 MB`] });
  });

  it('reports a device, a named pipe and a dangling link by name instead of reading or waiting on them', () => {
    expect(evaluateFile('/dev/zero', NOW)).toEqual({ ok: false, messages: ['/dev/zero: not a regular file (a device); only case export files are read'] });
    const fifo = join(dir, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    symlinkSync(join(dir, 'gone.json'), join(dir, 'dangling.json'));
    writeFileSync(join(dir, 'ok.json'), readFileSync(good, 'utf8'));
    const { code, out, err } = runCli([dir]);
    expect(code).toBe(EXIT_INVALID);
    expect(out).toHaveLength(1);
    expect(err).toEqual([
      `${join(dir, 'dangling.json')}: a link to a file that does not exist`,
      `${fifo}: not a regular file (a named pipe); only case export files are read`,
    ]);
  });

  it('an empty directory is an error (nothing was evaluated)', () => {
    const { code, err } = runCli([dir]);
    expect(code).toBe(EXIT_INVALID);
    expect(err).toEqual([`${dir}: no *.json files in this directory`]);
  });
});

describe('arguments', () => {
  it('uses --now when given and the injected clock otherwise', () => {
    const file = join(EXAMPLES, 'draft-quayside-truth-brigade.json');
    expect(runCli(['--now', '2030-01-01T00:00:00+02:00', file]).code).toBe(EXIT_OK);
    expect(runCli([`--now=2030-01-01T00:00:00Z`, file]).code).toBe(EXIT_OK);
  });

  it.each([
    [['--now', 'yesterday', 'examples'], /--now needs an ISO 8601 instant/],
    [['--now'], /--now needs an ISO 8601 instant/],
    [[], /no FILE or DIR given/],
    [['--verbose', 'examples'], /unknown option --verbose/],
  ])('%j is a usage error (exit 2)', (argv, message) => {
    const { code, err, out } = runCli(argv);
    expect(code).toBe(EXIT_INVALID);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(message);
    expect(err.at(-1)).toBe(USAGE);
  });

  it('--help prints the usage on stdout, exit 0', () => {
    expect(runCli(['--help'])).toEqual({ code: EXIT_OK, out: [USAGE], err: [] });
  });
});

describe('the real script', () => {
  it('exits 2 with messages on stderr and verdicts on stdout', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ schemaVersion: 1, kind: 'cha.case' }));
    const result = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/evaluate.ts', '--now', NOW, join(dir, 'bad.json'), join(EXAMPLES, 'in-review-northgate-pile-on-crew.json')],
      { cwd: ROOT, encoding: 'utf8', timeout: 20_000 },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bad.json: not a valid case export');
    expect(result.stderr).toContain('  exportedAt: ');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const lines = parseLines(result.stdout.trim().split('\n'));
    expect(lines.map((l) => l.verdict.outcome)).toEqual(['recommended']);
  });
});

describe('the real script, read by a reader that stops early', () => {
  it('ends quietly when its output is closed (`| head -n 1`): no stack trace', () => {
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `"${join(ROOT, 'node_modules/.bin/tsx')}" scripts/evaluate.ts examples examples examples examples | head -n 1 > /dev/null`], {
      cwd: ROOT, encoding: 'utf8', timeout: 30_000,
    });
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(result.status).toBe(0);
  });
});

describe('engine arbitraries (src/engine/case-arbitraries.ts)', () => {
  it('produce cases the CaseContent schema accepts unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(caseContentArb(), caseContentArb({ complete: true })), (content) => {
        const parsed = CaseContent.safeParse(content);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        expect(parsed.data).toEqual(content);
      }),
      { numRuns: 200 },
    );
  });
});
