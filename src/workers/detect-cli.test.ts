// `npm run detect`: JSON on stdout, a summary on stderr, exit 2 without a stack trace on bad files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DetectionReport } from '../api/contract/detection';

const dir = mkdtempSync(join(tmpdir(), 'detect-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function detect(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/detect.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Four accounts reposting the same six posts within seconds, among 200 others. */
function ringCsv(): string {
  const rows = ['message_id,user_id,username,repost_id,reply_id,message,timestamp,urls'];
  let id = 1;
  for (let k = 0; k < 200; k++) {
    for (let j = 0; j < 4; j++) {
      rows.push(`${id++},bg${k},bg_${k},,,"post ${k}, ${j}",${1_700_000_000 + k * 600 + j * 97},`);
      rows.push(`${id++},bg${k},bg_${k},own-${k}-${j},,RT,${1_700_000_000 + k * 600 + j * 97 + 5},`);
    }
  }
  for (let t = 0; t < 6; t++) for (const [n, u] of ['r1', 'r2', 'r3', 'r4'].entries()) rows.push(`${id++},${u},${u},target-${t},,RT,${1_700_000_000 + t * 7_200 + n * 9},`);
  rows.push(`${id++},bad,bad,,,x,not-a-time,`);
  return `${rows.join('\n')}\n`;
}

describe('npm run detect', () => {
  it('prints the report as JSON and a summary with the row issues on stderr', () => {
    const run = detect(file('ring.csv', ringCsv()), '--window', '60');
    expect(run.code).toBe(0);
    const report = DetectionReport.parse(JSON.parse(run.stdout));
    expect(report.clusters.map((c) => c.accounts.map((a) => a.id).toSorted())).toEqual([['r1', 'r2', 'r3', 'r4']]);
    expect(report.settings.coRetweet.windowSeconds).toBe(60);
    expect(run.stderr).toContain('1 row issue(s):');
    // The summary is in English (describeParseIssue); the JSON has the code and its params.
    expect(run.stderr).toContain('  row 1626, timestamp: not a timestamp: "not-a-time" (epoch seconds or ISO 8601, between 1990 and 2100) (row-skipped)\n');
    expect(report.parse.issues).toEqual([
      { row: 1626, field: 'timestamp', code: 'not-a-timestamp', params: { preview: '"not-a-time"' }, action: 'row-skipped' },
    ]);
    expect(run.stderr).toContain('1 cluster(s), 4 account(s).');
  }, 60_000);

  it.each([
    ['a missing file', () => join(dir, 'nope.csv'), 'no such file'],
    ['a directory', () => dir, 'is a directory'],
    ['an empty file', () => file('empty.csv', ''), 'The file is empty.'],
    ['a binary file', () => file('x.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])), 'looks binary'],
    ['a CSV without the required columns', () => file('bad.csv', 'a,b\n1,2\n'), 'lacks required column(s): message_id, user_id, timestamp'],
  ])('exits 2 with a clear message and no stack trace on %s', (_what, path, message) => {
    const run = detect(path());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('exits 1 on bad arguments and settings', () => {
    expect(detect(file('ok.csv', ringCsv()), '--window', '-3').code).toBe(1);
    const settings = file('settings.json', JSON.stringify({ coRetweet: { windowSeconds: 'soon' } }));
    const run = detect(join(dir, 'ok.csv'), '--settings', settings);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid settings');
  }, 60_000);
});
