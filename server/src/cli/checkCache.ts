// The cache of `decay-lens check`, kept like mypy's .mypy_cache: each file's IR by a hash of its
// text, and recent results by a hash of every analysed file's URI and text. A run whose files are
// all as before prints the stored results without parsing; a run with some files changed parses
// those alone. A missing, corrupt or foreign cache, or a folder that cannot be written, leaves the
// run as it would be without a cache: every problem here is swallowed. A repository can commit the
// cache folder, so nothing in it is trusted: its files are read as regular files of bounded size,
// and the cache is not used at all where its folders are symbolic links (they could lead anywhere).
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding, SkippedFile } from '../analysis';
import { scriptGrammarOf } from '../analysis/sourceLanguage';
import { fastFs } from '../files/fastFs';
import { readRegularFile } from '../files/regularFile';
import { isFinding } from '../findingShapes';
import { isRecord } from '../isRecord';
import type { ParsedFile } from '../workspaceAnalyzer';
import { VERSION } from './version';


export const DEFAULT_CACHE_FOLDER = '.decay-lens-cache';

/** Raised when what is stored changes shape; older folders are then ignored. */
const FORMAT = 'v1';
const IR_FILE = 'ir.json';
const RESULTS_FILE = 'results.json';
const RESULTS_KEPT = 8;
/**
 * A stored parse is kept while one of the last runs used it: a check of a few changed files (a
 * pre-commit hook) does not drop the parses of the whole project.
 */
const RUNS_KEPT = 8;
/** And no more than this many, the most recently used first (~10 KB each for a 30-line file). */
const MAX_IR_ENTRIES = 20_000;
/**
 * Cache files larger than this are neither read nor written. Far above what MAX_IR_ENTRIES small
 * files take (~10 KB each); a larger project's parses are not kept from run to run.
 */
const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;
/** Temporary files older than this were left by a run that was killed while writing. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/** What the analysis found, before project configs apply (they are read on every run). */
export interface CachedAnalysis {
  findings: Finding[];
  skipped: SkippedFile[];
  partial: SkippedFile[];
}

interface IrEntry {
  /** The run that last used it: older entries go first. */
  run: number;
  parsed: ParsedFile;
}

interface IrFile {
  tool: string;
  run: number;
  entries: Record<string, IrEntry>;
}

interface ResultsFile {
  tool: string;
  /** Newest last. */
  entries: { key: string; analysis: CachedAnalysis }[];
}

export class CheckCache {
  private irFile: IrFile | undefined;
  /** Read once: `analysis` looks a result up, and `save` adds to the same list. */
  private resultsFile: Promise<ResultsFile | undefined> | undefined;

  private constructor(
    private readonly folder: string,
    /** This build of the tool: entries written by another are not used. */
    private readonly tool: string,
  ) {}

  /** A cache in `folder` (created on the first save). */
  static async open(folder: string): Promise<CheckCache> {
    return new CheckCache(path.join(folder, FORMAT), await toolIdentity());
  }

  /** The key of one file's parse: its text and the grammar its name selects. */
  static fileKey(uri: string, text: string): string {
    return createHash('sha1')
      .update(scriptGrammarOf(uri) ?? 'python')
      .update('\0')
      .update(text)
      .digest('hex');
  }

  /** The key of a whole run's analysis: every file's URI and text key, in order. */
  static analysisKey(files: readonly { uri: string; key: string }[]): string {
    const hash = createHash('sha1');
    for (const file of files) hash.update(file.uri).update('\0').update(file.key).update('\n');
    return hash.digest('hex');
  }

  async analysis(key: string): Promise<CachedAnalysis | undefined> {
    const results = await this.readResults();
    const analysis: unknown = results?.entries.find((entry) => isRecord(entry) && entry.key === key)?.analysis;
    return isCachedAnalysis(analysis) ? analysis : undefined;
  }

  /**
   * The stored parse of each key, where there is one. Checked for its outline only: a parse whose
   * inside was damaged by hand can still break the analysis, and the caller then parses again.
   */
  async parsed(keys: readonly string[]): Promise<(ParsedFile | undefined)[]> {
    const file = await this.readIr();
    return keys.map((key) => (Object.hasOwn(file.entries, key) ? file.entries[key].parsed : undefined));
  }

  /**
   * Stores this run: the parse of every file by key (with the parses recent runs used) and the
   * analysis under its key. Parses stopped by their time budget are not stored, nor an analysis
   * that has one: on a less busy machine the file may parse.
   */
  async save(parsedByKey: ReadonlyMap<string, ParsedFile>, analysisKey: string, analysis: CachedAnalysis): Promise<void> {
    try {
      await this.prepareFolder();
      const before = await this.readIr();
      const run = before.run + 1;
      const entries: Record<string, IrEntry> = {};
      for (const [key, parsed] of parsedByKey) if (!('timedOut' in parsed)) entries[key] = { run, parsed };
      const older = Object.entries(before.entries)
        .filter(([key, entry]) => !parsedByKey.has(key) && entry.run > run - RUNS_KEPT)
        .sort((a, b) => b[1].run - a[1].run)
        .slice(0, Math.max(0, MAX_IR_ENTRIES - Object.keys(entries).length));
      for (const [key, entry] of older) entries[key] = entry;
      await this.writeJson(IR_FILE, { tool: this.tool, run, entries } satisfies IrFile);
      if ([...parsedByKey.values()].some((parsed) => 'timedOut' in parsed)) return;
      const results = (await this.readResults())?.entries.filter((entry) => isRecord(entry) && entry.key !== analysisKey) ?? [];
      results.push({ key: analysisKey, analysis });
      await this.writeJson(RESULTS_FILE, { tool: this.tool, entries: results.slice(-RESULTS_KEPT) } satisfies ResultsFile);
    } catch {
      // A read-only checkout, a full disk: the run's output does not depend on the cache.
    }
  }

  /** The stored parses, those of the right shape only (a damaged entry is as good as none). */
  private async readIr(): Promise<IrFile> {
    if (!this.irFile) {
      const file = await this.readJson<IrFile>(IR_FILE);
      const entries: Record<string, IrEntry> = {};
      if (file && isRecord(file.entries)) {
        for (const [key, entry] of Object.entries(file.entries)) {
          if (isRecord(entry) && typeof entry.run === 'number' && isParsedFile(entry.parsed)) entries[key] = entry as unknown as IrEntry;
        }
      }
      this.irFile = { tool: this.tool, run: typeof file?.run === 'number' ? file.run : 0, entries };
    }
    return this.irFile;
  }

  private readResults(): Promise<ResultsFile | undefined> {
    this.resultsFile ??= this.readJson<ResultsFile>(RESULTS_FILE).then((file) => (file && Array.isArray(file.entries) ? file : undefined));
    return this.resultsFile;
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

function isParsedFile(value: unknown): value is ParsedFile {
  if (!isRecord(value)) return false;
  if (typeof value.skipped === 'string') return true;
  return isRecord(value.ir) && Array.isArray(value.ir.body) && Array.isArray(value.ir.unanalysed);
}

/** What the formatters read of a stored analysis is there, with the right types. */
function isCachedAnalysis(value: unknown): value is CachedAnalysis {
  return (
    isRecord(value) &&
    Array.isArray(value.findings) &&
    value.findings.every(isFinding) &&
    [value.skipped, value.partial].every((files) => Array.isArray(files) && files.every((file) => isRecord(file) && typeof file.uri === 'string' && typeof file.reason === 'string'))
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
