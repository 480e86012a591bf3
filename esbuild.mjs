// Bundles the extension client, the language server and the CLI into dist/ (with --bench, the
// benchmarks too, so they measure the shipped code), and copies the
// tree-sitter wasm files next to them (the server loads them from its own folder).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');

// web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle lacks: bundle the
// package's own CommonJS build instead.
const webTreeSitterCommonJs = {
  name: 'web-tree-sitter-cjs',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: require.resolve('web-tree-sitter') }));
  },
};

const common = {
  plugins: [webTreeSitterCommonJs],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// Benchmarks sit next to the product bundles, so runSweep finds dist/sweepWorker.js as it ships.
const benchmarks = process.argv.includes('--bench')
  ? ['diagnostics', 'sweep', 'extension'].map((name) =>
      esbuild.build({
        ...common,
        entryPoints: [`bench/${name}.bench.ts`],
        outfile: `dist/bench-${name}.js`,
        external: ['onnxruntime-node', '@tensorflow/*'],
      }),
    )
  : [];

mkdirSync('dist', { recursive: true });
await Promise.all([
  ...benchmarks,
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The threads of a check (server/src/cli/analysisPool.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/cli/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  // onnxruntime-node is a native module: loaded from node_modules, never bundled.
  esbuild.build({ ...common, entryPoints: ['runtime/src/sweep/worker.ts'], outfile: 'dist/sweepWorker.js', external: ['onnxruntime-node'] }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);

for (const wasm of [
  'web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-typescript/tree-sitter-tsx.wasm',
]) {
  copyFileSync(require.resolve(wasm), `dist/${wasm.split('/').pop()}`);
}

// The sweep chart webview loads uPlot and its own script and styles from dist/media.
mkdirSync('dist/media', { recursive: true });
for (const file of ['uplot/dist/uPlot.iife.min.js', 'uplot/dist/uPlot.min.css', './client/media/chart.js', './client/media/chart.css']) {
  copyFileSync(file.startsWith('./') ? file : require.resolve(file), `dist/media/${file.split('/').pop()}`);
}
