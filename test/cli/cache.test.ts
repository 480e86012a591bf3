// The cache of `decay-lens check` (server/src/cli/checkCache.ts), through the real CLI: what it
// stores is really read back (entries altered here show up in the output), a changed file is
// analysed again, and a broken, foreign or unwritable cache changes nothing in the output.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, type TestContext } from 'node:test';
import { CheckCache } from '../../server/src/cli/checkCache';
import { assertExit, cli, cliWithCache, parseJson, ROOT } from '../support/cli';

interface Report {
  findings: { code: string; path: string; message: string }[];
  skipped: { path: string; reason: string }[];
  filesChecked: number;
}

const CACHE = path.join('.decay-lens-cache', 'v1');

/** A project of three files: a broken CIFAR-10 split across modules, and an unrelated fixture. */
function project(t: TestContext): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(ROOT, 'test/fixtures/python/cifar_split_broken'), path.join(dir, 'cifar'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/python/WD301_step_too_large.py'), path.join(dir, 'step.py'));
  return dir;
}

function check(dir: string, ...extra: string[]) {
  return cliWithCache(['check', '.', '--format', 'json', ...extra], dir);
}

/** The output of the same check without any cache, to compare with. */
function uncached(dir: string) {
  return cli(['check', '.', '--format', 'json'], dir);
}

function readCache<T>(dir: string, name: string): T {
  return JSON.parse(readFileSync(path.join(dir, CACHE, name), 'utf8')) as T;
}

function writeCache(dir: string, name: string, value: unknown): void {
  writeFileSync(path.join(dir, CACHE, name), JSON.stringify(value));
}

test('a second check of unchanged files prints the stored analysis; a changed file is analysed again', (t) => {
  const dir = project(t);
  const first = check(dir);
  assertExit(first, 1);
  assert.equal(first.stdout, uncached(dir).stdout);
  assert.equal(readFileSync(path.join(dir, '.decay-lens-cache', '.gitignore'), 'utf8').trim().split('\n').at(-1), '*');
  assert.match(readFileSync(path.join(dir, '.decay-lens-cache', 'CACHEDIR.TAG'), 'utf8'), /^Signature: 8a477f597d28d172789f06886806bc55/);

  // Mark every stored message: the next run can only print the mark by reading it.
  const results = readCache<{ entries: { analysis: { findings: { message: string }[] } }[] }>(dir, 'results.json');
  assert.equal(results.entries.length, 1);
  for (const finding of results.entries[0].analysis.findings) finding.message = `from the cache: ${finding.message}`;
  writeCache(dir, 'results.json', results);
  const second = parseJson<Report>(check(dir));
  assert.ok(second.findings.length > 0);
  for (const finding of second.findings) assert.match(finding.message, /^from the cache: /);

  // Any change to any file's text is a new analysis.
  writeFileSync(path.join(dir, 'step.py'), `${readFileSync(path.join(dir, 'step.py'), 'utf8')}\n# edited\n`);
  const third = check(dir);
  assert.doesNotMatch(third.stdout, /from the cache/);
  assert.equal(third.stdout, uncached(dir).stdout);
});

test('only changed files are parsed again: the others come from the stored parses', (t) => {
  const dir = project(t);
  assertExit(check(dir), 1);
  // Replace the stored parse of the unchanged step.py with a refusal nobody else would print.
  const stepUri = pathToFileURL(path.join(dir, 'step.py')).href;
  const stepKey = CheckCache.fileKey(stepUri, readFileSync(path.join(dir, 'step.py'), 'utf8'));
  const ir = readCache<{ entries: Record<string, { parsed: unknown }> }>(dir, 'ir.json');
  assert.ok(ir.entries[stepKey], 'step.py is stored under the key of its text');
  ir.entries[stepKey].parsed = { skipped: 'marked in the cache' };
  writeCache(dir, 'ir.json', ir);

  const model = path.join(dir, 'cifar', 'model.py');
  writeFileSync(model, `${readFileSync(model, 'utf8')}\n# edited\n`);
  const report = parseJson<Report>(check(dir));
  assert.deepEqual(report.skipped, [{ path: 'step.py', reason: 'marked in the cache' }]);
  assert.ok(report.findings.some((finding) => finding.path.startsWith('cifar/')), 'the edited program is analysed');
});

test('a corrupt, foreign or unwritable cache gives the output of no cache', (t) => {
  const dir = project(t);
  const expected = uncached(dir).stdout;
  assertExit(check(dir), 1);

  writeFileSync(path.join(dir, CACHE, 'ir.json'), '{"tool": 1, "entries": [');
  writeFileSync(path.join(dir, CACHE, 'results.json'), '\0\0 not json');
  assert.equal(check(dir).stdout, expected);
  assert.ok(readCache<{ entries: unknown[] }>(dir, 'results.json').entries.length === 1, 'the broken files are written anew');

  // Written by another build of the tool: not read.
  const results = readCache<{ tool: string; entries: { analysis: { findings: unknown[] } }[] }>(dir, 'results.json');
  results.tool = 'another build';
  results.entries[0].analysis.findings = [];
  writeCache(dir, 'results.json', results);
  assert.equal(check(dir).stdout, expected);

  // Of this build, but damaged by hand: a result of the wrong shape, a parse broken inside.
  writeCache(dir, 'results.json', { ...results, tool: readCache<{ tool: string }>(dir, 'ir.json').tool, entries: [{ ...results.entries[0], analysis: { findings: [{ uri: 5 }], skipped: [], partial: [] } }] });
  assert.equal(check(dir).stdout, expected);
  const ir = readCache<{ entries: Record<string, { parsed: unknown }> }>(dir, 'ir.json');
  for (const entry of Object.values(ir.entries)) entry.parsed = { ir: { body: [{ kind: 'assign', targets: 5, value: null }], unanalysed: [] } };
  writeCache(dir, 'ir.json', ir);
  writeFileSync(path.join(dir, 'step.py'), `${readFileSync(path.join(dir, 'step.py'), 'utf8')}\n# edited\n`);
  const repaired = check(dir);
  assertExit(repaired, 1);
  assert.equal(repaired.stdout, uncached(dir).stdout);

  // A cache folder that cannot be made (under a file): no cache, no complaint.
  writeFileSync(path.join(dir, 'a-file'), '');
  const blocked = check(dir, '--cache-dir', 'a-file/cache');
  assertExit(blocked, 1);
  assert.equal(blocked.stdout, uncached(dir).stdout);
  assert.equal(blocked.stderr, '');
});

test('project configs apply to a stored analysis', (t) => {
  const dir = project(t);
  const before = parseJson<Report>(check(dir));
  assert.ok(before.findings.some((finding) => finding.code === 'WD101'));
  writeFileSync(path.join(dir, 'decay-lens.json'), JSON.stringify({ ignore: ['WD101'] }));
  const after = parseJson<Report>(check(dir));
  assert.ok(after.findings.length > 0);
  assert.ok(!after.findings.some((finding) => finding.code === 'WD101'));
});

test('--no-cache and DECAY_LENS_NO_CACHE write nothing; --cache-dir picks the folder', (t) => {
  const dir = project(t);
  assertExit(check(dir, '--no-cache'), 1);
  assertExit(cli(['check', '.'], dir), 1); // the test helper sets DECAY_LENS_NO_CACHE=1
  assert.ok(!existsSync(path.join(dir, '.decay-lens-cache')));

  assertExit(check(dir, '--cache-dir', 'elsewhere'), 1);
  assert.ok(existsSync(path.join(dir, 'elsewhere', 'v1', 'results.json')));
  assert.ok(!existsSync(path.join(dir, '.decay-lens-cache')));
  // The cache folder is never searched for files to check.
  assert.equal(parseJson<Report>(check(dir, '--cache-dir', '.decay-lens-cache')).filesChecked, 3);

  const both = check(dir, '--no-cache', '--cache-dir', 'x');
  assertExit(both, 2);
  assert.match(both.stderr, /--no-cache and --cache-dir cannot be used together/);
});

test('stored parses are bounded: those of this run, and older ones up to twice as many', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-cache-bound-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const parsedOf = (count: number, run: string) => new Map(Array.from({ length: count }, (_, i) => [`${run}-${i}`, { skipped: `${run} ${i}` }]));
  const analysis = { findings: [], skipped: [], partial: [] };
  for (const run of ['a', 'b', 'c', 'd']) await (await CheckCache.open(dir)).save(parsedOf(run === 'd' ? 2 : 3, run), run, analysis);

  const cache = await CheckCache.open(dir);
  const stored = await cache.parsed(['d-0', 'd-1', 'c-0', 'c-2', 'b-0', 'a-0']);
  // Run d used 2: it keeps up to 4 older ones, the newest first (c's three, then one of b's).
  assert.deepEqual(stored.slice(0, 4), [{ skipped: 'd 0' }, { skipped: 'd 1' }, { skipped: 'c 0' }, { skipped: 'c 2' }]);
  assert.equal(stored[5], undefined, 'the oldest run is gone');
  assert.deepEqual(await cache.analysis('a'), analysis, 'recent analyses are kept');
});
