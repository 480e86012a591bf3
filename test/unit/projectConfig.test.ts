// Project config files: discovery (walking up like ruff), loading with problems at their lines,
// and applying a config to findings.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Finding, RuleCode, Severity } from '../../server/src/analysis';
import {
  applyConfig,
  ConfigResolver,
  findConfig,
  globToRegExp,
  hasDecayLensTable,
  loadConfig,
  matchesFilePattern,
  withEditorRules,
  type ConfigProblem,
  type FolderCache,
  type ProjectConfig,
} from '../../server/src/config';
import { lineOf } from '../support/text';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-config-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder with the given files (relative path -> text). */
function project(files: Record<string, string>): string {
  const root = path.join(tmp, `p${counter++}`);
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  mkdirSync(root, { recursive: true });
  return root;
}

function load(root: string, name: string) {
  return loadConfig(path.join(root, name));
}

/** Problems as `line: message` strings, for readable failures. */
function problemLines(problems: ConfigProblem[]): string[] {
  return problems.map((problem) => `${problem.line}: ${problem.message}`);
}

function assertProblem(problems: ConfigProblem[], line: number, pattern: RegExp): void {
  assert.ok(
    problems.some((problem) => problem.line === line && pattern.test(problem.message)),
    `a problem at line ${line} matching ${pattern}; got:\n${problemLines(problems).join('\n')}`,
  );
}

const TABLE = '[tool.decay-lens]\n';

// ---------------------------------------------------------------------------------------------
// Discovery

test('discovery: the nearest folder with a config wins, walking up from the file', () => {
  const root = project({
    'pyproject.toml': `${TABLE}ignore = ["WD101"]\n`,
    'pkg/model.py': '',
    'pkg/deep/er/train.py': '',
    'pkg/sub/decay-lens.json': '{}',
    'pkg/sub/inner/train.py': '',
  });
  const cache: FolderCache = new Map();
  assert.deepEqual(findConfig(path.join(root, 'pkg', 'model.py'), cache), { path: path.join(root, 'pyproject.toml'), kind: 'pyproject' });
  assert.equal(findConfig(path.join(root, 'pkg', 'deep', 'er', 'train.py'), cache)?.path, path.join(root, 'pyproject.toml'));
  assert.deepEqual(findConfig(path.join(root, 'pkg', 'sub', 'inner', 'train.py'), cache), {
    path: path.join(root, 'pkg', 'sub', 'decay-lens.json'),
    kind: 'json',
  });
  assert.equal(findConfig(path.join(root, 'top.py'), cache)?.path, path.join(root, 'pyproject.toml'), 'a file next to the config');
  // Every folder on the way up is cached.
  assert.equal(cache.get(path.join(root, 'pkg', 'deep', 'er'))?.path, path.join(root, 'pyproject.toml'));
  assert.equal(cache.get(path.join(root, 'pkg', 'deep'))?.path, path.join(root, 'pyproject.toml'));
});

test('discovery: decay-lens.json beats pyproject.toml in the same folder', () => {
  const root = project({ 'pyproject.toml': `${TABLE}ignore = ["WD101"]\n`, 'decay-lens.json': '{"ignore": ["WD104"]}', 'train.py': '' });
  assert.deepEqual(findConfig(path.join(root, 'train.py'), new Map()), { path: path.join(root, 'decay-lens.json'), kind: 'json' });
});

test('discovery: a pyproject.toml without a [tool.decay-lens] table is skipped', () => {
  const root = project({
    'pyproject.toml': `${TABLE}ignore = ["WD101"]\n`,
    'pkg/pyproject.toml': '[project]\nname = "pkg"\n\n[tool.ruff]\nselect = ["E"]\n# [tool.decay-lens]\n',
    'pkg/train.py': '',
  });
  assert.equal(findConfig(path.join(root, 'pkg', 'train.py'), new Map())?.path, path.join(root, 'pyproject.toml'));
});

test('discovery: a folder named decay-lens.json is not a config', () => {
  const root = project({ 'pyproject.toml': `${TABLE}`, 'pkg/decay-lens.json/x': '', 'pkg/train.py': '' });
  assert.equal(findConfig(path.join(root, 'pkg', 'train.py'), new Map())?.path, path.join(root, 'pyproject.toml'));
});

test('discovery: the cache answers until cleared; a resolver loads each config once', () => {
  const root = project({ 'pyproject.toml': `${TABLE}ignore = ["WD101"]\n`, 'pkg/train.py': '', 'pkg/other.py': '' });
  const cache: FolderCache = new Map();
  assert.equal(findConfig(path.join(root, 'pkg', 'train.py'), cache)?.path, path.join(root, 'pyproject.toml'));
  writeFileSync(path.join(root, 'pkg', 'decay-lens.json'), '{}');
  assert.equal(findConfig(path.join(root, 'pkg', 'train.py'), cache)?.path, path.join(root, 'pyproject.toml'), 'cached');
  cache.clear();
  assert.equal(findConfig(path.join(root, 'pkg', 'train.py'), cache)?.path, path.join(root, 'pkg', 'decay-lens.json'));

  const resolver = new ConfigResolver();
  const first = resolver.configFor(path.join(root, 'pkg', 'train.py'));
  assert.equal(resolver.configFor(path.join(root, 'pkg', 'other.py')), first, 'same object: loaded once');
  assert.deepEqual(first, { root: path.join(root, 'pkg') });
});

test('discovery: the [tool.decay-lens] table is recognised in its spellings', () => {
  assert.ok(hasDecayLensTable('[tool.decay-lens]\n'));
  assert.ok(hasDecayLensTable('  [ tool . "decay-lens" ]\n'));
  assert.ok(hasDecayLensTable('[tool.decay-lens.per-file-ignores]\n"a.py" = ["WD101"]\n'));
  assert.ok(hasDecayLensTable('tool.decay-lens.ignore = ["WD101"]\n'));
  assert.ok(!hasDecayLensTable('[tool.decay-lens-extra]\n'));
  assert.ok(!hasDecayLensTable('# [tool.decay-lens]\n'));
  assert.ok(!hasDecayLensTable('[tool.ruff]\nselect = ["E"]\n'));
});

// ---------------------------------------------------------------------------------------------
// Loading

test('loading: a good pyproject.toml, next to other tools\' tables with the same keys', () => {
  const root = project({
    'pyproject.toml': [
      '[project]',
      'name = "demo"',
      '',
      '[tool.ruff]',
      'select = ["E", "F"]',
      'ignore = ["E501"]',
      '',
      '[tool.decay-lens]',
      'select = ["WD1", "wd301"]',
      'ignore = ["WD104"]',
      'severity = { WD101 = "error" }',
      '',
      '[tool.decay-lens.per-file-ignores]',
      '"tests/**" = ["WD1"]',
      '"legacy_*.py" = ["WD101", "WD105"]',
      '',
    ].join('\n'),
  });
  const { config, problems } = load(root, 'pyproject.toml');
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    root,
    select: ['WD1', 'WD301'],
    ignore: ['WD104'],
    severity: { WD101: 'error' },
    perFileIgnores: { 'tests/**': ['WD1'], 'legacy_*.py': ['WD101', 'WD105'] },
  });
});

test('loading: a good decay-lens.json ($schema allowed)', () => {
  const root = project({
    'decay-lens.json': JSON.stringify(
      {
        $schema: './decay-lens.schema.json',
        select: ['WD'],
        ignore: ['WD303'],
        severity: { WD301: 'warning', wd105: 'info' },
        'per-file-ignores': { 'notebooks/*.py': ['WD104'] },
      },
      null,
      2,
    ),
  });
  const { config, problems } = load(root, 'decay-lens.json');
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    root,
    select: ['WD'],
    ignore: ['WD303'],
    severity: { WD301: 'warning', WD105: 'info' },
    perFileIgnores: { 'notebooks/*.py': ['WD104'] },
  });
});

test('loading: each TOML problem at its line; the rest of the file applies', () => {
  const text = [
    '[tool.ruff]',
    'select = ["E"]',
    'sevrity = 1',
    '',
    '[tool.decay-lens]',
    'select = [',
    '  "WD1",',
    '  "XY7",',
    '  3,',
    ']',
    'ignore = "WD104"',
    'colour = true',
    'per_file_ignores = {}',
    '',
    '[tool.decay-lens.severity]',
    'WD101 = "fatal"',
    'WD105 = "off"',
    'WD3 = "error"',
    'WD999 = "error"',
    'WD302 = "info"',
    '',
    '[tool.decay-lens.per-file-ignores]',
    '"ok/**" = ["WD302"]',
    '"bad/**" = "WD101"',
    '"worse/**" = ["WD101", "NOPE"]',
    '',
  ].join('\n');
  const root = project({ 'pyproject.toml': text });
  const { config, problems } = load(root, 'pyproject.toml');
  assertProblem(problems, lineOf(text, '"XY7"'), /'select': unknown rule code 'XY7'/);
  assertProblem(problems, lineOf(text, '  3,'), /'select': a number \(3\) is not a rule code/);
  assertProblem(problems, lineOf(text, 'ignore = "WD104"'), /'ignore' must be an array of rule codes, not a string/);
  assertProblem(problems, lineOf(text, 'colour'), /unknown key 'colour' \(known keys: select, ignore, severity, per-file-ignores\)/);
  assertProblem(problems, lineOf(text, 'per_file_ignores'), /unknown key 'per_file_ignores' \(did you mean 'per-file-ignores'\?\)/);
  assertProblem(problems, lineOf(text, 'WD101 = "fatal"'), /invalid severity 'fatal' for WD101 \(expected error, warning, info or hint\)/);
  assertProblem(problems, lineOf(text, 'WD105 = "off"'), /invalid severity 'off' for WD105 .*put it in 'ignore'/);
  assertProblem(problems, lineOf(text, 'WD3 = '), /unknown rule code 'WD3' \(severity needs a full rule code/);
  assertProblem(problems, lineOf(text, 'WD999'), /'severity': unknown rule code 'WD999'/);
  assertProblem(problems, lineOf(text, '"bad/**"'), /'per-file-ignores' 'bad\/\*\*' must be an array of rule codes/);
  assertProblem(problems, lineOf(text, '"worse/**"'), /'per-file-ignores' 'worse\/\*\*': unknown rule code 'NOPE'/);
  assert.equal(problems.length, 11, problemLines(problems).join('\n'));
  for (const problem of problems) assert.equal(problem.file, path.join(root, 'pyproject.toml'));
  assert.ok(!problems.some((problem) => problem.line <= 3), "[tool.ruff]'s keys are not ours");

  assert.deepEqual(config, {
    root,
    select: ['WD1'],
    severity: { WD302: 'info' },
    perFileIgnores: { 'ok/**': ['WD302'], 'worse/**': ['WD101'] },
  });
});

test('loading: problems in an inline severity table point at its line', () => {
  const text = `${TABLE}select = ["WD"]\nseverity = { WD101 = "loud", WD104 = "hint" }\n`;
  const root = project({ 'pyproject.toml': text });
  const { config, problems } = load(root, 'pyproject.toml');
  assert.deepEqual(problemLines(problems), [`3: 'severity': invalid severity 'loud' for WD101 (expected error, warning, info or hint); it is ignored`]);
  assert.deepEqual(config.severity, { WD104: 'hint' });
});

test('loading: each JSON problem at its line; the rest of the file applies', () => {
  const text = [
    '{',
    '  "select": ["WD1",',
    '             "WD9"],',
    '  "ignore": {"WD101": true},',
    '  "severity": {',
    '    "WD104": "error",',
    '    "WD105": 2',
    '  },',
    '  "perFileIgnores": {"a.py": ["WD101"]},',
    '  "per-file-ignores": [],',
    '  "unknown": null',
    '}',
  ].join('\n');
  const root = project({ 'decay-lens.json': text });
  const { config, problems } = load(root, 'decay-lens.json');
  assertProblem(problems, 3, /'select': unknown rule code 'WD9'/);
  assertProblem(problems, 4, /'ignore' must be an array of rule codes, not an object/);
  assertProblem(problems, 7, /invalid severity a number \(2\) for WD105/);
  assertProblem(problems, 9, /unknown key 'perFileIgnores' \(did you mean 'per-file-ignores'\?\)/);
  assertProblem(problems, 10, /'per-file-ignores' must be an object of glob = \[rule codes\], not an array/);
  assertProblem(problems, 11, /unknown key 'unknown'/);
  assert.equal(problems.length, 6, problemLines(problems).join('\n'));
  assert.deepEqual(config, { root, select: ['WD1'], severity: { WD104: 'error' } });
});

test('loading: a TOML syntax error is reported at its line, and the whole file is ignored', () => {
  const text = `[project]\nname = "x"\n\n${TABLE}ignore = ["WD101"]\nselect = ["WD1"\nseverity = {}\n`;
  const root = project({ 'pyproject.toml': text });
  const { config, problems } = load(root, 'pyproject.toml');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /^TOML syntax error: .+; the file is ignored$/);
  assert.equal(problems[0].line, lineOf(text, 'severity = {}'), 'where the parser stopped: the unclosed array runs into the next line');
  assert.deepEqual(config, {});

  const duplicate = `${TABLE}ignore = ["WD101"]\nignore = ["WD104"]\n`;
  const second = load(project({ 'pyproject.toml': duplicate }), 'pyproject.toml');
  assert.equal(second.problems.length, 1);
  assert.equal(second.problems[0].line, 3);
  assert.match(second.problems[0].message, /^TOML syntax error/);
});

test('loading: a JSON syntax error is reported at its line (from the parse position); the file is ignored', () => {
  const text = '{\n  "ignore": ["WD101"],\n  "select": ["WD1"],\n}\n';
  const root = project({ 'decay-lens.json': text });
  const { config, problems } = load(root, 'decay-lens.json');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 4);
  assert.match(problems[0].message, /^JSON syntax error: .+ \(column 1\); the file is ignored$/);
  assert.deepEqual(config, {});

  const truncated = load(project({ 'decay-lens.json': '{\n  "ignore": [\n' }), 'decay-lens.json');
  assert.equal(truncated.problems.length, 1);
  assert.match(truncated.problems[0].message, /^JSON syntax error: Unexpected end of JSON input/);
  assert.equal(truncated.problems[0].line, 3);
});

test('loading: a config of the wrong shape, a missing file, an empty pyproject table', () => {
  const array = load(project({ 'decay-lens.json': '[\n  "WD101"\n]\n' }), 'decay-lens.json');
  assert.deepEqual(problemLines(array.problems), ['1: the file must be an object, not an array; it is ignored']);

  const dotted = load(project({ 'pyproject.toml': '[project]\nname = "x"\n[tool]\ndecay-lens = 3\n' }), 'pyproject.toml');
  assert.deepEqual(problemLines(dotted.problems), ['4: [tool.decay-lens] must be a table, not a number (3); it is ignored']);

  const missing = loadConfig(path.join(tmp, 'nowhere', 'decay-lens.json'));
  assert.equal(missing.problems.length, 1);
  assert.match(missing.problems[0].message, /^cannot read the file \(ENOENT\)$/);
  assert.deepEqual(missing.config, {});

  const root = project({ 'pyproject.toml': `${TABLE}` });
  assert.deepEqual(load(root, 'pyproject.toml'), { config: { root }, problems: [] });
});

// ---------------------------------------------------------------------------------------------
// Applying

const ROOT = path.join(path.sep, 'work', 'proj');

function finding(code: RuleCode, relative: string, severity: Severity = 'warning'): Finding {
  return {
    uri: pathToFileURL(path.join(ROOT, relative)).href,
    range: { startLine: 0, startColumn: 0, endLine: 0, endColumn: 1 },
    code,
    severity,
    message: `${code} in ${relative}`,
    related: [],
    data: {},
  };
}

/** `code@file:severity` of what applyConfig lets through with `config` for every file. */
function applied(config: ProjectConfig | undefined, findings: Finding[]): string[] {
  return applyConfig(findings, () => config).map((f) => `${f.code}@${path.relative(ROOT, new URL(f.uri).pathname)}:${f.severity}`);
}

const ALL: RuleCode[] = ['WD101', 'WD104', 'WD105', 'WD301', 'WD302', 'WD303'];
const everyRule = (file = 'train.py') => ALL.map((code) => finding(code, file));

test('apply: no config changes nothing', () => {
  const findings = everyRule();
  const result = applyConfig(findings, () => undefined);
  assert.deepEqual(result, findings);
  assert.equal(result[0], findings[0], 'the same objects');
});

test('apply: select by prefix and by code', () => {
  assert.deepEqual(applied({ select: ['WD3'] }, everyRule()), ['WD301@train.py:warning', 'WD302@train.py:warning', 'WD303@train.py:warning']);
  assert.deepEqual(applied({ select: ['WD10', 'WD302'] }, everyRule()), [
    'WD101@train.py:warning',
    'WD104@train.py:warning',
    'WD105@train.py:warning',
    'WD302@train.py:warning',
  ]);
  assert.deepEqual(applied({ select: [] }, everyRule()), [], 'an empty select selects nothing');
});

test('apply: ignore, and the more specific of select and ignore wins (ignore on a tie)', () => {
  assert.deepEqual(applied({ ignore: ['WD101', 'WD3'] }, everyRule()), ['WD104@train.py:warning', 'WD105@train.py:warning']);
  assert.deepEqual(applied({ select: ['WD101'], ignore: ['WD1'] }, everyRule()), ['WD101@train.py:warning']);
  assert.deepEqual(applied({ select: ['WD1'], ignore: ['WD101'] }, everyRule()), ['WD104@train.py:warning', 'WD105@train.py:warning']);
  assert.deepEqual(applied({ select: ['WD101'], ignore: ['WD101'] }, everyRule()), []);
  assert.deepEqual(applied({ ignore: ['WD'] }, everyRule()), []);
});

test('apply: severity overrides rewrite only their rule', () => {
  const findings = [finding('WD101', 'a.py'), finding('WD303', 'a.py', 'hint'), finding('WD301', 'a.py', 'error')];
  assert.deepEqual(applied({ severity: { WD101: 'error', WD303: 'info' } }, findings), ['WD101@a.py:error', 'WD303@a.py:info', 'WD301@a.py:error']);
  assert.equal(findings[0].severity, 'warning', 'the input is not changed');
});

test('apply: per-file ignores with ** and * globs, relative to the config folder', () => {
  const config: ProjectConfig = {
    root: ROOT,
    perFileIgnores: { 'tests/**': ['WD1'], 'legacy_*.py': ['WD101'], 'scripts/*.py': ['WD3'] },
  };
  const findings = [
    finding('WD101', 'tests/test_a.py'),
    finding('WD104', 'tests/unit/deep/test_b.py'),
    finding('WD301', 'tests/test_a.py'),
    finding('WD101', 'legacy_train.py'),
    finding('WD101', 'pkg/old/legacy_model.py'),
    finding('WD104', 'legacy_train.py'),
    finding('WD301', 'scripts/run.py'),
    finding('WD301', 'scripts/sub/run.py'),
    finding('WD101', 'src/tests/x.py'),
    finding('WD101', 'legacy/train.py'),
  ];
  assert.deepEqual(applied(config, findings), [
    'WD301@tests/test_a.py:warning',
    'WD104@legacy_train.py:warning',
    'WD301@scripts/sub/run.py:warning',
    'WD101@src/tests/x.py:warning',
    'WD101@legacy/train.py:warning',
  ]);
});

test('apply: a file outside the config folder only matches patterns without a slash', () => {
  const config: ProjectConfig = { root: path.join(ROOT, 'sub'), perFileIgnores: { '**/*.py': ['WD104'], '*.py': ['WD101'] } };
  assert.deepEqual(applied(config, [finding('WD101', 'train.py'), finding('WD104', 'train.py'), finding('WD104', 'sub/a.py')]), [
    'WD104@train.py:warning',
  ]);
});

test('apply: configFor is asked once per file, with the local path; each file gets its own config', () => {
  const asked: string[] = [];
  const configs: Record<string, ProjectConfig> = {
    [path.join(ROOT, 'a.py')]: { ignore: ['WD101'] },
    [path.join(ROOT, 'b.py')]: { severity: { WD101: 'error' } },
  };
  const result = applyConfig([finding('WD101', 'a.py'), finding('WD104', 'a.py'), finding('WD101', 'b.py'), finding('WD101', 'c.py')], (file) => {
    asked.push(file);
    return configs[file];
  });
  assert.deepEqual(asked, [path.join(ROOT, 'a.py'), path.join(ROOT, 'b.py'), path.join(ROOT, 'c.py')]);
  assert.deepEqual(
    result.map((f) => `${f.code}:${f.severity}`),
    ['WD104:warning', 'WD101:error', 'WD101:warning'],
  );
});

test('apply: editor rules override the project config', () => {
  const project: ProjectConfig = { root: ROOT, select: ['WD1'], ignore: ['WD104'], severity: { WD105: 'error' }, perFileIgnores: { 'tests/**': ['WD101'] } };
  const merged = withEditorRules(project, { WD104: 'info', WD105: 'off', WD301: 'hint' });
  assert.deepEqual(applied(merged, everyRule()), ['WD101@train.py:warning', 'WD104@train.py:info', 'WD301@train.py:hint']);
  assert.deepEqual(applied(merged, [finding('WD101', 'tests/t.py')]), [], 'a per-file ignore still applies');
  assert.deepEqual(project.ignore, ['WD104'], 'the project config is not changed');

  const prefixIgnored = withEditorRules({ ignore: ['WD1'] }, { WD105: 'error' });
  assert.deepEqual(applied(prefixIgnored, everyRule()), [
    'WD105@train.py:error',
    'WD301@train.py:warning',
    'WD302@train.py:warning',
    'WD303@train.py:warning',
  ]);
  assert.deepEqual(applied(withEditorRules(undefined, { wd303: 'off' }), everyRule()).length, 5, 'no project config, lower-case code');
});

test('glob: *, **, ?, classes, ./ and trailing /', () => {
  const cases: Array<[string, string, boolean]> = [
    ['tests/**', 'tests/a.py', true],
    ['tests/**', 'tests/a/b/c.py', true],
    ['tests/**', 'tests', true],
    ['tests/**', 'tests_old/a.py', false],
    ['**/test_*.py', 'test_a.py', true],
    ['**/test_*.py', 'x/y/test_a.py', true],
    ['**/test_*.py', 'x/y/atest_a.py', false],
    ['src/**/gen/*.py', 'src/gen/a.py', true],
    ['src/**/gen/*.py', 'src/a/b/gen/a.py', true],
    ['src/*.py', 'src/a/b.py', false],
    ['legacy_?.py', 'legacy_1.py', true],
    ['legacy_?.py', 'legacy_12.py', false],
    ['model[0-9].py', 'model3.py', true],
    ['model[!0-9].py', 'model3.py', false],
    ['model[!0-9].py', 'modelx.py', true],
    ['./scripts/', 'scripts/run.py', true],
    ['a.b+c(d).py', 'a.b+c(d).py', true],
    ['a.b+c(d).py', 'aXb+c(d).py', false],
    ['[unclosed.py', '[unclosed.py', true],
  ];
  for (const [glob, file, expected] of cases) assert.equal(globToRegExp(glob).test(file), expected, `${glob} ~ ${file}`);
  assert.equal(matchesFilePattern('!tests/**', 'src/a.py', 'a.py'), true, 'negated');
  assert.equal(matchesFilePattern('!tests/**', 'tests/a.py', 'a.py'), false, 'negated');
  assert.equal(matchesFilePattern('*.py', undefined, 'a.py'), true, 'base name, outside the root');
  assert.equal(matchesFilePattern('src/*.py', undefined, 'a.py'), false);
});
