// Files as editors and operating systems make them: UTF-16 with its byte order mark (Windows tools
// write it) is analysed and fixed in its own encoding, and a file name holding a line break or a
// terminal escape cannot forge or hide a line of the text output.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { assertExit, cli, parseJson, ROOT } from '../support/cli';
import { tempFolder } from '../support/tempFolder';

interface Report {
  findings: { code: string; path: string; range: unknown; message: string }[];
  skipped: { path: string; reason: string }[];
  filesChecked: number;
}

const FIXABLE = path.join(ROOT, 'test/fixtures/python/WD202_adam_weight_decay.py');
// Characters outside ASCII and outside the Basic Multilingual Plane: columns count UTF-16 units.
const TEXT = `# Gewichtsabnahme 重み減衰 😀\n${readFileSync(FIXABLE, 'utf8')}`;

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? bytes : bytes.swap16();
}

/** A folder with the text in UTF-8 as `utf8.py`, and in UTF-16 little- and big-endian. */
function encodedCopies(t: TestContext): string {
  const dir = tempFolder(t, 'decay-lens-utf16-');
  writeFileSync(path.join(dir, 'utf8.py'), TEXT);
  writeFileSync(path.join(dir, 'le.py'), utf16(TEXT, 'le'));
  writeFileSync(path.join(dir, 'be.py'), utf16(TEXT, 'be'));
  return dir;
}

/** The report's findings of one file, without its name. */
function findingsOf(report: Report, file: string) {
  return report.findings.filter((finding) => finding.path === file).map(({ code, range, message }) => ({ code, range, message }));
}

test('UTF-16 files with a byte order mark are analysed as their text is in UTF-8', (t) => {
  const dir = encodedCopies(t);
  const run = cli(['check', '.', '--format', 'json'], dir);
  assertExit(run, 1);
  const report = parseJson<Report>(run);
  assert.deepEqual(report.skipped, []);
  assert.equal(report.filesChecked, 3);
  const expected = findingsOf(report, 'utf8.py');
  assert.deepEqual(expected.map((finding) => finding.code).sort(), ['WD202', 'WD203']);
  assert.deepEqual(findingsOf(report, 'le.py'), expected);
  assert.deepEqual(findingsOf(report, 'be.py'), expected);
});

test('--fix writes a UTF-16 file back in UTF-16, its byte order mark first', (t) => {
  const dir = encodedCopies(t);
  const fixed = cli(['check', '--fix', '.'], dir);
  assertExit(fixed, 0);
  assert.equal(fixed.stderr, 'Fixed 6 findings in 3 files.\n');
  const text = readFileSync(path.join(dir, 'utf8.py'), 'utf8');
  assert.notEqual(text, TEXT);
  assert.deepEqual(readFileSync(path.join(dir, 'le.py')), utf16(text, 'le'));
  assert.deepEqual(readFileSync(path.join(dir, 'be.py')), utf16(text, 'be'));
});

test('UTF-16 that does not decode is skipped with the reason', (t) => {
  const dir = tempFolder(t, 'decay-lens-utf16-bad-');
  writeFileSync(path.join(dir, 'odd.py'), Buffer.concat([utf16('x = 1\n', 'le'), Buffer.from([0x41])]));
  // A high surrogate followed by an `a`.
  writeFileSync(path.join(dir, 'lone.py'), Buffer.concat([utf16('x = 1\n', 'le'), Buffer.from([0x3d, 0xd8, 0x61, 0x00])]));
  const report = parseJson<Report>(cli(['check', '.', '--format', 'json'], dir));
  assert.deepEqual(report.skipped, [
    { path: 'lone.py', reason: 'not valid UTF-16 (an unpaired surrogate)' },
    { path: 'odd.py', reason: 'not valid UTF-16 (an odd number of bytes after its little-endian byte order mark)' },
  ]);
});

test('text output quotes and escapes, as the JSON output does, file names with line breaks or control characters', (t) => {
  const dir = tempFolder(t, 'decay-lens-names-');
  const forged = 'x.py:1:1: error WD101 forged';
  const names = { newline: `new\n${forged}.py`, escape: 'clear\u001b[2Jscreen.py', quoted: '"quoted".py', plain: 'plain name é.py' };
  for (const name of Object.values(names)) copyFileSync(path.join(ROOT, 'test/fixtures/python/WD301_step_too_large.py'), path.join(dir, name));
  writeFileSync(path.join(dir, 'binary\r.py'), Buffer.from('x = 1\n\0'));

  const run = cli(['check', '.'], dir);
  assertExit(run, 1);
  const escaped = (name: string) => JSON.stringify(name);
  for (const line of run.stdout.split('\n').filter((row) => / WD301 /.test(row))) {
    assert.ok(
      [escaped(names.newline), escaped(names.escape), escaped(names.quoted), names.plain].some((name) => line.startsWith(`${name}:14:86: error WD301 `)),
      `a finding line starts with its file's name, quoted where needed: ${line}`,
    );
  }
  assert.equal(run.stdout.split('\n').filter((row) => / WD301 /.test(row)).length, 4);
  assert.ok(!run.stdout.split('\n').some((line) => line.startsWith('x.py')), 'no line is forged');
  assert.doesNotMatch(run.stdout + run.stderr, /\u001b/, 'no terminal escape reaches the output');
  assert.match(run.stderr, /^skipped "binary\\r\.py": binary file \(contains NUL bytes\)$/m);
  assert.equal(parseJson<Report>(cli(['check', '.', '--format', 'json'], dir)).findings.filter((finding) => finding.path === names.newline).length, 1);
});
