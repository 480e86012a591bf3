// Entry of the `decay-lens` command (bundled to dist/cli.js). A thin shell over runCli: process
// streams in, exit code out. The exit code is set, not forced, so piped output is flushed first.
import { EXIT_INTERNAL_ERROR, runCli } from './run';

// `decay-lens check . | head` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Ctrl-C stops a long command (a sweep) cleanly; a second Ctrl-C exits at once.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

runCli(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  signal: interrupt.signal,
  interactive: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`decay-lens: internal error: ${detail}\n`);
    process.exitCode = EXIT_INTERNAL_ERROR;
  },
);
