// Tests of the `decay-lens` command. Most run the real CLI as a child process (dist/cli.js when it
// has been built, else the TypeScript source through tsx: see cliCommand); the formatter tests at
// the end drive the formatters in-process with hand-made findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../../server/src/analysis';
import type { CheckReport } from '../../server/src/cli/check';
import { formatJson, formatText } from '../../server/src/cli/formatters';
import { formatSarif } from '../../server/src/cli/sarif';
import { rules } from '../../server/src/rules';
import { assertExit, cli, parseJson, ROOT } from '../support/cli';
import { unprivileged } from '../support/permissions';
import { lineOf } from '../support/text';

const BROKEN = 'examples/cifar10_broken';
const CORRECT = 'examples/cifar10';
const DECAY_LINE = "tf.add_to_collection('losses', weight_decay)";
const brokenText = readFileSync(path.join(ROOT, BROKEN, 'cifar10.py'), 'utf8');

// ---------------------------------------------------------------------------------------------
// Running the CLI

// ---------------------------------------------------------------------------------------------
// Shapes of the outputs

interface JsonRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface JsonReport {
  version: string;
  findings: Array<{
    code: string;
    severity: string;
    message: string;
    path: string;
    uri: string;
    range: JsonRange;
    related: Array<{ path: string; uri: string; range: JsonRange; message: string }>;
    data: Record<string, unknown>;
  }>;
  skipped: Array<{ path: string; reason: string }>;
  filesChecked: number;
}

type Json = any;

function isInt(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

function assertRange(range: JsonRange, where: string): void {
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
    assert.ok(isInt(range[key], 0), `${where}.${key} is a 0-based integer`);
  }
  assert.ok(
    range.endLine > range.startLine || (range.endLine === range.startLine && range.endColumn >= range.startColumn),
    `${where} does not end before it starts`,
  );
}

function assertJsonReport(report: JsonReport, version: string): void {
  assert.equal(report.version, version);
  assert.ok(Array.isArray(report.findings), 'findings is an array');
  assert.ok(Array.isArray(report.skipped), 'skipped is an array');
  assert.ok(isInt(report.filesChecked, 0), 'filesChecked is a count');
  for (const [index, finding] of report.findings.entries()) {
    const where = `findings[${index}]`;
    assert.match(finding.code, /^WD\d{3}$/, `${where}.code`);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity), `${where}.severity`);
    assert.ok(finding.message.length > 0, `${where}.message`);
    assert.ok(!path.isAbsolute(finding.path) || !finding.path.startsWith(ROOT), `${where}.path is relative inside the cwd`);
    assert.ok(finding.uri.startsWith('file://'), `${where}.uri`);
    assertRange(finding.range, `${where}.range`);
    assert.ok(Array.isArray(finding.related), `${where}.related`);
    for (const [relatedIndex, related] of finding.related.entries()) {
      assert.ok(related.message.length > 0 && related.uri.startsWith('file://') && related.path.length > 0);
      assertRange(related.range, `${where}.related[${relatedIndex}].range`);
    }
    assert.equal(typeof finding.data, 'object', `${where}.data`);
  }
  for (const entry of report.skipped) {
    assert.ok(entry.path.length > 0 && entry.reason.length > 0, 'skipped entries have a path and a reason');
  }
}

const SARIF_LEVELS = ['none', 'note', 'warning', 'error'];

function assertRegion(region: Json, where: string): void {
  assert.equal(typeof region, 'object', `${where} exists`);
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
    assert.ok(isInt(region[key], 1), `${where}.${key} is a 1-based integer (got ${region[key]})`);
  }
  assert.ok(
    region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn),
    `${where} does not end before it starts`,
  );
}

function assertArtifactLocation(location: Json, log: Json, where: string): void {
  assert.equal(typeof location.uri, 'string', `${where}.uri`);
  assert.ok(!location.uri.includes('\\'), `${where}.uri uses forward slashes`);
  if (location.uriBaseId !== undefined) {
    assert.equal(location.uriBaseId, '%SRCROOT%', `${where}.uriBaseId`);
    assert.ok(!location.uri.startsWith('/') && !/^[a-z]+:/i.test(location.uri), `${where}.uri is relative`);
    assert.ok(log.runs[0].originalUriBaseIds?.['%SRCROOT%'], 'originalUriBaseIds defines %SRCROOT%');
  } else {
    assert.ok(/^file:\/\//.test(location.uri), `${where}.uri without a base is an absolute file URI`);
  }
}

/** The properties GitHub code scanning and the SARIF 2.1.0 schema require, checked by hand. */
function assertSarif(log: Json, version: string): void {
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1, 'one run');
  const run = log.runs[0];

  const driver = run.tool?.driver;
  assert.equal(driver?.name, 'decay-lens');
  assert.match(driver.informationUri, /^https:\/\//);
  assert.equal(driver.semanticVersion, version);
  assert.ok(Array.isArray(driver.rules) && driver.rules.length > 0, 'rules listed');
  const ids = new Set<string>();
  for (const rule of driver.rules) {
    assert.match(rule.id, /^WD\d{3}$/);
    assert.ok(!ids.has(rule.id), `rule ${rule.id} listed once`);
    ids.add(rule.id);
    assert.match(rule.name, /^[a-z]+(-[a-z]+)*$/, `rule ${rule.id} name is a kebab slug`);
    assert.ok(rule.shortDescription?.text?.length > 0, `rule ${rule.id} shortDescription.text`);
    assert.equal(rule.helpUri, `https://github.com/decay-lens/decay-lens/blob/main/docs/rules/${rule.id}.md`);
    assert.ok(SARIF_LEVELS.includes(rule.defaultConfiguration?.level), `rule ${rule.id} defaultConfiguration.level`);
  }

  const root = run.originalUriBaseIds?.['%SRCROOT%']?.uri;
  assert.match(root, /^file:\/\/.*\/$/, '%SRCROOT% is a file URI ending with a slash');

  assert.ok(Array.isArray(run.invocations) && run.invocations.length >= 1, 'invocations');
  assert.equal(typeof run.invocations[0].executionSuccessful, 'boolean', 'executionSuccessful is required');
  for (const notification of run.invocations[0].toolExecutionNotifications ?? []) {
    assert.ok(['note', 'warning'].includes(notification.level), 'notification level');
    assert.ok(notification.message?.text?.length > 0, 'notification message');
    for (const location of notification.locations ?? []) {
      assertArtifactLocation(location.physicalLocation.artifactLocation, log, 'notification location');
    }
  }

  assert.ok(Array.isArray(run.results), 'results is an array');
  const fingerprints = new Set<string>();
  for (const [index, result] of run.results.entries()) {
    const where = `results[${index}]`;
    assert.match(result.ruleId, /^WD\d{3}$/, `${where}.ruleId`);
    assert.ok(isInt(result.ruleIndex, 0) && result.ruleIndex < driver.rules.length, `${where}.ruleIndex in range`);
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId, `${where}.ruleIndex points at its rule`);
    assert.ok(SARIF_LEVELS.includes(result.level), `${where}.level`);
    assert.ok(result.message?.text?.length > 0, `${where}.message.text`);
    assert.ok(Array.isArray(result.locations) && result.locations.length >= 1, `${where}.locations`);
    const physical = result.locations[0].physicalLocation;
    assertArtifactLocation(physical.artifactLocation, log, `${where}.locations[0]`);
    assertRegion(physical.region, `${where}.locations[0].region`);
    const relatedIds = new Set<number>();
    for (const related of result.relatedLocations ?? []) {
      assert.ok(isInt(related.id, 0) && !relatedIds.has(related.id), `${where} related ids are unique integers`);
      relatedIds.add(related.id);
      assert.ok(related.message?.text?.length > 0, `${where} related message`);
      assertArtifactLocation(related.physicalLocation.artifactLocation, log, `${where} related`);
      assertRegion(related.physicalLocation.region, `${where} related region`);
    }
    const values = Object.values(result.partialFingerprints ?? {});
    assert.ok(values.length > 0 && values.every((value) => typeof value === 'string'), `${where}.partialFingerprints`);
    const key = JSON.stringify(result.partialFingerprints);
    assert.ok(!fingerprints.has(key), `${where} fingerprint is unique`);
    fingerprints.add(key);
  }
}

const packageVersion = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// ---------------------------------------------------------------------------------------------
// Usage

test('no arguments is a usage error (exit 2)', () => {
  const result = cli([]);
  assertExit(result, 2);
  assert.match(result.stderr, /Usage:/);
});

test('check without paths, a bad format, an unknown option or command: exit 2', () => {
  for (const args of [['check'], ['check', BROKEN, '--format', 'xml'], ['check', '--bogus', BROKEN], ['frob'], ['--frob'], ['check', BROKEN, '--format']]) {
    const result = cli(args);
    assertExit(result, 2);
    assert.match(result.stderr, /^decay-lens: /, `${args.join(' ')}: says what is wrong`);
    assert.equal(result.stdout, '', `${args.join(' ')}: nothing on stdout`);
  }
});

test('--help and help print the usage (exit 0); check --help too', () => {
  for (const args of [['--help'], ['help'], ['-h']]) {
    const result = cli(args);
    assertExit(result, 0);
    assert.match(result.stdout, /decay-lens check PATHS/);
    assert.match(result.stdout, /explain CODE/);
  }
  const check = cli(['check', '--help']);
  assertExit(check, 0);
  assert.match(check.stdout, /--format/);
});

test('--version prints the version of package.json', () => {
  const result = cli(['--version']);
  assertExit(result, 0);
  assert.equal(result.stdout.trim(), packageVersion);
});

// ---------------------------------------------------------------------------------------------
// explain

test('explain WD101 prints docs/rules/WD101.md (exit 0), case-insensitively', () => {
  const page = readFileSync(path.join(ROOT, 'docs', 'rules', 'WD101.md'), 'utf8');
  for (const code of ['WD101', 'wd101']) {
    const result = cli(['explain', code]);
    assertExit(result, 0);
    assert.equal(result.stdout.trimEnd(), page.trimEnd());
  }
});

test('explain works from any working folder', () => {
  const result = cli(['explain', 'WD101'], os.tmpdir());
  assertExit(result, 0);
  assert.match(result.stdout, /^# WD101/);
});

test('explain of an unknown code lists the known codes (exit 2)', () => {
  const result = cli(['explain', 'WD999']);
  assertExit(result, 2);
  assert.match(result.stderr, /WD999/);
  for (const rule of rules) assert.match(result.stderr, new RegExp(rule.code));
  assertExit(cli(['explain']), 2);
  assertExit(cli(['explain', 'WD101', 'WD104']), 2);
});

test('explain prints something useful for every known code', () => {
  for (const rule of rules) {
    const result = cli(['explain', rule.code]);
    assertExit(result, 0);
    assert.match(result.stdout, new RegExp(`^# ${rule.code}`));
  }
});

// ---------------------------------------------------------------------------------------------
// File discovery and unreadable files

/** A folder with every kind of file the CLI must survive; returns its path. */
function makeTree(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-cli-'));
  chmodSync(dir, 0o755); // readable by a CLI run as another user (see unprivileged())
  const write = (relative: string, content: string | Buffer) => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  write('good.py', 'import math\n\nx = math.sqrt(2)\n');
  write('pkg/inner.py', 'y = 1\n');
  write('notes.txt', 'not python\n');
  write('binary.py', Buffer.from('x = 1\n\0\0\0\n'));
  write('big.py', `${'# padding line of a big file\n'.repeat(Math.ceil((2 * 1024 * 1024) / 29))}`);
  write('latin1.py', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x27, 0x0a])); // name = 'é' in Latin-1
  write('locked.py', 'z = 1\n');
  chmodSync(path.join(dir, 'locked.py'), 0o000);
  // Excluded folders hold a good file and a binary one: if they were searched, filesChecked or
  // the skipped list would show it.
  for (const folder of ['node_modules/x', '.git', '__pycache__', 'site-packages', '.tox']) {
    write(`${folder}/y.py`, 'w = 1\n');
    write(`${folder}/bad.py`, Buffer.from('\0'));
  }
  write('env/pyvenv.cfg', 'home = /usr/bin\n');
  write('env/lib/python3.11/z.py', 'v = 1\n');
  write('env/lib/python3.11/bad.py', Buffer.from('\0'));
  symlinkSync(dir, path.join(dir, 'pkg', 'loop'), 'dir'); // a loop, if links were followed
  return dir;
}

test('check a folder: excluded folders are not searched, unreadable files are skipped with a reason, no crash', (t) => {
  const dir = makeTree();
  t.after(() => {
    chmodSync(path.join(dir, 'locked.py'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });

  // Root reads locked.py whatever its mode, so as root the CLI runs as nobody when it can.
  const runAs = unprivileged();
  const lockedReadable = typeof runAs === 'string';
  // Noted, not skipped: everything else in this test still runs and must pass.
  if (lockedReadable) t.diagnostic(`${runAs}; locked.py is read, so its permission check is not made`);
  const result = cli(['check', '.', 'notes.txt', 'missing.py', '--format', 'json'], dir, lockedReadable ? {} : runAs);
  assertExit(result, 0);
  const report = parseJson<JsonReport>(result);
  assertJsonReport(report, packageVersion);
  assert.deepEqual(report.findings, []);

  const reasons = new Map(report.skipped.map((entry) => [entry.path, entry.reason]));
  assert.match(reasons.get('binary.py') ?? '', /binary|NUL/i);
  assert.match(reasons.get('big.py') ?? '', /larger than/);
  assert.match(reasons.get('latin1.py') ?? '', /UTF-8/);
  assert.equal(reasons.get('notes.txt'), 'not a Python, notebook, TypeScript or JavaScript file');
  assert.equal(reasons.get('missing.py'), 'no such file');
  assert.match(reasons.get('pkg/loop') ?? '', /symbolic link/);
  if (!lockedReadable) assert.match(reasons.get('locked.py') ?? '', /permission denied/);

  for (const entry of report.skipped) {
    assert.doesNotMatch(entry.path, /node_modules|\.git|__pycache__|site-packages|\.tox|env\//, `${entry.path} is not searched`);
  }
  // good.py and pkg/inner.py, plus locked.py when it could be read.
  assert.equal(report.filesChecked, lockedReadable ? 3 : 2);
  const expectedSkipped = lockedReadable ? 6 : 7;
  assert.equal(report.skipped.length, expectedSkipped, JSON.stringify(report.skipped, null, 2));
  const sorted = [...report.skipped].map((entry) => entry.path);
  assert.deepEqual(sorted, [...sorted].sort(), 'skipped entries are sorted');
});

test('check a folder, text format: skipped files on stderr, a summary line on stdout', (t) => {
  const dir = makeTree();
  t.after(() => {
    chmodSync(path.join(dir, 'locked.py'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });

  const result = cli(['check', '.', 'missing.py'], dir);
  assertExit(result, 0);
  assert.match(result.stderr, /^skipped binary\.py: binary file/m);
  assert.match(result.stderr, /^skipped big\.py: larger than the 1 MiB limit/m);
  assert.match(result.stderr, /^skipped latin1\.py: not valid UTF-8$/m);
  assert.match(result.stderr, /^skipped missing\.py: no such file$/m);
  assert.doesNotMatch(result.stderr, /node_modules|\.git\b|env\//);
  assert.match(result.stdout, /^No findings in \d+ files? \(\d+ skipped\)\.$/m);

  const quiet = cli(['check', '.', '--quiet'], dir);
  assertExit(quiet, 0);
  assert.equal(quiet.stdout, '');
  assert.equal(quiet.stderr, '');
});

test('an excluded folder named on the command line is searched', (t) => {
  const dir = makeTree();
  t.after(() => {
    chmodSync(path.join(dir, 'locked.py'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });
  const report = parseJson<JsonReport>(cli(['check', 'node_modules', '--format', 'json'], dir));
  assert.equal(report.filesChecked, 1);
  assert.deepEqual(report.skipped.map((entry) => entry.path), ['node_modules/x/bad.py']);
});

test('a file reached twice (named again, or through a link to it) is checked once', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-twice-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'pkg'));
  writeFileSync(path.join(dir, 'pkg', 'model.py'), readFileSync(path.join(ROOT, 'test/fixtures/python/WD101_missing_sum.py')));
  symlinkSync(path.join(dir, 'pkg', 'model.py'), path.join(dir, 'pkg', 'same.py'));
  symlinkSync(path.join(dir, 'pkg'), path.join(dir, 'pkg_link'), 'dir');

  const report = parseJson<JsonReport>(cli(['check', 'pkg', 'pkg/model.py', './pkg/../pkg/model.py', 'pkg_link', '--format', 'json'], dir));
  assert.equal(report.filesChecked, 1);
  const files = new Set(report.findings.map((finding) => finding.path));
  assert.equal(files.size, 1, JSON.stringify([...files]));
  const once = parseJson<JsonReport>(cli(['check', 'pkg/model.py', '--format', 'json'], dir));
  assert.equal(report.findings.length, once.findings.length);
  assert.ok(once.findings.length > 0, 'the fixture has findings');
});

test('check a folder, sarif format: skipped files become notifications, the log is valid', (t) => {
  const dir = makeTree();
  t.after(() => {
    chmodSync(path.join(dir, 'locked.py'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });

  const result = cli(['check', '.', 'missing.py', '--format', 'sarif'], dir);
  assertExit(result, 0);
  const log = JSON.parse(result.stdout) as Json;
  assertSarif(log, packageVersion);
  assert.deepEqual(log.runs[0].results, []);
  const notes: Json[] = log.runs[0].invocations[0].toolExecutionNotifications;
  const missing = notes.find((note) => note.message.text.includes('missing.py'));
  assert.equal(missing?.level, 'warning');
  assert.equal(missing?.locations[0].physicalLocation.artifactLocation.uri, 'missing.py');
  assert.equal(notes.find((note) => note.message.text.includes('binary.py'))?.level, 'note');
});

test('a file outside the working folder is named by its absolute path', (t) => {
  const dir = makeTree();
  t.after(() => {
    chmodSync(path.join(dir, 'locked.py'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });
  const result = cli(['check', path.join(dir, 'binary.py')], ROOT);
  assertExit(result, 0);
  assert.ok(result.stderr.includes(`skipped ${path.join(dir, 'binary.py')}: binary file`), result.stderr);
});

// ---------------------------------------------------------------------------------------------
// Findings (these need the analysis engine and the examples/ fixtures)

test('examples/cifar10_broken, text: one WD101 at the add_to_collection line, exit 1', () => {
  const line = lineOf(brokenText, DECAY_LINE);
  const result = cli(['check', BROKEN]);
  assertExit(result, 1);
  const wd101 = result.stdout.split('\n').filter((row) => / WD101 /.test(row));
  assert.equal(wd101.length, 1, result.stdout);
  const match = /^examples\/cifar10_broken\/cifar10\.py:(\d+):(\d+): warning WD101 \S/.exec(wd101[0]);
  assert.ok(match, `finding line has the form path:line:col: severity CODE message: ${wd101[0]}`);
  assert.equal(Number(match[1]), line);
  assert.equal(Number(match[2]), brokenText.split(/\r?\n/)[line - 1].indexOf('tf.add_to_collection') + 1, 'the column of the call');
  assert.match(result.stdout, /^ {4}examples\/cifar10_broken\/\S+\.py:\d+:\d+: \S/m, 'related locations indented below');
  assert.match(result.stdout, /^\d+ findings? in \d+ files?$/m);
});

test('examples/cifar10_broken, json: the WD101 finding with a 0-based range', () => {
  const line = lineOf(brokenText, DECAY_LINE);
  const result = cli(['check', BROKEN, '--format', 'json']);
  assertExit(result, 1);
  const report = parseJson<JsonReport>(result);
  assertJsonReport(report, packageVersion);
  assert.equal(report.filesChecked, readdirSync(path.join(ROOT, BROKEN)).filter((file) => file.endsWith('.py')).length);
  assert.deepEqual(report.skipped, []);
  const wd101 = report.findings.filter((finding) => finding.code === 'WD101');
  assert.equal(wd101.length, 1, JSON.stringify(report.findings, null, 2));
  const [finding] = wd101;
  assert.equal(finding.path, `${BROKEN}/cifar10.py`);
  assert.equal(finding.uri, pathToFileURL(path.join(ROOT, BROKEN, 'cifar10.py')).href);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.range.startLine, line - 1);
  const [optimizer] = finding.related;
  assert.deepEqual([optimizer?.path, optimizer?.range.startLine], [`${BROKEN}/cifar10.py`, lineOf(brokenText, 'opt.compute_gradients(') - 1], 'the optimizer call comes first among the related locations');
  assert.match(optimizer.message, /`compute_gradients` minimizes/);
});

test('examples/cifar10_broken, sarif: a valid log with the WD101 result at that line', () => {
  const line = lineOf(brokenText, DECAY_LINE);
  const result = cli(['check', BROKEN, '--format', 'sarif']);
  assertExit(result, 1);
  const log = JSON.parse(result.stdout) as Json;
  assertSarif(log, packageVersion);
  const run = log.runs[0];
  const wd101 = run.results.filter((entry: Json) => entry.ruleId === 'WD101');
  assert.equal(wd101.length, 1);
  const [entry] = wd101;
  assert.equal(entry.level, 'warning');
  assert.equal(run.tool.driver.rules[entry.ruleIndex].name, 'collection-never-summed');
  const physical = entry.locations[0].physicalLocation;
  assert.deepEqual(physical.artifactLocation, { uri: `${BROKEN}/cifar10.py`, uriBaseId: '%SRCROOT%' });
  assert.equal(physical.region.startLine, line);
  const text = brokenText.split(/\r?\n/)[line - 1];
  const column = text.indexOf('tf.add_to_collection') + 1;
  assert.ok(physical.region.startColumn <= column && physical.region.endColumn > column, 'the region covers the call');
  const optimizer = entry.relatedLocations[0]?.physicalLocation;
  assert.deepEqual(
    [optimizer?.artifactLocation.uri, optimizer?.region.startLine],
    [`${BROKEN}/cifar10.py`, lineOf(brokenText, 'opt.compute_gradients(')],
    'the optimizer call comes first among the related locations',
  );
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(ROOT).href}/`);

  // Stable: the same input gives the same log.
  assert.equal(cli(['check', BROKEN, '--format', 'sarif']).stdout, result.stdout);
});

test('a file with a syntax error is analysed around it and reported as partly analysed', () => {
  const fixture = 'test/fixtures/python/bad_syntax_error.py';
  const text = cli(['check', fixture]);
  assertExit(text, 1);
  assert.match(text.stdout, / WD101 /);
  assert.match(text.stderr, /^partly analysed test\/fixtures\/python\/bad_syntax_error\.py: syntax error at lines? \d+(?:-\d+)?/m);
  const json = JSON.parse(cli(['check', fixture, '--format', 'json']).stdout);
  assert.equal(json.partial.length, 1);
  assert.equal(json.findings[0].code, 'WD101');
});

test('examples/cifar10 (correct): no findings, exit 0', () => {
  const result = cli(['check', CORRECT]);
  assertExit(result, 0);
  assert.match(result.stdout, /^No findings in \d+ files?\.$/m);
  assert.equal(result.stderr, '');
});

test('both examples together: only the broken one is reported', () => {
  const report = parseJson<JsonReport>(cli(['check', CORRECT, BROKEN, '--format', 'json']));
  const brokenAlone = parseJson<JsonReport>(cli(['check', BROKEN, '--format', 'json']));
  assert.ok(brokenAlone.findings.length > 0);
  assert.deepEqual(report.findings, brokenAlone.findings);
});

// ---------------------------------------------------------------------------------------------
// Formatters, in-process, with hand-made findings (independent of the analysis engine)

function syntheticReport(cwd: string): CheckReport {
  const inside = pathToFileURL(path.join(cwd, 'pkg', 'model.py')).href;
  const outside = pathToFileURL(path.join(path.dirname(cwd), 'elsewhere', 'train.py')).href;
  const range = (line: number, start: number, end: number) => ({ startLine: line, startColumn: start, endLine: line, endColumn: end });
  const findings: Finding[] = [
    {
      uri: inside,
      range: range(2, 4, 10),
      code: 'WD101',
      severity: 'warning',
      message: 'first',
      related: [{ uri: outside, range: range(0, 0, 3), message: 'the optimizer' }],
      data: { collectionKey: 'losses' },
    },
    {
      uri: inside,
      range: range(3, 4, 10),
      code: 'WD303',
      severity: 'hint',
      message: 'second, same line text',
      related: [],
      unnecessary: true,
      data: {},
    },
    { uri: inside, range: range(5, 0, 1), code: 'WD302', severity: 'info', message: 'third', related: [], data: {} },
  ];
  return {
    cwd,
    findings,
    skipped: [{ path: path.join(cwd, 'big.py'), reason: 'larger than the 1 MiB limit' }],
    partial: [],
    filesChecked: 1,
    sources: new Map([[inside, 'import tf\n\n    same_text()\n    same_text()\n\nx\n']]),
  };
}

test('text format: 1-based positions, related locations indented, summary line', () => {
  const cwd = path.join(os.tmpdir(), 'project');
  const { stdout, stderr } = formatText(syntheticReport(cwd));
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'pkg/model.py:3:5: warning WD101 first');
  assert.equal(lines[1], `    ${path.join(path.dirname(cwd), 'elsewhere', 'train.py')}:1:1: the optimizer`);
  assert.equal(lines[2], 'pkg/model.py:4:5: hint WD303 second, same line text');
  assert.equal(lines.at(-1), '3 findings in 1 file (1 skipped)');
  assert.equal(stderr, 'skipped big.py: larger than the 1 MiB limit\n');
});

test('json format: 0-based ranges, paths relative to the cwd', () => {
  const cwd = path.join(os.tmpdir(), 'project');
  const report = JSON.parse(formatJson(syntheticReport(cwd))) as JsonReport;
  assertJsonReport(report, packageVersion);
  assert.deepEqual(report.findings[0].range, { startLine: 2, startColumn: 4, endLine: 2, endColumn: 10 });
  assert.equal(report.findings[0].path, 'pkg/model.py');
  assert.deepEqual(report.findings[0].data, { collectionKey: 'losses' });
  assert.deepEqual(report.skipped, [{ path: 'big.py', reason: 'larger than the 1 MiB limit' }]);
});

test('sarif format: levels, 1-based regions, absolute URIs outside the root, distinct fingerprints', () => {
  const cwd = path.join(os.tmpdir(), 'project');
  const log = JSON.parse(formatSarif(syntheticReport(cwd))) as Json;
  assertSarif(log, packageVersion);
  const [first, second, third] = log.runs[0].results;
  assert.deepEqual(
    [first.level, second.level, third.level],
    ['warning', 'note', 'note'],
    'warning -> warning, hint -> note, info -> note',
  );
  assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 3, startColumn: 5, endLine: 3, endColumn: 11 });
  const related = first.relatedLocations[0].physicalLocation.artifactLocation;
  assert.equal(related.uriBaseId, undefined);
  assert.equal(related.uri, pathToFileURL(path.join(path.dirname(cwd), 'elsewhere', 'train.py')).href);
  assert.equal(log.runs[0].tool.driver.rules[second.ruleIndex].defaultConfiguration.level, 'note');
  // Same trimmed line text but different rule codes: different fingerprints (checked by assertSarif);
  // and the fingerprint ignores the line number, so moving the code keeps the alert.
  const moved = syntheticReport(cwd);
  moved.findings[0] = { ...moved.findings[0], range: { startLine: 3, startColumn: 4, endLine: 3, endColumn: 10 } };
  const movedLog = JSON.parse(formatSarif(moved)) as Json;
  assert.deepEqual(movedLog.runs[0].results[0].partialFingerprints, first.partialFingerprints);
});
