// `decay-lens check`: collect files, run the analysis over all of them together, build a report.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../analysis';
import { applyConfig, ConfigResolver, type ConfigProblem } from '../config';
import { readSourceFile } from '../files/sourceFiles';
import { WorkspaceAnalyzer } from '../workspaceAnalyzer';
import { ParsePool, parseThreads, type SourceText } from '../parser/parsePool';
import { collectFiles, sortSkipped, type SkippedPath } from '../files/collectFiles';
import { mapWithConcurrency, READ_CONCURRENCY } from '../files/concurrency';
import { uriToPath } from '../files/workspacePaths';
import { isNotebookFile, readNotebookFile } from '../notebooks/ipynb';
import type { NotebookLineMap } from '../notebooks/notebookModule';

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
  /** Text of each analysed file by URI (for fingerprints); for a notebook, its code cells as one module. */
  sources: ReadonlyMap<string, string>;
  /** Analysed notebooks by URI: where each module line is in the notebook, and the file's JSON text. */
  notebooks?: ReadonlyMap<string, AnalysedNotebook>;
  /** Problems in the config files that apply to the analysed files, by file then line. */
  configProblems?: ConfigProblem[];
  /** Threads that parsed files (this one included). */
  parseThreads?: number;
}

export interface AnalysedNotebook {
  lines: NotebookLineMap;
  json: string;
}

export interface CheckOptions {
  /** Apply decay-lens.json / pyproject.toml [tool.decay-lens] found above each file (default true). */
  config?: boolean;
  /** Threads to parse on, this one included (default: one per core; few files stay on one). */
  jobs?: number;
}

export async function checkPaths(inputs: readonly string[], cwd: string, options: CheckOptions = {}): Promise<CheckReport> {
  const { files, skipped } = await collectFiles(inputs, cwd);
  const pool = new ParsePool(parseThreads(files.length, options.jobs ?? availableParallelism()));
  let parsing: Awaited<ReturnType<ParsePool['parse']>>;
  const sources = new Map<string, string>();
  const notebooks = new Map<string, AnalysedNotebook>();
  const texts: SourceText[] = [];
  try {
    // Read a few at a time: the reads wait on the disk, not on this thread.
    const contents = await mapWithConcurrency(files, READ_CONCURRENCY, async (file) =>
      isNotebookFile(file) ? { notebook: await readNotebookFile(file) } : { source: await readSourceFile(file) },
    );
    files.forEach((file, i) => {
      const { notebook, source } = contents[i];
      const content = notebook ?? source!;
      if ('skipped' in content) {
        skipped.push({ path: file, reason: content.skipped });
        return;
      }
      const uri = pathToFileURL(file).href;
      texts.push({ uri, text: content.text });
      sources.set(uri, content.text);
      // One module per notebook, keyed by the notebook's own URI: it imports .py files like a script.
      if (notebook && !('skipped' in notebook)) notebooks.set(uri, { lines: notebook.lines, json: notebook.json });
    });
    // Parsed in parallel, added in the order read: the same analysis as parsing one by one.
    parsing = await pool.parse(texts);
  } finally {
    await pool.close();
  }
  const analyzer = await WorkspaceAnalyzer.create();
  texts.forEach(({ uri, text }, i) => analyzer.addParsedFile(uri, text, parsing.parsed[i]));

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
    partial: sortSkipped(result.partial.map((entry) => ({ path: uriToPath(entry.uri), reason: inCellTerms(entry.reason, notebooks.get(entry.uri)) }))),
    filesChecked: sources.size,
    sources,
    notebooks,
    configProblems,
    parseThreads: parsing.threads,
  };
}

/** The analysis says where a syntax error is by module line ("at line 12"); in a notebook, name the cell. */
function inCellTerms(reason: string, notebook: AnalysedNotebook | undefined): string {
  if (!notebook) return reason;
  return reason.replace(/\bat line (\d+)/, (whole, line: string) => {
    const inCell = notebook.lines.toCell(Number(line) - 1);
    return inCell ? `at cell ${inCell.cell + 1}, line ${inCell.line + 1}` : whole;
  });
}
