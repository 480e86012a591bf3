// The analysis of a set of files, for the language server and the CLI: keeps each file's IR (and,
// for open documents, its syntax tree for incremental re-parsing), links modules through imports,
// computes the decay facts per program, and runs the rules and the hover builder over them.
import * as path from 'node:path';
import type { Language } from 'web-tree-sitter';
import { PythonDocument, SourceDocument } from './parser/pythonDocument';
import { loadPythonLanguage, loadScriptLanguages, ParseBudgetError } from './parser/treeSitter';
import { createTypeScriptConverter } from './parser/typescriptIr';
import { isScriptPath, SCRIPT_EXTENSION, scriptGrammarOf, type ScriptGrammar } from './analysis/sourceLanguage';
import { runRules } from './rules';
import { computeDecayFacts, dedupe } from './analysis/decayFlow';
import type { DiscardedTerm, Effect, HelperCall } from './analysis/effects';
import { Evaluator, type ModuleResolver, type Summary } from './analysis/evaluator';
import { compareFindings, type Finding, type HoverFact, type SkippedFile } from './analysis/findings';
import type { FunctionDef, ModuleIR } from './analysis/ir';
import { buildDecayHints, type DecayHint } from './features/decayHints';
import { buildHoverFacts } from './features/hoverFacts';
import { buildSweepPlaces, type SweepPlace } from './features/sweepPlaces';
import { buildModuleInfo, type ImportTarget, type ModuleInfo } from './analysis/moduleInfo';
import { unanalysableReason } from './analysis/sourceFiles';

export interface AnalysisResult {
  findings: Finding[];
  hovers(): HoverFact[];
  /** Files not analysed at all, with the reason. */
  skipped: SkippedFile[];
  /** Files analysed only in part (syntax errors), with the reason. */
  partial: SkippedFile[];
  /** Where a decay sweep can run: each decay source and optimizer, with what the code says. */
  /** Computed on first use: diagnostics do not wait for them. */
  sweepPlaces(): SweepPlace[];
  /** `×0.9996/step` next to decay values whose learning rate is known. */
  decayHints(): DecayHint[];
  /** Per program, where its lenses and hints are (cheap for programs an edit did not reach). */
  viewKeys(): string[];
}

interface FileState {
  text: string;
  module?: ModuleInfo;
  skipped?: string;
  /** Kept for documents being edited, so the next change re-parses incrementally. */
  document?: SourceDocument;
}

interface ProgramResult {
  /** The input version of each of the program's modules (sorted by URI) the facts were computed from. */
  versions: number[];
  findings: Finding[];
  /** Built from the facts on first use, and kept with them. */
  hovers: () => HoverFact[];
  sweepPlaces: () => SweepPlace[];
  decayHints: () => DecayHint[];
  /** Where its lenses and hints are: clients refetch them when this changes. */
  viewKey: () => string;
}

interface ModuleLinks {
  modules: Map<string, ModuleInfo>;
  resolver: WorkspaceModules;
  /** Each program's module URIs, also sorted, and its key (the sorted URIs) for the program cache. */
  programs: { modules: string[]; key: string }[];
}

/** What a module imports, as text: equal keys resolve to the same modules. */
function importsKey(module: ModuleInfo): string {
  return JSON.stringify([...module.imports, ...module.starImports]);
}

/**
 * A file parsed on another thread (parse workers): its IR, or why it is not analysed. JSON-safe.
 * `timedOut`: the parse ran over its time budget, which depends on the machine's load.
 */
export type ParsedFile = { ir: ModuleIR } | { skipped: string; timedOut?: true };

/**
 * A lone CR ends a line for LSP clients (and Python), not for tree-sitter's rows: make it a LF
 * (same length, so offsets and columns stay) or every position after it is off by lines.
 */
function normalizeLineEnds(source: string): string {
  return source.replace(/\r(?!\n)/g, '\n');
}

export class WorkspaceAnalyzer {
  private readonly files = new Map<string, FileState>();
  /** Kept across analyses: it reuses the summaries of functions an edit did not touch. */
  private readonly evaluator = new Evaluator();
  /** How the modules of the last analysis import each other. */
  private links: ModuleLinks | undefined;
  /** Each module's analysis inputs in the last analysis, with their version (see moduleInputVersions). */
  private readonly moduleInputs = new Map<string, { items: object[]; version: number }>();
  private nextInputVersion = 0;
  /** Each program's facts and findings by its sorted module URIs, from the last analysis. */
  private programCache = new Map<string, ProgramResult>();

  /** None for an analyzer of files parsed elsewhere (`forParsedFiles`). */
  private constructor(private readonly grammars: { python: Language; scripts: Record<ScriptGrammar, Language> } | undefined) {}

  static async create(): Promise<WorkspaceAnalyzer> {
    const [python, scripts] = await Promise.all([loadPythonLanguage(), loadScriptLanguages()]);
    return new WorkspaceAnalyzer({ python, scripts });
  }

  /** An analyzer fed by `addParsedFile` only: it loads no grammar (~30-40 ms of wasm). */
  static forParsedFiles(): WorkspaceAnalyzer {
    return new WorkspaceAnalyzer(undefined);
  }

  /** TypeScript and JavaScript files by their extension; everything else (notebooks included) is Python. */
  private newDocument(uri: string): SourceDocument {
    if (!this.grammars) throw new Error('this analyzer takes files parsed elsewhere (addParsedFile)');
    const grammar = scriptGrammarOf(uri);
    return grammar ? new SourceDocument(this.grammars.scripts[grammar], createTypeScriptConverter()) : new PythonDocument(this.grammars.python);
  }

  /**
   * Normalizes and parses a text with `document` (a new one when not given). Returns the text, its
   * IR or why it is not analysed, and the document that parsed it (none when it was refused:
   * never keep the previous text's tree for a text we could not read).
   */
  private parse(uri: string, source: string, document?: SourceDocument): { text: string; parsed: ParsedFile; document?: SourceDocument } {
    const text = normalizeLineEnds(source);
    const reason = unanalysableReason(text);
    if (reason) {
      document?.dispose();
      return { text, parsed: { skipped: reason } };
    }
    const parser = document ?? this.newDocument(uri);
    try {
      return { text, parsed: { ir: parser.update(text) }, document: parser };
    } catch (error) {
      parser.dispose();
      const skipped = `could not be parsed: ${error instanceof Error ? error.message : String(error)}`;
      return { text, parsed: error instanceof ParseBudgetError ? { skipped, timedOut: true } : { skipped } };
    }
  }

  /** Keeps a parsed file: its module facts, or why it is not analysed. */
  private addFileState(uri: string, text: string, parsed: ParsedFile, document?: SourceDocument): void {
    this.files.set(uri, 'ir' in parsed ? { text, module: buildModuleInfo(uri, parsed.ir), document } : { text, skipped: parsed.skipped });
  }

  /**
   * Adds or replaces a file. `incremental` keeps its syntax tree so later calls re-parse only
   * what changed (for documents open in an editor).
   */
  setFile(uri: string, source: string, options: { incremental?: boolean } = {}): void {
    const { text, parsed, document } = this.parse(uri, source, this.files.get(uri)?.document);
    if (!options.incremental) document?.dispose();
    this.addFileState(uri, text, parsed, options.incremental ? document : undefined);
  }

  removeFile(uri: string): void {
    this.files.get(uri)?.document?.dispose();
    this.files.delete(uri);
  }

  /** Parses a file and forgets it: what `addParsedFile` takes, e.g. in a parse worker. */
  parseOnly(uri: string, text: string): ParsedFile {
    const { parsed, document } = this.parse(uri, text);
    document?.dispose();
    return parsed;
  }

  /** Adds a file parsed elsewhere by `parseOnly`, with its text: the state `setFile` would have built. */
  addParsedFile(uri: string, source: string, parsed: ParsedFile): void {
    this.files.get(uri)?.document?.dispose();
    this.addFileState(uri, normalizeLineEnds(source), parsed);
  }

  /** Drops the syntax tree of a file that is no longer edited; its analysis stays. */
  stopEditing(uri: string): void {
    const state = this.files.get(uri);
    state?.document?.dispose();
    if (state) state.document = undefined;
  }

  textOf(uri: string): string | undefined {
    return this.files.get(uri)?.text;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  analyze(): AnalysisResult {
    const modules = [...this.files.values()].flatMap((state) => (state.module ? [state.module] : []));
    const { resolver, programs } = this.linkModules(modules);
    this.evaluator.beginRun(modules, resolver);
    const moduleSummaries = modules.map((module) => this.evaluator.summarizeModule(module));
    const functions = modules.flatMap(functionRefs);
    const functionSummaries = functions.map((ref) => ({ ref, summary: this.evaluator.summarize(ref) }));
    const { called, helperCalls, discarded } = Evaluator.facts([...moduleSummaries, ...functionSummaries.map((f) => f.summary)]);
    // The code that runs on its own, by module: module bodies, and functions nobody calls.
    const roots: { module: string; summary: Summary; uncalled: boolean }[] = modules.map((module, i) => ({ module: module.uri, summary: moduleSummaries[i], uncalled: false }));
    for (const { ref, summary } of functionSummaries) {
      if (!called.has(ref.key)) roots.push({ module: ref.module.uri, summary, uncalled: true });
    }
    const uncalledEffects = new Map<Summary, Effect[]>();
    const effectsOf = (root: (typeof roots)[number]) => {
      if (!root.uncalled) return root.summary.effects;
      let effects = uncalledEffects.get(root.summary);
      if (!effects) uncalledEffects.set(root.summary, (effects = this.evaluator.rootEffects(root.summary)));
      return effects;
    };
    // TF1 collections live in one program's graph: an entry script and what it imports, however
    // deep. Two scripts sharing a model module are two programs; one cannot mask the other's bug.
    const findings = new Map<string, Finding>();
    const programResults: ProgramResult[] = [];
    // Indexed by module once: a workspace has about as many programs as scripts, and filtering
    // every list per program made each analysis cost programs x modules.
    const rootsOf = indexByModule(roots, (root) => root.module);
    const helperCallsOf = indexByModule(helperCalls, (call) => call.writeSite.uri);
    const discardedOf = indexByModule(discarded, (term) => term.site.uri);
    const versionOf = this.moduleInputVersions(roots, helperCalls, discarded);
    const programCache = new Map<string, ProgramResult>();
    for (const { key: programKey, modules: programModules } of programs) {
      // Facts are a function of the summaries, helper calls and discarded terms of the program's
      // modules, which the evaluator keeps while they are valid: an edit recomputes the programs
      // it reaches, not the whole workspace.
      const versions = programModules.map(versionOf);
      let result = this.programCache.get(programKey);
      if (!result || !sameNumbers(result.versions, versions)) {
        const programRoots = rootsOf(programModules);
        const programHelperCalls = helperCallsOf(programModules);
        const programDiscarded = discardedOf(programModules);
        const facts = computeDecayFacts(programRoots.flatMap(effectsOf), programHelperCalls, programDiscarded);
        const sweepPlaces = memoize(() => buildSweepPlaces(facts));
        const decayHints = memoize(() => buildDecayHints(facts));
        result = {
          versions,
          findings: runRules(facts),
          hovers: memoize(() => buildHoverFacts(facts)),
          sweepPlaces,
          decayHints,
          viewKey: memoize(() => JSON.stringify([sweepPlaces().map((place) => [place.uri, place.line]), decayHints().map((hint) => [hint.uri, hint.label])])),
        };
      }
      programCache.set(programKey, result);
      for (const finding of result.findings) {
        const key = findingKey(finding);
        if (!findings.has(key) && !this.isSuppressed(finding)) findings.set(key, finding);
      }
      programResults.push(result);
    }
    this.programCache = programCache;
    const sorted = [...findings.values()].sort(compareFindings);
    const skipped: SkippedFile[] = [];
    const partial: SkippedFile[] = [];
    for (const [uri, state] of this.files) {
      if (state.skipped) skipped.push({ uri, reason: state.skipped });
      const first = state.module?.ir.unanalysed[0];
      if (first) partial.push({ uri, reason: `${first.reason} at line ${first.range.startLine + 1}; the rest of the file was analysed` });
    }
    return {
      findings: sorted,
      hovers: memoize(() => programResults.flatMap((program) => program.hovers())),
      skipped,
      partial,
      sweepPlaces: memoize(() => dedupe(programResults.flatMap((program) => program.sweepPlaces()), (place) => `${place.uri}#${place.line}`)),
      decayHints: memoize(() => dedupe(programResults.flatMap((program) => program.decayHints()), (hint) => `${hint.uri}#${hint.range.startLine}:${hint.range.startColumn}`)),
      viewKeys: () => programResults.map((program) => program.viewKey()),
    };
  }

  /**
   * The import resolver and the programs, reused while no file was added or removed and every
   * changed file imports what it imported before: an edit inside a function (the usual keystroke)
   * does not re-resolve the imports of the whole workspace.
   */
  private linkModules(modules: ModuleInfo[]): ModuleLinks {
    const previous = this.links;
    const reusable =
      previous !== undefined &&
      previous.modules.size === modules.length &&
      modules.every((module) => {
        const before = previous.modules.get(module.uri);
        return before !== undefined && (before === module || importsKey(before) === importsKey(module));
      });
    if (reusable) {
      for (const module of modules) {
        const before = previous.modules.get(module.uri)!;
        if (before !== module) previous.resolver.replace(before, module);
      }
      previous.modules = new Map(modules.map((module) => [module.uri, module]));
      return previous;
    }
    const resolver = new WorkspaceModules(modules);
    const programs = resolver.programs(modules).map((program) => {
      const modules = [...program].sort();
      return { modules, key: modules.join('\n') };
    });
    this.links = { modules: new Map(modules.map((module) => [module.uri, module])), resolver, programs };
    return this.links;
  }

  /**
   * A number per module that changes whenever one of its roots' summaries, helper calls or
   * discarded terms is a different object than in the last analysis (they are kept while valid).
   */
  private moduleInputVersions(roots: readonly { module: string; summary: Summary }[], helperCalls: readonly HelperCall[], discarded: readonly DiscardedTerm[]): (uri: string) => number {
    const inputs = new Map<string, object[]>();
    const add = (uri: string, item: object) => {
      const list = inputs.get(uri);
      if (list) list.push(item);
      else inputs.set(uri, [item]);
    };
    for (const root of roots) add(root.module, root.summary);
    for (const call of helperCalls) add(call.writeSite.uri, call);
    for (const term of discarded) add(term.site.uri, term);
    const previous = this.moduleInputs;
    for (const [uri, items] of inputs) {
      const before = previous.get(uri);
      if (!before || !sameObjects(before.items, items)) previous.set(uri, { items, version: this.nextInputVersion++ });
    }
    for (const uri of previous.keys()) if (!inputs.has(uri)) previous.delete(uri);
    return (uri) => previous.get(uri)?.version ?? -1;
  }

  /**
   * `# decay-lens: ignore` or `# decay-lens: ignore[WD101, WD105]` on the finding's first line
   * (`// decay-lens: ...` in TypeScript and JavaScript). Remembered per finding and file text.
   */
  private isSuppressed(finding: Finding): boolean {
    const text = this.files.get(finding.uri)?.text;
    if (!text) return false;
    const known = suppressions.get(finding);
    if (known?.text === text) return known.suppressed;
    const suppressed = suppressedIn(text, finding);
    suppressions.set(finding, { text, suppressed });
    return suppressed;
  }
}

function suppressedIn(text: string, finding: Finding): boolean {
  const line = lineAt(text, finding.range.startLine);
  const comment = scriptGrammarOf(finding.uri) ? SCRIPT_SUPPRESSION : PYTHON_SUPPRESSION;
  const match = comment.exec(line);
  if (!match) return false;
  return match[1] === undefined || match[1].split(',').some((code) => code.trim().toUpperCase() === finding.code);
}

const PYTHON_SUPPRESSION = /#\s*decay-lens:\s*ignore(?:\[([^\]]*)\])?/;
const SCRIPT_SUPPRESSION = /\/\/\s*decay-lens:\s*ignore(?:\[([^\]]*)\])?/;

function lineAt(text: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end);
}


/**
 * Module lookup by dotted name (every suffix of the file's path) or by path for relative imports.
 * Python and TypeScript/JavaScript modules only import their own kind: `./model` from a `.ts` file
 * is `model.ts` even beside a `model.py`.
 */
class WorkspaceModules implements ModuleResolver {
  private readonly byName = new Map<string, ModuleInfo[]>();
  /** By language and path without extension. */
  private readonly byPath = new Map<string, ModuleInfo>();
  /** `resolve` answers by importer, folder and dotted name: the evaluator asks the same ones often. */
  private readonly resolved = new Map<string, { module: ModuleInfo; member: string } | undefined>();

  constructor(modules: readonly ModuleInfo[]) {
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

  /** A new version of a file (same path, same imports) takes the old one's place. */
  replace(before: ModuleInfo, after: ModuleInfo): void {
    const { pathKey, names } = lookupKeys(after);
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
  programs(modules: readonly ModuleInfo[]): Set<string>[] {
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

  resolve(target: ImportTarget, importer: ModuleInfo): { module: ModuleInfo; member: string } | undefined {
    const key = `${importer.filePath}\0${target.fromDir ?? ''}\0${target.dotted}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const answer = this.lookUp(target, importer);
    this.resolved.set(key, answer);
    return answer;
  }

  private lookUp(target: ImportTarget, importer: ModuleInfo): { module: ModuleInfo; member: string } | undefined {
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

  private moduleAtPath(base: string, importer: ModuleInfo): ModuleInfo | undefined {
    // A folder is its `__init__.py`, or for TypeScript and JavaScript its `index` file.
    const folder = path.join(base, isScriptPath(importer.filePath) ? 'index' : '__init__');
    return this.byPath.get(pathKey(importer, base)) ?? this.byPath.get(pathKey(importer, folder));
  }

  private moduleNamed(name: string, importer: ModuleInfo): ModuleInfo | undefined {
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

/** A module's functions and methods with their summary keys; built once per version of the file. */
const functionRefsOf = new WeakMap<ModuleInfo, { key: string; module: ModuleInfo; fn: FunctionDef }[]>();

function functionRefs(module: ModuleInfo): { key: string; module: ModuleInfo; fn: FunctionDef }[] {
  let refs = functionRefsOf.get(module);
  if (!refs) {
    refs = [...module.functions.values(), ...module.methods].map((fn) => ({ key: `${module.uri}#${fn.name}`, module, fn }));
    functionRefsOf.set(module, refs);
  }
  return refs;
}

/** Computed once per finding object: a program's findings are reused while it is unchanged. */
const findingKeys = new WeakMap<Finding, string>();
const suppressions = new WeakMap<Finding, { text: string; suppressed: boolean }>();

function findingKey(finding: Finding): string {
  let key = findingKeys.get(finding);
  if (key === undefined) {
    const { startLine, startColumn, endLine, endColumn } = finding.range;
    key = `${finding.code}|${finding.uri}|${startLine}:${startColumn}-${endLine}:${endColumn}`;
    findingKeys.set(finding, key);
  }
  return key;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameObjects(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** `items` whose module is in a program, in their original order, without a pass over all of them. */
function indexByModule<T>(items: readonly T[], moduleOf: (item: T) => string): (program: readonly string[]) => T[] {
  const positions = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = positions.get(moduleOf(item));
    if (list) list.push(i);
    else positions.set(moduleOf(item), [i]);
  });
  return (program) => program.flatMap((uri) => positions.get(uri) ?? []).sort((a, b) => a - b).map((i) => items[i]);
}

function pathKey(module: ModuleInfo, withoutExtension: string): string {
  return `${isScriptPath(module.filePath) ? 'script' : 'python'}:${withoutExtension}`;
}

/** The keys a module is found by: its path without extension, and every dotted suffix of it. */
function lookupKeys(module: ModuleInfo): { pathKey: string; names: string[] } {
  const withoutExtension = module.filePath.replace(SCRIPT_EXTENSION, '').replace(/\.py$/, '');
  const parts = withoutExtension.split(/[\\/]/).filter(Boolean);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const names: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) names.push(parts.slice(i).join('.'));
  return { pathKey: pathKey(module, withoutExtension), names };
}

function memoize<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}
