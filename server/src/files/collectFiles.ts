// Turns paths (the CLI's PATHS, the editor's workspace folders) into a sorted list of analysable files, and a list of
// paths that were not analysed with the reason. Never throws for a file-system problem.
import type { Dirent, Stats } from 'node:fs';
import * as path from 'node:path';
import { fastFs } from './fastFs';
import { describeFsError, notRegularReason } from './regularFile';
import { isInside } from './workspacePaths';
import { isNotebookFile, isScriptPath } from '../analysis/sourceLanguage';

/** Folders never descended into while searching a folder (a folder named on the command line still is). */
const EXCLUDED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.mypy_cache',
  'site-packages',
  '.decay-lens-cache',
]);

/**
 * Folders of compiled or bundled JavaScript (tsc's outDir, webpack, vite, esbuild): their files
 * repeat the findings of the TypeScript sources they come from, and bundles hold library code. A
 * folder walk collects no TypeScript/JavaScript file under them (Python files still, and a file
 * named explicitly always).
 */
const BUILD_OUTPUT_FOLDERS: ReadonlySet<string> = new Set(['dist', 'build', 'out']);


/** A folder holding this file is a virtualenv and is not descended into. */
const VIRTUALENV_MARKER = 'pyvenv.cfg';

export interface SkippedPath {
  /** Absolute path. */
  path: string;
  reason: string;
}

export interface CollectedFiles {
  /** Absolute paths of the files to analyse, sorted, each file once. */
  files: string[];
  skipped: SkippedPath[];
}

/** The one test of which files are collected: Python, notebooks, TypeScript and JavaScript (not `.d.ts`). */
function isAnalysableFile(name: string): boolean {
  return path.extname(name) === '.py' || isNotebookFile(name) || isScriptPath(name);
}

/** Whether a walk of the folder `root` collects `file` (for single files, e.g. the editor's file watcher). */
export function isCollectedFrom(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  if (relative === '' || !isInside(root, file)) return false;
  const folders = relative.split(path.sep).slice(0, -1);
  if (folders.some((folder) => EXCLUDED_FOLDERS.has(folder))) return false;
  return collectsFile(path.basename(file), folders.some((folder) => BUILD_OUTPUT_FOLDERS.has(folder)));
}

function collectsFile(name: string, inBuildOutput: boolean): boolean {
  return isAnalysableFile(name) && !(inBuildOutput && isScriptPath(name));
}

/** A collected file and its identity (real path), by which a file reached twice is kept once. */
interface FoundFile {
  path: string;
  identity: string;
}

export async function collectFiles(inputs: readonly string[], cwd: string): Promise<CollectedFiles> {
  const found: FoundFile[] = [];
  const skipped: SkippedPath[] = [];
  const visitedFolders = new Set<string>();

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stats: Stats;
    try {
      stats = await fastFs.stat(absolute); // a path named explicitly is followed even when it is a link
    } catch (error) {
      skipped.push({ path: absolute, reason: describeFsError(error) });
      continue;
    }
    if (stats.isDirectory()) {
      await walkFolder(absolute, found, skipped, visitedFolders);
    } else if (!stats.isFile()) {
      skipped.push({ path: absolute, reason: notRegularReason(stats) });
    } else if (!isAnalysableFile(absolute)) {
      skipped.push({ path: absolute, reason: 'not a Python, notebook, TypeScript or JavaScript file' });
    } else {
      found.push({ path: absolute, identity: await realPathOrSelf(absolute) });
    }
  }

  return { files: sortAndDeduplicate(found), skipped: sortSkipped(skipped) };
}

async function walkFolder(
  root: string,
  found: FoundFile[],
  skipped: SkippedPath[],
  visitedFolders: Set<string>,
): Promise<void> {
  // Iterative, so a deep tree cannot overflow the stack.
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const identity = await realPathOrSelf(folder);
    if (visitedFolders.has(identity)) continue;
    visitedFolders.add(identity);

    let entries: Dirent[];
    try {
      entries = await fastFs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: folder, reason: `cannot read folder: ${describeFsError(error)}` });
      continue;
    }
    const subfolders: string[] = [];
    const inBuildOutput = path.relative(root, folder).split(path.sep).some((name) => BUILD_OUTPUT_FOLDERS.has(name));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!EXCLUDED_FOLDERS.has(entry.name) && !(await isVirtualenv(full))) subfolders.push(full);
      } else if (entry.isSymbolicLink()) {
        const target = await statOrUndefined(full);
        if (target?.isDirectory()) {
          // Not followed: a link to a parent folder would loop, and the target is usually elsewhere.
          if (!EXCLUDED_FOLDERS.has(entry.name)) {
            skipped.push({ path: full, reason: 'symbolic link to a folder (not followed)' });
          }
        } else if (collectsFile(entry.name, inBuildOutput)) {
          if (!target) skipped.push({ path: full, reason: 'broken symbolic link' });
          else if (!target.isFile()) skipped.push({ path: full, reason: notRegularReason(target, { throughLink: true }) });
          else found.push({ path: full, identity: await realPathOrSelf(full) });
        }
      } else if (collectsFile(entry.name, inBuildOutput)) {
        // Its folder's real path and its own name: no system call per file.
        if (entry.isFile()) found.push({ path: full, identity: path.join(identity, entry.name) });
        else skipped.push({ path: full, reason: notRegularReason(entry) });
      }
    }
    // Pushed in reverse so folders are visited in name order (only matters for the visited set).
    subfolders.sort(compareStrings);
    for (let index = subfolders.length - 1; index >= 0; index -= 1) pending.push(subfolders[index]);
  }
}

async function isVirtualenv(folder: string): Promise<boolean> {
  try {
    await fastFs.access(path.join(folder, VIRTUALENV_MARKER));
    return true;
  } catch {
    return false;
  }
}

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await fastFs.stat(file);
  } catch {
    return undefined;
  }
}

async function realPathOrSelf(file: string): Promise<string> {
  try {
    return await fastFs.realpath(file);
  } catch {
    return file;
  }
}

/** Sorted by path; a file reached twice (named twice, or through a link) is kept once. */
function sortAndDeduplicate(files: FoundFile[]): string[] {
  const sorted = [...files].sort((a, b) => compareStrings(a.path, b.path));
  const seen = new Set<string>();
  const result: string[] = [];
  for (const file of sorted) {
    if (seen.has(file.identity)) continue;
    seen.add(file.identity);
    result.push(file.path);
  }
  return result;
}

export function sortSkipped(skipped: SkippedPath[]): SkippedPath[] {
  const seen = new Set<string>();
  return skipped
    .filter((entry) => {
      const key = `${entry.path}\0${entry.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.reason, b.reason));
}

/** Locale-independent order, so output is the same on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
