// Everything the analysis reports for each fixture workspace and corpus program, compared with the
// snapshot under test/snapshots. UPDATE_SNAPSHOTS=1 writes the snapshots instead and deletes those
// whose workspace is gone; review the diff before committing it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { renderSnapshot, snapshotFile, snapshotRoot, snapshotSubjects, staleSnapshots } from '../support/snapshots';

const updating = process.env.UPDATE_SNAPSHOTS === '1';
const howToUpdate = 'UPDATE_SNAPSHOTS=1 node --import tsx --test test/unit/snapshots.test.ts';
const subjects = snapshotSubjects();

for (const subject of subjects) {
  test(`snapshot ${subject.name}`, async () => {
    const actual = await renderSnapshot(subject);
    const file = snapshotFile(subject);
    if (updating) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    assert.ok(existsSync(file), `no snapshot for ${subject.name}: create it with ${howToUpdate}`);
    const expected = readFileSync(file, 'utf8');
    // The whole texts in an assertion diff bury the change: name the first differing line instead.
    assert.ok(actual === expected, `${subject.name} differs from its snapshot ${firstDifference(actual, expected)}\nIf the change is right, rewrite it with ${howToUpdate} and review git diff test/snapshots`);
  });
}

test('every snapshot belongs to a workspace', () => {
  const stale = staleSnapshots(subjects);
  if (!updating) {
    assert.deepEqual(stale, [], `snapshots of workspaces that are gone: delete them with ${howToUpdate}`);
    return;
  }
  for (const file of stale) rmSync(file);
  removeEmptyFolders(snapshotRoot);
});

function firstDifference(actual: string, expected: string): string {
  const [now, before] = [actual.split('\n'), expected.split('\n')];
  const line = now.findIndex((text, index) => text !== before[index]);
  const at = line < 0 ? now.length : line;
  return `at line ${at + 1}:\n  snapshot: ${JSON.stringify(before[at] ?? '(end)')}\n  now:      ${JSON.stringify(now[at] ?? '(end)')}`;
}

function removeEmptyFolders(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(path.join(folder, entry.name));
  }
  if (folder !== snapshotRoot && readdirSync(folder).length === 0) rmdirSync(folder);
}
