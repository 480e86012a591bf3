// `decay-lens check`: collect files, run the analysis over all of them together, build a report.
import { pathToFileURL } from 'node:url';
import { WorkspaceAnalyzer, readSourceFile, type Finding } from '../analysis';
import { collectFiles, compareStrings, sortSkipped, type SkippedPath } from '../files/collectFiles';
import { uriToPath } from './paths';

export interface CheckReport {
  /** Folder that relative paths in the output are relative to. */
  cwd: string;
  /** Sorted by file, then position, then code. */
  findings: Finding[];
  /** Sorted by path. */
  skipped: SkippedPath[];
  /** Files analysed around a syntax error, with where it is. */
  partial: SkippedPath[];
  /** Files read and analysed. */
  filesChecked: number;
  /** Text of each analysed file by URI (for fingerprints). */
  sources: ReadonlyMap<string, string>;
}

export async function checkPaths(inputs: readonly string[], cwd: string): Promise<CheckReport> {
  const { files, skipped } = await collectFiles(inputs, cwd);
  const analyzer = await WorkspaceAnalyzer.create();
  const sources = new Map<string, string>();
  for (const file of files) {
    const source = await readSourceFile(file);
    if ('skipped' in source) {
      skipped.push({ path: file, reason: source.skipped });
      continue;
    }
    const uri = pathToFileURL(file).href;
    analyzer.setFile(uri, source.text);
    sources.set(uri, source.text);
  }

  const result = analyzer.analyze();
  for (const refused of result.skipped) {
    skipped.push({ path: uriToPath(refused.uri), reason: refused.reason });
    sources.delete(refused.uri);
  }

  return {
    cwd,
    findings: [...result.findings].sort(compareFindings),
    skipped: sortSkipped(skipped),
    partial: sortSkipped(result.partial.map((entry) => ({ path: uriToPath(entry.uri), reason: entry.reason }))),
    filesChecked: sources.size,
    sources,
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(uriToPath(a.uri), uriToPath(b.uri)) ||
    a.range.startLine - b.range.startLine ||
    a.range.startColumn - b.range.startColumn ||
    compareStrings(a.code, b.code) ||
    a.range.endLine - b.range.endLine ||
    a.range.endColumn - b.range.endColumn ||
    compareStrings(a.message, b.message)
  );
}
