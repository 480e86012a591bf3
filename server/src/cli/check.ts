// `decay-lens check`: collect files, analyse them together (one independent group of modules at a
// time, on the threads of analysisPool.ts), build a report.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../analysis';
import { applyConfig, ConfigResolver, type ConfigProblem } from '../config';
import { readSourceFile } from '../files/sourceFiles';
import { mergeResults, workspaceGroups, type FileFacts, type GroupResult, type SourceText } from '../groupAnalyst';
import { CheckCache, type CachedAnalysis } from './checkCache';
import { AnalysisPool, poolThreads } from './analysisPool';
import { collectFiles, sortSkipped, type SkippedPath } from '../files/collectFiles';
import { mapWithConcurrency, READ_CONCURRENCY } from '../files/concurrency';
import { fastFs } from '../files/fastFs';
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
  /**
   * A folder whose files are the context of the paths named (`--context .` with the files a
   * pre-commit hook passes): analysed with them, as far as the named files' modules can reach,
   * and never reported on.
   */
  context?: string;
}

export async function checkPaths(inputs: readonly string[], cwd: string, options: CheckOptions = {}): Promise<CheckReport> {
  const named = await collectFiles(inputs, cwd);
  const { skipped } = named;
  const files = options.context === undefined ? named.files : await withContext(named.files, options.context, cwd);
  const reportedPaths = options.context === undefined ? undefined : new Set(named.files);
  const reported = reportedPaths && new Set([...reportedPaths].map((file) => pathToFileURL(file).href));
  const cache = options.cacheFolder === undefined ? undefined : await CheckCache.open(options.cacheFolder);
  const jobs = options.jobs ?? availableParallelism();
  // Without a cache every file is parsed: start the workers now, so that their start-up (~100 ms)
  // overlaps the reads. With one, they start once the cache says which files it lacks.
  const earlyPool = cache ? undefined : new AnalysisPool(poolThreads(files.length, jobs));
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
    const isReported = !reportedPaths || reportedPaths.has(file);
    if ('skipped' in content) {
      if (isReported) skipped.push({ path: file, reason: content.skipped });
      return;
    }
    const uri = pathToFileURL(file).href;
    texts.push({ uri, text: content.text });
    if (!isReported) return;
    sources.set(uri, content.text);
    // One module per notebook, keyed by the notebook's own URI: it imports .py files like a script.
    if (notebook && !('skipped' in notebook)) notebooks.set(uri, { lines: notebook.lines, json: notebook.json });
  });

  const keys = cache ? texts.map(({ uri, text }) => CheckCache.fileKey(uri, text)) : [];
  const reportedKey = reported ? [{ uri: '#reported', key: [...reported].sort().join('\n') }] : [];
  const analysisKey = cache ? CheckCache.analysisKey([...texts.map(({ uri }, i) => ({ uri, key: keys[i] })), ...reportedKey]) : '';
  let result = await cache?.analysis(analysisKey);
  let threads = 1;
  let filesParsed = 0;
  if (!result) {
    const poolFor = (count: number) => earlyPool ?? new AnalysisPool(poolThreads(count, jobs));
    let run: AnalysedRun;
    try {
      run = await analyzeTexts(texts, keys, reported, poolFor, cache);
    } catch (error) {
      // Stored facts damaged inside: analyse without the cache. Without one it is a bug.
      if (!cache) throw error;
      run = await analyzeTexts(texts, keys, reported, (count) => new AnalysisPool(poolThreads(count, jobs)));
    }
    ({ analysis: result, threads, filesParsed } = run);
    await cache?.save({ files: run.facts, groups: run.groups, analysisKey, analysis: result });
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

interface AnalysedRun {
  analysis: CachedAnalysis;
  threads: number;
  filesParsed: number;
  /** What the cache keeps of the run: each file's facts and each group's result, by key. */
  facts: Map<string, FileFacts>;
  groups: Map<string, GroupResult>;
}

/**
 * Parses the files the cache has no facts for, groups the modules, and analyses the groups the
 * cache has no result for (with `reported`, only those holding a reported file), on the pool
 * `poolFor` gives for the number of files to parse (closed afterwards).
 */
async function analyzeTexts(
  texts: readonly SourceText[],
  keys: readonly string[],
  reported: ReadonlySet<string> | undefined,
  poolFor: (count: number) => AnalysisPool,
  cache?: CheckCache,
): Promise<AnalysedRun> {
  const stored = cache ? await cache.facts(texts.map(({ uri }, i) => ({ uri, key: keys[i] }))) : [];
  const missing = texts.filter((_, i) => !stored[i]);
  const pool = poolFor(missing.length);
  try {
    const parsed = await pool.parse(missing);
    let next = 0;
    const facts = texts.map((_, i) => stored[i] ?? parsed[next++]);
    const { groups, methodCounts } = workspaceGroups(facts.flatMap((file) => ('facts' in file ? [file.facts] : [])));
    const wanted = reported ? groups.filter((group) => group.some((uri) => reported.has(uri))) : groups;
    const keyOf = new Map(texts.map(({ uri }, i) => [uri, keys[i]]));
    const factsOf = new Map(facts.map((file) => [file.uri, file]));
    const groupKeys = cache ? wanted.map((group) => CheckCache.groupKey(group, keyOf, factsOf, methodCounts, reported)) : [];
    const storedResults = cache ? await cache.groupResults(groupKeys) : [];
    const toAnalyze = wanted.flatMap((_, i) => (storedResults[i] ? [] : [i]));
    const analysed = await pool.analyze(
      toAnalyze.map((i) => wanted[i]),
      new Map(texts.map(({ uri, text }) => [uri, text])),
      methodCounts,
      reported,
    );
    const results = [...storedResults];
    toAnalyze.forEach((groupIndex, k) => (results[groupIndex] = analysed[k]));
    return {
      analysis: mergeResults(texts.map(({ uri }) => uri), facts, results as GroupResult[], reported),
      threads: pool.threadsUsed,
      filesParsed: pool.filesParsed,
      facts: new Map(keys.map((key, i) => [key, facts[i]])),
      groups: new Map(groupKeys.map((key, i) => [key, results[i]!])),
    };
  } finally {
    await pool.close();
  }
}

/**
 * The files named and those of the context folder, in path order, each once: a context file that
 * is a named file under another path (a symbolic link in either) is left out.
 */
async function withContext(named: readonly string[], context: string, cwd: string): Promise<string[]> {
  const around = await collectFiles([context], cwd);
  const realPath = (file: string) => fastFs.realpath(file).catch(() => file);
  const namedReal = new Set(await Promise.all(named.map(realPath)));
  const others = await mapWithConcurrency(around.files, READ_CONCURRENCY, async (file) => (namedReal.has(await realPath(file)) ? [] : [file]));
  return [...named, ...others.flat()].sort();
}

/** The analysis says where a syntax error is by module line ("at line 12"); in a notebook, name the cell. */
function inCellTerms(reason: string, notebook: AnalysedNotebook | undefined): string {
  if (!notebook) return reason;
  return reason.replace(/\bat line (\d+)/, (whole, line: string) => {
    const inCell = notebook.lines.toCell(Number(line) - 1);
    return inCell ? `at cell ${inCell.cell + 1}, line ${inCell.line + 1}` : whole;
  });
}
