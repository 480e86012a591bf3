// The cache of `decay-lens check`, kept like mypy's .mypy_cache: each file's link facts (how it ties
// to other modules) by a hash of its URI and text, each independent group's result by a hash of its
// files and of the method counts it depends on, and recent whole results by a hash of every file.
// A run whose files are all as before prints the stored results without parsing; a run with some
// files changed parses those, and analyses again only the groups they are in (parsing their files). A missing, corrupt or foreign cache, or a folder that cannot be written, leaves the
// run as it would be without a cache: every problem here is swallowed. A repository can commit the
// cache folder, so nothing in it is trusted: its files are read as regular files of bounded size,
// and the cache is not used at all where its folders are symbolic links (they could lead anywhere).
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, SkippedFile } from '../analysis';
import type { FileFacts, GroupResult } from '../groupAnalyst';
import type { LinkFacts } from '../analysis/linkFacts';
import { scriptGrammarOf } from '../analysis/sourceLanguage';
import { uriToPath } from '../analysis/fileUris';
import { fastFs } from '../files/fastFs';
import { readRegularFile } from '../files/regularFile';
import { isFinding } from '../findingShapes';
import { isRecord } from '../isRecord';
import { VERSION } from './version';


export const DEFAULT_CACHE_FOLDER = '.decay-lens-cache';

/** Raised when what is stored changes shape; older folders are then ignored. */
const FORMAT = 'v3';
const FACTS_FILE = 'facts.json';
const GROUPS_FILE = 'groups.json';
const INDEX_FILE = 'index.json';
const GROUPING_FILE = 'grouping.json';
const RESULTS_KEPT = 8;
/**
 * A stored entry is kept while one of the last runs used it: a check of a few changed files (a
 * pre-commit hook) does not drop what the rest of the project needs.
 */
const RUNS_KEPT = 8;
/** And no more than this many of a kind, the most recently used first. */
const MAX_ENTRIES = 200_000;
/** Cache files larger than this are neither read nor written: their entries are not kept from run to run. */
const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;
/** Temporary files older than this were left by a run that was killed while writing. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/** What the analysis found, before project configs apply (they are read on every run). */
export interface CachedAnalysis {
  findings: Finding[];
  skipped: SkippedFile[];
  partial: SkippedFile[];
}

interface Entry<T> {
  /** The run that last used it: older entries go first. */
  run: number;
  value: T;
}

interface EntriesFile<T> {
  tool: string;
  run: number;
  entries: Record<string, Entry<T>>;
}

/** An entries file as read: with the entries its journal adds, and whether the file itself was there. */
interface StoredEntries<T> extends EntriesFile<T> {
  journal: Record<string, Entry<T>>;
  stored: boolean;
}

/**
 * Entries added since their file was last written whole go to a journal beside it
 * (`facts.journal.json`), rewritten on each run that adds some: a run that adds one entry does not
 * rewrite megabytes. Past this many the file is written whole and the journal removed.
 */
const JOURNAL_MAX = 1000;

function journalName(name: string): string {
  return name.replace(/\.json$/, '.journal.json');
}

/** What `stat` says of a file: while it says the same, the file holds the text it held. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** Size, both times and the inode alike: the file was not written since. */
function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** A file's stat when it was read, and its key (`fileKey`) then. */
export interface IndexEntry extends FileStat {
  key: string;
}

/** The workspace's independent groups and method counts (groupAnalyst.ts `workspaceGroups`). */
export interface Grouping {
  groups: string[][];
  methodCounts: Map<string, number>;
}

interface GroupingFile {
  tool: string;
  key: string;
  groups: string[][];
  methodCounts: [string, number][];
}

export interface FileIndex {
  /** The key of a file whose stat is as stored, else undefined. */
  keyOf(file: string, stat: FileStat): string | undefined;
}

interface IndexFile {
  tool: string;
  entries: Record<string, IndexEntry>;
}

/** One whole run's analysis, in a file of its own (`result-KEY.json`): a run reads only its own. */
interface ResultFile {
  tool: string;
  analysis: CachedAnalysis;
}

const RESULT_FILE = /^result-[0-9a-f]{40}\.json$/;

function resultFile(key: string): string {
  return `result-${key}.json`;
}

export class CheckCache {
  private factsFile: Promise<StoredEntries<FileFacts>> | undefined;
  private groupsFile: Promise<StoredEntries<GroupResult>> | undefined;
  private indexFile: Promise<Record<string, IndexEntry>> | undefined;

  private constructor(
    private readonly folder: string,
    /** This build of the tool: entries written by another are not used. */
    private readonly tool: string,
    private readonly journalMax: number,
  ) {}

  /** A cache in `folder` (created on the first save). `journalMax`: tests lower it to write files whole often. */
  static async open(folder: string, { journalMax = JOURNAL_MAX }: { journalMax?: number } = {}): Promise<CheckCache> {
    return new CheckCache(path.join(folder, FORMAT), await toolIdentity(), journalMax);
  }

  /** The key of one file: where it is (relative imports resolve from there), its text and the grammar its name selects. */
  static fileKey(uri: string, text: string): string {
    return createHash('sha1')
      .update(uri)
      .update('\0')
      .update(scriptGrammarOf(uri) ?? 'python')
      .update('\0')
      .update(text)
      .digest('hex');
  }

  /**
   * The key of a group's result: its files (by key), how many classes of the workspace define each
   * method name its modules define or call (all the analysis of a group reads from outside it:
   * whether one, none or several), and which of its files are reported on.
   */
  static groupKey(
    group: readonly string[],
    fileKeys: ReadonlyMap<string, string>,
    facts: ReadonlyMap<string, FileFacts>,
    methodCounts: ReadonlyMap<string, number>,
    reported?: ReadonlySet<string>,
  ): string {
    const hash = createHash('sha1');
    const names = new Set<string>(['get']);
    for (const uri of [...group].sort()) {
      hash.update(fileKeys.get(uri)!).update(reported && !reported.has(uri) ? '\0context' : '').update('\n');
      const file = facts.get(uri);
      if (file && 'facts' in file) for (const name of [...file.facts.methods, ...file.facts.calledMethods]) names.add(name);
    }
    for (const name of [...names].sort()) hash.update(`${name}=${Math.min(2, methodCounts.get(name) ?? 0)}\n`);
    return hash.digest('hex');
  }

  /** The key of a whole run's analysis: every file's URI and text key, in order. */
  static analysisKey(files: readonly { uri: string; key: string }[]): string {
    const hash = createHash('sha1');
    for (const file of files) hash.update(file.uri).update('\0').update(file.key).update('\n');
    return hash.digest('hex');
  }

  /** The key of a grouping: every module's link facts, in order. */
  static groupingKey(facts: readonly LinkFacts[]): string {
    const hash = createHash('sha1');
    for (const module of facts) hash.update(JSON.stringify(module)).update('\n');
    return hash.digest('hex');
  }

  /** The last run's grouping, when its modules' link facts were these (an edit that changes no import, no name looked up across modules). */
  async grouping(key: string): Promise<Grouping | undefined> {
    const file = await this.readJson<GroupingFile>(GROUPING_FILE);
    if (file?.key !== key || !Array.isArray(file.groups) || !file.groups.every(isStrings) || !Array.isArray(file.methodCounts)) return undefined;
    if (!file.methodCounts.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number')) return undefined;
    return { groups: file.groups, methodCounts: new Map(file.methodCounts) };
  }

  async saveGrouping(key: string, grouping: Grouping): Promise<void> {
    try {
      await this.prepareFolder();
      await this.writeJson(GROUPING_FILE, { tool: this.tool, key, groups: grouping.groups, methodCounts: [...grouping.methodCounts] } satisfies GroupingFile);
    } catch {
      // As for save: the run's output does not depend on the cache.
    }
  }

  async analysis(key: string): Promise<CachedAnalysis | undefined> {
    const analysis: unknown = (await this.readJson<ResultFile>(resultFile(key)))?.analysis;
    return isCachedAnalysis(analysis) ? analysis : undefined;
  }

  /**
   * The keys stored for files as they were when read (like git's index): a file whose stat is the
   * same (size, both times and the inode) need not be read again.
   */
  async fileIndex(): Promise<FileIndex> {
    const entries = await this.readIndex();
    return {
      keyOf(file, stat) {
        const entry = Object.hasOwn(entries, file) ? entries[file] : undefined;
        return entry && sameStat(entry, stat) ? entry.key : undefined;
      },
    };
  }

  /** Records the files this run read (undefined: a file whose stat cannot be trusted yet, forgotten). */
  async saveIndex(read: ReadonlyMap<string, IndexEntry | undefined>): Promise<void> {
    const before = await this.readIndex();
    const same = (a: IndexEntry | undefined, b: IndexEntry | undefined) => a === b || (a !== undefined && b !== undefined && a.key === b.key && sameStat(a, b));
    // Most runs read only files too recent to vouch for, which the index already lacks: nothing to write.
    if ([...read].every(([file, entry]) => same(entry, Object.hasOwn(before, file) ? before[file] : undefined))) return;
    try {
      await this.prepareFolder();
      const entries = { ...before };
      for (const [file, entry] of read) {
        if (entry) entries[file] = entry;
        else delete entries[file];
      }
      const kept = Object.entries(entries).slice(-MAX_ENTRIES);
      await this.writeJson(INDEX_FILE, { tool: this.tool, entries: Object.fromEntries(kept) } satisfies IndexFile);
    } catch {
      // As for save: the run's output does not depend on the cache.
    }
  }

  /** Each file's stored facts, where there are some of the right shape and of that file (a damaged entry is as good as none). */
  async facts(files: readonly { uri: string; key: string }[]): Promise<(FileFacts | undefined)[]> {
    const stored = await this.readFacts();
    return files.map(({ uri, key }) => {
      const value = Object.hasOwn(stored.entries, key) ? stored.entries[key].value : undefined;
      return value?.uri === uri && (!('facts' in value) || value.facts.filePath === uriToPath(uri)) ? value : undefined;
    });
  }

  /** Each group's stored result, where there is one. */
  async groupResults(keys: readonly string[]): Promise<(GroupResult | undefined)[]> {
    const file = await this.readGroups();
    return keys.map((key) => (Object.hasOwn(file.entries, key) ? file.entries[key].value : undefined));
  }

  /**
   * Stores this run: every file's facts and every group's result by key (with those recent runs
   * used) and the analysis under its key. Facts of a parse stopped by its time budget are not
   * stored, nor an analysis that has one: on a less busy machine the file may parse.
   */
  async save(run: { files: ReadonlyMap<string, FileFacts>; groups: ReadonlyMap<string, GroupResult>; analysisKey: string; analysis: CachedAnalysis }): Promise<void> {
    try {
      await this.prepareFolder();
      const stored = [...run.files].filter(([, facts]) => !('timedOut' in facts));
      await this.writeEntries(FACTS_FILE, await this.readFacts(), new Map(stored));
      await this.writeEntries(GROUPS_FILE, await this.readGroups(), run.groups);
      if (stored.length < run.files.size) return;
      await this.writeJson(resultFile(run.analysisKey), { tool: this.tool, analysis: run.analysis } satisfies ResultFile);
      await this.removeOlderResults();
    } catch {
      // A read-only checkout, a full disk: the run's output does not depend on the cache.
    }
  }

  /**
   * This run's entries, and those of the last runs that this one did not use: the new ones into the
   * journal while it is short, else the whole file anew (the journal folded in and removed).
   */
  private async writeEntries<T>(name: string, before: StoredEntries<T>, used: ReadonlyMap<string, T>): Promise<void> {
    const fresh = [...used].filter(([key]) => !Object.hasOwn(before.entries, key));
    if (fresh.length === 0 && before.stored) return;
    const journaled = Object.keys(before.journal).length;
    if (before.stored && journaled + fresh.length <= this.journalMax) {
      const journal: Record<string, Entry<T>> = { ...before.journal };
      for (const [key, value] of fresh) journal[key] = { run: before.run, value };
      await this.writeJson(journalName(name), { tool: this.tool, run: before.run, entries: journal } satisfies EntriesFile<T>);
      return;
    }
    const run = before.run + 1;
    const entries: Record<string, Entry<T>> = {};
    for (const [key, value] of used) entries[key] = { run, value };
    const older = Object.entries(before.entries)
      .filter(([key, entry]) => !used.has(key) && entry.run > run - RUNS_KEPT)
      .sort((a, b) => b[1].run - a[1].run)
      .slice(0, Math.max(0, MAX_ENTRIES - Object.keys(entries).length));
    for (const [key, entry] of older) entries[key] = entry;
    await this.writeJson(name, { tool: this.tool, run, entries } satisfies EntriesFile<T>);
    // A journal left behind (the removal failed) names the older run: it is not read.
    await fastFs.unlink(path.join(this.folder, journalName(name))).catch(() => undefined);
  }

  private readFacts(): Promise<StoredEntries<FileFacts>> {
    this.factsFile ??= this.readEntries(FACTS_FILE, isFileFacts);
    return this.factsFile;
  }

  private readGroups(): Promise<StoredEntries<GroupResult>> {
    this.groupsFile ??= this.readEntries(GROUPS_FILE, isGroupResult);
    return this.groupsFile;
  }

  /** A file of entries and its journal (when written on top of this very file), those of the right shape only. */
  private async readEntries<T>(name: string, isValue: (value: unknown) => value is T): Promise<StoredEntries<T>> {
    const [file, journalFile] = await Promise.all([this.readJson<EntriesFile<T>>(name), this.readJson<EntriesFile<T>>(journalName(name))]);
    const run = typeof file?.run === 'number' ? file.run : 0;
    const valid = (stored: EntriesFile<T> | undefined): Record<string, Entry<T>> => {
      const entries: Record<string, Entry<T>> = {};
      if (stored && isRecord(stored.entries)) {
        for (const [key, entry] of Object.entries(stored.entries)) {
          if (isRecord(entry) && typeof entry.run === 'number' && isValue(entry.value)) entries[key] = { run: entry.run, value: entry.value };
        }
      }
      return entries;
    };
    const journal = file && journalFile?.run === run ? valid(journalFile) : {};
    return { tool: this.tool, run, entries: { ...valid(file), ...journal }, journal, stored: file !== undefined && isRecord(file.entries) };
  }

  private readIndex(): Promise<Record<string, IndexEntry>> {
    this.indexFile ??= this.readJson<IndexFile>(INDEX_FILE).then((file) => {
      const entries: Record<string, IndexEntry> = {};
      if (file && isRecord(file.entries)) for (const [name, entry] of Object.entries(file.entries)) if (isIndexEntry(entry)) entries[name] = entry;
      return entries;
    });
    return this.indexFile;
  }

  /** All but the newest RESULTS_KEPT whole results. */
  private async removeOlderResults(): Promise<void> {
    const names = (await fastFs.readdir(this.folder)).filter((name) => RESULT_FILE.test(name));
    if (names.length <= RESULTS_KEPT) return;
    // Nanoseconds: runs a few milliseconds apart are still told apart.
    const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await fastFs.stat(path.join(this.folder, name), { bigint: true }).catch(() => undefined))?.mtimeNs ?? 0n })));
    dated.sort((a, b) => (a.mtime === b.mtime ? (a.name < b.name ? -1 : 1) : a.mtime > b.mtime ? -1 : 1));
    for (const { name } of dated.slice(RESULTS_KEPT)) await fastFs.unlink(path.join(this.folder, name)).catch(() => undefined);
  }

  /** A file of this tool's, or undefined (missing, unreadable, too large, not JSON, another tool's, a link). */
  private async readJson<T extends { tool: string }>(name: string): Promise<T | undefined> {
    try {
      if (!(await this.hasRealFolders())) return undefined;
      const file = await readRegularFile(path.join(this.folder, name), { maxBytes: MAX_CACHE_FILE_BYTES, followLinks: false });
      if ('refused' in file) return undefined;
      const value = JSON.parse(file.bytes.toString('utf8')) as T | null;
      return value?.tool === this.tool ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Written under a temporary name and renamed, so a reader never sees half a file. The rename
   * replaces a link at `name` rather than writing through it.
   */
  private async writeJson(name: string, value: object): Promise<void> {
    const text = JSON.stringify(value);
    // A file that could not be read back is not worth writing.
    if (Buffer.byteLength(text) > MAX_CACHE_FILE_BYTES) return;
    const target = path.join(this.folder, name);
    // Unique per write: two checks at once, in one process or two, never share one.
    const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      // `wx`: never through a link planted under the temporary name.
      await fastFs.writeFile(temporary, text, { flag: 'wx' });
      await fastFs.rename(temporary, target);
    } catch (error) {
      await fastFs.unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  /**
   * The folder. Marked so that git and backup tools leave it alone when this made it: a folder
   * that was there (`--cache-dir .`) may be the user's project, never to be marked.
   */
  private async prepareFolder(): Promise<void> {
    if (!(await this.hasRealFolders())) throw new Error('the cache folder is a symbolic link');
    const root = path.dirname(this.folder);
    const created = await fastFs.mkdir(root, { recursive: true });
    if (created !== undefined) {
      await fastFs.writeFile(path.join(root, '.gitignore'), '# Created by decay-lens check.\n*\n', { flag: 'wx' }).catch(ignoreExisting);
      await fastFs
        .writeFile(path.join(root, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# The cache of decay-lens check.\n', { flag: 'wx' })
        .catch(ignoreExisting);
    }
    await fastFs.mkdir(this.folder, { recursive: true });
    await this.removeStaleTemporaries();
  }

  /**
   * Whether the cache root and its format folder are real folders or not there yet: a symbolic
   * link (committed to a repository, say) would make the cache read and write elsewhere. The
   * folders above the root are the user's to choose.
   */
  private async hasRealFolders(): Promise<boolean> {
    for (const folder of [path.dirname(this.folder), this.folder]) {
      try {
        if (!(await fastFs.lstat(folder)).isDirectory()) return false;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      }
    }
    return true;
  }

  private async removeStaleTemporaries(): Promise<void> {
    const names = await fastFs.readdir(this.folder).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.endsWith('.tmp'))) {
      const file = path.join(this.folder, name);
      const info = await fastFs.stat(file).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > STALE_TEMPORARY_MS) await fastFs.unlink(file).catch(() => undefined);
    }
  }
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Facts the grouping can read without failing: every list a list of the right items. */
function isFileFacts(value: unknown): value is FileFacts {
  if (!isRecord(value) || typeof value.uri !== 'string') return false;
  if (typeof value.skipped === 'string') return value.timedOut === undefined;
  const facts = value.facts;
  return (
    isRecord(facts) &&
    facts.uri === value.uri &&
    typeof facts.filePath === 'string' &&
    typeof facts.definesFlags === 'boolean' &&
    Array.isArray(facts.imports) &&
    facts.imports.every((target) => isRecord(target) && typeof target.dotted === 'string' && (target.fromDir === undefined || typeof target.fromDir === 'string')) &&
    [facts.classes, facts.methods, facts.instanceAttributes, facts.valueNames, facts.calledMethods, facts.attributesSet].every(isStrings)
  );
}

function isIndexEntry(value: unknown): value is IndexEntry {
  return isRecord(value) && typeof value.key === 'string' && ['size', 'mtimeMs', 'ctimeMs', 'ino'].every((field) => typeof value[field] === 'number');
}

function isGroupResult(value: unknown): value is GroupResult {
  return isRecord(value) && Array.isArray(value.findings) && value.findings.every(isFinding) && isSkippedFiles(value.partial);
}

function isSkippedFiles(value: unknown): boolean {
  return Array.isArray(value) && value.every((file) => isRecord(file) && typeof file.uri === 'string' && typeof file.reason === 'string');
}

/** What the formatters read of a stored analysis is there, with the right types. */
function isCachedAnalysis(value: unknown): value is CachedAnalysis {
  return (
    isRecord(value) &&
    Array.isArray(value.findings) &&
    value.findings.every(isFinding) &&
    [value.skipped, value.partial].every(isSkippedFiles)
  );
}

function ignoreExisting(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EEXIST') throw error;
}

/**
 * The version and the code that runs: the bundle (dist/cli.js), or from source (tests,
 * development) the newest change among the analysis' source files. A rebuilt bundle with the same
 * version number, or an edited source file, gets a cache of its own.
 */
async function toolIdentity(): Promise<string> {
  try {
    if (!__filename.endsWith('.ts')) {
      const bundle = await fastFs.stat(__filename);
      return `${VERSION}/${bundle.size}/${bundle.mtimeMs}`;
    }
    const roots = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..', '..', 'runtime', 'src')];
    let newest = 0;
    let count = 0;
    for (const root of roots) {
      for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        if (!name.endsWith('.ts')) continue;
        newest = Math.max(newest, statSync(path.join(root, name)).mtimeMs);
        count++;
      }
    }
    return `${VERSION}/source/${count}/${newest}`;
  } catch {
    return `${VERSION}/unknown/${randomBytes(8).toString('hex')}`;
  }
}
