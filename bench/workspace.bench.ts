// A generated workspace of 1,000 Python files (bench/generateWorkspace.ts), measured through the
// shipped bundles (run `npm run build` first): the language server over stdio (index time, its
// memory, edit-to-diagnostics latency) and the CLI (one thread and the default, without and with
// its cache), with pyright
// checking the same folder in the same run as the baseline. Runs from source through tsx: it
// reuses test/support/lspClient.ts, which finds dist/server.js from its own folder.
//   node --import tsx bench/workspace.bench.ts [--only server|cli] [--files N]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { FileParser } from '../server/src/parser/fileParser';
import { cliCommand, ROOT } from '../test/support/cli';
import { TestLspClient, toUri } from '../test/support/lspClient';
import { generateWorkspace, writeWorkspace, type GeneratedWorkspace } from './generateWorkspace';

const SECTIONS = ['server', 'cli'] as const;
type Section = (typeof SECTIONS)[number];
const EDITS = 21;
const CLI_RUNS = 3;
const TARGET = { indexMs: 3000, rssMb: 150, editMs: 20, cliShareOfPyright: 0.1 };

interface Row {
  measure: string;
  value: number;
  unit: string;
  /** Within target when value <= target. */
  target?: number;
  baseline: number;
  baselineName: string;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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

async function measureServer(folder: string, workspace: GeneratedWorkspace, pyright: { ms: number; peakMb: number }): Promise<Row[]> {
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
    const text = readFileSync(file, 'utf8');
    await client.open(uri, text);
    // A request is answered after the analysis that the notification above scheduled.
    const roundTrip = async () => {
      const start = performance.now();
      await client.hover(uri, 0, 0);
      return performance.now() - start;
    };
    await roundTrip();
    const roundTrips: number[] = [];
    for (let i = 0; i < EDITS; i++) roundTrips.push(await roundTrip());

    // Each edit switches the collection name, which changes the module's WD101 message.
    // The first EDITS right after indexing (the target's figure: V8 has not yet optimized the edit
    // path), then as many more, as while typing on.
    const edits: number[] = [];
    let previous = JSON.stringify(await client.waitForDiagnostics(uri));
    for (let i = 0; i < 2 * EDITS; i++) {
      const [from, to] = i % 2 === 0 ? workspace.lineVersions : [...workspace.lineVersions].reverse();
      const start = performance.now();
      await client.replaceLine(uri, i + 2, workspace.editLine, from.length, to);
      const diagnostics = await client.waitForDiagnostics(uri, (current) => JSON.stringify(current) !== previous);
      edits.push(performance.now() - start);
      previous = JSON.stringify(diagnostics);
      if (!previous.includes(to.includes('weight_losses') ? 'weight_losses' : "'losses'")) throw new Error('the diagnostics do not reflect the edit');
    }
    console.log(`Server: ${readdirSync(folder).length} packages indexed; after indexing RSS ${rssMb.toFixed(0)} MB (peak ${peakMb.toFixed(0)} MB)`);
    return [
      { measure: 'server: index + first diagnostics', value: indexMs, unit: 'ms', target: TARGET.indexMs, baseline: pyright.ms, baselineName: 'pyright check' },
      { measure: 'server: RSS after indexing', value: rssMb, unit: 'MB', target: TARGET.rssMb, baseline: pyright.peakMb, baselineName: 'pyright peak RSS' },
      { measure: `server: edit -> diagnostics (first ${EDITS}, median)`, value: median(edits.slice(0, EDITS)), unit: 'ms', target: TARGET.editMs, baseline: median(roundTrips), baselineName: 'LSP hover round trip' },
      { measure: `server: edit -> diagnostics (next ${EDITS}, median)`, value: median(edits.slice(EDITS)), unit: 'ms', baseline: median(roundTrips), baselineName: 'LSP hover round trip' },
    ];
  } finally {
    await client.stop();
  }
}

async function measureCli(folder: string, workspace: GeneratedWorkspace, pyright: { ms: number }): Promise<Row[]> {
  // The cache outside the workspace, so that --no-cache runs cannot see it and pyright never does.
  const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-bench-cache-'));
  const check = (options: readonly string[]) => runMeasured([...cliCommand(), 'check', folder, '--format', 'json', ...options], folder);
  const timed = async (options: readonly string[], times: number[], outputs: Set<string>) => {
    const run = await check(options);
    if (run.code !== 1) throw new Error(`decay-lens check ${options.join(' ')} exited with ${run.code}`);
    times.push(run.ms);
    outputs.add(run.stdout);
  };
  const single: number[] = [];
  const parallel: number[] = [];
  const cached: number[] = [];
  const oneEdited: number[] = [];
  const outputs = new Set<string>();
  try {
    for (let i = 0; i < CLI_RUNS; i++) {
      await timed(['--no-cache', '--jobs', '1'], single, outputs);
      await timed(['--no-cache'], parallel, outputs);
    }
    const withCache = ['--cache-dir', cacheFolder];
    await timed(withCache, [], outputs); // fills the cache
    for (let i = 0; i < CLI_RUNS; i++) await timed(withCache, cached, outputs);
    // One line of a module most of its package imports, a new text each time (no stored analysis fits).
    const edited = path.join(folder, workspace.editedModule);
    const original = readFileSync(edited, 'utf8');
    const lines = original.split('\n');
    for (let i = 0; i < CLI_RUNS; i++) {
      lines[workspace.editLine] = `${workspace.lineVersions[(i + 1) % 2]}  # edit ${i}`;
      writeFileSync(edited, lines.join('\n'));
      await timed(withCache, oneEdited, new Set());
    }
    writeFileSync(edited, original);
  } finally {
    rmSync(cacheFolder, { recursive: true, force: true });
  }
  const report = JSON.parse([...outputs][0]) as { findings: unknown[]; filesChecked: number };
  console.log(`CLI: ${report.filesChecked} files, ${report.findings.length} findings; --jobs 1, default and cached outputs ${outputs.size === 1 ? 'identical' : 'DIFFER'}`);

  // What crossing from a worker costs: every parsed file as JSON, written and read, against parsing them.
  const fileParser = await FileParser.create();
  const texts = collectPy(folder).map((file) => ({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') }));
  let start = performance.now();
  const parsed = texts.map(({ uri, text }) => fileParser.parseOnly(uri, text));
  const parseMs = performance.now() - start;
  start = performance.now();
  JSON.parse(JSON.stringify(parsed));
  const transferMs = performance.now() - start;
  console.log(`Parse + IR of ${texts.length} files on one thread ${parseMs.toFixed(0)} ms; their IR as JSON there and back (what crosses from a worker) ${transferMs.toFixed(0)} ms`);

  const target = pyright.ms * TARGET.cliShareOfPyright;
  return [
    { measure: `cli check, no cache, default jobs (${os.availableParallelism()} cores)`, value: median(parallel), unit: 'ms', target, baseline: pyright.ms, baselineName: 'pyright check' },
    { measure: 'cli check, no cache, --jobs 1', value: median(single), unit: 'ms', baseline: pyright.ms, baselineName: 'pyright check' },
    { measure: 'cli check, no cache, default jobs vs --jobs 1', value: median(parallel), unit: 'ms', baseline: median(single), baselineName: '--jobs 1' },
    { measure: 'cli check, cache, no file changed', value: median(cached), unit: 'ms', target, baseline: pyright.ms, baselineName: 'pyright check' },
    { measure: 'cli check, cache, one imported file changed', value: median(oneEdited), unit: 'ms', baseline: pyright.ms, baselineName: 'pyright check' },
  ];
}

function collectPy(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => path.join(folder, name));
}

function print(rows: Row[]): void {
  console.log('');
  console.log(`${'measure'.padEnd(46)} ${'value'.padStart(10)}   ${'target'.padStart(10)}   ${'x baseline'.padStart(10)}   baseline`);
  for (const row of rows) {
    const value = `${row.value.toFixed(row.unit === 'ms' ? 0 : 1)} ${row.unit}`;
    const target = row.target === undefined ? '' : `${row.target.toFixed(row.unit === 'ms' ? 0 : 1)} ${row.unit}`;
    const within = row.target === undefined ? '' : row.value <= row.target ? '  within target' : '  OVER TARGET';
    const baseline = `${row.baselineName} ${row.baseline.toFixed(row.unit === 'ms' ? 0 : 1)} ${row.unit}`;
    console.log(`${row.measure.padEnd(46)} ${value.padStart(10)}   ${target.padStart(10)}   ${(row.value / row.baseline).toFixed(2).padStart(10)}   ${baseline}${within}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, files: { type: 'string', default: '1000' } } });
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
    const pyright = await measurePyright(folder);
    console.log(`Generated workspace: ${workspace.files.size} files in ${folder}; pyright ${pyright.files} files in ${pyright.ms.toFixed(0)} ms (after a warm-up run), peak RSS ${pyright.peakMb.toFixed(0)} MB`);
    if (wanted('server')) rows.push(...(await measureServer(folder, workspace, pyright)));
    if (wanted('cli')) rows.push(...(await measureCli(folder, workspace, pyright)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  print(rows);
  console.log(`\nThis machine: ${os.availableParallelism()} cores, shared; figures vary from run to run.`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
