// A generated workspace of 1,000 Python files (bench/generateWorkspace.ts), measured through the
// shipped bundles (run `npm run build` first): the language server over stdio (index time, its
// memory, a file opened while it indexes, edit-to-diagnostics latency), the 5,000-line file of
// diagnostics.bench.ts opened in a fresh server and edited, and the CLI (one thread and the
// default, without and with its cache, after a change to a shared module and to a leaf script, and
// five files checked with the workspace as --context), with pyright checking the same folder in the same run as
// the floor, and ruff's WebAssembly build linting the same files in this process as an anchor.
// Runs from source through tsx: it reuses test/support/lspClient.ts, which finds dist/server.js
// from its own folder.
//   node --import tsx bench/workspace.bench.ts [--only server|file|cli] [--files N] [--runs N]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { FileParser } from '../server/src/parser/fileParser';
import { createParser, loadPythonLanguage } from '../server/src/parser/treeSitter';
import { cliCommand, ROOT } from '../test/support/cli';
import { TestLspClient, toUri } from '../test/support/lspClient';
import { generateModel } from './generateModel';
import { generateWorkspace, writeWorkspace, type GeneratedWorkspace } from './generateWorkspace';
import { median, printRows, type Row } from './report';
import { ruffLinter } from './ruffAnchor';

const SECTIONS = ['server', 'file', 'cli'] as const;
type Section = (typeof SECTIONS)[number];
const EDITS = 21;
/** Runs of each CLI row (`--runs N`; one at 100,000 files keeps the run under half an hour). */
let CLI_RUNS = 3;
const MODEL_LINES = 5000;
const TARGET = { indexMs: 3000, rssMb: 150, firstOpenMs: 500, editMs: 30, cliShareOfPyright: 0.15, twoCoresShare: 1 / 1.6, overHalvesAtOnce: 1.1, leafEditShare: 0.1, sharedEditShare: 0.3 };

/** A line to edit and its two versions, whose findings differ: only the second's diagnostics mention `marker`. */
interface LineEdit {
  line: number;
  versions: [string, string];
  marker: string;
}

/** A field of /proc/PID/status in MB (VmRSS: now, VmHWM: peak); 0 where /proc is missing. */
function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs a process to its end: wall time, and its peak resident memory as last seen (polled). */
function runMeasured(args: string[], cwd: string): Promise<{ ms: number; peakMb: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let peakMb = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    const poll = setInterval(() => (peakMb = Math.max(peakMb, procMb(child.pid!, 'VmHWM'))), 20);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - started, peakMb, stdout, code });
    });
  });
}

async function measurePyright(folder: string): Promise<{ ms: number; peakMb: number; files: number }> {
  const pyright = path.join(ROOT, 'node_modules', 'pyright', 'index.js');
  const args = [pyright, '--outputjson', folder];
  await runMeasured(args, folder); // warm-up: the file cache, pyright's own bundled stubs
  const run = await runMeasured(args, folder);
  const summary = (JSON.parse(run.stdout) as { summary: { filesAnalyzed: number } }).summary;
  return { ms: run.ms, peakMb: run.peakMb, files: summary.filesAnalyzed };
}

/** pyright on the same folder: the floor of the index and check rows. */
interface PyrightRun {
  ms: number;
  peakMb: number;
}

/** Above this many files pyright is not run (10,000 took it 34 s and 1.5 GB here): the rows print without its floor. */
const PYRIGHT_MAX_FILES = 20_000;

/** pyright's time or peak RSS as a row's floor, with the target against it; neither when pyright was not run. */
function againstPyright(pyright: PyrightRun | undefined, figure: 'ms' | 'peakMb', target?: Row['target']): Pick<Row, 'floor' | 'target'> {
  if (!pyright) return {};
  const floor = figure === 'ms' ? { name: 'pyright check', value: pyright.ms } : { name: 'pyright peak RSS', value: pyright.peakMb };
  return target ? { floor, target } : { floor };
}

async function measureServer(folder: string, workspace: GeneratedWorkspace, pyright: PyrightRun | undefined): Promise<Row[]> {
  const started = performance.now();
  const client = await TestLspClient.start({ workspaceFolder: folder });
  try {
    // The server logs this line right after publishing the diagnostics of the whole workspace.
    await client.waitForLog(/^indexed \d+ files/);
    const indexMs = performance.now() - started;
    const pid = client.process.pid!;
    const rssMb = procMb(pid, 'VmRSS');
    const peakMb = procMb(pid, 'VmHWM');

    const file = path.join(folder, workspace.editedModule);
    const uri = toUri(file);
    await client.open(uri, readFileSync(file, 'utf8'));
    const hover = await hoverRoundTrip(client, uri);
    const edits = await editToDiagnostics(client, uri, { line: workspace.editLine, versions: workspace.lineVersions, marker: 'weight_losses' });
    const openWhileIndexing = await measureOpenWhileIndexing(folder, uri, readFileSync(file, 'utf8'));
    console.log(`Server: ${readdirSync(folder).length} packages indexed; after indexing RSS ${rssMb.toFixed(0)} MB (peak ${peakMb.toFixed(0)} MB)`);
    return [
      { measure: 'server: index + first diagnostics', value: indexMs, unit: 'ms', ...againstPyright(pyright, 'ms'), target: { max: TARGET.indexMs } },
      { measure: 'server: RSS after indexing', value: rssMb, unit: 'MB', ...againstPyright(pyright, 'peakMb'), target: { max: TARGET.rssMb } },
      // Before the rest of the workspace is indexed: within the time the index takes from the same moment.
      { measure: 'server: file opened at start -> its diagnostics', value: openWhileIndexing.diagnosticsMs, unit: 'ms', floor: { name: 'the index from the same moment', value: openWhileIndexing.indexMs }, target: { ratio: 1 } },
      { measure: `server: edit -> diagnostics (first ${EDITS}, median)`, value: median(edits.slice(0, EDITS)), unit: 'ms', floor: hover, target: { max: TARGET.editMs } },
      { measure: `server: edit -> diagnostics (next ${EDITS}, median)`, value: median(edits.slice(EDITS)), unit: 'ms', floor: hover },
    ];
  } finally {
    await client.stop();
  }
}

/** A fresh server on the workspace, one of its files opened as soon as the server is initialized: when its diagnostics come, and when the index is done. */
async function measureOpenWhileIndexing(folder: string, uri: string, text: string): Promise<{ diagnosticsMs: number; indexMs: number }> {
  const client = await TestLspClient.start({ workspaceFolder: folder });
  try {
    const opened = performance.now();
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const diagnosticsMs = performance.now() - opened;
    await client.waitForLog(/^indexed \d+ files/);
    return { diagnosticsMs, indexMs: performance.now() - opened };
  } finally {
    await client.stop();
  }
}

/** The 5,000-line file of diagnostics.bench.ts in a fresh server without a workspace folder: its first open, then edits. */
async function measureFile(): Promise<Row[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-bench-file-'));
  const file = path.join(folder, 'model.py');
  const text = generateModel(MODEL_LINES);
  writeFileSync(file, text);
  const lines = text.split('\n');
  // The line diagnostics.bench.ts edits, its decay made too large for the learning rate (WD301).
  const line = lines.findIndex((candidate) => candidate.includes('wd=0.002'));
  const started = performance.now();
  const client = await TestLspClient.start();
  try {
    const startMs = performance.now() - started;
    const uri = toUri(file);
    const opened = performance.now();
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const firstOpenMs = performance.now() - opened;
    const hover = await hoverRoundTrip(client, uri);
    const edits = await editToDiagnostics(client, uri, { line, versions: [lines[line], lines[line].replace('wd=0.002', 'wd=20.0')], marker: 'wd=20' });
    console.log(`File: ${lines.length} lines; a fresh server started and initialized in ${startMs.toFixed(0)} ms`);
    return [
      { measure: `file: first open -> diagnostics (fresh server)`, value: firstOpenMs, unit: 'ms', target: { max: TARGET.firstOpenMs } },
      { measure: `file: edit -> diagnostics (first ${EDITS}, median)`, value: median(edits.slice(0, EDITS)), unit: 'ms', floor: hover, target: { max: TARGET.editMs } },
      { measure: `file: edit -> diagnostics (next ${EDITS}, median)`, value: median(edits.slice(EDITS)), unit: 'ms', floor: hover },
    ];
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The median LSP hover round trip on an open file: the floor of any answer from the server. */
async function hoverRoundTrip(client: TestLspClient, uri: string): Promise<{ name: string; value: number }> {
  // A request is answered after the analysis the open scheduled.
  const roundTrip = async () => {
    const start = performance.now();
    await client.hover(uri, 0, 0);
    return performance.now() - start;
  };
  await roundTrip();
  const roundTrips: number[] = [];
  for (let i = 0; i < EDITS; i++) roundTrips.push(await roundTrip());
  return { name: 'LSP hover round trip', value: median(roundTrips) };
}

/**
 * Edit to the diagnostics that show it, 2 * EDITS times, each switching the line to its other
 * version: the first EDITS right after opening (the targets' figure: V8 has not yet optimized the
 * edit path), then as many more, as while typing on. The file is open at version 1.
 */
async function editToDiagnostics(client: TestLspClient, uri: string, edit: LineEdit): Promise<number[]> {
  const times: number[] = [];
  let previous = JSON.stringify(await client.waitForDiagnostics(uri));
  for (let i = 0; i < 2 * EDITS; i++) {
    const [from, to] = i % 2 === 0 ? edit.versions : [...edit.versions].reverse();
    const start = performance.now();
    await client.replaceLine(uri, i + 2, edit.line, from.length, to);
    const diagnostics = await client.waitForDiagnostics(uri, (current) => JSON.stringify(current) !== previous);
    times.push(performance.now() - start);
    previous = JSON.stringify(diagnostics);
    if (previous.includes(edit.marker) !== (to === edit.versions[1])) throw new Error('the diagnostics do not reflect the edit');
  }
  return times;
}

async function measureCli(folder: string, workspace: GeneratedWorkspace, pyright: PyrightRun | undefined): Promise<Row[]> {
  // The cache outside the workspace, so that --no-cache runs cannot see it and pyright never does.
  const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-bench-cache-'));
  // The default text output, as a pre-commit hook or a CI log prints it (JSON would add reading
  // every file with a finding and computing its fixes' texts, in every row alike).
  const check = (paths: readonly string[], options: readonly string[]) => runMeasured([...cliCommand(), 'check', ...paths, ...options], folder);
  const peaks: number[] = [];
  const checkTimed = async (options: readonly string[], times: number[], outputs: Set<string>, paths: readonly string[] = [folder]) => {
    const run = await check(paths, options);
    if (run.code !== 1) throw new Error(`decay-lens check ${options.join(' ')} exited with ${run.code}`);
    times.push(run.ms);
    peaks.push(run.peakMb);
    outputs.add(run.stdout);
  };
  const single: number[] = [];
  const parallel: number[] = [];
  const cached: number[] = [];
  const sharedEdited: number[] = [];
  const leafEdited: number[] = [];
  const subset: number[] = [];
  const halvesAtOnce: number[] = [];
  const outputs = new Set<string>();
  let parallelPeakMb = 0;
  try {
    // The floor of two threads on this machine: two one-thread checks of the workspace's halves at once.
    const packages = readdirSync(folder).filter((name) => name.startsWith('project_')).sort().map((name) => path.join(folder, name));
    const halves = [packages.slice(0, packages.length / 2), packages.slice(packages.length / 2)];
    for (let i = 0; i < CLI_RUNS; i++) {
      await checkTimed(['--no-cache', '--jobs', '1'], single, outputs);
      await checkTimed(['--no-cache'], parallel, outputs);
      parallelPeakMb = Math.max(parallelPeakMb, peaks[peaks.length - 1]);
      const both = await Promise.all(halves.map((half) => check(half, ['--no-cache', '--jobs', '1'])));
      halvesAtOnce.push(Math.max(...both.map((run) => run.ms)));
    }
    const withCache = ['--cache-dir', cacheFolder];
    await checkTimed(withCache, [], outputs); // fills the cache
    for (let i = 0; i < CLI_RUNS; i++) await checkTimed(withCache, cached, outputs);
    // A new text each time (no stored analysis fits): one line of a module most of its package
    // imports, and a comment in a training script nothing imports.
    const leaf = path.join(folder, [...workspace.files.keys()].filter((file) => /train_\d+\.py$/.test(file)).sort()[0]);
    for (const [file, times] of [[path.join(folder, workspace.editedModule), sharedEdited], [leaf, leafEdited]] as const) {
      const original = readFileSync(file, 'utf8');
      const lines = original.split('\n');
      for (let i = 0; i < CLI_RUNS; i++) {
        if (file === leaf) writeFileSync(file, `${original}\n# edit ${i}\n`);
        else {
          lines[workspace.editLine] = `${workspace.lineVersions[(i + 1) % 2]}  # edit ${i}`;
          writeFileSync(file, lines.join('\n'));
        }
        await checkTimed(withCache, times, new Set());
      }
      writeFileSync(file, original);
    }
    // What a pre-commit hook does: five files of different packages, the workspace as their context.
    const named = [...workspace.files.keys()].filter((file) => file.endsWith('layers.py')).sort().slice(0, 5).map((file) => path.join(folder, file));
    for (let i = 0; i < CLI_RUNS; i++) await checkTimed(['--no-cache', '--context', folder], subset, new Set(), named);
  } finally {
    rmSync(cacheFolder, { recursive: true, force: true });
  }
  const summary = [...outputs][0].trim().split('\n').at(-1);
  console.log(`CLI: ${summary}; --jobs 1, default and cached outputs ${outputs.size === 1 ? 'identical' : 'DIFFER'}`);

  // What any warm check must do to learn which files changed: stat every file (this process, one thread),
  // and what it would cost to read and hash them all instead (the cache's index spares that).
  const statAllMs = timed(() => collectPy(folder).forEach((file) => statSync(file)));
  const readAndHashMs = timed(() => collectPy(folder).forEach((file) => createHash('sha1').update(readFileSync(file)).digest('hex')));
  const fileParser = await FileParser.create();
  const files = collectPy(folder).map((file) => ({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') }));
  const parseAndIrMs = timed(() => files.forEach(({ uri, text }) => fileParser.parseOnly(uri, text)));
  // Floors in this process, warmed up alike: tree-sitter's parse of the same files, and ruff's lint of them.
  const parser = createParser(await loadPythonLanguage());
  const parseAll = () => files.forEach(({ text }) => parser.parse(text)?.delete());
  const ruff = ruffLinter();
  const lintAll = () => files.forEach(({ text }) => ruff.check(text));
  parseAll();
  lintAll();
  const parseMs = median(Array.from({ length: CLI_RUNS }, () => timed(parseAll)));
  const lintMs = median(Array.from({ length: CLI_RUNS }, () => timed(lintAll)));

  const treeSitterParse = { name: 'tree-sitter parse, one thread', value: parseMs };
  const cold = { name: 'cli check, no cache, default jobs', value: median(parallel) };
  return [
    { measure: `cli check, no cache, default jobs (${os.availableParallelism()} cores)`, value: median(parallel), unit: 'ms', ...againstPyright(pyright, 'ms', { ratio: TARGET.cliShareOfPyright }) },
    { measure: 'cli check, no cache, --jobs 1', value: median(single), unit: 'ms', ...againstPyright(pyright, 'ms') },
    { measure: 'cli check, no cache, default jobs vs --jobs 1', value: median(parallel), unit: 'ms', floor: { name: '--jobs 1', value: median(single) }, target: { ratio: TARGET.twoCoresShare } },
    { measure: 'cli check, no cache, default jobs vs its halves checked at once', value: median(parallel), unit: 'ms', floor: { name: 'two --jobs 1 checks of the halves at once', value: median(halvesAtOnce) }, target: { ratio: TARGET.overHalvesAtOnce } },
    { measure: 'cli check, no cache, default jobs: peak RSS', value: parallelPeakMb, unit: 'MB', ...againstPyright(pyright, 'peakMb') },
    { measure: 'cli check, cache, no file changed', value: median(cached), unit: 'ms', ...againstPyright(pyright, 'ms', { ratio: TARGET.cliShareOfPyright }) },
    { measure: 'cli check, cache, a module its package imports changed', value: median(sharedEdited), unit: 'ms', floor: cold, target: { ratio: TARGET.sharedEditShare } },
    { measure: 'cli check, cache, a training script changed (a leaf)', value: median(leafEdited), unit: 'ms', floor: cold, target: { ratio: TARGET.leafEditShare } },
    { measure: 'cli check, cache, a leaf changed, vs a stat of every file', value: median(leafEdited), unit: 'ms', floor: { name: 'stat of every file, in process', value: statAllMs } },
    { measure: 'cli check, cache, a leaf changed, vs reading and hashing every file', value: median(leafEdited), unit: 'ms', floor: { name: 'read + sha1 of every file, in process', value: readAndHashMs } },
    { measure: 'cli check of 5 files, the workspace as --context, no cache', value: median(subset), unit: 'ms', floor: cold },
    { measure: `parse + IR of the ${files.length} files, in process`, value: parseAndIrMs, unit: 'ms', floor: treeSitterParse },
    { measure: `anchor: ruff ${ruff.version} (wasm) lint of them`, value: lintMs, unit: 'ms', floor: treeSitterParse },
  ];
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function collectPy(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => path.join(folder, name));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
  CLI_RUNS = Math.max(1, Number(values.runs) || 3);
  const only = values.only ? values.only.split(',') : [...SECTIONS];
  const unknown = only.filter((name) => !SECTIONS.includes(name as Section));
  if (unknown.length > 0) throw new Error(`unknown part '${unknown.join(', ')}' (parts: ${SECTIONS.join(', ')})`);
  const wanted = (section: Section) => only.includes(section);
  if (!existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/ is missing: run npm run build');

  const rows: Row[] = [];
  const folder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-bench-'));
  try {
    const workspace = generateWorkspace(Number(values.files));
    writeWorkspace(folder, workspace);
    const pyright = workspace.files.size > PYRIGHT_MAX_FILES ? undefined : await measurePyright(folder);
    console.log(
      `Generated workspace: ${workspace.files.size} files in ${folder}; ` +
        (pyright ? `pyright ${pyright.files} files in ${pyright.ms.toFixed(0)} ms (after a warm-up run), peak RSS ${pyright.peakMb.toFixed(0)} MB` : `pyright not run (more than ${PYRIGHT_MAX_FILES} files): rows print without its floor`),
    );
    if (wanted('server')) rows.push(...(await measureServer(folder, workspace, pyright)));
    if (wanted('file')) rows.push(...(await measureFile()));
    if (wanted('cli')) rows.push(...(await measureCli(folder, workspace, pyright)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  console.log('');
  printRows(rows);
  console.log(`\nThis machine: ${os.availableParallelism()} cores, shared; figures vary from run to run.`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
