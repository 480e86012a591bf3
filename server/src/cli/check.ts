// `decay-lens check`: collect files, run the analysis over all of them together, build a report.
import { pathToFileURL } from 'node:url';
import type { Finding } from '../analysis';
import { applyConfig, ConfigResolver, type ConfigProblem } from '../config';
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
  /** Problems in the config files that apply to the analysed files, by file then line. */
  configProblems?: ConfigProblem[];
}

export interface CheckOptions {
  /** Apply decay-lens.json / pyproject.toml [tool.decay-lens] found above each file (default true). */
  config?: boolean;
}

export async function checkPaths(inputs: readonly string[], cwd: string, options: CheckOptions = {}): Promise<CheckReport> {
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

  // Each analysed file's config, so a broken config is reported even where nothing is found.
  let findings = result.findings;
  let configProblems: ConfigProblem[] = [];
  if (options.config !== false) {
    const configs = new ConfigResolver();
    for (const uri of sources.keys()) configs.configFor(uriToPath(uri));
    findings = applyConfig(findings, (file) => configs.configFor(file));
    configProblems = configs.problems();
  }

  return {
    cwd,
    findings,
    skipped: sortSkipped(skipped),
    partial: sortSkipped(result.partial.map((entry) => ({ path: uriToPath(entry.uri), reason: entry.reason }))),
    filesChecked: sources.size,
    sources,
    configProblems,
  };
}

