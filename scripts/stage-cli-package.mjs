#!/usr/bin/env node
// The repository's root package is also the CLI's npm package (`npm pack`, and what pre-commit
// installs from a clone): `prepack` builds the bundles and runs this script, which puts this
// platform's onnxruntime-node and onnxruntime-common into dist/node_modules, where the sweep
// worker (dist/sweepWorker.js) resolves them from, so the tarball installs and runs sweeps with
// nothing fetched. `postpack` runs it with --remove. package.json `files` lists what ships.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageOnnxruntime } from './onnxruntimeFiles.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeModules = path.join(repo, 'dist', 'node_modules');
rmSync(nodeModules, { recursive: true, force: true });
if (!process.argv.includes('--remove')) {
  try {
    const version = stageOnnxruntime(repo, nodeModules, `${process.platform}-${process.arch}`);
    console.error(`stage-cli-package: onnxruntime-node ${version} for ${process.platform}-${process.arch} in dist/node_modules`);
  } catch (error) {
    console.error(`stage-cli-package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
