// The cache of `decay-lens check` (server/src/cli/checkCache.ts), through the real CLI: what it
// stores is really read back (entries altered here show up in the output), a changed file is
// analysed again, and a broken, foreign or unwritable cache changes nothing in the output.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const CACHE = path.join('.decay-lens-cache', 'v3');

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

/** The entries of an entries file as the cache reads them: the file's, and its journal's when written on top of it. */
function storedEntries(dir: string, name: 'facts.json' | 'groups.json'): Record<string, unknown> {
  const file = readCache<{ run: number; entries: Record<string, unknown> }>(dir, name);
  const journal = path.join(dir, CACHE, name.replace('.json', '.journal.json'));
  const added = existsSync(journal) ? (JSON.parse(readFileSync(journal, 'utf8')) as { run: number; entries: Record<string, unknown> }) : undefined;
  return { ...file.entries, ...(added?.run === file.run ? added.entries : {}) };
}

/** The stored whole results (`result-KEY.json`), newest first. */
function resultFiles(dir: string): string[] {
  return readdirSync(path.join(dir, CACHE))
    .filter((name) => /^result-[0-9a-f]{40}\.json$/.test(name))
    .sort((a, b) => statSync(path.join(dir, CACHE, b)).mtimeMs - statSync(path.join(dir, CACHE, a)).mtimeMs);
}

interface StoredResult {
  tool: string;
  analysis: { findings: { message: string }[]; skipped: unknown[]; partial: unknown[] };
}

test('a second check of unchanged files prints the stored analysis; a changed file is analysed again', (t) => {
  const dir = project(t);
  const first = check(dir);
  assertExit(first, 1);
  assert.equal(first.stdout, uncached(dir).stdout);
  assert.equal(readFileSync(path.join(dir, '.decay-lens-cache', '.gitignore'), 'utf8').trim().split('\n').at(-1), '*');
  assert.match(readFileSync(path.join(dir, '.decay-lens-cache', 'CACHEDIR.TAG'), 'utf8'), /^Signature: 8a477f597d28d172789f06886806bc55/);

  // Files written just now: their stat cannot vouch for their text yet (an edit within the file
  // system's clock tick would not show), so no index is written and the next run reads them.
  assert.ok(!existsSync(path.join(dir, CACHE, 'index.json')));

  // Mark every stored message: the next run can only print the mark by reading it.
  assert.equal(resultFiles(dir).length, 1);
  const results = readCache<StoredResult>(dir, resultFiles(dir)[0]);
  for (const finding of results.analysis.findings) finding.message = `from the cache: ${finding.message}`;
  writeCache(dir, resultFiles(dir)[0], results);
  const second = parseJson<Report>(check(dir));
  assert.ok(second.findings.length > 0);
  for (const finding of second.findings) assert.match(finding.message, /^from the cache: /);

  // Any change to any file's text is a new analysis.
  writeFileSync(path.join(dir, 'step.py'), `${readFileSync(path.join(dir, 'step.py'), 'utf8')}\n# edited\n`);
  const third = check(dir);
  assert.doesNotMatch(third.stdout, /from the cache/);
  assert.equal(third.stdout, uncached(dir).stdout);
});

test('only the groups of changed files are analysed again: the other files\' facts and groups\' results come from the store', (t) => {
  const dir = project(t);
  assertExit(check(dir), 1);
  const stepUri = pathToFileURL(path.join(dir, 'step.py')).href;
  const stepKey = CheckCache.fileKey(stepUri, readFileSync(path.join(dir, 'step.py'), 'utf8'));
  const facts = readCache<{ entries: Record<string, { value: { facts?: unknown } }> }>(dir, 'facts.json');
  assert.ok(facts.entries[stepKey]?.value.facts, 'step.py is stored under the key of its path and text');
  // Mark the stored result of step.py's group (step.py alone): only a reused result prints the mark.
  const groups = readCache<{ entries: Record<string, { value: { findings: { uri: string; message: string }[] } }> }>(dir, 'groups.json');
  const stepGroups = Object.values(groups.entries).filter((entry) => entry.value.findings.some((finding) => finding.uri === stepUri));
  assert.equal(stepGroups.length, 1);
  for (const finding of stepGroups[0].value.findings) finding.message = `from the cache: ${finding.message}`;
  writeCache(dir, 'groups.json', groups);

  const model = path.join(dir, 'cifar', 'model.py');
  writeFileSync(model, `${readFileSync(model, 'utf8')}\n# edited\n`);
  const report = parseJson<Report>(check(dir));
  const stepFindings = report.findings.filter((finding) => finding.path === 'step.py');
  assert.ok(stepFindings.length > 0 && stepFindings.every((finding) => finding.message.startsWith('from the cache: ')), 'the unchanged group\'s result is reused');
  const cifarFindings = report.findings.filter((finding) => finding.path.startsWith('cifar/'));
  assert.ok(cifarFindings.length > 0 && cifarFindings.every((finding) => !finding.message.startsWith('from the cache')), 'the edited program is analysed');

  // Stored facts are read too: step.py marked as unanalysable in them is reported so.
  facts.entries[stepKey].value = { uri: stepUri, skipped: 'marked in the cache' } as never;
  writeCache(dir, 'facts.json', facts);
  writeFileSync(model, `${readFileSync(model, 'utf8')}\n# edited again\n`);
  assert.deepEqual(parseJson<Report>(check(dir)).skipped, [{ path: 'step.py', reason: 'marked in the cache' }]);
});

test('a corrupt, foreign or unwritable cache gives the output of no cache', (t) => {
  const dir = project(t);
  const expected = uncached(dir).stdout;
  assertExit(check(dir), 1);

  const result = resultFiles(dir)[0];
  writeFileSync(path.join(dir, CACHE, 'facts.json'), '{"tool": 1, "entries": [');
  writeFileSync(path.join(dir, CACHE, 'groups.json'), '[]');
  writeFileSync(path.join(dir, CACHE, 'index.json'), '{"entries": {"x": 1}}');
  writeFileSync(path.join(dir, CACHE, 'grouping.json'), 'null');
  writeFileSync(path.join(dir, CACHE, result), '\0\0 not json');
  assert.equal(check(dir).stdout, expected);
  assert.ok(readCache<StoredResult>(dir, result).analysis.findings.length > 0, 'the broken files are written anew');

  // Written by another build of the tool: not read.
  const results = readCache<StoredResult>(dir, result);
  results.tool = 'another build';
  results.analysis.findings = [];
  writeCache(dir, result, results);
  assert.equal(check(dir).stdout, expected);

  // Of this build, but damaged by hand: a result of the wrong shape, an index and a grouping of the
  // wrong shape, facts and group results of the wrong shape.
  const tool = readCache<{ tool: string }>(dir, 'facts.json').tool;
  writeCache(dir, result, { tool, analysis: { findings: [{ uri: 5 }], skipped: [], partial: [] } });
  assert.equal(check(dir).stdout, expected);
  writeCache(dir, 'index.json', { tool, entries: Object.fromEntries(['step.py', 'cifar/model.py', 'cifar/train.py'].map((file) => [path.join(dir, file), { key: 5 }])) });
  writeCache(dir, 'grouping.json', { tool, key: readCache<{ key: string }>(dir, 'grouping.json').key, groups: [[5]], methodCounts: {} });
  assert.equal(check(dir).stdout, expected);
  const facts = readCache<{ entries: Record<string, { value: { facts?: Record<string, unknown> } }> }>(dir, 'facts.json');
  for (const entry of Object.values(facts.entries)) if (entry.value.facts) entry.value.facts.imports = [{ dotted: 5 }];
  writeCache(dir, 'facts.json', facts);
  const groups = readCache<{ entries: Record<string, { value: unknown }> }>(dir, 'groups.json');
  for (const entry of Object.values(groups.entries)) entry.value = { findings: [{ code: 'WD101' }], partial: [] };
  writeCache(dir, 'groups.json', groups);
  writeFileSync(path.join(dir, 'step.py'), `${readFileSync(path.join(dir, 'step.py'), 'utf8')}\n# edited\n`);
  const repaired = check(dir);
  assertExit(repaired, 1);
  assert.equal(repaired.stdout, uncached(dir).stdout);
  const storedNow = storedEntries(dir, 'facts.json');
  for (const file of ['cifar/model.py', 'cifar/train.py', 'step.py']) {
    const key = CheckCache.fileKey(pathToFileURL(path.join(dir, file)).href, readFileSync(path.join(dir, file), 'utf8'));
    assert.doesNotMatch(JSON.stringify(storedNow[key]), /"dotted":5/, `fresh facts of ${file} replace the damaged ones`);
  }

  // Entries that are not entries at all are dropped, and the cache goes on working.
  const withNulls = readCache<{ entries: Record<string, unknown> }>(dir, 'facts.json');
  withNulls.entries.broken = null;
  withNulls.entries.other = 7;
  writeCache(dir, 'facts.json', withNulls);
  writeFileSync(path.join(dir, 'step.py'), `${readFileSync(path.join(dir, 'step.py'), 'utf8')}\n# edited again\n`);
  assert.equal(check(dir).stdout, uncached(dir).stdout);
  const stepKey = CheckCache.fileKey(pathToFileURL(path.join(dir, 'step.py')).href, readFileSync(path.join(dir, 'step.py'), 'utf8'));
  assert.ok(stepKey in storedEntries(dir, 'facts.json'), 'the edited file\'s facts are stored beside the broken entries, which are not read');
  const latest = readCache<StoredResult>(dir, resultFiles(dir)[0]);
  assert.ok(latest.analysis.findings.length > 0, 'the new analysis is stored');

  // A cache folder that cannot be made (under a file): no cache, no complaint.
  writeFileSync(path.join(dir, 'a-file'), '');
  const blocked = check(dir, '--cache-dir', 'a-file/cache');
  assertExit(blocked, 1);
  assert.equal(blocked.stdout, uncached(dir).stdout);
  assert.equal(blocked.stderr, '');
});

test('stored facts that name another file than the one their key was made for are not used', (t) => {
  const dir = project(t);
  const expected = uncached(dir).stdout;
  assertExit(check(dir), 1);
  // Every entry moved to another file's URI: same shapes, wrong files (a planted or damaged cache).
  const facts = readCache<{ entries: Record<string, { value: { uri: string; facts?: { uri: string; filePath: string } } }> }>(dir, 'facts.json');
  const entries = Object.values(facts.entries);
  const uris = entries.map((entry) => entry.value.uri);
  entries.forEach((entry, i) => {
    const uri = uris[(i + 1) % uris.length];
    entry.value.uri = uri;
    if (entry.value.facts) Object.assign(entry.value.facts, { uri, filePath: new URL(uri).pathname });
  });
  writeCache(dir, 'facts.json', facts);
  writeFileSync(path.join(dir, 'step.py'), `${readFileSync(path.join(dir, 'step.py'), 'utf8')}\n# edited\n`);
  assert.equal(check(dir).stdout, uncached(dir).stdout);
  assert.notEqual(expected, '');
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
  assert.ok(existsSync(path.join(dir, 'elsewhere', 'v3', 'facts.json')));
  assert.ok(!existsSync(path.join(dir, '.decay-lens-cache')));
  // The cache folder is never searched for files to check.
  assert.equal(parseJson<Report>(check(dir, '--cache-dir', '.decay-lens-cache')).filesChecked, 3);

  const both = check(dir, '--no-cache', '--cache-dir', 'x');
  assertExit(both, 2);
  assert.match(both.stderr, /--no-cache and --cache-dir cannot be used together/);
});

/** A whole run's key as the check makes them: a SHA-1 in hex. */
function analysisKey(run: number): string {
  return createHash('sha1').update(`analysis ${run}`).digest('hex');
}

const EMPTY_ANALYSIS = { findings: [], skipped: [], partial: [] };

/** Saves a run whose files and groups are the keys given (each file skipped, each group a partial file named so). */
async function saveRun(dir: string, run: number, keys: string[], journalMax: number): Promise<void> {
  await (await CheckCache.open(dir, { journalMax })).save({
    files: new Map(keys.map((key) => [key, { uri: key, skipped: key }])),
    groups: new Map(keys.map((key) => [key, { findings: [], partial: [{ uri: key, reason: key }] }])),
    analysisKey: analysisKey(run),
    analysis: EMPTY_ANALYSIS,
  });
}

test('stored facts and group results are kept while one of the last 8 whole writes used them', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-cache-bound-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // No journal: every save writes the files whole.
  const save = (run: number, keys: string[]) => saveRun(dir, run, keys, 0);
  await save(1, ['a', 'shared']);
  for (let run = 2; run <= 9; run++) await save(run, [`only ${run}`, 'shared']);

  const cache = await CheckCache.open(dir);
  const [a, shared, first, last] = await cache.facts(['a', 'shared', 'only 2', 'only 9'].map((key) => ({ uri: key, key })));
  assert.equal(a, undefined, 'last used 8 runs ago');
  assert.deepEqual([shared, first, last], [{ uri: 'shared', skipped: 'shared' }, { uri: 'only 2', skipped: 'only 2' }, { uri: 'only 9', skipped: 'only 9' }]);
  const [groupA, groupShared] = await cache.groupResults(['a', 'shared']);
  assert.equal(groupA, undefined);
  assert.deepEqual(groupShared, { findings: [], partial: [{ uri: 'shared', reason: 'shared' }] });
  assert.deepEqual(await cache.analysis(analysisKey(9)), EMPTY_ANALYSIS);
  assert.equal(await cache.analysis(analysisKey(1)), undefined, 'the last 8 analyses are kept');
});

test('new entries go to a journal until it is full; then the files are written whole and the journal removed', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-cache-journal-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const save = (run: number, keys: string[]) => saveRun(dir, run, keys, 3);
  const folder = path.join(dir, 'v3');
  const journal = path.join(folder, 'facts.journal.json');
  const stored = async (keys: string[]) => (await CheckCache.open(dir)).facts(keys.map((key) => ({ uri: key, key })));

  await save(1, ['a']);
  assert.ok(!existsSync(journal), 'the first save writes the files whole');
  const whole = readFileSync(path.join(folder, 'facts.json'), 'utf8');
  await save(2, ['a', 'b', 'c']);
  assert.equal(readFileSync(path.join(folder, 'facts.json'), 'utf8'), whole, 'two new entries: the file is left as it was');
  assert.ok(existsSync(journal));
  assert.deepEqual(await stored(['a', 'b', 'c']), ['a', 'b', 'c'].map((key) => ({ uri: key, skipped: key })), 'read back from the file and its journal');
  await save(3, ['c', 'd', 'e']);
  assert.ok(!existsSync(journal), 'four entries would pass the journal\'s three: written whole');
  assert.deepEqual(await stored(['a', 'b', 'e']), ['a', 'b', 'e'].map((key) => ({ uri: key, skipped: key })));

  // A journal written on top of another version of the file is not read.
  await save(4, ['f']);
  const facts = JSON.parse(readFileSync(path.join(folder, 'facts.json'), 'utf8')) as { run: number };
  writeFileSync(path.join(folder, 'facts.json'), JSON.stringify({ ...facts, run: facts.run + 5 }));
  assert.deepEqual(await stored(['f']), [undefined]);
});

test('a parse stopped by its time budget is not stored, nor the results that include it', (t) => {
  const dir = project(t);
  // Unbounded, tree-sitter spends minutes on this; the budget stops it (see fuzz.test.ts).
  const stuck = `def main(argv=\nhuge = ${', 1'.repeat(150_000)}\n`;
  writeFileSync(path.join(dir, 'stuck.py'), stuck);
  const report = parseJson<Report>(check(dir));
  assert.match(report.skipped.find((entry) => entry.path === 'stuck.py')?.reason ?? '', /took over \d+ ms of CPU time/);
  const facts = readCache<{ entries: Record<string, unknown> }>(dir, 'facts.json');
  assert.equal(Object.keys(facts.entries).length, 3, 'the three other files are stored');
  assert.ok(!(CheckCache.fileKey(pathToFileURL(path.join(dir, 'stuck.py')).href, stuck) in facts.entries));
  assert.deepEqual(resultFiles(dir), [], 'no stored results');
});

test('the cache folder is marked for git and backups only when check created it', (t) => {
  const dir = project(t);
  assertExit(check(dir, '--cache-dir', '.'), 1);
  assert.ok(existsSync(path.join(dir, 'v3', 'facts.json')));
  assert.ok(!existsSync(path.join(dir, '.gitignore')), 'the project folder is never marked');
  assert.ok(!existsSync(path.join(dir, 'CACHEDIR.TAG')));
  assertExit(check(dir, '--cache-dir', 'build/cache'), 1);
  assert.ok(existsSync(path.join(dir, 'build', 'cache', '.gitignore')));
  assert.ok(existsSync(path.join(dir, 'build', 'cache', 'CACHEDIR.TAG')));
});

test('a check of one file keeps the stored facts of the others', (t) => {
  const dir = project(t);
  assertExit(check(dir), 1);
  const stored = Object.keys(readCache<{ entries: Record<string, unknown> }>(dir, 'facts.json').entries);
  assert.equal(stored.length, 3);
  writeFileSync(path.join(dir, 'step.py'), `${readFileSync(path.join(dir, 'step.py'), 'utf8')}\n# edited\n`);
  cliWithCache(['check', 'step.py'], dir);
  const after = Object.keys(storedEntries(dir, 'facts.json'));
  for (const key of stored) assert.ok(after.includes(key), 'the facts of the last full check are kept');
  assert.equal(after.length, 4, 'and the new facts of step.py');
});

test('DECAY_LENS_NO_CACHE wins over --cache-dir', (t) => {
  const dir = project(t);
  const result = cli(['check', '.', '--cache-dir', 'elsewhere'], dir); // the helper sets DECAY_LENS_NO_CACHE=1
  assertExit(result, 1);
  assert.ok(!existsSync(path.join(dir, 'elsewhere')));
});
