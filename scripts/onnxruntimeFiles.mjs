// What of onnxruntime-node ships with the extension and the CLI: its JS, one platform's native
// binary folder (the package carries every platform's, ~290 MB installed), and onnxruntime-common.
// The staged package.json loses `scripts` and the dependencies its download-on-install script uses
// (adm-zip, global-agent): nothing at run time needs them, and an install must not run it.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Platform-arch (a vsce target, or `${process.platform}-${process.arch}`) -> onnxruntime-node's binary folder. */
export const onnxBinaryFolders = {
  'linux-x64': 'linux/x64',
  'linux-arm64': 'linux/arm64',
  'darwin-arm64': 'darwin/arm64',
  'win32-x64': 'win32/x64',
  'win32-arm64': 'win32/arm64',
};

/** The folder of package `name` as Node resolves it from `fromDir` (hoisted or nested). */
export function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`cannot find ${name} from ${fromDir}: run npm ci`);
  }
}

/** Copies `from` to `to` (file or folder), skipping what `skip(relativePath)` rejects. */
export function copy(from, to, skip = () => false) {
  cpSync(from, to, {
    recursive: true,
    dereference: true,
    filter: (source) => !skip(path.relative(from, source).split(path.sep).join('/')),
  });
}

/**
 * Copies onnxruntime-node (as the repository's runtime package resolves it) and onnxruntime-common
 * into `nodeModules`, with only `target`'s binaries. Returns onnxruntime-node's version.
 */
export function stageOnnxruntime(repo, nodeModules, target) {
  const binaryFolder = onnxBinaryFolders[target];
  if (!binaryFolder) throw new Error(`no onnxruntime-node binary for target '${target}' (known: ${Object.keys(onnxBinaryFolders).join(', ')})`);
  const onnxDir = packageDir('onnxruntime-node', path.join(repo, 'runtime'));
  const onnxManifest = JSON.parse(readFileSync(path.join(onnxDir, 'package.json'), 'utf8'));
  const commonDir = packageDir('onnxruntime-common', onnxDir);
  const withoutMapsAndTypes = (rel) => rel.endsWith('.map') || rel.endsWith('.d.ts');

  const stagedOnnx = path.join(nodeModules, 'onnxruntime-node');
  mkdirSync(stagedOnnx, { recursive: true });
  copy(path.join(onnxDir, 'dist'), path.join(stagedOnnx, 'dist'), withoutMapsAndTypes);
  const binaries = path.join('bin', 'napi-v6', ...binaryFolder.split('/'));
  if (!existsSync(path.join(onnxDir, binaries))) throw new Error(`${path.join(onnxDir, binaries)} is missing`);
  copy(path.join(onnxDir, binaries), path.join(stagedOnnx, binaries));
  const runtimeDependencies = { 'onnxruntime-common': onnxManifest.dependencies['onnxruntime-common'] };
  const { scripts: _scripts, devDependencies: _dev, ...onnxShipped } = onnxManifest;
  writeFileSync(path.join(stagedOnnx, 'package.json'), `${JSON.stringify({ ...onnxShipped, dependencies: runtimeDependencies }, null, 2)}\n`);

  const stagedCommon = path.join(nodeModules, 'onnxruntime-common');
  mkdirSync(stagedCommon, { recursive: true });
  copy(path.join(commonDir, 'package.json'), path.join(stagedCommon, 'package.json'));
  copy(path.join(commonDir, 'dist'), path.join(stagedCommon, 'dist'), withoutMapsAndTypes);
  return onnxManifest.version;
}
