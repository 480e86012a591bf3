// Files a repository can commit to make `decay-lens check .` hang or eat memory in CI: FIFOs, links
// to /dev/zero, links out of the cache (files/regularFile.ts, cli/checkCache.ts). Each run is the
// real CLI in a child process, killed after the helper's 120 s timeout (which fails the test): a
// run that hangs is a failure, never a stuck suite.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { assertExit, cli, cliWithCache, ROOT } from '../support/cli';
import { tempFolder } from '../support/tempFolder';

const CACHE = path.join('.decay-lens-cache', 'v3');

/** The one stored whole result after a first run (`result-KEY.json`). */
function resultFile(dir: string): string {
  const [name] = readdirSync(path.join(dir, CACHE)).filter((entry) => /^result-[0-9a-f]{40}\.json$/.test(entry));
  assert.ok(name, 'a result is stored');
  return name;
}

/** Every file the cache keeps, after a first run (the index only once some file's stat can vouch for its text). */
function cacheFiles(dir: string): string[] {
  return ['facts.json', 'groups.json', 'index.json', 'grouping.json', resultFile(dir)].filter((name) => existsSync(path.join(dir, CACHE, name)));
}

/** Every name the cache reads, whether a first run wrote it or not. */
function cacheNames(dir: string): string[] {
  return [...new Set([...cacheFiles(dir), 'index.json', 'facts.journal.json', 'groups.journal.json'])];
}

/** A broken CIFAR-10 split over two modules, and a WD301 fixture: findings in three files. */
function project(t: TestContext): string {
  const dir = tempFolder(t, 'decay-lens-untrusted-');
  cpSync(path.join(ROOT, 'test/fixtures/python/cifar_split_broken'), path.join(dir, 'cifar'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/python/WD301_step_too_large.py'), path.join(dir, 'step.py'));
  return dir;
}

/** Makes a FIFO at `file`; false where the OS cannot (Windows), and the test is skipped. */
function makeFifo(t: TestContext, file: string): boolean {
  const made = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  if (made.error || made.status !== 0) {
    t.skip(`cannot make a FIFO here: ${made.error?.message ?? made.stderr.trim()}`);
    return false;
  }
  return true;
}

/** Links `link` to `target`; false where the OS cannot (no /dev/zero, no permission for links), and the test is skipped. */
function makeLink(t: TestContext, target: string, link: string): boolean {
  if (target.startsWith('/dev/') && !existsSync(target)) {
    t.skip(`${target} does not exist here`);
    return false;
  }
  try {
    symlinkSync(target, link);
    return true;
  } catch (error) {
    t.skip(`cannot make a symbolic link here: ${(error as Error).message}`);
    return false;
  }
}

function check(dir: string, ...extra: string[]) {
  return cliWithCache(['check', '.', '--format', 'json', ...extra], dir);
}

function uncached(dir: string): string {
  return cli(['check', '.', '--format', 'json'], dir).stdout;
}

/** The stored results with every message marked: a run that prints the mark read them. */
function markedResults(dir: string): string {
  const results = JSON.parse(readFileSync(path.join(dir, CACHE, resultFile(dir)), 'utf8')) as { analysis: { findings: { message: string }[] } };
  for (const finding of results.analysis.findings) finding.message = `from the cache: ${finding.message}`;
  return JSON.stringify(results);
}

test('FIFOs for the cache files: check does not wait on them and prints what it prints without a cache', (t) => {
  const dir = project(t);
  const expected = uncached(dir);
  assertExit(check(dir), 1);
  for (const name of cacheNames(dir)) {
    rmSync(path.join(dir, CACHE, name), { force: true });
    if (!makeFifo(t, path.join(dir, CACHE, name))) return;
  }
  const run = check(dir);
  assertExit(run, 1);
  assert.equal(run.stdout, expected);
  // Written anew beside them: the next run has a cache again.
  const again = check(dir);
  assert.equal(again.stdout, expected);
});

test('cache files linked out of the cache are not read: not to /dev/zero, not to a valid cache elsewhere', (t) => {
  const dir = project(t);
  const expected = uncached(dir);
  assertExit(check(dir), 1);
  // A valid, marked results file outside the cache, linked in: reading it would print the marks.
  const outside = path.join(dir, 'outside-results.json');
  writeFileSync(outside, markedResults(dir));
  const [result, ...others] = [resultFile(dir), ...cacheNames(dir).filter((name) => !name.startsWith('result-'))];
  for (const name of [result, ...others]) rmSync(path.join(dir, CACHE, name), { force: true });
  if (!makeLink(t, outside, path.join(dir, CACHE, result))) return;
  for (const name of others) if (!makeLink(t, '/dev/zero', path.join(dir, CACHE, name))) return;

  const run = check(dir);
  assertExit(run, 1);
  assert.equal(run.stdout, expected);
  assert.match(readFileSync(outside, 'utf8'), /from the cache: /, 'the linked file is replaced by the write, not written through');
});

test('a cache folder that is a symbolic link is neither read nor written', (t) => {
  const dir = project(t);
  const expected = uncached(dir);
  assertExit(check(dir), 1);
  // The whole cache, its results marked, moved elsewhere and linked back.
  writeFileSync(path.join(dir, CACHE, resultFile(dir)), markedResults(dir));
  const names = cacheFiles(dir);
  const elsewhere = path.join(dir, 'elsewhere');
  renameSync(path.join(dir, '.decay-lens-cache'), elsewhere);
  if (!makeLink(t, elsewhere, path.join(dir, '.decay-lens-cache'))) return;
  const stored = names.map((name) => readFileSync(path.join(elsewhere, 'v3', name), 'utf8'));

  for (const run of [check(dir), check(dir, '--cache-dir', '.decay-lens-cache')]) {
    assertExit(run, 1);
    assert.equal(run.stdout, expected);
  }
  assert.deepEqual(
    names.map((name) => readFileSync(path.join(elsewhere, 'v3', name), 'utf8')),
    stored,
    'nothing is written through the link',
  );
});

test('a FIFO and a link to a character device among the sources: skipped with what they are, never opened', (t) => {
  const dir = project(t);
  mkdirSync(path.join(dir, 'odd'));
  if (!makeFifo(t, path.join(dir, 'odd', 'pipe.py'))) return;
  if (!makeLink(t, '/dev/zero', path.join(dir, 'odd', 'zero.py'))) return;

  const walked = cli(['check', '.'], dir);
  assertExit(walked, 1);
  assert.match(walked.stderr, /^skipped odd\/pipe\.py: not a regular file \(a FIFO\)$/m);
  assert.match(walked.stderr, /^skipped odd\/zero\.py: not a regular file \(a symbolic link to a character device\)$/m);
  assert.match(walked.stdout, /in 3 files \(2 skipped\)$/m);

  // Named on the command line, the link is followed to see what it leads to.
  const named = cli(['check', 'odd/pipe.py', 'odd/zero.py', 'step.py'], dir);
  assertExit(named, 1);
  assert.match(named.stderr, /^skipped odd\/pipe\.py: not a regular file \(a FIFO\)$/m);
  assert.match(named.stderr, /^skipped odd\/zero\.py: not a regular file \(a character device\)$/m);
});

test('sweep --spec naming a FIFO or a link to /dev/zero: an error naming the file, no wait', (t) => {
  const dir = tempFolder(t, 'decay-lens-untrusted-spec-');
  if (!makeFifo(t, path.join(dir, 'pipe.json'))) return;
  if (!makeLink(t, '/dev/zero', path.join(dir, 'zero.json'))) return;
  const fifo = cli(['sweep', '--spec', 'pipe.json'], dir);
  assertExit(fifo, 2);
  assert.match(fifo.stderr, /^decay-lens: spec .*pipe\.json: not a regular file \(a FIFO\)$/m);
  const zero = cli(['sweep', '--spec', 'zero.json'], dir);
  assertExit(zero, 2);
  assert.match(zero.stderr, /^decay-lens: spec .*zero\.json: not a regular file \(a character device\)$/m);
});
