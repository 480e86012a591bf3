// The analysis of a set of files, for the language server and the CLI: keeps each file's IR (and,
// for open documents, its syntax tree for incremental re-parsing), links modules through imports,
// computes the decay facts per program, and runs the rules and the hover builder over them.
import type { SourceDocument } from './parser/pythonDocument';
import { FileParser, normalizeLineEnds, type ParsedFile } from './parser/fileParser';
import { scriptGrammarOf } from './analysis/sourceLanguage';
import { runRules } from './rules';
import { computeDecayFacts, dedupe } from './analysis/decayFlow';
import type { DiscardedTerm, Effect, HelperCall } from './analysis/effects';
import { frameworks as registeredFrameworks } from './analysis/frameworks';
import type { Framework } from './analysis/frameworks/framework';
import { Evaluator, type Summary } from './analysis/evaluator';
import { compareFindings, type Finding, type HoverFact, type SkippedFile } from './analysis/findings';
import type { FunctionDef, ModuleIR } from './analysis/ir';
import { buildDecayHints, type DecayHint } from './features/decayHints';
import { buildHoverFacts } from './features/hoverFacts';
import { buildSweepPlaces, type SweepPlace } from './features/sweepPlaces';
import { sameImports, WorkspaceModules } from './analysis/importResolver';
import { buildModuleInfo, pushTo, type ModuleInfo } from './analysis/moduleInfo';

/** What `addParsedFile` takes. */
export type { ParsedFile };

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

export class WorkspaceAnalyzer {
  private readonly files = new Map<string, FileState>();
  /** Kept across analyses: it reuses the summaries of functions an edit did not touch. */
  private readonly evaluator: Evaluator;
  /** How the modules of the last analysis import each other. */
  private links: ModuleLinks | undefined;
  /** Each module's analysis inputs in the last analysis, with their version (see moduleInputVersions). */
  private readonly moduleInputs = new Map<string, { items: object[]; version: number }>();
  private nextInputVersion = 0;
  /** Each program's facts and findings by its sorted module URIs, from the last analysis. */
  private programCache = new Map<string, ProgramResult>();

  /** None for an analyzer of files parsed elsewhere (`forParsedFiles`). */
  private constructor(
    private readonly parser: FileParser | undefined,
    frameworks: readonly Framework[] = registeredFrameworks,
  ) {
    this.evaluator = new Evaluator(frameworks);
  }

  /** `frameworks`: the libraries the analysis knows (the registry unless a test gives its own). */
  static async create(frameworks?: readonly Framework[]): Promise<WorkspaceAnalyzer> {
    return new WorkspaceAnalyzer(await FileParser.create(), frameworks);
  }

  /** An analyzer fed by `addParsedFile` only: it loads no grammar (~30-40 ms of wasm). */
  static forParsedFiles(): WorkspaceAnalyzer {
    return new WorkspaceAnalyzer(undefined);
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
    if (!this.parser) throw new Error('this analyzer takes files parsed elsewhere (addParsedFile)');
    const { text, parsed, document } = this.parser.parse(uri, source, this.files.get(uri)?.document);
    if (!options.incremental) document?.dispose();
    this.addFileState(uri, text, parsed, options.incremental ? document : undefined);
  }

  removeFile(uri: string): void {
    this.files.get(uri)?.document?.dispose();
    this.files.delete(uri);
  }

  /** Adds a file parsed elsewhere (`FileParser.parseOnly`), with its text: the state `setFile` would have built. */
  addParsedFile(uri: string, source: string, parsed: ParsedFile): void {
    this.files.get(uri)?.document?.dispose();
    this.addFileState(uri, normalizeLineEnds(source), parsed);
  }

  /** Adds a file whose module facts were built elsewhere (groupAnalyst.ts), with its text. */
  addModule(text: string, module: ModuleInfo): void {
    this.files.set(module.uri, { text, module });
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

  /** `methodCounts`: the whole workspace's, when these files are one of its independent groups. */
  analyze(methodCounts?: ReadonlyMap<string, number>): AnalysisResult {
    const modules = [...this.files.values()].flatMap((state) => (state.module ? [state.module] : []));
    const { resolver, programs } = this.linkModules(modules);
    this.evaluator.beginRun(modules, resolver, methodCounts);
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
    const moduleByUri = new Map(modules.map((module) => [module.uri, module]));
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
        const choiceArms = new Map(programModules.flatMap((uri) => { const module = moduleByUri.get(uri); return module ? [[uri, module.choiceArms] as const] : []; }));
        const facts = computeDecayFacts(programRoots.flatMap(effectsOf), programHelperCalls, programDiscarded, choiceArms);
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
      const unanalysed = state.module?.ir.unanalysed ?? [];
      if (unanalysed.length > 0) partial.push({ uri, reason: `${describeUnanalysed(unanalysed)}; the rest of the file was analysed` });
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
        return before !== undefined && (before === module || sameImports(before, module));
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

/** How many ranges of each kind a partial file's note names before it counts the rest. */
const UNANALYSED_RANGES_NAMED = 3;

/** `too large to analyse at lines 2-4001 and 4002-8001; syntax error at line 9010`: every part left out, by reason. */
function describeUnanalysed(unanalysed: ModuleIR['unanalysed']): string {
  const byReason = new Map<string, string[]>();
  for (const { range, reason } of unanalysed) {
    const lines = range.endLine > range.startLine ? `${range.startLine + 1}-${range.endLine + 1}` : `${range.startLine + 1}`;
    pushTo(byReason, reason, lines);
  }
  return [...byReason]
    .map(([reason, ranges]) => {
      const named = ranges.slice(0, UNANALYSED_RANGES_NAMED);
      const more = ranges.length - named.length;
      const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
      return `${reason} at line${ranges.length > 1 || list.includes('-') ? 's' : ''} ${list}`;
    })
    .join('; ');
}
