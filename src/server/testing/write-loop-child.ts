// A child process for the crash test (crash-integrity.test.ts): opens the storage named by its
// environment (DATABASE_URL, else PGlite in DATA_DIR), seeds it, then writes case versions with two
// audit events each as fast as it can, printing the number of committed writes after each one, until
// it is killed. The parent kills it with SIGKILL at some point of that loop.
import { evaluate } from '../../engine/evaluate';
import { listingWith } from '../../backend/case-listing';
import { buildDemoSeed } from '../../backend/demo-data';
import { openStorage } from '../storage/open-storage';

const T0 = '2026-03-02T09:00:00.000Z';
const listingOf = listingWith(evaluate);
const opened = await openStorage({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? './data' });
const seed = await buildDemoSeed({ now: T0, evaluate });
await opened.storage.seedIfEmpty(seed, listingOf);
const ids = seed.cases.map((record) => record.id);

let written = 0;
for (let round = 0; ; round += 1) {
  const id = ids[round % ids.length] ?? '';
  const record = await opened.storage.getCase(id);
  if (!record) throw new Error(`case ${id} missing`);
  const version = record.version + 1;
  const next = { ...record, version, rightsRiskAssessment: `Write ${round}.` };
  const events = ['a', 'b'].map((suffix) => ({
    id: `crash-${id}-${version}-${suffix}`.slice(0, 64),
    caseId: id,
    type: 'case.updated' as const,
    actorId: 'ana',
    at: T0,
    reason: null,
    changes: [{ path: 'rightsRiskAssessment', before: record.rightsRiskAssessment, after: next.rightsRiskAssessment }],
    caseVersion: version,
  }));
  const result = await opened.storage.putCase(next, record.version, events, listingOf(next));
  if (!result.ok) throw new Error(`lost a compare-and-set with nobody else writing: ${JSON.stringify(result)}`);
  written += 1;
  process.stdout.write(`${written}\n`);
}
