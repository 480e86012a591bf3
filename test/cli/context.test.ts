// `check --context DIR FILE...`: the named files analysed with DIR's files around them, reported
// on alone. What it reports for them is what a check of all of DIR reports for them.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generateWorkspace, writeWorkspace } from '../../bench/generateWorkspace';
import { checkPaths } from '../../server/src/cli/check';
import { assertExit, cli } from '../support/cli';
import { SPLIT_MODEL_MODULE, SPLIT_TRAINING_SCRIPT } from '../support/packageSources';
import { tempFolder } from '../support/tempFolder';


test('a model module checked alone has no finding; with its folder as context, the script beside it shows the bug', (t) => {
  const folder = tempFolder(t, 'decay-lens-context-');
  writeFileSync(path.join(folder, 'net.py'), SPLIT_MODEL_MODULE);
  writeFileSync(path.join(folder, 'fit.py'), SPLIT_TRAINING_SCRIPT);
  // A file of the context that cannot be analysed is not the check's business.
  writeFileSync(path.join(folder, 'blob.py'), Buffer.from([0, 1, 2, 0xff]));

  const alone = cli(['check', 'net.py', '--no-cache'], folder);
  assertExit(alone, 0);
  assert.match(alone.stdout, /No findings in 1 file/);

  const withContext = cli(['check', 'net.py', '--context', '.', '--no-cache', '--format', 'json'], folder);
  assertExit(withContext, 1);
  const report = JSON.parse(withContext.stdout) as { filesChecked: number; findings: { code: string; path: string; range: { startLine: number } }[]; skipped: unknown[] };
  assert.deepEqual(
    report.findings.map((finding) => `${finding.code} ${finding.path}:${finding.range.startLine + 1}`),
    ['WD101 net.py:5'],
  );
  assert.equal(report.filesChecked, 1);
  assert.deepEqual(report.skipped, []);

  // The finding is in net.py: a check of the script alone, with the same context, reports nothing.
  const script = cli(['check', 'fit.py', '--context', '.', '--no-cache'], folder);
  assertExit(script, 0);
  assert.match(script.stdout, /No findings in 1 file/);

  // A context that is no folder is a usage error, not a check without context.
  for (const wrong of ['no-such-folder', 'net.py']) {
    const mistyped = cli(['check', 'net.py', '--context', wrong, '--no-cache'], folder);
    assertExit(mistyped, 2);
    assert.match(mistyped.stderr, new RegExp(`--context takes a folder \\(no folder '${wrong.replace('.', '\\.')}'\\)`));
  }

  // A named file that cannot be analysed is reported as skipped, as without --context.
  const named = cli(['check', 'blob.py', 'net.py', '--context', '.', '--no-cache'], folder);
  assertExit(named, 1);
  assert.match(named.stderr, /blob\.py/);
});

test('a named file that is also a context file under another path (a symbolic link) is analysed once', (t) => {
  const folder = tempFolder(t, 'decay-lens-context-link-');
  const real = path.join(folder, 'real');
  mkdirSync(real);
  writeFileSync(path.join(real, 'net.py'), SPLIT_MODEL_MODULE);
  writeFileSync(path.join(real, 'fit.py'), SPLIT_TRAINING_SCRIPT);
  symlinkSync(real, path.join(folder, 'linked'));
  const full = JSON.parse(cli(['check', 'real', '--no-cache', '--format', 'json'], folder).stdout) as { findings: { code: string; path: string }[] };
  assert.deepEqual(full.findings.map((finding) => `${finding.code} ${finding.path}`), ['WD101 real/net.py']);
  // The context reached through the link, the file named by its real path: one module, the same finding.
  const subset = JSON.parse(cli(['check', 'real/net.py', '--context', 'linked', '--no-cache', '--format', 'json'], folder).stdout) as { findings: { code: string; path: string }[] };
  assert.deepEqual(subset.findings.map((finding) => `${finding.code} ${finding.path}`), ['WD101 real/net.py']);
});

test('five files of a generated workspace: with the workspace as context, the full check\'s findings in them, with and without threads and cache', async (t) => {
  const folder = tempFolder(t, 'decay-lens-context-generated-');
  const workspace = generateWorkspace(400, 5);
  writeWorkspace(folder, workspace);
  const full = await checkPaths([folder], folder, { jobs: 1 });
  const withFindings = [...new Set(full.findings.map((finding) => new URL(finding.uri).pathname))].sort();
  assert.ok(withFindings.length >= 5, `${withFindings.length} files with findings`);
  // Some files with findings, some without, from different packages.
  const named = [...withFindings.filter((_, i) => i % 7 === 0).slice(0, 3), path.join(folder, 'project_1', 'layers.py'), path.join(folder, 'project_3', '__init__.py')];
  const expected = full.findings.filter((finding) => named.includes(new URL(finding.uri).pathname));
  assert.ok(expected.length > 0);
  const cacheFolder = path.join(tempFolder(t, 'decay-lens-context-cache-'), 'cache');
  mkdirSync(cacheFolder);
  for (const options of [{ jobs: 1 }, { jobs: 2 }, { jobs: 2, cacheFolder }, { jobs: 2, cacheFolder }]) {
    const subset = await checkPaths(named, folder, { ...options, context: folder });
    assert.deepEqual(subset.findings, expected);
    assert.equal(subset.filesChecked, named.length);
  }
  // Another subset with the same cache: its own findings, not the stored ones of the first.
  const other = [path.join(folder, 'project_2', 'layers.py')];
  const otherSubset = await checkPaths(other, folder, { jobs: 1, cacheFolder, context: folder });
  assert.deepEqual(otherSubset.findings, full.findings.filter((finding) => new URL(finding.uri).pathname === other[0]));
});
