// `decay-lens check`: collect files, run the analysis over all of them together, build a report.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../analysis';
import { applyConfig, ConfigResolver, type ConfigProblem } from '../config';
import { readSourceFile } from '../files/sourceFiles';
import { WorkspaceAnalyzer, type ParsedFile } from '../workspaceAnalyzer';
import { CheckCache, type CachedAnalysis } from './checkCache';
import { ParsePool, parseThreads, type SourceText } from '../parser/parsePool';
import { collectFiles, sortSkipped, type SkippedPath } from '../files/collectFiles';
import { mapWithConcurrency, READ_CONCURRENCY } from '../files/concurrency';
import { uriToPath } from '../analysis/fileUris';
import { isNotebookFile } from '../analysis/sourceLanguage';
import { readNotebookFile } from '../notebooks/ipynb';
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
  /** Files parsed in this run; the others' parses or the whole analysis came from the cache. */
  filesParsed?: number;
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
  /** Folder of the cache (checkCache.ts); none when not given. */
  cacheFolder?: string;
}

export async function checkPaths(inputs: readonly string[], cwd: string, options: CheckOptions = {}): Promise<CheckReport> {
  const { files, skipped } = await collectFiles(inputs, cwd);
  const cache = options.cacheFolder === undefined ? undefined : await CheckCache.open(options.cacheFolder);
  const jobs = options.jobs ?? availableParallelism();
  // Without a cache every file is parsed: start the workers now, so that their start-up (~100 ms)
  // overlaps the reads. With one, they start once the cache says which files it lacks.
  const earlyPool = cache ? undefined : new ParsePool(parseThreads(files.length, jobs));
  const sources = new Map<string, string>();
  const notebooks = new Map<string, AnalysedNotebook>();
  const texts: SourceText[] = [];
  // Read a few at a time: the reads wait on the disk, not on this thread.
  const contents = await mapWithConcurrency(files, READ_CONCURRENCY, async (file) =>
    isNotebookFile(file) ? { notebook: await readNotebookFile(file) } : { source: await readSourceFile(file) },
  ).catch(async (error: unknown) => {
    await earlyPool?.close();
    throw error;
  });
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

  const keys = cache ? texts.map(({ uri, text }) => CheckCache.fileKey(uri, text)) : [];
  const analysisKey = cache ? CheckCache.analysisKey(texts.map(({ uri }, i) => ({ uri, key: keys[i] }))) : '';
  let result = await cache?.analysis(analysisKey);
  let threads = 1;
  let filesParsed = 0;
  if (!result) {
    const stored = cache ? await cache.parsed(keys) : [];
    let parsed = await parseMissing(texts, stored, (count) => earlyPool ?? new ParsePool(parseThreads(count, jobs)));
    let analysis: CachedAnalysis;
    try {
      analysis = analyzeParsed(texts, parsed.files);
    } catch (error) {
      // A stored parse damaged inside: parse every file again. Without stored parses it is a bug.
      if (!stored.some(Boolean)) throw error;
      parsed = await parseMissing(texts, [], (count) => new ParsePool(parseThreads(count, jobs)));
      analysis = analyzeParsed(texts, parsed.files);
    }
    threads = parsed.threads;
    filesParsed = parsed.count;
    result = analysis;
    await cache?.save(new Map(keys.map((key, i) => [key, parsed.files[i]])), analysisKey, result);
  }
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
    parseThreads: threads,
    filesParsed,
  };
}

function analyzeParsed(texts: readonly SourceText[], parsed: readonly ParsedFile[]): CachedAnalysis {
  return WorkspaceAnalyzer.analyzeInGroups(texts.map(({ uri, text }, i) => ({ uri, text, parsed: parsed[i] })));
}

/**
 * Each file's parse: the stored one where there is one, else parsed by the pool `poolFor` gives for
 * the number of files to parse (closed afterwards).
 */
async function parseMissing(
  texts: readonly SourceText[],
  stored: readonly (ParsedFile | undefined)[],
  poolFor: (count: number) => ParsePool,
): Promise<{ files: ParsedFile[]; threads: number; count: number }> {
  const missing = texts.flatMap((_, i) => (stored[i] ? [] : [i]));
  const pool = poolFor(missing.length);
  try {
    // Nothing to parse: no grammar to load either.
    if (missing.length === 0) return { files: stored as ParsedFile[], threads: 1, count: 0 };
    const parsing = await pool.parse(missing.map((i) => texts[i]));
    const files = [...stored];
    missing.forEach((fileIndex, i) => (files[fileIndex] = parsing.parsed[i]));
    return { files: files as ParsedFile[], threads: parsing.threads, count: missing.length };
  } finally {
    await pool.close();
  }
}

/** The analysis says where a syntax error is by module line ("at line 12"); in a notebook, name the cell. */
function inCellTerms(reason: string, notebook: AnalysedNotebook | undefined): string {
  if (!notebook) return reason;
  return reason.replace(/\bat line (\d+)/, (whole, line: string) => {
    const inCell = notebook.lines.toCell(Number(line) - 1);
    return inCell ? `at cell ${inCell.cell + 1}, line ${inCell.line + 1}` : whole;
  });
}
