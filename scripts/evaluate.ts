// `npm run evaluate -- FILE|DIR …`: the process wiring of src/cli/evaluate-files.ts (stdout, stderr,
// the clock and the exit code). Everything testable lives there.
import { runEvaluateCli } from '../src/cli/evaluate-files';

process.exitCode = runEvaluateCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date().toISOString(),
});
