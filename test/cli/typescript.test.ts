// `decay-lens check` on a TF.js project: TypeScript modules linked by relative imports, a plain
// JavaScript file, and the files a folder walk leaves out (type declarations, compiled output).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { assertExit, cli } from '../support/cli';
import { lineOf } from '../support/text';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'typescript');

interface Report {
  findings: { code: string; path: string; range: { startLine: number }; message: string }[];
  filesChecked: number;
}

test('check a TF.js folder: WD103 across modules, JavaScript analysed, declarations and build output left out', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-tfjs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(fixtures, 'split_modules'), path.join(dir, 'src'), { recursive: true });
  cpSync(path.join(fixtures, 'WD103_variable_grads_require.js'), path.join(dir, 'scripts', 'node_train.js'));
  writeFileSync(path.join(dir, 'src', 'types.d.ts'), 'export declare function createModel(l2: number, widths: number[]): unknown;\n');
  // What `tsc --outDir dist` would write: the same code again, which must not be reported twice.
  for (const folder of ['dist', 'out', 'build']) {
    mkdirSync(path.join(dir, folder));
    cpSync(path.join(fixtures, 'split_modules', 'model.ts'), path.join(dir, folder, 'model.js'));
    cpSync(path.join(fixtures, 'split_modules', 'train.ts'), path.join(dir, folder, 'train.js'));
  }

  const result = cli(['check', '.', '--format', 'json'], dir);
  assertExit(result, 1);
  const report = JSON.parse(result.stdout) as Report;
  // 0-based, as the JSON report's ranges
  const modelLine = lineOf(readFileSync(path.join(dir, 'src', 'model.ts'), 'utf8'), 'kernelRegularizer') - 1;
  const scriptLine = lineOf(readFileSync(path.join(dir, 'scripts', 'node_train.js'), 'utf8'), 'kernelRegularizer') - 1;
  assert.deepEqual(
    report.findings.map((finding) => [finding.code, finding.path, finding.range.startLine]),
    [
      ['WD103', 'scripts/node_train.js', scriptLine],
      ['WD103', 'src/model.ts', modelLine],
    ],
  );
  assert.equal(report.filesChecked, 3, 'model.ts, train.ts and node_train.js');
  assert.match(report.findings[1].message, /tf\.addN\(model\.calculateLosses\(\)\)/);

  // A compiled file named on the command line is analysed all the same.
  const named = cli(['check', 'dist/model.js', 'dist/train.js', '--format', 'json'], dir);
  assertExit(named, 1);
  assert.deepEqual((JSON.parse(named.stdout) as Report).findings.map((finding) => [finding.code, finding.path]), [['WD103', 'dist/model.js']]);
});
