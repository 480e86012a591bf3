// Running the real `decay-lens` command in tests.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChildIdentity } from './permissions';

export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The node arguments that start the CLI: the bundle dist/cli.js when it exists (run `npm run
 * build` first so it is current), otherwise server/src/cli/main.ts through tsx. Set
 * DECAY_LENS_TEST_CLI=source or =dist to force one.
 */
export function cliCommand(): string[] {
  const bundle = path.join(ROOT, 'dist', 'cli.js');
  const choice = process.env.DECAY_LENS_TEST_CLI ?? (existsSync(bundle) ? 'dist' : 'source');
  if (choice === 'dist') return [bundle];
  // tsx resolved from the project, so the CLI can run with any working folder.
  const tsx = createRequire(path.join(ROOT, 'package.json')).resolve('tsx');
  return ['--import', pathToFileURL(tsx).href, path.join(ROOT, 'server', 'src', 'cli', 'main.ts')];
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI to its end; `runAs` picks the user it runs as (see unprivileged() in permissions.ts).
 * Without its cache (DECAY_LENS_NO_CACHE): two runs of a test each analyse; cliWithCache keeps it.
 */
export function cli(args: string[], cwd: string = ROOT, runAs: ChildIdentity = {}): RunResult {
  return runCliProcess(args, cwd, { ...process.env, DECAY_LENS_NO_CACHE: '1' }, runAs);
}

/** The CLI as users run it: `check` reads and writes its cache (by default .decay-lens-cache in `cwd`). */
export function cliWithCache(args: string[], cwd: string): RunResult {
  const env = { ...process.env };
  delete env.DECAY_LENS_NO_CACHE;
  return runCliProcess(args, cwd, env, {});
}

function runCliProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv, runAs: ChildIdentity): RunResult {
  const result = spawnSync(process.execPath, [...cliCommand(), ...args], {
    ...runAs,
    cwd,
    env,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's stdout as JSON (`--format json`); fails with its output when it is not JSON. */
export function parseJson<T>(result: RunResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    assert.fail(`stdout is not JSON:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** Fails with the CLI's output, which is what one needs to see when an exit code is wrong. */
export function assertExit(result: RunResult, expected: number): void {
  assert.equal(result.code, expected, `exit ${result.code}, expected ${expected}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, 'no crash or stack trace');
}


/** Starts the CLI in a process group of its own, without waiting, for tests that signal it. */
export function startCli(args: string[], cwd: string = ROOT) {
  return spawn(process.execPath, [...cliCommand(), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}
