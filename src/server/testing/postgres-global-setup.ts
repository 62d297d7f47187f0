// Vitest global set-up of the `server` project: one PostgreSQL 15 cluster for the whole run, its URL
// handed to the tests as inject('postgresUrl'); each test file makes its own database in it
// (createTestDatabase). If PostgreSQL cannot start the run fails here, loudly: CI must not quietly
// test only the embedded database.
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
