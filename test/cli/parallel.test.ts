// `check --jobs`: parsing on worker threads must not change a byte of the output. Runs the real
// CLI on a generated multi-file workspace, and checkPaths in-process (from source, so the worker
// runs through tsx) to see that the threads were really used.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generateWorkspace, writeWorkspace } from '../../bench/generateWorkspace';
import { checkPaths } from '../../server/src/cli/check';
import { MIN_FILES_PER_THREAD } from '../../server/src/cli/analysisPool';
import { assertExit, cli } from '../support/cli';

let folder: string;
const FILES = 3 * MIN_FILES_PER_THREAD;

before(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-parallel-'));
  writeWorkspace(folder, generateWorkspace(FILES, 11));
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('--jobs 1 and --jobs 2 print the same JSON and SARIF', () => {
  for (const format of ['json', 'sarif']) {
    const single = cli(['check', '.', '--format', format, '--jobs', '1'], folder);
    const parallel = cli(['check', '.', '--format', format, '--jobs', '2'], folder);
    assertExit(single, 1);
    assertExit(parallel, 1);
    assert.equal(parallel.stdout, single.stdout);
  }
  const report = JSON.parse(cli(['check', '.', '--format', 'json'], folder).stdout) as { filesChecked: number; findings: { code: string }[] };
  assert.equal(report.filesChecked, FILES);
  assert.ok(new Set(report.findings.map((finding) => finding.code)).size >= 3, 'the workspace has findings of several rules');
});

test('two threads parse a large folder, one a small folder, with the same report', async () => {
  const single = await checkPaths([folder], folder, { jobs: 1 });
  const parallel = await checkPaths([folder], folder, { jobs: 2 });
  assert.equal(single.parseThreads, 1);
  assert.equal(parallel.parseThreads, 2);
  assert.deepEqual(parallel.findings, single.findings);
  assert.deepEqual(parallel.partial, single.partial);
  assert.equal(parallel.filesChecked, FILES);

  const small = await checkPaths([path.join(folder, 'project_0', 'layers.py'), path.join(folder, 'project_0', 'model_0.py')], folder, { jobs: 2 });
  assert.equal(small.parseThreads, 1, 'a few files are not worth a thread');
  assert.equal(small.filesChecked, 2);
});

test('with a cache, threads parse only what it lacks: all files first, then none, then the group of the one changed', async (t) => {
  const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-parallel-cache-'));
  t.after(() => rmSync(cacheFolder, { recursive: true, force: true }));
  const uncached = await checkPaths([folder], folder, { jobs: 2 });
  const first = await checkPaths([folder], folder, { jobs: 2, cacheFolder });
  assert.equal(first.parseThreads, 2);
  assert.equal(first.filesParsed, FILES);
  const again = await checkPaths([folder], folder, { jobs: 2, cacheFolder });
  assert.equal(again.filesParsed, 0);
  assert.equal(again.parseThreads, 1);
  for (const report of [first, again]) assert.deepEqual(report.findings, uncached.findings);

  const edited = path.join(folder, 'project_0', 'layers.py');
  const original = readFileSync(edited, 'utf8');
  t.after(() => writeFileSync(edited, original));
  writeFileSync(edited, original.replace("'losses', weight_decay", "'weight_losses', weight_decay"));
  const afterEdit = await checkPaths([folder], folder, { jobs: 2, cacheFolder });
  // The edited module's package (the modules its group holds), analysed again; no other package.
  assert.ok(afterEdit.filesParsed! > 1 && afterEdit.filesParsed! < 50, `${afterEdit.filesParsed} files parsed`);
  assert.equal(afterEdit.parseThreads, 1, 'one file is not worth a thread');
  assert.deepEqual(afterEdit.findings, (await checkPaths([folder], folder, { jobs: 1 })).findings);
  assert.notDeepEqual(afterEdit.findings, uncached.findings, 'the edit changes the findings');
});

test('a file nested deeper than any stack reaches is cut at the same depth on every thread', async (t) => {
  const deepFolder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-parallel-deep-'));
  t.after(() => rmSync(deepFolder, { recursive: true, force: true }));
  writeWorkspace(deepFolder, generateWorkspace(FILES, 11));
  // Named to sort last: the second thread parses it, where the stack is larger than this thread's.
  writeFileSync(path.join(deepFolder, 'zz_deep.ts'), `import * as tf from '@tensorflow/tfjs';\n${'if (xs) {\n'.repeat(1500)}opt.minimize(() => loss(xs));\n${'}\n'.repeat(1500)}`);
  const single = await checkPaths([deepFolder], deepFolder, { jobs: 1 });
  const parallel = await checkPaths([deepFolder], deepFolder, { jobs: 2 });
  assert.equal(parallel.parseThreads, 2);
  assert.deepEqual(parallel.partial, single.partial);
  assert.deepEqual(parallel.findings, single.findings);
  assert.match(single.partial.find((entry) => entry.path.endsWith('zz_deep.ts'))?.reason ?? '', /nested too deeply/);
});

test('--jobs takes a whole number of at least 1', () => {
  for (const bad of ['0', '-1', '1.5', 'many']) {
    const result = cli(['check', '.', `--jobs=${bad}`], folder);
    assertExit(result, 2);
    assert.match(result.stderr, /--jobs takes a whole number of at least 1/);
  }
});
