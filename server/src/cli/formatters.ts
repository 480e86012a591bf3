// Output formats of `decay-lens check`: text (for people), json (for scripts), sarif (for code
// scanning; see sarif.ts), github (annotations of a GitHub Actions step), gitlab (GitLab Code
// Quality; see gitlab.ts). Formatters are pure: a report in, strings out.
import type { Finding, Range, Severity } from '../analysis';
import { mapFindingLocations, type MappedFinding } from '../notebooks/findingLocations';
import { fixesOf, rules } from '../rules';
import type { CheckReport } from './check';
import { formatGitlab } from './gitlab';
import { displayPath, displayUri, escapeControlCharacters, printedPath, printedUri } from './paths';
import { placesInFiles } from './placeInFile';
import { formatSarif, type SarifOptions } from './sarif';
import { VERSION } from './version';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormattedOutput {
  stdout: string;
  stderr: string;
}

export interface FormatOptions extends SarifOptions {
  /** Print only the findings and config problems (no skipped files, no summary). */
  quiet?: boolean;
}

export function formatReport(report: CheckReport, format: OutputFormat, options: FormatOptions = {}): FormattedOutput {
  switch (format) {
    case 'text':
      return formatText(report, options);
    case 'json':
      return { stdout: formatJson(report), stderr: '' };
    case 'sarif':
      return { stdout: formatSarif(report, options), stderr: '' };
    case 'github':
      return { stdout: formatGithub(report), stderr: joinLines(options.quiet ? [] : skippedLines(report)) };
    case 'gitlab':
      // stdout is the report file; what it cannot hold goes to the job's log.
      return { stdout: formatGitlab(report), stderr: joinLines([...configLines(report), ...(options.quiet ? [] : skippedLines(report))]) };
  }
}

function position(range: Range): string {
  return `${range.startLine + 1}:${range.startColumn + 1}`;
}

/** A location as printed: in a notebook, `cell` (1-based, counting every cell) and a range within that cell. */
interface PrintedLocation {
  uri: string;
  cell?: number;
  range: Range;
}

function printedLocation(report: CheckReport, uri: string, range: Range): PrintedLocation {
  const inCell = report.notebooks?.get(uri)?.lines.rangeToCell(range);
  return inCell ? { uri, cell: inCell.cell + 1, range: inCell.range } : { uri, range };
}

/** The finding with every location (its own, related, data, fix recipes) in cell coordinates where it is in a notebook. */
function printedFinding(report: CheckReport, finding: Finding): MappedFinding<PrintedLocation> {
  return mapFindingLocations(finding, (location) => printedLocation(report, location.uri, location.range));
}

/** `path:5:1`, or `path.ipynb:cell 3:5:1` as ruff prints notebook positions. */
function where(report: CheckReport, location: PrintedLocation): string {
  const cell = location.cell !== undefined ? `cell ${location.cell}:` : '';
  return `${printedUri(location.uri, report.cwd)}:${cell}${position(location.range)}`;
}

/** A message on one line, with no control character left raw (a file name inside it may hold any). */
function oneLine(text: string): string {
  return escapeControlCharacters(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

export function formatText(report: CheckReport, options: { quiet?: boolean } = {}): FormattedOutput {
  const out: string[] = [];
  for (const finding of report.findings.map((found) => printedFinding(report, found))) {
    out.push(`${where(report, finding)}: ${finding.severity} ${finding.code} ${oneLine(finding.message)}`);
    for (const related of finding.related) {
      out.push(`    ${where(report, related)}: ${oneLine(related.message)}`);
    }
  }
  // Config problems change what is reported, so they are shown even with --quiet.
  const err = configLines(report);
  if (!options.quiet) {
    err.push(...skippedLines(report));
    const files = plural(report.filesChecked, 'file');
    const skipped = report.skipped.length > 0 ? ` (${report.skipped.length} skipped)` : '';
    out.push(
      report.findings.length === 0
        ? `No findings in ${files}${skipped}.`
        : `${plural(report.findings.length, 'finding')} in ${files}${skipped}`,
    );
  }
  return { stdout: joinLines(out), stderr: joinLines(err) };
}

function configLines(report: CheckReport): string[] {
  return (report.configProblems ?? []).map((problem) => `config ${printedPath(problem.file, report.cwd)}:${problem.line}: ${oneLine(problem.message)}`);
}

/** Files skipped or analysed only in part, one line each. */
function skippedLines(report: CheckReport): string[] {
  return [
    ...report.skipped.map((entry) => `skipped ${printedPath(entry.path, report.cwd)}: ${oneLine(entry.reason)}`),
    ...report.partial.map((entry) => `partly analysed ${printedPath(entry.path, report.cwd)}: ${oneLine(entry.reason)}`),
  ];
}

/**
 * GitHub Actions workflow commands (`::warning file=...,line=...::message`), one per finding and
 * per config problem: the runner reads them from the step's output and shows them as annotations
 * on the files, in pull requests too, without code scanning.
 */
function formatGithub(report: CheckReport): string {
  const placeInFile = placesInFiles(report);
  const lines = report.findings.map((found) => {
    const finding = printedFinding(report, found);
    const range = placeInFile(found.uri, found.range).range;
    const name = rules.find((rule) => rule.code === found.code)?.name;
    const message = [finding.message, ...finding.related.map((related) => `${where(report, related)}: ${related.message}`)];
    return workflowCommand(
      annotationLevel(found.severity),
      {
        file: displayUri(found.uri, report.cwd),
        ...(range ? annotationPosition(range) : {}),
        title: `Decay Lens ${found.code}${name ? ` (${name})` : ''}`,
      },
      message.map(escapeControlCharacters).join('\n'),
    );
  });
  for (const problem of report.configProblems ?? []) {
    lines.push(workflowCommand('warning', { file: displayPath(problem.file, report.cwd), line: problem.line, title: 'Decay Lens config' }, escapeControlCharacters(problem.message)));
  }
  return joinLines(lines);
}

type AnnotationLevel = 'error' | 'warning' | 'notice';

function annotationLevel(severity: Severity): AnnotationLevel {
  return severity === 'error' || severity === 'warning' ? severity : 'notice';
}

/** 1-based lines; columns only on one line (GitHub ignores them across lines), the end column inclusive. */
function annotationPosition(range: Range): Record<string, number> {
  const lines = { line: range.startLine + 1, endLine: range.endLine + 1 };
  if (range.startLine !== range.endLine || range.endColumn <= range.startColumn) return lines;
  return { ...lines, col: range.startColumn + 1, endColumn: range.endColumn };
}

/** A workflow command with its properties and message escaped as @actions/core escapes them. */
function workflowCommand(level: AnnotationLevel, properties: Record<string, string | number>, message: string): string {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}

function joinLines(lines: string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function formatJson(report: CheckReport): string {
  const place = (location: PrintedLocation) => ({
    path: displayUri(location.uri, report.cwd),
    uri: location.uri,
    ...(location.cell !== undefined ? { cell: location.cell } : {}),
    range: location.range,
  });
  const json = {
    version: VERSION,
    findings: report.findings.map((found) => {
      const finding = printedFinding(report, found);
      const fixes = fixesOf(found.code, found.fixes, (uri) => report.sources.get(uri)).map((fix) => ({
        title: fix.title,
        edits: fix.edits.map((edit) => ({ ...place(printedLocation(report, edit.uri, edit.range)), newText: edit.newText })),
      }));
      return {
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        ...place(finding),
        related: finding.related.map((related) => ({ ...place(related), message: related.message })),
        ...(finding.unnecessary ? { unnecessary: true } : {}),
        data: finding.data,
        ...(fixes.length > 0 ? { fixes } : {}),
      };
    }),
    skipped: report.skipped.map((entry) => ({ path: displayPath(entry.path, report.cwd), reason: entry.reason })),
    partial: report.partial.map((entry) => ({ path: displayPath(entry.path, report.cwd), reason: entry.reason })),
    filesChecked: report.filesChecked,
    configProblems: (report.configProblems ?? []).map((problem) => ({
      path: displayPath(problem.file, report.cwd),
      line: problem.line,
      message: problem.message,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
