// `decay-lens check` with project config files (test/fixtures/config/*), through the real CLI:
// configs change what is reported, a bad config is reported with its line and never crashes the
// run nor changes the exit status by itself, and --no-config turns them off.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { assertExit, cli, parseJson, ROOT } from '../support/cli';
import { lineOf } from '../support/text';

const FIXTURES = 'test/fixtures/config';

interface JsonReport {
  findings: Array<{ code: string; severity: string; path: string }>;
  configProblems: Array<{ path: string; line: number; message: string }>;
}

/** `path:severity code` of each finding. */
function summary(report: JsonReport): string[] {
  return report.findings.map((finding) => `${finding.path}:${finding.severity} ${finding.code}`);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-cli-config-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the broken CIFAR-10 example with the config file(s) of fixture `name` beside it. */
function exampleWithConfig(name: string): string {
  const folder = mkdtempSync(path.join(tmp, `${name}-`));
  cpSync(path.join(ROOT, 'examples', 'cifar10_broken'), folder, { recursive: true });
  cpSync(path.join(ROOT, FIXTURES, name), folder, { recursive: true });
  return folder;
}

test('a pyproject.toml that ignores WD101: the broken example passes, exit 0', () => {
  const folder = exampleWithConfig('pyproject_ignore');
  const result = cli(['check', '.'], folder);
  assertExit(result, 0);
  assert.match(result.stdout, /^No findings in 2 files\.$/m);
  assert.equal(result.stderr, '');

  const without = cli(['check', '.', '--no-config'], folder);
  assertExit(without, 1);
  assert.match(without.stdout, /cifar10\.py:\d+:\d+: warning WD101 /);
});

test('a decay-lens.json severity override shows in json output', () => {
  const folder = exampleWithConfig('json_severity');
  const report = parseJson<JsonReport>(cli(['check', '.', '--format', 'json'], folder));
  assert.deepEqual(summary(report), ['cifar10.py:error WD101']);
  assert.deepEqual(report.configProblems, []);

  const defaults = parseJson<JsonReport>(cli(['check', '.', '--format', 'json', '--no-config'], folder));
  assert.deepEqual(summary(defaults), ['cifar10.py:warning WD101']);
});

test('a config that does not parse: reported with its line, findings with the defaults', () => {
  const folder = exampleWithConfig('broken_toml');
  const line = lineOf(readFileSync(path.join(ROOT, FIXTURES, 'broken_toml', 'pyproject.toml'), 'utf8'), 'severity = ');

  const text = cli(['check', '.'], folder);
  assertExit(text, 1);
  assert.match(text.stdout, /^cifar10\.py:\d+:\d+: warning WD101 /m, 'not ignored, not rewritten to hint');
  const problems = text.stderr.split('\n').filter((entry) => entry.startsWith('config '));
  assert.equal(problems.length, 1, text.stderr);
  assert.match(problems[0], new RegExp(`^config pyproject\\.toml:${line}: TOML syntax error: .+; the file is ignored$`));

  const quiet = cli(['check', '.', '--quiet'], folder);
  assertExit(quiet, 1);
  assert.equal(quiet.stderr, `${problems[0]}\n`, 'shown even with --quiet');

  const report = parseJson<JsonReport>(cli(['check', '.', '--format', 'json'], folder));
  assert.deepEqual(summary(report), ['cifar10.py:warning WD101']);
  assert.equal(report.configProblems.length, 1);
  assert.equal(report.configProblems[0].path, 'pyproject.toml');
  assert.equal(report.configProblems[0].line, line);
  assert.match(report.configProblems[0].message, /^TOML syntax error/);

  const sarif = cli(['check', '.', '--format', 'sarif'], folder);
  assertExit(sarif, 1);
  const notifications = JSON.parse(sarif.stdout).runs[0].invocations[0].toolExecutionNotifications as Array<{
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }>;
  }>;
  const notification = notifications.find((entry) => entry.message.text.startsWith('config '));
  assert.ok(notification, JSON.stringify(notifications));
  assert.equal(notification.level, 'warning');
  assert.deepEqual(notification.locations[0].physicalLocation, {
    artifactLocation: { uri: 'pyproject.toml', uriBaseId: '%SRCROOT%' },
    region: { startLine: line },
  });
});

test('bad entries are reported at their lines and left out; the good ones apply', () => {
  const config = `${FIXTURES}/bad_entries/decay-lens.json`;
  const configText = readFileSync(path.join(ROOT, config), 'utf8');
  const result = cli(['check', `${FIXTURES}/bad_entries`, '--format', 'json']);
  assertExit(result, 1);
  const report = parseJson<JsonReport>(result);
  assert.deepEqual(summary(report), [
    `${FIXTURES}/bad_entries/discarded.py:warning WD104`,
    `${FIXTURES}/bad_entries/discarded.py:warning WD104`,
    `${FIXTURES}/bad_entries/train.py:error WD101`,
    `${FIXTURES}/bad_entries/train.py:error WD101`,
  ]);
  assert.deepEqual(
    report.configProblems.map((problem) => `${problem.path}:${problem.line}`),
    [`${config}:${lineOf(configText, '"WD9"')}`, `${config}:${lineOf(configText, '"fatal"')}`, `${config}:${lineOf(configText, 'perFileIgnores')}`],
  );
  assert.match(report.configProblems[0].message, /unknown rule code 'WD9'/);
  assert.match(report.configProblems[1].message, /invalid severity 'fatal' for WD104/);
  assert.match(report.configProblems[2].message, /unknown key 'perFileIgnores' \(did you mean 'per-file-ignores'\?\)/);
});

test('nested configs: the nearest applies to each file, per-file ignores with ** and *', () => {
  // nested/pyproject.toml: ignore WD302; legacy_*.py ignores WD101; tests/** ignores WD1*.
  // nested/sub/decay-lens.json: select WD3 only (the nearest config wins; configs do not merge).
  const report = parseJson<JsonReport>(cli(['check', `${FIXTURES}/nested`, '--format', 'json']));
  assert.deepEqual([...new Set(summary(report))], [
    `${FIXTURES}/nested/sub/negative.py:warning WD302`,
    `${FIXTURES}/nested/train.py:warning WD101`,
  ]);
  assert.deepEqual(report.configProblems, []);

  const all = parseJson<JsonReport>(cli(['check', `${FIXTURES}/nested`, '--format', 'json', '--no-config']));
  assert.deepEqual(
    [...new Set(summary(all))],
    [
      `${FIXTURES}/nested/legacy_train.py:warning WD101`,
      `${FIXTURES}/nested/negative.py:warning WD302`,
      `${FIXTURES}/nested/sub/negative.py:warning WD302`,
      `${FIXTURES}/nested/sub/train.py:warning WD101`,
      `${FIXTURES}/nested/tests/test_discarded.py:warning WD104`,
      `${FIXTURES}/nested/train.py:warning WD101`,
    ],
  );
});

test('config problems alone never change the exit status and never crash', () => {
  const cases: Record<string, string> = {
    'decay-lens.json': '{"ignore": ["WD101",}\n',
    'pyproject.toml': '[tool.decay-lens]\nselect = 3\n[tool.decay-lens]\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    const folder = path.join(tmp, name.replace('.', '_'));
    mkdirSync(folder, { recursive: true });
    cpSync(path.join(ROOT, 'examples', 'cifar10'), path.join(folder, 'cifar10'), { recursive: true });
    writeFileSync(path.join(folder, name), text);
    const result = cli(['check', 'cifar10'], folder);
    assertExit(result, 0);
    assert.match(result.stdout, /^No findings in 2 files\.$/m);
    assert.match(result.stderr, new RegExp(`^config ${name.replace('.', '\\.')}:\\d+: (JSON|TOML) syntax error: `, 'm'));
  }

  // A folder named like a config file is not one.
  const folder = path.join(tmp, 'dir_config');
  mkdirSync(path.join(folder, 'decay-lens.json'), { recursive: true });
  cpSync(path.join(ROOT, 'examples', 'cifar10_broken'), path.join(folder, 'src'), { recursive: true });
  const result = cli(['check', 'src'], folder);
  assertExit(result, 1);
  assert.equal(result.stderr, '');
});

test('check --help documents the config files and --no-config', () => {
  const result = cli(['check', '--help']);
  assertExit(result, 0);
  assert.match(result.stdout, /--no-config/);
  assert.match(result.stdout, /decay-lens\.json/);
  assert.match(result.stdout, /\[tool\.decay-lens\]/);
  assert.match(cli(['--help']).stdout, /--no-config/);
});
