// Bundles the end-to-end suite (test/e2e/suite) for VS Code's extension host: one CommonJS file
// with mocha and the test files inside and `vscode` external. Shared by the code-server runner
// (run.ts) and the @vscode/test-electron runner (runElectron.ts), so both run the same bytes.
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const suiteEntry = path.resolve(__dirname, 'suite', 'index.ts');

/** Writes the bundled suite as `${outDir}/index.js` and returns that file's path. */
export async function bundleSuite(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'index.js');
  await esbuild.build({
    entryPoints: [suiteEntry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error',
  });
  return outfile;
}
