// `npm run evaluate -- FILE|DIR …`: the process wiring of src/cli/evaluate-files.ts (stdout, stderr,
// the clock and the exit code). Everything testable lives there.
import { runEvaluateCli } from '../src/cli/evaluate-files';

// The reader went away (`| head`): stop quietly, as Unix tools do, instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = runEvaluateCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date().toISOString(),
});
