// Paths from data stay in their folder: decayLens.sweep.dataFile relative to the workspace folder
// (absolute ones are the user's choice), through symbolic links too.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { resolveInside } from '../../server/src/files/workspacePaths';
import { parseSettings } from '../../server/src/settings';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-paths-'));
const workspace = path.join(scratch, 'workspace');
const outside = path.join(scratch, 'outside');
mkdirSync(path.join(workspace, 'data'), { recursive: true });
mkdirSync(outside);
writeFileSync(path.join(workspace, 'data', 'train.csv'), 'a,b\n1,0\n');
writeFileSync(path.join(outside, 'secret.csv'), 'a,b\n1,0\n');
symlinkSync(outside, path.join(workspace, 'escape'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('resolveInside: inside paths resolve, escapes by .. or by symbolic link do not', () => {
  assert.deepEqual(resolveInside(workspace, 'data/train.csv', 'x'), { path: path.join(workspace, 'data', 'train.csv') });
  assert.deepEqual(resolveInside(workspace, './data/../data/new.csv', 'x'), { path: path.join(workspace, 'data', 'new.csv') }, 'a file not yet there');
  assert.deepEqual(resolveInside(workspace, '..workspace-like.csv', 'x'), { path: path.join(workspace, '..workspace-like.csv') }, 'a name starting with dots');
  for (const escape of ['../outside/secret.csv', '../../etc/passwd', 'data/../../outside/secret.csv', 'escape/secret.csv', 'escape/missing.csv', outside]) {
    const resolved = resolveInside(workspace, escape, 'the data file');
    assert.ok('error' in resolved, `${escape} is refused`);
    assert.match(resolved.error, new RegExp(`^the data file '${escape.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}' leaves `));
  }
});

test('decayLens.sweep.dataFile: relative inside the workspace, absolute anywhere, escapes refused with a reason', () => {
  const sweep = (dataFile: unknown) => parseSettings({ sweep: { dataFile } }, workspace).sweep;
  assert.deepEqual(sweep('data/train.csv'), { steps: undefined, decayValues: undefined, seeds: undefined, dataFile: path.join(workspace, 'data', 'train.csv') });
  assert.equal(sweep(path.join(outside, 'secret.csv')).dataFile, path.join(outside, 'secret.csv'), 'an absolute path is the user choosing');
  for (const escape of ['../../etc/passwd', 'escape/secret.csv']) {
    const settings = sweep(escape);
    assert.equal(settings.dataFile, undefined);
    assert.equal(settings.problems?.length, 1);
    assert.match(settings.problems?.[0] ?? '', /decayLens\.sweep\.dataFile '.*' leaves .*absolute path in your user settings/);
  }
  assert.match(parseSettings({ sweep: { dataFile: 'data/train.csv' } }, undefined).sweep.problems?.join() ?? '', /no workspace folder is open/);
  assert.deepEqual(sweep('  '), { steps: undefined, decayValues: undefined, seeds: undefined });
});
