// `npm run bench:parsers`: the parsers on adversarial inputs, whole and streamed in small chunks.
// Every parser is meant to be linear in its input whatever the chunking (issue 14, defect 7); this
// prints how long each hostile input takes, so a re-scan that turns quadratic shows as seconds
// instead of milliseconds. Figures only: nothing here fails (speed goals live in benchmarks, not
// in tests; the tests count scanned characters instead).
import { createActivityParser } from '../src/engine/detection/activity-parser';
import { describeParseIssue } from '../src/engine/detection/parse-messages';

const HEADER = 'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls';

interface Case {
  name: string;
  text: () => string;
  chunks: number[];
}

const KiB = 1024;
const MiB = 1024 * 1024;

const CASES: Case[] = [
  {
    name: 'CSV, one 1 MB field of doubled quotes',
    text: () => `${HEADER}\n1,u,a,,,"${'""'.repeat(499_000)}",1600000000,\n2,u,a,,,b,1600000000,\n`,
    chunks: [Number.POSITIVE_INFINITY, MiB, 4 * KiB],
  },
  {
    name: 'CSV, an unquoted 999,000-character line',
    text: () => `${HEADER}\n1,u,a,,,${'x'.repeat(999_000)},1600000000,\n2,u,a,,,b,1600000000,\n`,
    chunks: [Number.POSITIVE_INFINITY, 4 * KiB],
  },
  {
    name: 'Twitter v2, 40 MiB of backslashes in one string',
    text: () => `{"data":[{"id":"1","author_id":"2","created_at":"2021-01-01T00:00:00Z","text":"${'\\'.repeat(40 * MiB)}"},{"id":"3","author_id":"2","created_at":"2021-01-01T00:00:00Z","text":"b"}]}`,
    chunks: [Number.POSITIVE_INFINITY, MiB, 64 * KiB],
  },
  {
    name: 'Twitter v2, a 20,000-character key after 70 KB',
    text: () => `{"data":[{"id":"1","author_id":"2","created_at":"2021-01-01T00:00:00Z","text":"a"}],"meta":{"pad":"${'p'.repeat(70_000)}"},"${'k'.repeat(20_000)}":1,"includes":{"users":[{"id":"2","username":"ann"}]}}`,
    chunks: [Number.POSITIVE_INFINITY, 64, 4 * KiB],
  },
  {
    name: 'NDJSON, a 999,000-character line',
    text: () => `{"message_id":"1","user_id":"u","timestamp":1600000000,"message":"${'x'.repeat(998_900)}"}\n{"message_id":"2","user_id":"u","timestamp":1600000000}\n`,
    chunks: [Number.POSITIVE_INFINITY, 4 * KiB],
  },
  {
    name: 'NDJSON, a first line of 70,000 characters',
    text: () => `{"message_id":"1","user_id":"u","timestamp":1600000000,"message":"${'x'.repeat(69_900)}"}\n{"message_id":"2","user_id":"u","timestamp":1600000000}\n`,
    chunks: [Number.POSITIVE_INFINITY, 4 * KiB],
  },
  {
    name: 'CSV, a header of 70,000 characters',
    text: () => `${HEADER},${'x'.repeat(69_900)}\n1,u,a,,,b,1600000000,,\n`,
    chunks: [Number.POSITIVE_INFINITY, 4 * KiB],
  },
];

function run(text: string, chunk: number): { ms: number; summary: string } {
  const started = performance.now();
  const parser = createActivityParser();
  if (chunk >= text.length) parser.push(text);
  else for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  const result = parser.end();
  const ms = performance.now() - started;
  const stop = result.issues.find((issue) => issue.action === 'stopped');
  const summary = result.fatal
    ? `fatal ${result.fatal.code}`
    : `${result.format}: ${result.rowsImported} imported, ${result.rowsSkipped} skipped${stop ? `, stopped (${describeParseIssue(stop).slice(0, 60)})` : ''}`;
  return { ms, summary };
}

const only = process.argv[2];
for (const c of CASES.filter((x) => only === undefined || x.name.includes(only))) {
  const text = c.text();
  for (const chunk of c.chunks) {
    const { ms, summary } = run(text, chunk);
    const how = Number.isFinite(chunk) ? `${chunk >= MiB ? `${chunk / MiB} MiB` : chunk >= KiB ? `${chunk / KiB} KiB` : `${chunk} B`} chunks` : 'whole';
    console.log(`${c.name.padEnd(52)} ${how.padEnd(13)} ${ms.toFixed(0).padStart(7)} ms   ${summary}`);
  }
}
