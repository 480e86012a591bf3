// End-to-end runner: `node --import tsx test/e2e/run.ts` (after scripts/setup-e2e.sh).
//
// 1. Packages the VSIX (or reuses dist/decay-lens-linux-x64.vsix when newer than its inputs) and
//    installs it with `code-server --install-extension` into a fresh extensions folder.
// 2. Starts code-server (a real VS Code 1.100, see ../shared/ENVIRONMENT.md) on a free localhost
//    port, every folder it writes (user data, config, XDG, HOME) inside one temporary folder.
// 3. Opens a copy of examples/cifar10_broken in Debian's chromium through playwright-core, with
//    the bundled suite (test/e2e/suite) as `extensionTestsPath`. VS Code only reports test output
//    and the exit code through `codeAutomationLog`/`codeAutomationExit` when it also has an
//    `extensionDevelopmentPath`: that points at the installed extension's own folder, so what runs
//    is still exactly the VSIX's content.
// 4. Prints the suite's output, does the page check the suite asks for (squiggle and code lens
//    visible; screenshot in .test-artifacts/e2e.png), and exits with the suite's code.
// Everything is torn down on every path out, and the whole run has a hard deadline.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bundleSuite } from './bundleSuite';
import { prepareEditor } from './editorSetup';
import { CONFIG_FILE_NAME, OUTPUT_PREFIX, UI_CHECK_MARKER, type E2eConfig, type UiCheckResult } from './suite/handshake';

const repo = path.resolve(__dirname, '..', '..');
const cache = process.env.DECAY_LENS_E2E_CACHE ?? path.join(repo, '.e2e');
const codeServer = path.join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.DECAY_LENS_E2E_CHROMIUM ?? '/usr/bin/chromium';
const vsix = path.join(repo, 'dist', 'decay-lens-linux-x64.vsix');
const artifacts = path.join(repo, '.test-artifacts');
const deadlineMs = Number(process.env.DECAY_LENS_E2E_TIMEOUT_MS ?? 5 * 60_000);

const started = Date.now();
const cleanups: Array<() => Promise<void> | void> = [];
/** code-server's process group (its pid: it is spawned as a group leader). */
let serverGroup: number | undefined;
const logFile = path.join(artifacts, 'e2e-log.txt');

function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
function note(message: string): void {
  console.log(`[e2e ${elapsed()}] ${message}`);
  appendFileSync(logFile, `[runner ${elapsed()}] ${message}\n`);
}

async function main(): Promise<number> {
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(logFile, '');
  for (const [what, file] of [['code-server', codeServer], ['chromium', chromiumPath]]) {
    if (!existsSync(file)) throw new Error(`${what} is missing (${file}): run scripts/setup-e2e.sh (npm run test:e2e does)`);
  }

  ensureVsix();

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-e2e-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const dirs = {
    extensions: path.join(tmp, 'extensions'),
    userData: path.join(tmp, 'user-data'),
    home: path.join(tmp, 'home'),
    workspace: path.join(tmp, 'workspace'),
    suite: path.join(tmp, 'suite'),
    ui: path.join(tmp, 'ui-check'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const configFile = path.join(tmp, 'code-server.yaml');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
  };
  const isolation = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', configFile];
  prepareEditor(repo, dirs.workspace, dirs.userData);

  // Install the VSIX the way a user would.
  const install = spawnSync(process.execPath, [codeServer, ...isolation, '--install-extension', vsix], { env, encoding: 'utf8' });
  appendFileSync(logFile, `[install] ${install.stdout}${install.stderr}\n`);
  if (install.status !== 0) throw new Error(`code-server --install-extension failed (${install.status}):\n${install.stdout}${install.stderr}`);
  const installed = readdirSync(dirs.extensions).find((name) => name.startsWith('decay-lens.decay-lens-'));
  if (!installed) throw new Error(`the VSIX did not install: ${dirs.extensions} holds ${readdirSync(dirs.extensions).join(', ')}`);
  const extensionPath = path.join(dirs.extensions, installed);
  note(`installed ${installed}`);

  // The suite, bundled with mocha into one CommonJS file the extension host can load.
  await bundleSuite(dirs.suite);
  const suiteConfig: E2eConfig = { extensionPath, uiCheckDir: dirs.ui };
  writeFileSync(path.join(dirs.suite, CONFIG_FILE_NAME), JSON.stringify(suiteConfig));

  const server = await startCodeServer([...isolation, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'], env);
  note(`code-server at ${server.origin}`);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    env,
  });
  cleanups.push(() => browser.close().catch(() => undefined));
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  return runSuite(page, browser, server, { extensionPath, suite: dirs.suite, workspace: dirs.workspace });
}

/** Runs the suite in the page; resolves with its exit code. */
async function runSuite(
  page: Page,
  browser: Browser,
  server: { origin: string; process: ChildProcess },
  paths: { extensionPath: string; suite: string; workspace: string },
): Promise<number> {
  let uiCheck: Promise<UiCheckResult> | undefined;
  let suiteExited!: (code: number) => void;
  const exitCode = new Promise<number>((resolve, reject) => {
    suiteExited = resolve;
    page.on('crash', () => reject(new Error('the page crashed')));
    browser.on('disconnected', () => reject(new Error('chromium exited')));
    server.process.on('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal})`)));
  });
  exitCode.catch(() => undefined); // teardown closes both after an earlier failure: not an unhandled rejection
  await page.exposeFunction('codeAutomationExit', (code: number) => suiteExited(code));
  await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
    const text = logText(message);
    appendFileSync(logFile, `[${level}] ${text}\n`);
    if (text.startsWith(UI_CHECK_MARKER)) {
      const [kind, resultFile] = text.slice(UI_CHECK_MARKER.length).trim().split(' ');
      const check = kind === 'chart' ? checkChart(page) : checkPage(page);
      const answered = check
        .catch((error: Error): UiCheckResult => ({ ok: false, details: `the page check failed: ${error.message}` }))
        .then((result) => {
          note(`${kind} check: ${result.ok ? 'ok' : 'FAILED'}: ${result.details}`);
          writeFileSync(resultFile, JSON.stringify(result));
          return result;
        });
      if (kind !== 'chart') uiCheck = answered;
    }
    if (text.startsWith(OUTPUT_PREFIX)) {
      const output = text.split('\n').map((line) => line.replace(OUTPUT_PREFIX, '')).join('\n');
      counts.passed = Number(/(\d+) passing/.exec(output)?.[1] ?? counts.passed);
      counts.failed = Number(/(\d+) failing/.exec(output)?.[1] ?? counts.failed);
      process.stdout.write(`${output}\n`);
    } else if (level === 'error' || process.env.DECAY_LENS_E2E_VERBOSE) {
      process.stdout.write(`  [vscode ${level}] ${text.split('\n')[0].slice(0, 300)}\n`);
    }
  });

  const remote = `vscode-remote://${new URL(server.origin).host}`;
  const payload = [
    ['extensionDevelopmentPath', `${remote}${paths.extensionPath}`],
    ['extensionTestsPath', `${remote}${path.join(paths.suite, 'index.js')}`],
  ];
  const url = `${server.origin}/?folder=${encodeURIComponent(paths.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  note('workbench loading; the suite runs in the extension host');
  const code = await exitCode;
  note(`suite exited with ${code}`);

  // The suite asks for the page check at the right moment; if it never got there, check now.
  const ui = await (uiCheck ?? checkPage(page, 10_000));
  note(`page check: ${ui.ok ? 'ok' : 'FAILED'}: ${ui.details}`);
  if (ui.ok) counts.passed++;
  else counts.failed++;
  await page.screenshot({ path: path.join(artifacts, 'e2e-end.png') }).catch(() => undefined);
  return code !== 0 ? code : ui.ok ? 0 : 1;
}

/** Waits until some frame of the page (webviews nest frames) holds the chart panel's canvases. */
async function checkChart(page: Page, timeoutMs = 30_000): Promise<UiCheckResult> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const canvases = await frame.locator('canvas').count().catch(() => 0);
      if (canvases >= 4 && (await frame.locator('h1', { hasText: 'Decay sweep' }).count().catch(() => 0)) > 0) {
        await page.screenshot({ path: path.join(artifacts, 'e2e-chart.png') }).catch(() => undefined);
        return { ok: true, details: `the chart panel draws ${canvases} charts; screenshot .test-artifacts/e2e-chart.png` };
      }
    }
    await page.waitForTimeout(200);
  }
  await page.screenshot({ path: path.join(artifacts, 'e2e-chart.png') }).catch(() => undefined);
  return { ok: false, details: 'no frame with the chart canvases and headline' };
}

/** Waits for a warning squiggle and a code lens in the editor, then saves the screenshot. */
async function checkPage(page: Page, timeoutMs = 30_000): Promise<UiCheckResult> {
  const found: string[] = [];
  const missing: string[] = [];
  for (const [what, selector] of [
    ['warning squiggle', '.monaco-editor .squiggly-warning'],
    ['code lens', '.monaco-editor .codelens-decoration'],
  ] as const) {
    const element = page.locator(selector).first();
    try {
      await element.waitFor({ state: 'visible', timeout: timeoutMs });
      const text = (await element.textContent())?.trim();
      found.push(text ? `${what} "${text}"` : what);
    } catch {
      missing.push(`${what} (${selector}) not visible within ${timeoutMs} ms`);
    }
  }
  const screenshot = path.join(artifacts, 'e2e.png');
  await page.screenshot({ path: screenshot }).catch(() => undefined);
  const details = [found.length ? `visible: ${found.join(', ')}` : '', missing.join('; '), `screenshot ${path.relative(repo, screenshot)}`]
    .filter(Boolean)
    .join('; ');
  return { ok: missing.length === 0, details };
}

/**
 * VS Code passes log messages as a JSON array: console.log's arguments when they come from the
 * extension host (format string first), or plain text.
 */
function logText(message: unknown): string {
  const raw = typeof message === 'string' ? message : JSON.stringify(message);
  try {
    const args: unknown = JSON.parse(raw);
    if (Array.isArray(args)) return format(...args);
  } catch {
    // plain text
  }
  return raw;
}

/** Starts code-server on a port it picks itself and waits until /healthz answers. */
async function startCodeServer(args: string[], env: NodeJS.ProcessEnv): Promise<{ origin: string; process: ChildProcess }> {
  // Its own process group, so teardown reaches the extension host, the language server and the
  // sweep workers too.
  const child = spawn(process.execPath, [codeServer, ...args], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  serverGroup = child.pid;
  cleanups.push(() => stopGroup(child));
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      appendFileSync(logFile, `[code-server] ${chunk}`);
      const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) resolve(listening[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`)));
  });
  for (;;) {
    const healthy = await new Promise<boolean>((resolve) => {
      http.get(`${origin}/healthz`, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      }).on('error', () => resolve(false));
    });
    if (healthy) return { origin, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGTERM to the process group, SIGKILL to whatever is left of it after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const group = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // no process left in the group
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && groupIsRunning(group)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup('SIGKILL');
}

/**
 * Whether a process of the group still runs. Reads /proc so that zombies do not count: processes
 * whose parent died are reparented to PID 1, which in a container may never reap them.
 */
function groupIsRunning(group: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === group && state !== 'Z') return true;
    } catch {
      // the process ended while we looked
    }
  }
  return false;
}

/** Rebuilds the VSIX unless it is newer than every file that goes into it. */
function ensureVsix(): void {
  const inputs = [
    'package.json', 'package-lock.json', 'README.md', 'esbuild.mjs', '.vscodeignore', 'scripts/package-vsix.mjs', 'scripts/onnxruntimeFiles.mjs', 'scripts/zipList.mjs',
    'client', 'server', 'runtime', 'syntaxes', 'docs', 'media', 'node_modules/onnxruntime-node/package.json',
  ];
  const newestInput = Math.max(...inputs.map((input) => newestMtime(path.join(repo, input))));
  if (existsSync(vsix) && statSync(vsix).mtimeMs > newestInput && !process.env.DECAY_LENS_E2E_REPACKAGE) {
    note(`reusing ${path.relative(repo, vsix)} (newer than its inputs)`);
    return;
  }
  note('packaging the VSIX (npm run package)');
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts', 'package-vsix.mjs')], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`packaging failed (${result.status ?? result.signal})`);
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(file)) {
    if (name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(file, name)));
  }
  return newest;
}

async function cleanup(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`[e2e] cleanup: ${(error as Error).message}`);
    }
  }
}

let exiting: Promise<never> | undefined;
/** The one way out: the first caller's code wins, later calls (say, the rejection a closing browser causes) wait for it. */
function exit(code: number): Promise<never> {
  exiting ??= (async () => {
    // If teardown itself hangs, kill what is left and go.
    setTimeout(() => {
      console.error('[e2e] cleanup took over 30 s: killing what is left');
      process.exit(code || 1);
    }, 30_000).unref();
    await cleanup();
    process.exit(code);
  })();
  return exiting;
}
// Last resort on any exit: nothing of code-server's process group outlives the runner.
process.on('exit', () => {
  if (serverGroup !== undefined) {
    try {
      process.kill(-serverGroup, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

const hardDeadline = setTimeout(() => {
  console.error(`[e2e] FAILED: no result after ${deadlineMs / 1000} s (the whole run's limit); see ${path.relative(repo, logFile)}`);
  void exit(1);
}, deadlineMs);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`[e2e] ${signal}: cleaning up`);
    void exit(130);
  });
}

/** Mocha's totals from the suite's output, plus the page check. */
const counts = { passed: 0, failed: 0 };

main().then(
  async (code) => {
    if (exiting) return;
    clearTimeout(hardDeadline);
    note(code === 0 ? 'PASSED' : `FAILED (exit code ${code}); log in ${path.relative(repo, logFile)}`);
    // The closing line CI reads: the suite's tests and the page check.
    console.log(`e2e: ${counts.passed} passed, ${code === 0 ? counts.failed : Math.max(1, counts.failed)} failed`);
    await exit(code);
  },
  async (error: Error) => {
    if (exiting) return;
    clearTimeout(hardDeadline);
    console.error(`[e2e] FAILED: ${error.stack ?? error.message}`);
    await exit(1);
  },
);
