// readRegularFile (server/src/files/regularFile.ts), the reader of every file the CLI reads: only
// regular files, never past the bound (also for files whose size says nothing, as under /proc), a
// link refused where links are not followed. The CLI-level cases (FIFOs, /dev/zero, the cache)
// are in test/cli/untrustedFiles.test.ts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { readRegularFile } from '../../server/src/files/regularFile';
import { tempFolder } from '../support/tempFolder';

function link(t: TestContext, target: string, file: string): boolean {
  try {
    symlinkSync(target, file);
    return true;
  } catch (error) {
    t.skip(`cannot make a symbolic link here: ${(error as Error).message}`);
    return false;
  }
}

test('a regular file is read whole up to its bound, and refused past it', async (t) => {
  const file = path.join(tempFolder(t, 'decay-lens-read-'), 'a.txt');
  writeFileSync(file, 'x'.repeat(1000));
  assert.deepEqual(await readRegularFile(file, { maxBytes: 1000 }), { bytes: Buffer.from('x'.repeat(1000)) });
  const refused = await readRegularFile(file, { maxBytes: 999 });
  assert.ok('refused' in refused && /^larger than the .* limit \(1000 bytes\)$/.test(refused.refused), JSON.stringify(refused));
  writeFileSync(file, '');
  assert.deepEqual(await readRegularFile(file, { maxBytes: 10 }), { bytes: Buffer.alloc(0) });
});

test('a file whose size says 0 (under /proc) is read to its end, within the bound', async (t) => {
  const status = '/proc/self/status';
  if (!existsSync(status)) return t.skip('no /proc here');
  const read = await readRegularFile(status, { maxBytes: 1024 * 1024 });
  assert.ok('bytes' in read && /^Name:/.test(read.bytes.toString()), JSON.stringify(read));
  const bounded = await readRegularFile(status, { maxBytes: 100 });
  assert.ok('refused' in bounded && /^larger than the .* limit \(101 bytes\)$/.test(bounded.refused), JSON.stringify(bounded));
});

test('links: followed by default to what they lead to, refused when not followed', async (t) => {
  const dir = tempFolder(t, 'decay-lens-read-links-');
  writeFileSync(path.join(dir, 'target.json'), '{}');
  if (!link(t, path.join(dir, 'target.json'), path.join(dir, 'link.json'))) return;
  assert.deepEqual(await readRegularFile(path.join(dir, 'link.json'), { maxBytes: 10 }), { bytes: Buffer.from('{}') });
  assert.deepEqual(await readRegularFile(path.join(dir, 'link.json'), { maxBytes: 10, followLinks: false }), { refused: 'not a regular file (a symbolic link)' });
  assert.deepEqual(await readRegularFile(dir, { maxBytes: 10 }), { refused: 'not a regular file (a folder)' });
  assert.deepEqual(await readRegularFile(path.join(dir, 'missing'), { maxBytes: 10 }), { refused: 'cannot read: no such file' });
  if (existsSync('/dev/zero')) assert.deepEqual(await readRegularFile('/dev/zero', { maxBytes: 10 }), { refused: 'not a regular file (a character device)' });
  assert.equal(readFileSync(path.join(dir, 'target.json'), 'utf8'), '{}');
});
