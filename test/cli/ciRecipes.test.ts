// The CI recipes of docs/ci.md, run as the page writes them: each recipe's code block is read from
// the page, its `decay-lens` commands run in bash on a copy of test/fixtures/ci/project, with the
// CLI under test as `decay-lens` on the PATH (dist/cli.js, or the source: see cliCommand), and
// what they write is checked: the SARIF log against the SARIF 2.1.0 JSON schema, the GitLab Code
// Quality report against GitLab's documented fields, the annotations against the files, the exit
// codes against the page. Steps that need the network (checkout, install, upload) are not run.
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';
import type { Severity } from '../../server/src/analysis';
import { rules } from '../../server/src/rules';
import { cliCommand, ROOT, type RunResult } from '../support/cli';

const DOC = readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
const PROJECT = path.join(ROOT, 'test', 'fixtures', 'ci', 'project');
/** The fixture file whose lines the fingerprint tests shift, and the line its WD101 findings are on. */
const TF1_MODEL = 'training/tf1_model.py';
const DECAY_CALL = 'tf.add_to_collection(';

// ---------------------------------------------------------------------------------------------
// The recipes as docs/ci.md has them

interface CodeBlock {
  heading: string;
  language: string;
  code: string;
}

/** The fenced code blocks of a Markdown page, each with the `##` heading it is under. */
function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let heading = '';
  let open: CodeBlock | undefined;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.startsWith('```')) {
        blocks.push(open);
        open = undefined;
      } else {
        open.code += `${line}\n`;
      }
    } else if (line.startsWith('```')) {
      open = { heading, language: line.slice(3).trim(), code: '' };
    } else if (line.startsWith('## ')) {
      heading = line.slice(3).trim();
    }
  }
  return blocks;
}

/** The recipe under `## heading`: its one code block in `language`. */
function recipe(heading: string, language: string): string {
  const blocks = codeBlocks(DOC).filter((block) => block.heading === heading && block.language === language);
  assert.equal(blocks.length, 1, `docs/ci.md has one ${language} block under "## ${heading}"`);
  return blocks[0].code;
}

interface WorkflowStep {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}

interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: WorkflowStep[] }>;
}

interface GitlabJob {
  script?: string[];
  artifacts?: { when?: string; reports?: { codequality?: string } };
}

// ---------------------------------------------------------------------------------------------
// Running them

let binFolder = '';

// `decay-lens` for the recipes' shell: a script that starts the CLI under test.
before(() => {
  binFolder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-ci-bin-'));
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const command = path.join(binFolder, 'decay-lens');
  writeFileSync(command, `#!/bin/sh\nexec ${[process.execPath, ...cliCommand()].map(quote).join(' ')} "$@"\n`);
  chmodSync(command, 0o755);
});

after(() => rmSync(binFolder, { recursive: true, force: true }));

/** A copy of the fixture project, removed when the test ends. */
function projectCopy(t: TestContext): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-ci-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(PROJECT, dir, { recursive: true });
  return dir;
}

/** A script as a CI step runs it: `bash -e` (GitHub's default shell; GitLab stops at the first failing line too). */
function runScript(script: string, cwd: string): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${binFolder}${path.delimiter}${process.env.PATH ?? ''}` };
  // As in CI, the cache is on: the GitHub recipe's second run reads the first one's results.
  delete env.DECAY_LENS_NO_CACHE;
  const result = spawnSync('bash', ['-e', '-c', script], { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertExitCode(result: RunResult, expected: number, what: string): void {
  assert.equal(result.code, expected, `${what}: exit ${result.code}, expected ${expected}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, `${what}: no crash`);
}

/** Two lines added at the top of the TF1 model: every finding in it moves down two lines. */
function shiftTf1Model(dir: string): void {
  const file = path.join(dir, TF1_MODEL);
  writeFileSync(file, `# Two lines added above everything.\n\n${readFileSync(file, 'utf8')}`);
}

/** The fixture's findings: its three WD101 (two in the TF1 model, one in the notebook) and the WD202 of the PyTorch script among them. */
function assertFixtureFindings(codes: string[]): void {
  assert.equal(codes.filter((code) => code === 'WD101').length, 3, codes.join(' '));
  assert.ok(codes.includes('WD202'), codes.join(' '));
}

/** The 1-based line `line` of a file of the project. */
function lineOfFile(dir: string, file: string, line: number): string {
  return readFileSync(path.join(dir, file), 'utf8').split('\n')[line - 1] ?? '';
}

// ---------------------------------------------------------------------------------------------
// What the formats must hold

// The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it, the one npm package small enough to
// depend on that does (the SARIF multitool's copy comes with its 100 MB binary). It is the rtm.5
// revision, a draft-04 schema whose definitions, properties and required members are those of the
// latest errata revision; the two differ in descriptions, the GUID and `language` patterns and
// three artifact roles, none of which our logs use. Its `language` pattern has a stray `]` that
// no Unicode regular expression accepts, hence `unicodeRegExp: false`.
const SARIF_SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const validateSarif = (() => {
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
})();

function assertValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, `the SARIF log is valid SARIF 2.1.0:\n${JSON.stringify(validateSarif.errors, null, 2)}`);
}

interface SarifResult {
  ruleId: string;
  level: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
  partialFingerprints: Record<string, string>;
}

function sarifResults(dir: string, file: string): SarifResult[] {
  const log = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  assertValidSarif(log);
  return log.runs[0].results;
}

const sarifPlace = (result: SarifResult) => result.locations[0].physicalLocation;

interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** GitHub workflow commands (`::warning file=...,line=...::message`), unescaped; every line of stdout must be one. */
function parseAnnotations(stdout: string): Annotation[] {
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(match, `a workflow command: ${line}`);
      const properties = Object.fromEntries(
        match[2].split(',').map((property) => {
          const [key, value] = property.split('=');
          return [key, unescape(value)];
        }),
      );
      return { level: match[1], properties, message: unescape(match[3]) };
    });
}

const CODE_QUALITY_SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];
/** docs/ci.md's table, from a finding's severity to GitLab's. */
const CODE_QUALITY_SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

/** GitLab's documented fields, with their types, on every issue; fingerprints unique; paths and lines inside the project. */
function assertCodeQualityReport(text: string, dir: string): CodeQualityIssue[] {
  assert.ok(text.startsWith('['), 'a JSON array, no byte order mark (GitLab refuses one)');
  const issues = JSON.parse(text) as CodeQualityIssue[];
  assert.ok(Array.isArray(issues));
  for (const [index, issue] of issues.entries()) {
    const where = `issue ${index} (${JSON.stringify(issue)})`;
    assert.ok(typeof issue.description === 'string' && issue.description.length > 0, `${where}: description`);
    assert.ok(rules.some((rule) => rule.code === issue.check_name), `${where}: check_name is a rule code`);
    assert.ok(typeof issue.fingerprint === 'string' && issue.fingerprint.length > 0, `${where}: fingerprint`);
    assert.ok(CODE_QUALITY_SEVERITIES.includes(issue.severity), `${where}: severity`);
    const file = issue.location?.path;
    assert.ok(typeof file === 'string' && !path.isAbsolute(file) && !file.split('/').includes('..'), `${where}: location.path is relative`);
    assert.ok(existsSync(path.join(dir, file)), `${where}: location.path is a file of the project`);
    const lineCount = readFileSync(path.join(dir, file), 'utf8').split('\n').length;
    const { begin, end } = issue.location.lines;
    assert.ok(Number.isInteger(begin) && begin >= 1 && begin <= lineCount, `${where}: location.lines.begin is a line of the file`);
    assert.ok(Number.isInteger(end) && end >= begin && end <= lineCount, `${where}: location.lines.end`);
  }
  const fingerprints = issues.map((issue) => issue.fingerprint);
  assert.equal(new Set(fingerprints).size, fingerprints.length, 'fingerprints are unique');
  return issues;
}

// ---------------------------------------------------------------------------------------------
// The recipes

test('the SARIF schema check rejects what is not SARIF 2.1.0', () => {
  const log = {
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'decay-lens', informationUri: 'not a URI' } }, results: [{ ruleId: 'WD101', level: 'fatal', message: { text: 'x' } }] }],
  };
  assert.equal(validateSarif(log), false);
  const complaints = (validateSarif.errors ?? []).map((error) => error.instancePath);
  assert.ok(complaints.includes('/runs/0/tool/driver/informationUri'), JSON.stringify(complaints));
  assert.ok(complaints.includes('/runs/0/results/0/level'), JSON.stringify(complaints));
});

test('GitHub Actions recipe: a SARIF 2.1.0 log for upload-sarif, annotations at the same places, the step failing on warnings', (t) => {
  const workflow = yaml.load(recipe('GitHub Actions', 'yaml')) as Workflow;
  assert.equal(workflow.permissions?.['security-events'], 'write', 'upload-sarif needs security-events: write');
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const checks = steps.filter((step) => step.run?.includes('decay-lens check'));
  assert.equal(checks.length, 1, 'one step runs decay-lens check');
  const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(upload?.with?.sarif_file, 'an upload-sarif step with its sarif_file');
  assert.match(upload.if ?? '', /failure\(\)|always\(\)/, 'the upload runs when the check step failed on findings');
  assert.ok(steps.indexOf(upload) > steps.indexOf(checks[0]), 'the upload comes after the check');

  const dir = projectCopy(t);
  const step = runScript(checks[0].run!, dir);
  assertExitCode(step, 1, 'the step on a project with warnings');

  const results = sarifResults(dir, upload.with.sarif_file);
  assertFixtureFindings(results.map((result) => result.ruleId));
  for (const result of results.filter((entry) => entry.ruleId === 'WD101')) {
    const { artifactLocation, region } = sarifPlace(result);
    // In the notebook too: the region is the line of the .ipynb file that holds the call.
    assert.ok(lineOfFile(dir, artifactLocation.uri, region.startLine).includes(DECAY_CALL), `${artifactLocation.uri}:${region.startLine} is the decay call`);
  }

  const annotations = parseAnnotations(step.stdout);
  const annotationPlaces = annotations.map((annotation) => `${annotation.properties.title.match(/WD\d{3}/)?.[0]} ${annotation.properties.file}:${annotation.properties.line}`);
  const sarifPlaces = results.map((result) => `${result.ruleId} ${sarifPlace(result).artifactLocation.uri}:${sarifPlace(result).region.startLine}`);
  assert.deepEqual(annotationPlaces.sort(), sarifPlaces.sort(), 'one annotation per result, at the same place');
  for (const annotation of annotations) {
    const code = annotation.properties.title.match(/WD\d{3}/)?.[0];
    const severity = rules.find((rule) => rule.code === code)!.defaultSeverity;
    assert.equal(annotation.level, severity === 'error' || severity === 'warning' ? severity : 'notice', `${code}: infos and hints are notices`);
    assert.ok(annotation.message.length > 0);
  }

  // Code scanning keeps an alert whose code moved: the fingerprints survive lines added above.
  shiftTf1Model(dir);
  assertExitCode(runScript(checks[0].run!, dir), 1, 'the step after the shift');
  const shifted = sarifResults(dir, upload.with.sarif_file);
  const fingerprintsOf = (entries: SarifResult[]) => entries.map((result) => JSON.stringify(result.partialFingerprints)).sort();
  assert.deepEqual(fingerprintsOf(shifted), fingerprintsOf(results));
  const tf1Lines = (entries: SarifResult[]) => entries.filter((result) => sarifPlace(result).artifactLocation.uri === TF1_MODEL).map((result) => sarifPlace(result).region.startLine);
  assert.deepEqual(tf1Lines(shifted), tf1Lines(results).map((line) => line + 2));
});

test('GitHub annotations: file names with what workflow commands reserve, config problems at their line', (t) => {
  const { run } = Object.values((yaml.load(recipe('GitHub Actions', 'yaml')) as Workflow).jobs)
    .flatMap((job) => job.steps)
    .find((step) => step.run?.includes('--format github'))!;
  const dir = projectCopy(t);
  const oddName = 'training/odd,name:50%.py';
  cpSync(path.join(dir, TF1_MODEL), path.join(dir, oddName));
  writeFileSync(path.join(dir, 'decay-lens.json'), '{\n  "ignore": ["WD999"]\n}\n');
  const annotations = parseAnnotations(runScript(run!, dir).stdout);

  const odd = annotations.filter((annotation) => annotation.properties.file === oddName);
  assert.equal(odd.length, 2, 'both WD101 findings of the copy, under its exact name');
  for (const annotation of odd) assert.ok(lineOfFile(dir, oddName, Number(annotation.properties.line)).includes(DECAY_CALL));

  const config = annotations.filter((annotation) => annotation.properties.file === 'decay-lens.json');
  assert.equal(config.length, 1, 'the config problem');
  assert.equal(config[0].level, 'warning');
  assert.equal(config[0].properties.line, '2');
  assert.match(config[0].message, /WD999/);
});

test('GitLab CI recipe: a Code Quality report with GitLab\'s fields, fingerprints stable across runs and line shifts, the job failing on warnings', (t) => {
  const config = yaml.load(recipe('GitLab CI', 'yaml')) as Record<string, GitlabJob>;
  const jobs = Object.values(config).filter((job) => job.script?.some((line) => line.includes('decay-lens check')));
  assert.equal(jobs.length, 1, 'one job runs decay-lens check');
  const [job] = jobs;
  const reportFile = job.artifacts?.reports?.codequality;
  assert.ok(reportFile, 'artifacts: reports: codequality names the report');
  assert.equal(job.artifacts?.when, 'always', 'the report is uploaded when the job fails on findings');

  const dir = projectCopy(t);
  const runJob = () => {
    assertExitCode(runScript(job.script!.join('\n'), dir), 1, 'the job on a project with warnings');
    return readFileSync(path.join(dir, reportFile), 'utf8');
  };
  const report = runJob();
  const issues = assertCodeQualityReport(report, dir);
  assertFixtureFindings(issues.map((issue) => issue.check_name));
  for (const issue of issues) {
    const rule = rules.find((entry) => entry.code === issue.check_name)!;
    assert.equal(issue.severity, CODE_QUALITY_SEVERITY[rule.defaultSeverity], `${issue.check_name}: severity from the rule's`);
    assert.ok(issue.description.startsWith(`${issue.check_name}: `), 'the description starts with the rule code');
    if (issue.check_name === 'WD101') assert.ok(lineOfFile(dir, issue.location.path, issue.location.lines.begin).includes(DECAY_CALL), `${issue.location.path}:${issue.location.lines.begin} is the decay call`);
  }
  const notebookIssue = issues.find((issue) => issue.location.path.endsWith('.ipynb'));
  assert.ok(notebookIssue, 'the notebook has its issue, at a line of the .ipynb file (checked above)');
  const [first, second] = issues.filter((issue) => issue.location.path === TF1_MODEL);
  assert.equal(lineOfFile(dir, TF1_MODEL, first.location.lines.begin).trim(), lineOfFile(dir, TF1_MODEL, second.location.lines.begin).trim(), 'two findings on identical lines...');
  assert.notEqual(first.fingerprint, second.fingerprint, '...have different fingerprints');

  assert.equal(runJob(), report, 'a second run writes the same report');

  shiftTf1Model(dir);
  const shifted = assertCodeQualityReport(runJob(), dir);
  const byFingerprint = new Map(issues.map((issue) => [issue.fingerprint, issue]));
  assert.deepEqual(shifted.map((issue) => issue.fingerprint).sort(), [...byFingerprint.keys()].sort(), 'the same fingerprints after the shift');
  for (const issue of shifted) {
    const before = byFingerprint.get(issue.fingerprint)!;
    const moved = issue.location.path === TF1_MODEL ? 2 : 0;
    assert.equal(issue.location.lines.begin, before.location.lines.begin + moved, `${issue.check_name} in ${issue.location.path} keeps its fingerprint`);
  }
});

test('plain shell recipe: exit 1 on any finding, with --fail-on warning only at warning level or above, as the config sets levels', (t) => {
  const commands = recipe('Plain shell', 'sh')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  const anyFinding = commands.filter((command) => !command.includes('--fail-on'));
  const warnings = commands.filter((command) => command.includes('--fail-on warning'));
  assert.deepEqual([anyFinding.length, warnings.length, commands.length], [1, 1, 2], 'the two commands the page explains');

  const infosOnly = (dir: string) => {
    for (const file of [TF1_MODEL, 'training/probe.ipynb']) rmSync(path.join(dir, file));
  };
  const cases = [
    { project: 'warnings (WD101) and infos (WD202, WD203)', setUp: () => {}, anyFinding: 1, warnings: 1 },
    { project: 'infos only', setUp: infosOnly, anyFinding: 1, warnings: 0 },
    {
      project: 'infos only, WD202 raised to a warning in decay-lens.json',
      setUp: (dir: string) => {
        infosOnly(dir);
        writeFileSync(path.join(dir, 'decay-lens.json'), '{ "severity": { "WD202": "warning" } }\n');
      },
      anyFinding: 1,
      warnings: 1,
    },
    {
      project: 'infos only, WD2 ignored in pyproject.toml',
      setUp: (dir: string) => {
        infosOnly(dir);
        writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.decay-lens]\nignore = ["WD2"]\n');
      },
      anyFinding: 0,
      warnings: 0,
    },
  ];
  for (const entry of cases) {
    const dir = projectCopy(t);
    entry.setUp(dir);
    assertExitCode(runScript(anyFinding[0], dir), entry.anyFinding, `${anyFinding[0]} on ${entry.project}`);
    assertExitCode(runScript(warnings[0], dir), entry.warnings, `${warnings[0]} on ${entry.project}`);
  }
});
