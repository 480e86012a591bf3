// A check of many files, one independent group of modules at a time (analysis/independentGroups.ts):
// a GroupAnalyst parses some of the files, says how they link to the others (their link facts),
// and analyses the groups it is given. The CLI runs one per thread (cli/analysisPool.ts), so only
// link facts and findings cross threads, never a syntax tree or an IR; `analyzeInGroups` runs the
// same steps in this thread.
import type { Finding, SkippedFile } from './analysis/findings';
import { compareFindings } from './analysis/findings';
import { WorkspaceModules } from './analysis/importResolver';
import { independentGroups } from './analysis/independentGroups';
import { appendAll } from './analysis/ir';
import { linkFactsOf, methodCounts, type LinkFacts } from './analysis/linkFacts';
import { buildModuleInfo, type ModuleInfo } from './analysis/moduleInfo';
import { normalizeLineEnds, type FileParser, type ParsedFile } from './parser/fileParser';
import { WorkspaceAnalyzer } from './workspaceAnalyzer';

export interface SourceText {
  uri: string;
  text: string;
}

/** A parsed file's link facts, or why it is not analysed (`timedOut`: the parse ran out of time, worth trying again). */
export type FileFacts = { uri: string; facts: LinkFacts } | { uri: string; skipped: string; timedOut?: true };

export interface GroupResult {
  findings: Finding[];
  partial: SkippedFile[];
}

export class GroupAnalyst {
  private readonly modules = new Map<string, { text: string; module: ModuleInfo }>();

  /** `parser`: none when every file comes parsed (`addParsed`). */
  constructor(private readonly parser?: FileParser) {}

  /** Parses the files and keeps their modules for `analyze`. */
  parse(files: readonly SourceText[]): FileFacts[] {
    if (!this.parser) throw new Error('this analyst takes files parsed elsewhere');
    return files.map(({ uri, text }) => this.addParsed(uri, text, this.parser!.parseOnly(uri, text)));
  }

  addParsed(uri: string, text: string, parsed: ParsedFile): FileFacts {
    if (!('ir' in parsed)) return parsed.timedOut ? { uri, skipped: parsed.skipped, timedOut: true } : { uri, skipped: parsed.skipped };
    const module = buildModuleInfo(uri, parsed.ir);
    this.modules.set(uri, { text: normalizeLineEnds(text), module });
    return { uri, facts: linkFactsOf(module) };
  }

  /**
   * Each group's findings and partial files, as an analysis of the whole workspace gives them
   * (`methodCounts`: the whole workspace's). Modules it did not parse come in `missing`. With
   * `reported`, only what is in those files.
   */
  analyze(groups: readonly (readonly string[])[], missing: readonly SourceText[], methodCounts: ReadonlyMap<string, number>, reported?: ReadonlySet<string>): GroupResult[] {
    if (missing.length > 0) this.parse(missing);
    const isReported = (uri: string) => !reported || reported.has(uri);
    return groups.map((group) => {
      const analyzer = WorkspaceAnalyzer.forParsedFiles();
      for (const uri of group) {
        // A module another thread parsed whose parse here ran out of its time budget (a loaded
        // machine): the group is analysed without it rather than the check failing.
        const held = this.modules.get(uri);
        if (held) analyzer.addModule(held.text, held.module);
      }
      const result = analyzer.analyze(methodCounts);
      return { findings: result.findings.filter((finding) => isReported(finding.uri)), partial: result.partial.filter((file) => isReported(file.uri)) };
    });
  }
}

/** The workspace's independent groups (as URIs) and its method counts, from every module's link facts. */
export function workspaceGroups(facts: readonly LinkFacts[]): { groups: string[][]; methodCounts: Map<string, number> } {
  const counts = methodCounts(facts.map((module) => module.methods));
  const groups = independentGroups(facts, new WorkspaceModules(facts), counts).map((group) => group.map((module) => module.uri));
  return { groups, methodCounts: counts };
}

/** Files parsed elsewhere, analysed one independent group at a time in this thread. */
export function analyzeInGroups(
  files: readonly { uri: string; text: string; parsed: ParsedFile }[],
  reported?: ReadonlySet<string>,
): { findings: Finding[]; skipped: SkippedFile[]; partial: SkippedFile[] } {
  const analyst = new GroupAnalyst();
  const facts = files.map(({ uri, text, parsed }) => analyst.addParsed(uri, text, parsed));
  const { groups, methodCounts } = workspaceGroups(facts.flatMap((file) => ('facts' in file ? [file.facts] : [])));
  const wanted = reported ? groups.filter((group) => group.some((uri) => reported.has(uri))) : groups;
  return mergeResults(files.map(({ uri }) => uri), facts, analyst.analyze(wanted, [], methodCounts, reported), reported);
}

/** The groups' results as one analysis of the files gives them: findings by file and position, partial and skipped files in the files' order. */
export function mergeResults(
  order: readonly string[],
  facts: readonly FileFacts[],
  results: readonly GroupResult[],
  reported?: ReadonlySet<string>,
): { findings: Finding[]; skipped: SkippedFile[]; partial: SkippedFile[] } {
  const position = new Map(order.map((uri, i) => [uri, i]));
  const findings: Finding[] = [];
  const partial: SkippedFile[] = [];
  for (const result of results) {
    appendAll(findings, result.findings);
    appendAll(partial, result.partial);
  }
  const skipped = facts.flatMap((file) => ('skipped' in file && (!reported || reported.has(file.uri)) ? [{ uri: file.uri, reason: file.skipped }] : []));
  return { findings: findings.sort(compareFindings), skipped, partial: partial.sort((a, b) => position.get(a.uri)! - position.get(b.uri)!) };
}
