// `decay-lens check`: collect files, run the analysis over all of them together, build a report.
import { pathToFileURL } from 'node:url';
import type { Finding } from '../analysis';
import { readSourceFile } from '../files/sourceFiles';
import { WorkspaceAnalyzer } from '../workspaceAnalyzer';
import { collectFiles, sortSkipped, type SkippedPath } from '../files/collectFiles';
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
    findings: result.findings,
    skipped: sortSkipped(skipped),
    partial: sortSkipped(result.partial.map((entry) => ({ path: uriToPath(entry.uri), reason: entry.reason }))),
    filesChecked: sources.size,
    sources,
  };
}

