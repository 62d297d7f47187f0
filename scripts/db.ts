// `npm run db -- migrate | export FILE | import FILE`
// The workbench's database from the command line, on the same configuration as the server:
// DATABASE_URL (postgres://…) for PostgreSQL, else the embedded PGlite in DATA_DIR (default ./data).
//   migrate      applies pending migrations (the server also does this when it starts)
//   export FILE  writes every case with its whole audit trail as JSON (`-` = stdout)
//   import FILE  reads such a file into an empty database, validated by the contract, in one transaction
// Exit codes: 0 done, 1 bad arguments or configuration, 2 the import was refused or the database failed.
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { z } from 'zod';
import { listingWith } from '../src/backend/case-listing';
import { evaluate } from '../src/engine/evaluate';
import { exportDatabase, importDatabase, ImportRefusedError } from '../src/server/storage/database-export';
import { migrateToCurrent, openSqlDatabase } from '../src/server/storage/open-storage';

const USAGE = 'usage: npm run db -- migrate | export FILE | import FILE   (env: DATABASE_URL or DATA_DIR, default ./data)';

const Environment = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
});

const Command = z.discriminatedUnion('command', [
  z.object({ command: z.literal('migrate') }),
  z.object({ command: z.literal('export'), file: z.string().min(1) }),
  z.object({ command: z.literal('import'), file: z.string().min(1) }),
]);

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const [command, file, ...rest] = process.argv.slice(2);
  const parsedCommand = Command.safeParse({ command, file });
  if (!parsedCommand.success || rest.length > 0) fail(1, USAGE);
  const environment = Environment.safeParse(process.env);
  if (!environment.success) fail(1, `Bad configuration: ${environment.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const { DATABASE_URL: databaseUrl, DATA_DIR: dataDir } = environment.data;
  const where = databaseUrl ? `PostgreSQL (${new URL(databaseUrl).host})` : `the embedded database in ${dataDir}`;

  const db = await openSqlDatabase({ databaseUrl, dataDir });
  try {
    const applied = await migrateToCurrent(db);
    const task = parsedCommand.data;
    if (task.command === 'migrate') {
      process.stderr.write(applied.length > 0 ? `Applied migrations ${applied.join(', ')} to ${where}.\n` : `${where}: schema is current.\n`);
    } else if (task.command === 'export') {
      const out = task.file === '-' ? process.stdout : createWriteStream(task.file);
      const counts = await exportDatabase(db, out, new Date().toISOString());
      if (out !== process.stdout) {
        out.end();
        await finished(out);
      }
      process.stderr.write(`Exported ${counts.cases} cases and ${counts.events} audit events from ${where}.\n`);
    } else {
      const text = task.file === '-' ? await readAll(createReadStream('/dev/stdin')) : readFileSync(task.file, 'utf8');
      const counts = await importDatabase(db, text, listingWith(evaluate));
      process.stderr.write(`Imported ${counts.cases} cases and ${counts.events} audit events into ${where}.\n`);
    }
  } catch (error) {
    if (error instanceof ImportRefusedError) fail(2, error.message);
    fail(2, `The database failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await db.close();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

await main();
