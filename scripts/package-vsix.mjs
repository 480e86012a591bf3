#!/usr/bin/env node
// Builds a platform VSIX: `node scripts/package-vsix.mjs [--target linux-x64] [--out FILE] [--no-build]`.
//
// Why a staging folder: vsce collects node_modules only through `npm list --production`, and at
// this repository's root that walks the npm workspaces (client/, server/, runtime/ and all their
// dependencies, which the esbuild bundles already contain). With `--no-dependencies` it skips
// node_modules/ entirely, and the worker process still needs the native onnxruntime-node at run
// time. So this script copies what ships into a temporary folder: the bundles, grammars, docs,
// a manifest without workspaces/devDependencies/scripts that depends on onnxruntime-node only,
// and node_modules/ with onnxruntime-node and onnxruntime-common as onnxruntimeFiles.mjs stages them
// (the target's binary folder only). vsce then runs there with the repository's .vscodeignore as
// the allow-list, and its `npm list` sees exactly those two packages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { copy, onnxBinaryFolders, stageOnnxruntime } from './onnxruntimeFiles.mjs';
import { listZip } from './zipList.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    target: { type: 'string', default: 'linux-x64' },
    out: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'keep-staging': { type: 'boolean', default: false },
  },
});

const target = args.target;
const binaryFolder = onnxBinaryFolders[target];
if (!binaryFolder) fail(`no onnxruntime-node binary for target '${target}' (known: ${Object.keys(onnxBinaryFolders).join(', ')})`);
const out = path.resolve(repo, args.out ?? `dist/decay-lens-${target}.vsix`);

function fail(message) {
  console.error(`package-vsix: ${message}`);
  process.exit(1);
}

/** onnxruntimeFiles.mjs says what is missing by throwing: fail with its message. */
function staged(stage) {
  try {
    return stage();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function run(command, commandArgs, cwd) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit' });
  if (result.error) fail(`${command} ${commandArgs.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${commandArgs.join(' ')} exited with ${result.status ?? result.signal}`);
  console.log(`package-vsix: ${path.basename(command)} ${commandArgs.slice(0, 2).join(' ')} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// 1. The bundles. esbuild.mjs takes --production (minified, no source maps).
if (!args['no-build']) run(process.execPath, [path.join(repo, 'esbuild.mjs'), '--production'], repo);
for (const bundle of ['client.js', 'server.js', 'cli.js', 'sweepWorker.js']) {
  if (!existsSync(path.join(repo, 'dist', bundle))) fail(`dist/${bundle} is missing: run npm run build`);
}

// 2. The staging folder.
const staging = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-vsix-'));
try {
  const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const onnxVersion = staged(() => stageOnnxruntime(repo, path.join(staging, 'node_modules'), target));

  delete manifest.workspaces;
  delete manifest.devDependencies;
  delete manifest.scripts; // no vscode:prepublish in staging: the build already ran
  delete manifest.files; // the CLI package's list (npm pack); vsce reads .vscodeignore
  manifest.dependencies = { 'onnxruntime-node': onnxVersion };
  writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  for (const name of readdirSync(repo)) {
    if (/^(README\.md|CHANGELOG\.md|LICENSE(\..*)?)$/i.test(name)) copy(path.join(repo, name), path.join(staging, name));
  }
  // Source maps and benchmark bundles stay behind (a --production build writes no maps, but an
  // earlier development build may have left some).
  // Nor the CLI package's copy of onnxruntime (dist/node_modules, while `npm pack` runs) or tarballs.
  copy(path.join(repo, 'dist'), path.join(staging, 'dist'), (rel) => rel.endsWith('.map') || /^bench-/.test(rel) || rel.endsWith('.vsix') || rel.endsWith('.tgz') || rel.startsWith('node_modules'));
  for (const folder of ['syntaxes', 'docs', 'media']) {
    if (existsSync(path.join(repo, folder))) copy(path.join(repo, folder), path.join(staging, folder));
  }
  if (manifest.icon) copy(path.join(repo, manifest.icon), path.join(staging, manifest.icon));

  // 3. vsce in the staging folder.
  const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
  const hasLicense = readdirSync(staging).some((name) => /^LICENSE/i.test(name));
  mkdirSync(path.dirname(out), { recursive: true });
  rmSync(out, { force: true });
  run(process.execPath, [
    vsce, 'package',
    '--target', target,
    '--out', out,
    '--ignoreFile', path.join(repo, '.vscodeignore'),
    '--allow-missing-repository', // package.json has no repository field
    '--no-rewrite-relative-links', // README links to docs/ relative to the repository
    ...(hasLicense ? [] : ['--skip-license']),
  ], staging);
} finally {
  if (args['keep-staging']) console.log(`package-vsix: staging folder kept at ${staging}`);
  else rmSync(staging, { recursive: true, force: true });
}

// 4. Check what went in and report it.
const entries = listZip(out).filter((entry) => entry.name.startsWith('extension/'));
const names = entries.map((entry) => entry.name.slice('extension/'.length));
const problems = [];
const otherBinaries = names.filter((name) => name.startsWith('node_modules/onnxruntime-node/bin/') && !name.startsWith(`node_modules/onnxruntime-node/bin/napi-v6/${binaryFolder}/`));
if (otherBinaries.length) problems.push(`binaries of other platforms: ${otherBinaries.join(', ')}`);
const strayModules = names.filter((name) => name.startsWith('node_modules/') && !/^node_modules\/onnxruntime-(node|common)\//.test(name));
if (strayModules.length) problems.push(`unexpected node_modules files: ${strayModules.slice(0, 10).join(', ')}`);
for (const required of [
  'package.json', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/sweepWorker.js',
  'dist/tree-sitter.wasm', 'dist/tree-sitter-python.wasm', 'dist/tree-sitter-typescript.wasm', 'dist/tree-sitter-tsx.wasm', 'dist/analysisWorker.js',
  `node_modules/onnxruntime-node/bin/napi-v6/${binaryFolder}/onnxruntime_binding.node`,
  'node_modules/onnxruntime-node/dist/index.js', 'node_modules/onnxruntime-common/package.json',
]) {
  if (!names.includes(required)) problems.push(`missing ${required}`);
}
const sizes = new Map();
for (const entry of entries) {
  const rel = entry.name.slice('extension/'.length);
  const top = rel.includes('/') ? `${rel.split('/')[0]}/` : rel;
  const sum = sizes.get(top) ?? { files: 0, bytes: 0 };
  sum.files += 1;
  sum.bytes += entry.uncompressedSize;
  sizes.set(top, sum);
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(`\n${path.relative(process.cwd(), out) || out}: ${mb(statSync(out).size)} (${entries.length} files, ${mb(entries.reduce((s, e) => s + e.uncompressedSize, 0))} unpacked)`);
for (const [top, sum] of [...sizes].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${top.padEnd(20)} ${String(sum.files).padStart(4)} files  ${mb(sum.bytes).padStart(8)}`);
}
if (problems.length) fail(`the VSIX is wrong:\n  ${problems.join('\n  ')}`);
