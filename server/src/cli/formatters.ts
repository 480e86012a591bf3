// Output formats of `decay-lens check`: text (for people), json (for scripts), sarif (for code
// scanning; see sarif.ts). Formatters are pure: a report in, strings out.
import type { Finding, Range } from '../analysis';
import { mapFindingLocations, type MappedFinding } from '../notebooks/findingLocations';
import { fixesOf } from '../rules';
import type { CheckReport } from './check';
import { displayPath, displayUri, escapeControlCharacters, printedPath, printedUri } from './paths';
import { formatSarif, type SarifOptions } from './sarif';
import { VERSION } from './version';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormattedOutput {
  stdout: string;
  stderr: string;
}

export interface FormatOptions extends SarifOptions {
  /** Text format: print only the findings (no skipped files, no summary). */
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
  const err = (report.configProblems ?? []).map((problem) => `config ${printedPath(problem.file, report.cwd)}:${problem.line}: ${oneLine(problem.message)}`);
  if (!options.quiet) {
    for (const entry of report.skipped) err.push(`skipped ${printedPath(entry.path, report.cwd)}: ${oneLine(entry.reason)}`);
    for (const entry of report.partial) err.push(`partly analysed ${printedPath(entry.path, report.cwd)}: ${oneLine(entry.reason)}`);
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
