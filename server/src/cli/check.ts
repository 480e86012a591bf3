// `decay-lens check`: collect files, analyse them together (one independent group of modules at a
// time, on the threads of analysisPool.ts), build a report.
import { statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../analysis';
import { applyConfig, ConfigResolver, type ConfigProblem } from '../config';
import { readSourceFile } from '../files/sourceFiles';
import { mergeResults, workspaceGroups, type FileFacts, type GroupResult, type SourceText } from '../groupAnalyst';
import { CheckCache, type CachedAnalysis, type FileIndex, type IndexEntry } from './checkCache';
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
  /**
   * Text of the reported files a finding or a partial parse names, by URI (fingerprints, fixes),
   * unless `withSources` was false; for a notebook, its code cells as one module.
   */
  sources: ReadonlyMap<string, string>;
  /** Analysed notebooks by URI: where each module line is in the notebook, and the file's JSON text. */
  notebooks?: ReadonlyMap<string, AnalysedNotebook>;
  /** Problems in the config files that apply to the analysed files, by file then line. */
  configProblems?: ConfigProblem[];
  /** Threads that parsed files (this one included). */
  parseThreads?: number;
  /** Files parsed in this run; the others' parses or the whole analysis came from the cache. */
  filesParsed?: number;
  /** Files whose text was read in this run; the cache vouched for the others' by their stat. */
  filesRead?: number;
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
  /** Read the texts of the files findings name into `sources` (default true): the text and GitHub outputs need none. */
  withSources?: boolean;
  /**
   * How old (by mtime and ctime) a file's stat must be, when the file is read, for the cache to
   * vouch for its text by that stat later (default 2 s: coarse file-system clocks). Tests lower it.
   */
  trustStatsAfterMs?: number;
  /** New cache entries kept in a journal before their file is written whole (checkCache.ts; tests lower it). */
  cacheJournalMax?: number;
}

export async function checkPaths(inputs: readonly string[], cwd: string, options: CheckOptions = {}): Promise<CheckReport> {
  try {
    return await checkOnce(inputs, cwd, options, true);
  } catch (error) {
    // A file not read (its stat unchanged) was edited or removed before its text was needed: read them all.
    if (error instanceof ChangedWhileChecked) return checkOnce(inputs, cwd, options, false);
    throw error;
  }
}

/** `trustStats`: with a cache, take the key of a file whose stat is unchanged from the cache's index. */
async function checkOnce(inputs: readonly string[], cwd: string, options: CheckOptions, trustStats: boolean): Promise<CheckReport> {
  const named = await collectFiles(inputs, cwd);
  const { skipped } = named;
  const files = options.context === undefined ? named.files : await withContext(named.files, options.context, cwd);
  const reportedPaths = options.context === undefined ? undefined : new Set(named.files);
  const reported = reportedPaths && new Set([...reportedPaths].map((file) => pathToFileURL(file).href));
  const cache = options.cacheFolder === undefined ? undefined : await CheckCache.open(options.cacheFolder, { journalMax: options.cacheJournalMax });
  const jobs = options.jobs ?? availableParallelism();
  // Without a cache every file is parsed: start the workers now, so that their start-up (~100 ms)
  // overlaps the reads. With one, they start once the cache says which files it lacks.
  const earlyPool = cache ? undefined : new AnalysisPool(poolThreads(files.length, jobs));
  // Read a few at a time: the reads wait on the disk, not on this thread. With a cache, a file
  // whose stat is as it was is not read unless its text is needed.
  const index = cache && trustStats ? await cache.fileIndex() : undefined;
  const trustAfter = options.trustStatsAfterMs ?? RACY_STAT_MS;
  const runFiles = await mapWithConcurrency(files, READ_CONCURRENCY, (file) => openRunFile(file, cache, index, trustAfter)).catch(async (error: unknown) => {
    await earlyPool?.close();
    throw error;
  });
  const analysable: RunFile[] = [];
  for (const file of runFiles) {
    const isReported = !reportedPaths || reportedPaths.has(file.path);
    if (file.skipped === undefined) analysable.push(file);
    else if (isReported) skipped.push({ path: file.path, reason: file.skipped });
  }
  const byUri = new Map(analysable.map((file) => [file.uri, file]));

  const reportedKey = reported ? [{ uri: '#reported', key: [...reported].sort().join('\n') }] : [];
  const analysisKey = cache ? CheckCache.analysisKey([...analysable.map(({ uri, key }) => ({ uri, key })), ...reportedKey]) : '';
  let result = await cache?.analysis(analysisKey);
  let threads = 1;
  let filesParsed = 0;
  if (!result) {
    const poolFor = (count: number) => earlyPool ?? new AnalysisPool(poolThreads(count, jobs));
    let run: AnalysedRun;
    try {
      run = await analyzeFiles(analysable, (uri) => textOf(byUri.get(uri)!), reported, poolFor, cache);
    } catch (error) {
      // Stored facts damaged inside: analyse without the cache. Without one it is a bug.
      if (!cache || error instanceof ChangedWhileChecked) throw error;
      run = await analyzeFiles(analysable, (uri) => textOf(byUri.get(uri)!), reported, (count) => new AnalysisPool(poolThreads(count, jobs)));
    }
    ({ analysis: result, threads, filesParsed } = run);
    await cache?.save({ files: run.facts, groups: run.groups, analysisKey, analysis: result });
  }
  await cache?.saveIndex(new Map(runFiles.flatMap((file) => (file.indexEntry === undefined ? [] : [[file.path, file.indexEntry.entry] as const]))));

  const refused = new Set(result.skipped.map((entry) => entry.uri));
  for (const entry of result.skipped) skipped.push({ path: uriToPath(entry.uri), reason: entry.reason });
  const checked = analysable.filter((file) => (!reportedPaths || reportedPaths.has(file.path)) && !refused.has(file.uri));
  // The texts the output needs: those of the reported files a finding or a partial parse names.
  const mentioned = new Set([...result.findings.flatMap(urisOf), ...result.partial.map((entry) => entry.uri)]);
  const sources = new Map<string, string>();
  const notebooks = new Map<string, AnalysedNotebook>();
  for (const file of checked) {
    if (!mentioned.has(file.uri)) continue;
    if (options.withSources !== false || isNotebookFile(file.path)) sources.set(file.uri, await textOf(file));
    if (file.notebook) notebooks.set(file.uri, file.notebook);
  }

  // Each analysed file's config, so a broken config is reported even where nothing is found.
  let findings = result.findings;
  let configProblems: ConfigProblem[] = [];
  if (options.config !== false) {
    const configs = new ConfigResolver();
    for (const file of checked) configs.configFor(file.path);
    findings = applyConfig(findings, (file) => configs.configFor(file));
    configProblems = configs.problems();
  }

  return {
    cwd,
    findings,
    skipped: sortSkipped(skipped),
    partial: sortSkipped(result.partial.map((entry) => ({ path: uriToPath(entry.uri), reason: inCellTerms(entry.reason, notebooks.get(entry.uri)) }))),
    filesChecked: checked.length,
    sources,
    notebooks,
    configProblems,
    parseThreads: threads,
    filesParsed,
    filesRead: runFiles.filter((file) => file.text !== undefined || file.skipped !== undefined).length,
  };
}

/**
 * A file of the run: its key (empty without a cache) and, once read, its text (a notebook's: its
 * code cells as one module) or why it is not analysed.
 */
interface RunFile {
  path: string;
  uri: string;
  key: string;
  text?: string;
  notebook?: AnalysedNotebook;
  skipped?: string;
  /** Read this run: what the cache's index keeps of it (undefined: its stat is too recent to vouch for the text). */
  indexEntry?: { entry: IndexEntry | undefined };
}

/**
 * A file's stat within this long of its reading may not show an edit made just after (file systems
 * with coarse times): its text is read again next run.
 */
const RACY_STAT_MS = 2000;

async function openRunFile(file: string, cache: CheckCache | undefined, index: FileIndex | undefined, trustAfterMs: number): Promise<RunFile> {
  const uri = pathToFileURL(file).href;
  // Synchronous: a stat is a few microseconds, less than a trip through libuv's thread pool.
  const info = cache ? statOrUndefined(file) : undefined;
  const stat = info && { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
  const known = index && stat && info.isFile() ? index.keyOf(file, stat) : undefined;
  if (known) return { path: file, uri, key: known };
  const readAt = Date.now();
  const content = await readContent(file);
  if ('skipped' in content) return { path: file, uri, key: '', skipped: content.skipped };
  const key = cache ? CheckCache.fileKey(uri, content.text) : '';
  const trusted = stat && readAt - Math.max(stat.mtimeMs, stat.ctimeMs) >= trustAfterMs;
  return { path: file, uri, key, text: content.text, notebook: content.notebook, indexEntry: cache ? { entry: trusted ? { ...stat, key } : undefined } : undefined };
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

async function readContent(file: string): Promise<{ text: string; notebook?: AnalysedNotebook } | { skipped: string }> {
  if (isNotebookFile(file)) {
    const notebook = await readNotebookFile(file);
    return 'skipped' in notebook ? notebook : { text: notebook.text, notebook: { lines: notebook.lines, json: notebook.json } };
  }
  const source = await readSourceFile(file);
  return 'skipped' in source ? source : { text: source.text };
}

/** A file whose text, read late, is not the one its stat vouched for. */
class ChangedWhileChecked extends Error {}

/** A run file's text, read now if the run has not read it (a file whose stat was unchanged). */
async function textOf(file: RunFile): Promise<string> {
  if (file.text === undefined) {
    const content = await readContent(file.path);
    if ('skipped' in content || CheckCache.fileKey(file.uri, content.text) !== file.key) throw new ChangedWhileChecked(file.path);
    file.text = content.text;
    file.notebook = content.notebook;
  }
  return file.text;
}

/** The files a finding names: where it is, its related locations and the places its fixes edit. */
function urisOf(finding: Finding): string[] {
  const recipes = (finding.fixes ?? []).flatMap((recipe) => Object.values(recipe).flatMap((field) => (typeof field === 'object' && field !== null && 'uri' in field ? [field.uri] : [])));
  return [finding.uri, ...finding.related.map((location) => location.uri), ...recipes];
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
 * `poolFor` gives for the number of files to parse (closed afterwards). Only the texts of the files
 * parsed are read (`textOf`).
 */
async function analyzeFiles(
  files: readonly { uri: string; key: string }[],
  textOf: (uri: string) => Promise<string>,
  reported: ReadonlySet<string> | undefined,
  poolFor: (count: number) => AnalysisPool,
  cache?: CheckCache,
): Promise<AnalysedRun> {
  const stored = cache ? await cache.facts(files) : [];
  const missing = files.filter((_, i) => !stored[i]);
  const textsOf = async (uris: readonly string[]): Promise<SourceText[]> => mapWithConcurrency(uris, READ_CONCURRENCY, async (uri) => ({ uri, text: await textOf(uri) }));
  const pool = poolFor(missing.length);
  try {
    const parsed = await pool.parse(await textsOf(missing.map(({ uri }) => uri)));
    let next = 0;
    const facts = files.map((_, i) => stored[i] ?? parsed[next++]);
    const linkFacts = facts.flatMap((file) => ('facts' in file ? [file.facts] : []));
    // An edit that changes no link between modules (most do not) leaves the grouping as it was.
    const groupingKey = cache ? CheckCache.groupingKey(linkFacts) : '';
    const storedGrouping = cache ? await cache.grouping(groupingKey) : undefined;
    const { groups, methodCounts } = storedGrouping ?? workspaceGroups(linkFacts);
    if (cache && !storedGrouping) await cache.saveGrouping(groupingKey, { groups, methodCounts });
    const wanted = reported ? groups.filter((group) => group.some((uri) => reported.has(uri))) : groups;
    const keyOf = new Map(files.map(({ uri, key }) => [uri, key]));
    const factsOf = new Map(facts.map((file) => [file.uri, file]));
    const groupKeys = cache ? wanted.map((group) => CheckCache.groupKey(group, keyOf, factsOf, methodCounts, reported)) : [];
    const storedResults = cache ? await cache.groupResults(groupKeys) : [];
    const toAnalyze = wanted.flatMap((_, i) => (storedResults[i] ? [] : [i]));
    const texts = new Map((await textsOf([...new Set(toAnalyze.flatMap((i) => wanted[i]))])).map(({ uri, text }) => [uri, text]));
    const analysed = await pool.analyze(
      toAnalyze.map((i) => wanted[i]),
      texts,
      methodCounts,
      reported,
    );
    const results = [...storedResults];
    toAnalyze.forEach((groupIndex, k) => (results[groupIndex] = analysed[k]));
    return {
      analysis: mergeResults(files.map(({ uri }) => uri), facts, results as GroupResult[], reported),
      threads: pool.threadsUsed,
      filesParsed: pool.filesParsed,
      facts: new Map(files.map(({ key }, i) => [key, facts[i]])),
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
