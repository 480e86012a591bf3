#!/usr/bin/env node
// `postinstall` of the repository's root package, which is also the CLI's npm package. In a clone
// (esbuild.mjs beside package.json) it builds the bundles and puts this platform's onnxruntime-node
// and onnxruntime-common into dist/node_modules, where the sweep worker (dist/sweepWorker.js)
// resolves them from: `npm ci` then `npm pack` gives a tarball that installs with nothing fetched
// and runs sweeps. In an installed package (no esbuild.mjs) it does nothing.
// Why not `prepack`: pre-commit installs a `language: node` hook with `npm pack` and reads the
// tarball's name from its output, which any pack script's banner would spoil.
import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(path.join(repo, 'esbuild.mjs'))) {
  const built = spawnSync(process.execPath, [path.join(repo, 'esbuild.mjs')], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) fail(`esbuild.mjs exited with ${built.status ?? built.signal}`);
  const nodeModules = path.join(repo, 'dist', 'node_modules');
  rmSync(nodeModules, { recursive: true, force: true });
  try {
    const { stageOnnxruntime } = await import('./onnxruntimeFiles.mjs');
    stageOnnxruntime(repo, nodeModules, `${process.platform}-${process.arch}`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function fail(message) {
  console.error(`build-from-source: ${message}`);
  process.exit(1);
}
