// Command-line parsing and dispatch of `decay-lens`. Returns the exit code; all output goes
// through `io`, so the whole CLI can be driven in-process as well as through dist/cli.js.
import { parse, positiveInteger, UsageError } from './args';
import * as path from 'node:path';
import { checkPaths, type CheckReport } from './check';
import { DEFAULT_CACHE_FOLDER } from './checkCache';
import { explain, readRulePages } from './explain';
import { planFixes, type FixPlan } from './applyFixes';
import { writeFixedFiles, type UnwrittenFile } from './fixFiles';
import { FORMATS, formatReport, isOutputFormat, plural } from './formatters';
import { printedPath, printedUri } from './paths';
import { uriToPath } from '../analysis/fileUris';
import type { Finding, Severity } from '../analysis/findings';
import { unifiedDiff } from './unifiedDiff';
import { rules } from '../rules';
import { SWEEP_HELP, sweepCommand } from './sweep';
import { VERSION } from './version';
import { fastFs } from '../files/fastFs';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
/** A bug in decay-lens itself, not in what it was asked to do. */
export const EXIT_INTERNAL_ERROR = 3;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Aborted on Ctrl-C: long commands stop cleanly. */
  signal?: AbortSignal;
  /** stderr is a terminal: progress may be drawn on it. */
  interactive?: boolean;
}

const USAGE = `Usage:
  decay-lens check PATHS... [--fix | --diff] [--format text|json|sarif|github|gitlab] [--quiet] [--fail-on LEVEL] [--no-config] [--jobs N] [--no-cache | --cache-dir DIR] [--context DIR]
  decay-lens explain CODE
  decay-lens sweep [--spec FILE.json] [OPTIONS] [--json]
  decay-lens --help | --version
`;

const HELP = `decay-lens ${VERSION}: finds weight decay that never reaches the loss.

${USAGE}
Commands:
  check PATHS...   Analyse Python files, Jupyter notebooks and TF.js code, and folders
                   recursively (.py, .ipynb, .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs
                   files; not .d.ts), together as one workspace. Folders such as .git,
                   node_modules, __pycache__, venv, .venv, site-packages and any virtualenv (a
                   folder with pyvenv.cfg) are not searched, nor TypeScript/JavaScript under
                   dist, build and out (compiled output); symbolic links to folders are not
                   followed. Notebook positions read 'path.ipynb:cell 3:5:1'.
  explain CODE     Print the documentation of a rule, e.g. 'decay-lens explain WD101'.
  sweep            Train a small model once per weight-decay value and compare them
                   (see 'decay-lens help sweep').
  help             Print this help.

Options of check:
  --fix            Apply the findings' fixes to the files, then report what is left.
  --diff           Print those fixes as a unified diff instead; write nothing.
  -f, --format F   text (default), json, sarif (SARIF 2.1.0, for code scanning), github
                   (GitHub Actions annotations) or gitlab (GitLab Code Quality report).
  -q, --quiet      Print only the findings (no skipped files, no summary).
  --fail-on LEVEL  Exit 1 only for findings at LEVEL or above (error, warning, info, hint).
  --no-config      Ignore decay-lens.json and pyproject.toml [tool.decay-lens] files.
  -j, --jobs N     Parse and analyse on N threads (default: one per core).
  --no-cache       Do not read or write the cache (.decay-lens-cache in the current folder).
  --cache-dir DIR  Keep the cache in DIR instead.
  --context DIR    Analyse the PATHS with the files of DIR around them; report on PATHS only.

Exit status: 0 no findings, 1 findings, 2 usage error, 3 internal error.
`;

const FIXABLE = rules.flatMap((rule) => (rule.fix ? [rule.code] : [])).join(', ');

const CHECK_HELP = `Usage: decay-lens check PATHS... [--fix | --diff] [--format text|json|sarif|github|gitlab] [--quiet] [--fail-on LEVEL] [--no-config] [--jobs N] [--no-cache | --cache-dir DIR] [--context DIR]

Analyses the Python, TypeScript and JavaScript files named, and those under the folders named
(TypeScript/JavaScript in dist, build and out folders excepted), together as one workspace;
TypeScript and JavaScript are read as TF.js code. Jupyter notebooks (.ipynb) are analysed too: the code cells of each in order as one
module, IPython magics and shell lines left out; findings in them are printed as
'path.ipynb:cell N:LINE:COLUMN' (cells counted from 1, markdown cells included).
Files that cannot be analysed (missing, unreadable, binary, not UTF-8, larger than 1 MiB, not
Python, TypeScript or JavaScript, a notebook that is not valid nbformat 4 JSON or not in Python) are reported as skipped
and do not stop the run.

Each file is checked with the project config found by walking up from its folder: the first
decay-lens.json, or pyproject.toml with a [tool.decay-lens] table (select, ignore, severity,
per-file-ignores). Problems in a config file are reported on stderr ('config FILE:LINE: ...')
and the entries at fault are left out; they do not change the exit status.

  --fix            Apply the findings' fixes to the files (the editor's quick fixes; rules
                   with one: ${FIXABLE}), then check again: the output and
                   exit status are those of what is left. A fix whose edits overlap another's
                   is left for the next run; fixes in notebooks are not applied (the editor
                   applies them). A file changed since it was read, or not writable, is not
                   written.
  --diff           Print the fixes --fix would apply as unified diffs ('patch -p0' applies
                   them) and write nothing; exit status as without it. Not with --format.
  -f, --format F   text (default), json, sarif, github or gitlab. json gives each finding's
                   fixes as edits; sarif is SARIF 2.1.0 for code scanning; github prints
                   GitHub Actions workflow commands (annotations); gitlab is a GitLab Code
                   Quality report (artifacts:reports:codequality). Paths are relative to the
                   current folder: in CI, run from the repository's root. Recipes: docs/ci.md.
  -q, --quiet      Print only the findings (and config problems): no skipped files on stderr,
                   no summary; with --fix or --diff, no line saying what was fixed.
  --fail-on LEVEL  Exit 1 only for findings at LEVEL or above: error, warning, info or hint
                   (the default: any finding). Severities are the rules' own, or the config's.
                   The pre-commit hook uses --fail-on warning.
  --no-config      Ignore config files: every rule, default severities.
  -j, --jobs N     Parse and analyse on N threads (default: one per core; a few dozen files
                   use one). The output does not depend on it.
  --no-cache       Neither read nor write the cache (also: DECAY_LENS_NO_CACHE=1). By default
                   .decay-lens-cache in the current folder (it holds its own .gitignore) keeps
                   how each file links to the others, the result of each independent group of
                   modules, and the latest results: a check of unchanged files reads the
                   results from there, and a changed file costs the analysis of its group
                   (what imports it, what it imports, and so on) alone. The output does not
                   depend on it.
  --cache-dir DIR  Keep the cache in DIR (relative to the current folder; DECAY_LENS_NO_CACHE
                   still turns it off).
  --context DIR    The files under DIR are the PATHS' context: their models, helpers and
                   training scripts are analysed with the PATHS (as far as the PATHS' modules
                   can reach: what imports them, what they import, and so on), and findings,
                   skipped files and --fix apply to the PATHS only. What a check of all of DIR
                   reports for the PATHS, at the cost of the part of DIR they reach. The
                   pre-commit hook checks the staged files with --context . (the repository).
  -h, --help       Print this help.

Exit status: 0 no findings (at the --fail-on level), 1 findings, 2 usage error, 3 internal error.
`;

const EXPLAIN_HELP = `Usage: decay-lens explain CODE

Prints the documentation of a rule. Codes are case-insensitive, e.g. 'decay-lens explain wd101'.
`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`decay-lens: ${error.message}\n${USAGE}`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      throw new UsageError('missing command');
    case '-h':
    case '--help':
    case 'help':
      return help(rest, io);
    case '-V':
    case '-v':
    case '--version':
    case 'version':
      if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    case 'check':
      return check(rest, io);
    case 'explain':
      return explainCommand(rest, io);
    case 'sweep':
      return sweepCommand(rest, io);
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`);
  }
}

function help(rest: readonly string[], io: CliIo): number {
  const topic = rest[0];
  if (topic === 'check') io.stdout(CHECK_HELP);
  else if (topic === 'explain') io.stdout(EXPLAIN_HELP);
  else if (topic === 'sweep') io.stdout(SWEEP_HELP);
  else if (topic === undefined) io.stdout(HELP);
  else throw new UsageError(`no help for '${topic}'`);
  return EXIT_OK;
}

async function check(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    quiet: { type: 'boolean', short: 'q' },
    'fail-on': { type: 'string' },
    'no-config': { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    'no-cache': { type: 'boolean' },
    'cache-dir': { type: 'string' },
    context: { type: 'string' },
    fix: { type: 'boolean' },
    diff: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return EXIT_OK;
  }
  if (values.diff && values.format !== undefined) throw new UsageError('--diff prints diffs: it takes no --format');
  const format = values.format ?? 'text';
  if (!isOutputFormat(format)) {
    throw new UsageError(`unknown format '${format}' (expected ${FORMATS.join(', ')})`);
  }
  if (positionals.length === 0) throw new UsageError('check needs at least one file or folder');
  const failOn = values['fail-on'] ?? 'hint';
  if (!isSeverity(failOn)) throw new UsageError(`--fail-on takes error, warning, info or hint (got '${failOn}')`);
  const failing = (findings: readonly Finding[]) => (findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]) ? EXIT_FINDINGS : EXIT_OK);

  const jobs = values.jobs === undefined ? undefined : positiveInteger(values.jobs, '--jobs');
  if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError('--no-cache and --cache-dir cannot be used together');
  const noCache = values['no-cache'] || isSet(process.env.DECAY_LENS_NO_CACHE);
  const cacheFolder = noCache ? undefined : path.resolve(io.cwd, values['cache-dir'] ?? DEFAULT_CACHE_FOLDER);
  const context = values.context === undefined ? undefined : path.resolve(io.cwd, values.context);
  // A mistyped context would leave the files without the repository around them, silently.
  if (context !== undefined && !(await isFolder(context))) throw new UsageError(`--context takes a folder (no folder '${values.context}')`);
  // Fixes, diffs and fingerprints need the texts of the files with findings; the text and GitHub outputs do not.
  const withSources = Boolean(values.fix || values.diff) || format === 'json' || format === 'sarif' || format === 'gitlab';
  const checkOptions = { config: !values['no-config'], jobs, cacheFolder, context, withSources };
  let report = await checkPaths(positionals, io.cwd, checkOptions);
  if (values.diff) {
    const plan = fixPlanOf(report);
    for (const file of plan.files) io.stdout(unifiedDiff(printedUri(file.uri, io.cwd), file.before, file.replacements));
    if (!values.quiet) io.stderr(fixSummary(plan, [], io.cwd, 'Would fix'));
    return failing(report.findings);
  }
  if (values.fix) {
    const plan = fixPlanOf(report);
    const unwritten = await writeFixedFiles(plan.files);
    if (!values.quiet) io.stderr(fixSummary(plan, unwritten, io.cwd, 'Fixed'));
    // What is left is what a check of the fixed files finds.
    report = await checkPaths(positionals, io.cwd, checkOptions);
  }
  // SARIF carries every rule's page; the formatters are synchronous, so the pages are read first.
  const rulePages = format === 'sarif' ? await readRulePages() : undefined;
  const output = formatReport(report, format, {
    quiet: values.quiet,
    ruleHelp: (code) => rulePages?.get(code),
  });
  if (output.stderr) io.stderr(output.stderr);
  if (output.stdout) io.stdout(output.stdout);
  return failing(report.findings);
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

function isSeverity(text: string): text is Severity {
  return Object.hasOwn(SEVERITY_RANK, text);
}

/** The fixes of a report's findings, computed from the texts it checked. */
function fixPlanOf(report: CheckReport): FixPlan {
  return planFixes(report.findings, (uri) => report.sources.get(uri), (uri) => report.notebooks?.has(uri) === true);
}

/** What `--fix` did (or `--diff` would do), for stderr. */
function fixSummary(plan: FixPlan, unwritten: readonly UnwrittenFile[], cwd: string, verb: 'Fixed' | 'Would fix'): string {
  const lines = unwritten.map((file) => `not written ${printedPath(file.path, cwd)}: ${file.reason}`);
  const notWritten = new Set(unwritten.map((file) => file.path));
  const findings = plan.applied.filter((fix) => fix.uris.every((uri) => !notWritten.has(uriToPath(uri)))).reduce((sum, fix) => sum + fix.findings, 0);
  lines.push(`${verb} ${plural(findings, 'finding')} in ${plural(plan.files.length - unwritten.length, 'file')}.`);
  if (plan.overlapping > 0) lines.push(`${plural(plan.overlapping, 'fix', 'fixes')} overlapping another left for the next run.`);
  if (plan.inNotebooks > 0) lines.push(`${plural(plan.inNotebooks, 'fix', 'fixes')} in notebooks not applied: apply them in the editor.`);
  return `${lines.join('\n')}\n`;
}

async function isFolder(file: string): Promise<boolean> {
  return (await fastFs.stat(file).catch(() => undefined))?.isDirectory() === true;
}

/** An environment switch: set, and not empty, 0 or false. */
function isSet(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.toLowerCase());
}

async function explainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'explain needs a rule code, e.g. WD101' : 'explain takes one rule code');
  }
  const result = await explain(positionals[0]);
  if ('error' in result) {
    io.stderr(`decay-lens: ${result.error}\n`);
    return EXIT_USAGE;
  }
  io.stdout(result.page);
  return EXIT_OK;
}
