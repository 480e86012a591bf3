// Decay Lens never opens a network connection nor runs the user's code: the real server (analysis, hovers, lenses, a real
// sweep in its worker processes) and the CLI (check and sweep) run with a preload that records
// every socket connect, UDP socket, DNS lookup, http(s) request and fetch (test/support/
// networkGuard.cjs, passed through NODE_OPTIONS so the sweep workers load it too). Any record
// fails the test. A control case shows the preload catches a deliberate connection, also in a
// child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SweepOutcome } from '../../server/src/protocol';
import { cli } from '../support/cli';
import { TestLspClient, toUri } from '../support/lspClient';

const guard = path.resolve(__dirname, '..', 'support', 'networkGuard.cjs');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-network-'));
const logFile = path.join(scratch, 'network.jsonl');

interface LogEntry {
  pid: number;
  argv: string[];
  kind: string;
  target?: string;
  stack?: string;
}

function readLog(): LogEntry[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry);
}

function assertNoNetwork(entries: LogEntry[]): void {
  const attempts = entries.filter((entry) => entry.kind !== 'loaded');
  assert.deepEqual(attempts.map((entry) => `${entry.kind} ${entry.target} in ${entry.argv.join(' ')}\n${entry.stack}`), [], 'no network attempts');
}

// Children of this test process (the server, the CLI, and through them the sweep workers) load the guard.
before(() => {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${guard}`.trim();
  process.env.DECAY_LENS_NETWORK_LOG = logFile;
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('control: the guard records a deliberate connection, lookup and fetch, also in a child process', () => {
  rmSync(logFile, { force: true });
  const script = [
    "const net = require('node:net');",
    "const socket = net.connect(9, '127.0.0.1'); socket.on('error', () => {});",
    "require('node:dns').lookup('localhost', () => {});",
    "require('node:child_process').spawnSync(process.execPath, ['-e', \"fetch('http://127.0.0.1:9/').catch(() => {})\"]);",
    'socket.destroy();',
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.status, 0, run.stderr);
  const entries = readLog();
  const kinds = entries.map((entry) => entry.kind);
  assert.ok(kinds.includes('socket connect'), `a socket connect in ${kinds}`);
  assert.ok(kinds.includes('dns lookup'), `a dns lookup in ${kinds}`);
  assert.ok(kinds.includes('fetch'), `a fetch in ${kinds}`);
  const loaded = new Set(entries.filter((entry) => entry.kind === 'loaded').map((entry) => entry.pid));
  assert.equal(loaded.size, 2, 'the parent and its child both loaded the guard');
  assert.throws(() => assertNoNetwork(entries), /no network attempts/);
});

/** Files that leave a mark if anything runs them (Python, TF.js, a notebook cell). */
function writeSideEffectFiles(folder: string): string[] {
  const marks = ['py', 'ts', 'ipynb'].map((kind) => path.join(scratch, `ran-${kind}-${path.basename(folder)}`));
  writeFileSync(path.join(folder, 'side_effect.py'), `import os\nopen(${JSON.stringify(marks[0])}, 'w').write('ran')\nos.system('touch ${marks[0]}')\n`);
  writeFileSync(path.join(folder, 'side_effect.ts'), `import * as fs from 'fs';\nfs.writeFileSync(${JSON.stringify(marks[1])}, 'ran');\n`);
  const cell = { cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: [`open(${JSON.stringify(marks[2])}, 'w').write('ran')\n`, `!touch ${marks[2]}\n`] };
  writeFileSync(path.join(folder, 'side_effect.ipynb'), JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell] }));
  return marks;
}

describe('the language server and a sweep through it open no connection and run no user code', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-network-ws-'));
  cpSync(path.resolve(__dirname, '..', '..', 'examples', 'cifar10_broken'), folder, { recursive: true });
  const marks = writeSideEffectFiles(folder);
  const file = path.join(folder, 'cifar10.py');
  const uri = toUri(file);
  const text = readFileSync(file, 'utf8');
  let client: TestLspClient;

  before(async () => {
    rmSync(logFile, { force: true });
    client = await TestLspClient.start({ workspaceFolder: folder });
    client.configuration = { sweep: { steps: 40 } };
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('diagnostics, hover, lenses, inlay hints, a sweep, shutdown: no network attempt in any process', async () => {
    await client.open(uri, text);
    // Every source file of the folder is read, those that would leave a mark too.
    await client.waitForLog(new RegExp(`^indexed ${readdirSync(folder).filter((name) => !name.endsWith('.ipynb')).length} `));
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const line = diagnostics[0].range.start.line;
    const hover = await client.hover(uri, line, diagnostics[0].range.start.character + 1);
    assert.ok(hover?.contents.value, 'a hover on the finding');
    const lenses = await client.request<{ command: { arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(lenses.length > 0);
    const outcome = await client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: lenses[0].command.arguments });
    assert.ok(outcome, `a sweep outcome; messages: ${client.messages.join(' | ')}`);
    const hints = await client.request<unknown[] | null>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } });
    assert.ok(hints && hints.length > 0, 'inlay hints after the sweep');
    await client.stop();

    const entries = readLog();
    const watched = entries.filter((entry) => entry.kind === 'loaded').map((entry) => entry.argv.join(' '));
    assert.ok(watched.some((argv) => /dist\/server\.js/.test(argv)), `the server loaded the guard: ${watched.join(' | ')}`);
    assert.ok(watched.some((argv) => /sweepWorker/.test(argv)), `the sweep workers loaded the guard: ${watched.join(' | ')}`);
    assertNoNetwork(entries);
    assert.deepEqual(marks.filter((mark) => existsSync(mark)), [], 'no workspace code ran');
  });
});

test('the CLI: check and a sweep open no connection and run no user code', () => {
  rmSync(logFile, { force: true });
  const folder = mkdtempSync(path.join(scratch, 'cli-'));
  cpSync(path.resolve(__dirname, '..', '..', 'examples', 'cifar10_broken'), folder, { recursive: true });
  const marks = writeSideEffectFiles(folder);
  const check = cli(['check', folder]);
  assert.equal(check.code, 1, check.stderr);
  assert.match(check.stdout, new RegExp(` in ${readdirSync(folder).length} files`), 'every file was read, those that would leave a mark too');
  const sweep = cli(['sweep', '--spec', 'examples/sweeps/overfitting-mlp.json', '--steps', '30', '--json']);
  assert.equal(sweep.code, 0, sweep.stderr);
  const entries = readLog();
  const watched = entries.filter((entry) => entry.kind === 'loaded').map((entry) => entry.argv.join(' '));
  assert.ok(watched.filter((argv) => /cli/.test(argv)).length >= 2, `both CLI runs loaded the guard: ${watched.join(' | ')}`);
  assert.ok(watched.some((argv) => /sweepWorker|worker\.ts/.test(argv)), `the CLI's sweep workers loaded the guard: ${watched.join(' | ')}`);
  assertNoNetwork(entries);
  assert.deepEqual(marks.filter((mark) => existsSync(mark)), [], 'no workspace code ran');
});
