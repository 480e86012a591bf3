// The analysis of a set of files, for the language server and the CLI: keeps each file's IR (and,
// for open documents, its syntax tree for incremental re-parsing), links modules through imports,
// computes the decay facts per program, and runs the rules and the hover builder over them.
import * as path from 'node:path';
import type { Language } from 'web-tree-sitter';
import { PythonDocument } from './parser/pythonDocument';
import { loadPythonLanguage } from './parser/treeSitter';
import { runRules } from './rules';
import { computeDecayFacts, dedupe, type DecayFacts } from './analysis/decayFlow';
import type { Effect } from './analysis/effects';
import { Evaluator, type ModuleResolver } from './analysis/evaluator';
import { compareFindings, type Finding, type HoverFact, type SkippedFile } from './analysis/findings';
import type { ModuleIR } from './analysis/ir';
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
}

interface FileState {
  text: string;
  module?: ModuleInfo;
  skipped?: string;
  /** Kept for documents being edited, so the next change re-parses incrementally. */
  document?: PythonDocument;
}

export class WorkspaceAnalyzer {
  private readonly files = new Map<string, FileState>();
  /** Kept across analyses: it reuses the summaries of functions an edit did not touch. */
  private readonly evaluator = new Evaluator();

  private constructor(private readonly language: Language) {}

  static async create(): Promise<WorkspaceAnalyzer> {
    return new WorkspaceAnalyzer(await loadPythonLanguage());
  }

  /**
   * Adds or replaces a file. `incremental` keeps its syntax tree so later calls re-parse only
   * what changed (for documents open in an editor).
   */
  setFile(uri: string, text: string, options: { incremental?: boolean } = {}): void {
    const previous = this.files.get(uri);
    const reason = unanalysableReason(text);
    if (reason) {
      previous?.document?.dispose();
      this.files.set(uri, { text, skipped: reason });
      return;
    }
    let document = previous?.document;
    if (!document) document = new PythonDocument(this.language);
    let ir: ModuleIR;
    try {
      ir = document.update(text);
    } catch (error) {
      // Never keep the previous text's analysis for a text we could not read.
      document.dispose();
      this.files.set(uri, { text, skipped: `could not be parsed: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (!options.incremental) {
      document.dispose();
      document = undefined;
    }
    this.files.set(uri, { text, module: buildModuleInfo(uri, ir), document });
  }

  removeFile(uri: string): void {
    this.files.get(uri)?.document?.dispose();
    this.files.delete(uri);
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

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  analyze(): AnalysisResult {
    const modules = [...this.files.values()].flatMap((state) => (state.module ? [state.module] : []));
    const resolver = new WorkspaceModules(modules);
    this.evaluator.beginRun(modules, resolver);
    const moduleSummaries = modules.map((module) => this.evaluator.summarizeModule(module));
    const functions = modules.flatMap((module) =>
      [...module.functions.values(), ...module.methods].map((fn) => ({ key: `${module.uri}#${fn.name}`, module, fn })),
    );
    const functionSummaries = functions.map((ref) => ({ ref, summary: this.evaluator.summarize(ref) }));
    const { called, helperCalls, discarded } = Evaluator.facts([...moduleSummaries, ...functionSummaries.map((f) => f.summary)]);
    // Effects by the module of the code that runs them: a module body, or a function nobody calls.
    const rootEffects: { module: string; effects: Effect[] }[] = modules.map((module, i) => ({ module: module.uri, effects: moduleSummaries[i].effects }));
    for (const { ref, summary } of functionSummaries) {
      if (!called.has(ref.key)) rootEffects.push({ module: ref.module.uri, effects: this.evaluator.rootEffects(summary) });
    }
    // TF1 collections live in one program's graph: an entry script and what it imports, however
    // deep. Two scripts sharing a model module are two programs; one cannot mask the other's bug.
    const findings = new Map<string, Finding>();
    const allFacts: DecayFacts[] = [];
    for (const program of resolver.programs()) {
      const programFacts = computeDecayFacts(
        rootEffects.filter((root) => program.has(root.module)).flatMap((root) => root.effects),
        helperCalls.filter((call) => program.has(call.writeSite.uri)),
        discarded.filter((term) => program.has(term.site.uri)),
      );
      for (const finding of runRules(programFacts)) {
        const key = `${finding.code}|${finding.uri}|${JSON.stringify(finding.range)}`;
        if (!findings.has(key) && !this.isSuppressed(finding)) findings.set(key, finding);
      }
      allFacts.push(programFacts);
    }
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
      hovers: memoize(() => allFacts.flatMap(buildHoverFacts)),
      skipped,
      partial,
      sweepPlaces: memoize(() => dedupe(allFacts.flatMap(buildSweepPlaces), (place) => `${place.uri}#${place.line}`)),
      decayHints: memoize(() => dedupe(allFacts.flatMap(buildDecayHints), (hint) => `${hint.uri}#${hint.range.startLine}:${hint.range.startColumn}`)),
    };
  }

  /** `# decay-lens: ignore` or `# decay-lens: ignore[WD101, WD105]` on the finding's first line. */
  private isSuppressed(finding: Finding): boolean {
    const text = this.files.get(finding.uri)?.text;
    if (!text) return false;
    const line = lineAt(text, finding.range.startLine);
    const match = /#\s*decay-lens:\s*ignore(?:\[([^\]]*)\])?/.exec(line);
    if (!match) return false;
    return match[1] === undefined || match[1].split(',').some((code) => code.trim().toUpperCase() === finding.code);
  }
}

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


/** Module lookup by dotted name (every suffix of the file's path) or by path for relative imports. */
class WorkspaceModules implements ModuleResolver {
  private readonly byName = new Map<string, ModuleInfo[]>();
  private readonly byPath = new Map<string, ModuleInfo>();

  constructor(modules: ModuleInfo[]) {
    for (const module of modules) {
      const withoutExtension = module.filePath.replace(/\.py$/, '');
      this.byPath.set(withoutExtension, module);
      const parts = withoutExtension.split(/[\\/]/).filter(Boolean);
      if (parts[parts.length - 1] === '__init__') parts.pop();
      for (let i = parts.length - 1; i >= 0; i--) {
        const name = parts.slice(i).join('.');
        const list = this.byName.get(name);
        if (list) list.push(module);
        else this.byName.set(name, [module]);
      }
    }
  }

  /**
   * The programs of the workspace: each module no other module imports, with everything it
   * imports transitively. Modules only reachable through import cycles start programs of their own.
   */
  programs(): Set<string>[] {
    const modules = [...this.byPath.values()];
    const imports = new Map(modules.map((module) => [module.uri, [...module.imports.values()].flatMap((target) => this.resolve(target, module)?.module.uri ?? [])]));
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
    for (const module of modules) {
      if (!programs.some((program) => program.has(module.uri))) programs.push(closure(module.uri));
    }
    return programs;
  }

  resolve(target: ImportTarget, importer: ModuleInfo): { module: ModuleInfo; member: string } | undefined {
    const parts = target.dotted.split('.');
    for (let i = parts.length; i >= 1; i--) {
      const module = target.fromDir ? this.moduleAtPath(path.join(target.fromDir, ...parts.slice(0, i))) : this.moduleNamed(parts.slice(0, i).join('.'), importer);
      if (module) return { module, member: parts.slice(i).join('.') };
    }
    return undefined;
  }

  private moduleAtPath(base: string): ModuleInfo | undefined {
    return this.byPath.get(base) ?? this.byPath.get(path.join(base, '__init__'));
  }

  private moduleNamed(name: string, importer: ModuleInfo): ModuleInfo | undefined {
    const candidates = this.byName.get(name);
    if (!candidates) return undefined;
    const importerDir = path.dirname(importer.filePath);
    return candidates.find((module) => path.dirname(module.filePath) === importerDir) ?? candidates[0];
  }
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
