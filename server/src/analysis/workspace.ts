// The analysis of a set of files: keeps each file's IR (and, for open documents, its syntax tree
// for incremental re-parsing), links modules through imports, and runs the rules.
import * as path from 'node:path';
import type { Language } from 'web-tree-sitter';
import { PythonDocument } from '../parser/pythonDocument';
import { loadPythonLanguage } from '../parser/treeSitter';
import { runRules } from '../rules';
import { computeDecayFacts } from './decayFlow';
import type { Effect } from './effects';
import { Evaluator, type ModuleResolver } from './evaluator';
import type { Finding, HoverFact, SkippedFile } from './findings';
import type { ModuleIR } from './ir';
import { buildHoverFacts } from './hoverFacts';
import { buildModuleInfo, type ImportTarget, type ModuleInfo } from './moduleInfo';
import { unanalysableReason } from './sourceFiles';

export interface AnalysisResult {
  findings: Finding[];
  hovers: HoverFact[];
  /** Files not analysed at all, with the reason. */
  skipped: SkippedFile[];
  /** Files analysed only in part (syntax errors), with the reason. */
  partial: SkippedFile[];
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
    const effects: Effect[] = moduleSummaries.flatMap((summary) => summary.effects);
    for (const { ref, summary } of functionSummaries) {
      if (!called.has(ref.key)) effects.push(...this.evaluator.rootEffects(summary));
    }
    // TF1 collections live in one program's graph: modules that import each other share them,
    // unrelated programs in one workspace do not.
    const programs = resolver.programs();
    const findings: Finding[] = [];
    const hovers: HoverFact[] = [];
    for (const program of new Set(programs.values())) {
      const inProgram = (site: { uri: string }) => programs.get(site.uri) === program;
      const programFacts = computeDecayFacts(
        effects.filter((effect) => inProgram(effect.site)),
        helperCalls.filter((call) => inProgram(call.writeSite)),
        discarded.filter((discarded) => inProgram(discarded.site)),
      );
      findings.push(...runRules(programFacts).filter((finding) => !this.isSuppressed(finding)));
      hovers.push(...buildHoverFacts(programFacts));
    }
    findings.sort(compareFindings);
    const skipped: SkippedFile[] = [];
    const partial: SkippedFile[] = [];
    for (const [uri, state] of this.files) {
      if (state.skipped) skipped.push({ uri, reason: state.skipped });
      const first = state.module?.ir.unanalysed[0];
      if (first) partial.push({ uri, reason: `${first.reason} at line ${first.range.startLine + 1}; the rest of the file was analysed` });
    }
    return { findings, hovers, skipped, partial };
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

function compareFindings(a: Finding, b: Finding): number {
  return a.uri.localeCompare(b.uri) || a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn || a.code.localeCompare(b.code);
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

  /** Program number of each module: modules linked by imports, transitively, share one. */
  programs(): Map<string, number> {
    const parent = new Map<string, string>();
    const find = (uri: string): string => {
      let root = uri;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(uri, root);
      return root;
    };
    for (const module of this.byPath.values()) parent.set(module.uri, module.uri);
    for (const module of this.byPath.values()) {
      for (const target of module.imports.values()) {
        const imported = this.resolve(target, module);
        if (imported) parent.set(find(imported.module.uri), find(module.uri));
      }
    }
    const numbers = new Map<string, number>();
    const programOf = new Map<string, number>();
    for (const uri of parent.keys()) {
      const root = find(uri);
      if (!numbers.has(root)) numbers.set(root, numbers.size);
      programOf.set(uri, numbers.get(root)!);
    }
    return programOf;
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
