// End-to-end runner on desktop VS Code through @vscode/test-electron:
// `node --import tsx test/e2e/runElectron.ts` (npm run test:e2e:electron).
//
// The same suite as test/e2e/run.ts (code-server), for machines that have a VS Code:
// - VSCODE_EXECUTABLE_PATH: the VS Code (Electron) executable to test in, e.g.
//   /usr/share/code/code, "/Applications/Visual Studio Code.app/Contents/MacOS/Electron" or
//   "C:\Program Files\Microsoft VS Code\Code.exe" (not the `code` launcher script, which returns
//   before the tests end);
// - otherwise test-electron downloads DECAY_LENS_VSCODE_VERSION (default 'stable'; needs
//   update.code.visualstudio.com) into $DECAY_LENS_E2E_CACHE/vscode-test (default .e2e/vscode-test).
// Steps: resolve that VS Code first (so a machine without one fails at once), `npm run build`,
// bundle the suite (bundleSuite.ts, as run.ts does), copy examples/cifar10_broken into a temporary
// workspace, then runTests() with the repository as extensionDevelopmentPath. `--disable-extensions`
// disables the installed extensions only: the extension under development is still loaded (that is
// test-electron's documented use of the flag), and VS Code's built-ins (the Python grammar) stay.
// Unlike run.ts it loads the extension from the repository, not from the VSIX, and writes no
// e2e-config.json, so the suite skips its page check (that one needs run.ts's browser).
// Linux without a display: run it under `xvfb-run -a`.
// Closing line: `e2e-electron: N passed, M failed` (mocha's totals, from the file the suite writes
// when DECAY_LENS_E2E_RESULT_FILE is set); the exit code is VS Code's, i.e. the suite's.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { bundleSuite } from './bundleSuite';
import { prepareEditor } from './editorSetup';
import { OUTPUT_PREFIX, RESULT_FILE_ENV, type SuiteResult } from './suite/handshake';

const repo = path.resolve(__dirname, '..', '..');
const cache = process.env.DECAY_LENS_E2E_CACHE ?? path.join(repo, '.e2e');
const version = process.env.DECAY_LENS_VSCODE_VERSION || 'stable';
/** For the test run only (not the download): VS Code's start, the suite, VS Code's exit. */
const deadlineMs = Number(process.env.DECAY_LENS_E2E_TIMEOUT_MS ?? 5 * 60_000);

/** A failure the runner explains in one message, without a stack trace. */
class RunnerError extends Error {}

let tmp: string | undefined;
process.on('exit', () => {
  try {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  } catch (error) {
    console.error(`[e2e-electron] could not remove ${tmp}: ${(error as Error).message}`);
  }
});
/** Set when the runner stops VS Code itself (deadline, SIGTERM): the code to exit with. */
let stopCode: number | undefined;

function note(message: string): void {
  console.log(`[e2e-electron] ${message}`);
}

/** The VS Code executable to test in: VSCODE_EXECUTABLE_PATH, checked, or test-electron's download. */
async function resolveVSCode(): Promise<string> {
  const given = process.env.VSCODE_EXECUTABLE_PATH;
  const options =
    'Either set VSCODE_EXECUTABLE_PATH to a VS Code executable (e.g. /usr/share/code/code), or run where ' +
    `test-electron can download VS Code (update.code.visualstudio.com; DECAY_LENS_VSCODE_VERSION picks the version, now '${version}').`;
  if (given) {
    let problem: string | undefined;
    if (!existsSync(given)) problem = 'does not exist';
    else if (!statSync(given).isFile()) problem = 'is not a file (give the executable itself, not its folder or app bundle)';
    else if (process.platform !== 'win32') {
      try {
        accessSync(given, constants.X_OK);
      } catch {
        problem = 'is not executable';
      }
    }
    if (problem) throw new RunnerError(`VSCODE_EXECUTABLE_PATH=${given} ${problem}. ${options}`);
    note(`VS Code: ${given} (VSCODE_EXECUTABLE_PATH)`);
    return given;
  }
  note(`VSCODE_EXECUTABLE_PATH is not set: test-electron fetches VS Code ${version}`);
  try {
    const executable = await downloadAndUnzipVSCode({ version, cachePath: path.join(cache, 'vscode-test') });
    note(`VS Code: ${executable}`);
    return executable;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunnerError(`no VS Code to test in: VSCODE_EXECUTABLE_PATH is not set and downloading VS Code ${version} failed (${reason}). ${options}`);
  }
}

function build(): void {
  note('building the extension (npm run build)');
  const windows = process.platform === 'win32';
  const result = spawnSync(windows ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: repo, stdio: 'inherit', shell: windows });
  if (result.error) throw new RunnerError(`npm run build: ${result.error.message}`);
  if (result.status !== 0) throw new RunnerError(`npm run build failed (${result.status ?? result.signal})`);
}

/**
 * Passes VS Code's output through (test-electron copies it to this process's stdout and stderr)
 * without the suite's line prefix, which only run.ts uses, and keeps it to count from if the suite
 * wrote no result file.
 */
function tapOutput(): { text: () => string; restore: () => void } {
  let captured = '';
  const restores = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write;
    const decoder = new StringDecoder('utf8');
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      // Only test-electron writes Buffers here (VS Code's output); strings are this process's own.
      if (!Buffer.isBuffer(chunk)) return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      const text = decoder.write(chunk);
      captured += text;
      return (write as (...args: unknown[]) => boolean).call(this, text.split(OUTPUT_PREFIX).join(''), ...rest);
    } as typeof stream.write;
    return () => {
      stream.write = write;
    };
  });
  return { text: () => captured, restore: () => restores.forEach((restore) => restore()) };
}

/**
 * Gives test-electron the Ctrl+C it handles itself: the first SIGINT closes VS Code gracefully,
 * the second kills its process tree.
 */
function stopVSCode(why: string, code: number): void {
  stopCode ??= code;
  console.error(`[e2e-electron] ${why}: closing VS Code`);
  process.emit('SIGINT', 'SIGINT');
  setTimeout(() => process.emit('SIGINT', 'SIGINT'), 10_000).unref();
  setTimeout(() => process.exit(code), 20_000).unref();
}

async function main(): Promise<number> {
  const vscodeExecutablePath = await resolveVSCode();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    note('no DISPLAY: VS Code needs a display; on a headless machine run this under `xvfb-run -a`');
  }

  build();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-e2e-'));
  const dirs = {
    suite: path.join(tmp, 'suite'),
    workspace: path.join(tmp, 'workspace'),
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const extensionTestsPath = await bundleSuite(dirs.suite);
  prepareEditor(repo, dirs.workspace, dirs.userData, { 'update.mode': 'none' });
  const resultFile = path.join(tmp, 'result.json');

  note(`running the suite in ${path.basename(vscodeExecutablePath)} on a copy of examples/cifar10_broken`);
  const output = tapOutput();
  const deadline = setTimeout(() => stopVSCode(`no result after ${deadlineMs / 1000} s (DECAY_LENS_E2E_TIMEOUT_MS)`, 1), deadlineMs);
  const onTerm = () => stopVSCode('SIGTERM', 143);
  process.once('SIGTERM', onTerm);
  let code: number;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repo,
      extensionTestsPath,
      launchArgs: [
        dirs.workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--user-data-dir',
        dirs.userData,
        '--extensions-dir',
        dirs.extensions,
      ],
      extensionTestsEnv: {
        [RESULT_FILE_ENV]: resultFile,
        // Set when this runs in VS Code's own terminal: it would start VS Code as plain Node.
        ELECTRON_RUN_AS_NODE: undefined,
      },
    });
  } catch (error) {
    if (!(error instanceof TestRunFailedError)) throw error;
    code = error.code ?? 1;
    if (code === 0) code = 1; // a signal
  } finally {
    clearTimeout(deadline);
    process.removeListener('SIGTERM', onTerm);
    output.restore();
  }

  const counts = readCounts(resultFile, output.text());
  if (counts) {
    if (counts.pending) note(`${counts.pending} skipped (the page check runs under run.ts only)`);
    console.log(`e2e-electron: ${counts.passed} passed, ${code === 0 ? counts.failed : Math.max(1, counts.failed)} failed`);
  } else if (code === 0) {
    note('the suite passed (VS Code exited with 0) but its totals were not found');
  } else {
    console.error(`[e2e-electron] FAILED: the suite reported no result (VS Code exited with ${code})`);
  }
  return stopCode ?? code;
}

/** mocha's totals: the suite's result file, or else its spec reporter's summary in VS Code's output. */
function readCounts(resultFile: string, output: string): SuiteResult | undefined {
  if (existsSync(resultFile)) {
    try {
      return JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult;
    } catch {
      // written only in part: fall back to the output
    }
  }
  const passing = /(\d+) passing/.exec(output);
  const failing = /(\d+) failing/.exec(output);
  const pending = /(\d+) pending/.exec(output);
  if (!passing && !failing) return undefined;
  return { passed: Number(passing?.[1] ?? 0), failed: Number(failing?.[1] ?? 0), pending: Number(pending?.[1] ?? 0) };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof RunnerError) console.error(`[e2e-electron] FAILED: ${error.message}`);
    else console.error(`[e2e-electron] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
