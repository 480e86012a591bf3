// A data path in a sweep spec file stays inside the working folder or the spec's own folder: a spec
// that comes with a repository cannot make the CLI read a file elsewhere. `--data` (typed by the
// user) can name any file.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { assertExit, cli, ROOT } from '../support/cli';

const project = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-spec-paths-'));
mkdirSync(path.join(project, 'sweeps'));
mkdirSync(path.join(project, 'data'));
copyFileSync(path.join(ROOT, 'test', 'fixtures', 'data', 'classes_header.csv'), path.join(project, 'data', 'classes.csv'));
after(() => rmSync(project, { recursive: true, force: true }));

function writeSpec(name: string, dataPath: string): string {
  const spec = {
    layers: [3, 8, 3],
    task: { kind: 'file', path: dataPath, labelColumn: 2, task: 'classification', validationFraction: 0.2 },
    decayValues: [0, 0.1],
    // The grid alone: these tests are about paths, not the search.
    adaptive: false,
    steps: 20,
    batchSize: 4,
  };
  const file = path.join(project, 'sweeps', name);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

test('a spec may name data beside it or elsewhere in the working folder', () => {
  const run = cli(['sweep', '--spec', writeSpec('inside.json', '../data/classes.csv'), '--json'], project);
  assertExit(run, 0);
  assert.equal(JSON.parse(run.stdout).runs.length, 2);
});

test('a spec naming a file outside both folders is refused before anything is read', () => {
  for (const escape of ['../../../../../etc/passwd', '/etc/passwd', '../../outside.csv']) {
    const run = cli(['sweep', '--spec', writeSpec('escape.json', escape)], project);
    assertExit(run, 2);
    assert.match(run.stderr, /the data file '.*' is outside the working folder and the spec's folder; name it with --data instead/, escape);
  }
});
