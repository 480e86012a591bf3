// Which workspace module an import names, and the programs the imports link modules into.
import * as path from 'node:path';
import type { ImportTarget, ModuleInfo } from './moduleInfo';
import { isScriptPath, SCRIPT_EXTENSION } from './sourceLanguage';

/** Dotted names longer than this name no module member (error recovery makes attribute chains thousands long). */
const MAX_DOTTED_PARTS = 32;

/** Whether two versions of a module import the same names: then they resolve to the same modules. */
export function sameImports(a: ModuleInfo, b: ModuleInfo): boolean {
  return importsKey(a) === importsKey(b);
}

function importsKey(module: ModuleInfo): string {
  return JSON.stringify([...module.imports, ...module.starImports]);
}

/** What lookups need of a module: where it is. */
export interface ModuleFile {
  uri: string;
  filePath: string;
}

/**
 * Module lookup by dotted name (every suffix of the file's path) or by path for relative imports.
 * Python and TypeScript/JavaScript modules only import their own kind: `./model` from a `.ts` file
 * is `model.ts` even beside a `model.py`. Over the analysis' modules, or over any records that say
 * where modules are (`linkFacts.ts`).
 */
export class WorkspaceModules<M extends ModuleFile = ModuleInfo> {
  private readonly byName = new Map<string, M[]>();
  /** By language and path without extension. */
  private readonly byPath = new Map<string, M>();
  /** `resolve` answers by importer, folder and dotted name: the evaluator asks the same ones often. */
  private readonly resolved = new Map<string, { module: M; member: string } | undefined>();
  /** The lookup names and the module paths without extension, sorted, for prefix searches (`modulesUnder`). */
  private sortedKeys: { names: string[]; paths: { key: string; module: M }[] } | undefined;

  constructor(modules: readonly M[]) {
    for (const module of modules) {
      const { pathKey, names } = lookupKeys(module);
      this.byPath.set(pathKey, module);
      for (const name of names) {
        const list = this.byName.get(name);
        if (list) list.push(module);
        else this.byName.set(name, [module]);
      }
    }
  }

  /** A new version of a file (same path, `sameImports`) takes the old one's place. */
  replace(before: M, after: M): void {
    const { pathKey, names } = lookupKeys(after);
    this.sortedKeys = undefined;
    this.byPath.set(pathKey, after);
    for (const name of names) {
      const list = this.byName.get(name)!;
      list[list.indexOf(before)] = after;
    }
    // Same path, same imports: every answer stands, with the new version in place of the old.
    for (const [key, answer] of this.resolved) if (answer?.module === before) this.resolved.set(key, { ...answer, module: after });
  }

  /**
   * The programs of the workspace: each module no other module imports, with everything it
   * imports transitively. Modules only reachable through import cycles start programs of their own.
   */
  programs(modules: readonly (M & ModuleInfo)[]): Set<string>[] {
    const imports = new Map(
      modules.map((module) => [module.uri, [...module.imports.values(), ...module.starImports].flatMap((target) => this.resolve(target, module)?.module.uri ?? [])]),
    );
    const imported = new Set([...imports.values()].flat());
    const closure = (entry: string) => {
      const seen = new Set([entry]);
      const stack = [entry];
      while (stack.length > 0) {
        for (const next of imports.get(stack.pop()!) ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          stack.push(next);
        }
      }
      return seen;
    };
    const programs = modules.filter((module) => !imported.has(module.uri)).map((module) => closure(module.uri));
    const covered = new Set(programs.flatMap((program) => [...program]));
    for (const module of modules) {
      if (covered.has(module.uri)) continue;
      const program = closure(module.uri);
      programs.push(program);
      for (const uri of program) covered.add(uri);
    }
    return programs;
  }

  /**
   * Every module that resolving the import, or a name under it (`target.dotted` and `.rest`, as the
   * evaluator asks when it follows attributes), can give: what the import ties its importer to.
   */
  modulesUnder(target: ImportTarget, importer: ModuleFile): M[] {
    const sorted = (this.sortedKeys ??= {
      names: [...this.byName.keys()].sort(),
      paths: [...this.byPath.values()].map((module) => ({ key: withoutExtension(module.filePath), module })).sort((a, b) => compareStrings(a.key, b.key)),
    });
    const parts = target.dotted.split('.').slice(0, MAX_DOTTED_PARTS);
    if (target.fromDir) {
      // Every spelling of a relative path (dots as folders or in names, a folder's index) starts with its first part.
      const base = parts[0] ? path.join(target.fromDir, parts[0]) : target.fromDir;
      return keysFrom(sorted.paths, base, (entry) => entry.key).map((entry) => entry.module);
    }
    const found = new Set<M>();
    const add = (name: string) => {
      const module = this.moduleNamed(name, importer);
      if (module) found.add(module);
    };
    for (let i = 1; i <= parts.length; i++) add(parts.slice(0, i).join('.'));
    // The modules under a package the name is (`import project` reaches `project.settings`); not
    // under a folder that is no module of the workspace (`import test` where tests sit under test/,
    // or every file, its path passing through a folder of that name, would be reached).
    if (!this.moduleNamed(parts.join('.'), importer)) return [...found];
    for (const name of keysFrom(sorted.names, `${parts.join('.')}.`, (name) => name)) add(name);
    return [...found];
  }

  resolve(target: ImportTarget, importer: ModuleFile): { module: M; member: string } | undefined {
    if (hasMoreParts(target.dotted, MAX_DOTTED_PARTS)) return undefined;
    const key = `${importer.filePath}\0${target.fromDir ?? ''}\0${target.dotted}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const answer = this.lookUp(target, importer);
    this.resolved.set(key, answer);
    return answer;
  }

  private lookUp(target: ImportTarget, importer: ModuleFile): { module: M; member: string } | undefined {
    const parts = target.dotted.split('.');
    const script = isScriptPath(importer.filePath);
    for (let i = parts.length; i >= 1; i--) {
      const { fromDir } = target;
      const module = fromDir
        ? // `./model.utils` in TypeScript is a file name with a dot: try the dots as dots too.
          (script ? relativePaths(parts.slice(0, i)) : [parts.slice(0, i).join(path.sep)]).map((relative) => this.moduleAtPath(path.join(fromDir, relative), importer)).find(Boolean)
        : this.moduleNamed(parts.slice(0, i).join('.'), importer);
      if (module) return { module, member: parts.slice(i).join('.') };
    }
    return undefined;
  }

  private moduleAtPath(base: string, importer: ModuleFile): M | undefined {
    // A folder is its `__init__.py`, or for TypeScript and JavaScript its `index` file.
    const folder = path.join(base, isScriptPath(importer.filePath) ? 'index' : '__init__');
    return this.byPath.get(pathKey(importer, base)) ?? this.byPath.get(pathKey(importer, folder));
  }

  private moduleNamed(name: string, importer: ModuleFile): M | undefined {
    const script = isScriptPath(importer.filePath);
    const candidates = this.byName.get(name)?.filter((module) => isScriptPath(module.filePath) === script);
    if (!candidates || candidates.length === 0) return undefined;
    const importerDir = path.dirname(importer.filePath);
    return candidates.find((module) => path.dirname(module.filePath) === importerDir) ?? candidates[0];
  }
}

/**
 * The paths `a.b.c` can stand for when each dot is a folder separator or a dot in a name, folders
 * first (`a/b/c`, `a/b.c`, `a.b/c`, `a.b.c`); at most 32, from the first 6 parts.
 */
function relativePaths(parts: readonly string[]): string[] {
  let paths = [parts[0]];
  for (const part of parts.slice(1, 6)) paths = paths.flatMap((prefix) => [path.join(prefix, part), `${prefix}.${part}`]);
  return parts.length > 6 ? paths.map((prefix) => path.join(prefix, ...parts.slice(6))) : paths;
}

function pathKey(module: ModuleFile, bare: string): string {
  return `${isScriptPath(module.filePath) ? 'script' : 'python'}:${bare}`;
}

/** The keys a module is found by: its path without extension, and every dotted suffix of it. */
function lookupKeys(module: ModuleFile): { pathKey: string; names: string[] } {
  const bare = withoutExtension(module.filePath);
  const parts = bare.split(/[\\/]/).filter(Boolean);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const names: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) names.push(parts.slice(i).join('.'));
  return { pathKey: pathKey(module, bare), names };
}

function withoutExtension(filePath: string): string {
  return filePath.replace(SCRIPT_EXTENSION, '').replace(/\.py$/, '');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entries of a list sorted by key whose key starts with `prefix`. */
function keysFrom<T>(sorted: readonly T[], prefix: string, keyOf: (entry: T) => string): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keyOf(sorted[middle]) < prefix) low = middle + 1;
    else high = middle;
  }
  const found: T[] = [];
  for (let i = low; i < sorted.length && keyOf(sorted[i]).startsWith(prefix); i++) found.push(sorted[i]);
  return found;
}

/** Whether `dotted` has more than `limit` dot-separated parts, found without reading past them. */
function hasMoreParts(dotted: string, limit: number): boolean {
  let at = -1;
  for (let parts = 1; parts <= limit; parts++) {
    at = dotted.indexOf('.', at + 1);
    if (at < 0) return false;
  }
  return true;
}
