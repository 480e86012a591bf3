// What installing and activating the extension costs: activate() of the shipped client bundle
// until the language client reports the server running (it has answered `initialize`), each run
// in a fresh process, and the VSIX size. VS Code itself cannot be driven here outside the
// end-to-end suite, so `vscode` is a stand-in: every name of the API (read from @types/vscode)
// is a callable that returns itself, with the few values the client reads filled in. The
// extension host's own work (loading, reading the manifest) is not counted.
// Floors measured in the same run: a bare `node -e 0` process, and the language server alone
// (spawned, until it answers `initialize`), which activation waits for; pyright's npm package.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SERVER_NODE_FLAGS } from '../server/src/protocol';
import { median, printRows, type Row } from './report';

const ROOT = path.resolve(__dirname, '..');
const RUNS = 7;
/** Activation at most this many bare node processes (issue 14). */
const TARGET_ACTIVATION_X_NODE = 2.5;
const TARGET_VSIX_MB = 30;

/** The `vscode` module for the client bundle: enough of the API for activate() to run for real. */
function vscodeStandIn(): Record<string, unknown> {
  const disposable = { dispose: () => undefined };
  const standIn: object = new Proxy(function () {}, {
    get: (_target, key) => {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.iterator) return () => [][Symbol.iterator]();
      if (key === Symbol.toPrimitive) return () => '';
      return standIn;
    },
    apply: () => standIn,
    construct: () => standIn,
  });
  class EventEmitter<T> {
    private listeners: ((event: T) => void)[] = [];
    event = (listener: (event: T) => void) => {
      this.listeners.push(listener);
      return disposable;
    };
    fire(event: T) {
      for (const listener of this.listeners) listener(event);
    }
    dispose() {}
  }
  const withStandIns = <T extends object>(values: T) => new Proxy(values, { get: (target, key) => (key in target ? target[key as keyof T] : standIn) });
  const api = readFileSync(path.join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = [...api.matchAll(/^\texport (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((match) => match[1]);
  return {
    ...Object.fromEntries(names.map((name) => [name, standIn])),
    version: '1.100.0',
    EventEmitter,
    Disposable: class {
      static from() {
        return disposable;
      }
      constructor(readonly dispose: () => void) {}
    },
    workspace: withStandIns({ workspaceFolders: undefined, textDocuments: [], notebookDocuments: [], getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback }) }),
    window: withStandIns({ visibleTextEditors: [], activeTextEditor: undefined }),
    env: { language: 'en', appName: 'bench', machineId: 'bench', uiKind: 1 },
  };
}

/** In a fresh process: require dist/client.js, then activate() until the server runs. */
async function activateOnce(): Promise<void> {
  const standIn = vscodeStandIn();
  // The bundle imports 'vscode', which exists only inside the editor: hand it the stand-in.
  const moduleLoader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = moduleLoader._load;
  moduleLoader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? standIn : load.call(this, request, ...rest);
  };
  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    asAbsolutePath: (relative: string) => path.join(ROOT, relative),
    extensionUri: { fsPath: ROOT, path: ROOT },
    extensionPath: ROOT,
  };
  const start = performance.now();
  const extension = createRequire(__filename)(path.join(ROOT, 'dist', 'client.js')) as { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };
  const required = performance.now();
  await extension.activate(context);
  const activated = performance.now();
  process.stdout.write(JSON.stringify({ requireMs: required - start, activateMs: activated - required }));
  await extension.deactivate();
  process.exit(0);
}

function folderBytes(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).reduce((sum, name) => {
    const stat = statSync(path.join(folder, name));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

/** The language server alone, as the client starts it: spawned until it answers `initialize`. */
function serverStart(): Promise<number> {
  const start = performance.now();
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  return new Promise((resolve, reject) => {
    let output = '';
    server.once('exit', (code) => reject(new Error(`the server exited with ${code} before answering initialize`)));
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('"id":1')) return;
      resolve(performance.now() - start);
      server.removeAllListeners('exit');
      server.kill();
    });
  });
}

async function main(): Promise<void> {
  const bare: number[] = [];
  const servers: number[] = [];
  const requires: number[] = [];
  const activations: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - start);
    servers.push(await serverStart());
    start = performance.now();
    const child = spawnSync(process.execPath, [__filename, '--activate-once'], { encoding: 'utf8', timeout: 30_000 });
    if (child.status !== 0) throw new Error(`activation failed (${child.status}): ${child.stderr}`);
    const { requireMs, activateMs } = JSON.parse(child.stdout) as { requireMs: number; activateMs: number };
    requires.push(requireMs);
    activations.push(activateMs);
  }
  const node = { name: 'node -e 0', value: median(bare) };
  const rows: Row[] = [
    { measure: 'require dist/client.js', value: median(requires), unit: 'ms', floor: node },
    { measure: 'activate() until the server is running', value: median(activations), unit: 'ms', floor: node },
    { measure: 'activation, the two together', value: median(requires.map((ms, i) => ms + activations[i])), unit: 'ms', floor: node, target: { ratio: TARGET_ACTIVATION_X_NODE } },
    { measure: 'the server alone: spawn -> initialize answered', value: median(servers), unit: 'ms', floor: node },
  ];
  const vsix = path.join(ROOT, 'dist', 'decay-lens-linux-x64.vsix');
  const pyrightMb = folderBytes(path.join(ROOT, 'node_modules', 'pyright')) / 2 ** 20;
  let vsixNote = 'dist/decay-lens-linux-x64.vsix is missing: `npm run package` builds it.';
  if (existsSync(vsix)) {
    const stat = statSync(vsix);
    rows.push({ measure: 'VSIX size (linux-x64)', value: stat.size / 2 ** 20, unit: 'MB', floor: { name: 'pyright npm package, unpacked', value: pyrightMb }, target: { max: TARGET_VSIX_MB } });
    vsixNote = `VSIX: dist/decay-lens-linux-x64.vsix as built ${stat.mtime.toISOString()} (\`npm run package\` rebuilds it).`;
  }
  const cli = cliPackage();
  if (typeof cli !== 'string') {
    rows.push({ measure: 'CLI package (npm pack), unpacked', value: cli.unpacked / 2 ** 20, unit: 'MB', floor: { name: "its onnxruntime files, this platform's", value: cli.onnxruntime / 2 ** 20 } });
    rows.push({ measure: 'CLI package (npm pack), the tarball', value: cli.packed / 2 ** 20, unit: 'MB', floor: { name: 'pyright npm package, unpacked', value: pyrightMb } });
  }
  console.log(`Extension activation, median of ${RUNS} fresh processes, with a stand-in for the vscode module.`);
  console.log(vsixNote);
  if (typeof cli === 'string') console.log(cli);
  console.log('');
  printRows(rows);
}

/**
 * What `npm pack` of the repository would ship (`--dry-run`: sizes without writing it), with the
 * onnxruntime the postinstall staged in dist/node_modules; or why it cannot be measured.
 */
function cliPackage(): { packed: number; unpacked: number; onnxruntime: number } | string {
  if (!existsSync(path.join(ROOT, 'dist', 'node_modules', 'onnxruntime-node'))) return 'CLI package: dist/node_modules has no onnxruntime: `node scripts/build-from-source.mjs` (the postinstall) stages it.';
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const pack = spawnSync(npm, ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (pack.status !== 0) return `CLI package: npm pack --dry-run failed: ${pack.stderr}`;
  const [packed] = JSON.parse(pack.stdout) as { size: number; unpackedSize: number; files: { path: string; size: number }[] }[];
  const onnxruntime = packed.files.filter((file) => file.path.startsWith('dist/node_modules/')).reduce((sum, file) => sum + file.size, 0);
  return { packed: packed.size, unpacked: packed.unpackedSize, onnxruntime };
}

if (process.argv.includes('--activate-once')) {
  activateOnce().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
