// The analysis' output: editor-agnostic findings and hover facts. The LSP server and the CLI
// translate these; nothing here knows about either.

/** Zero-based lines, columns in UTF-16 code units (as LSP and tree-sitter over JS strings use). */
export interface Range {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface Location {
  uri: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedLocation extends Location {
  message: string;
}

/** Facts about a finding for scripts (`check --format json`) and LSP clients (`Diagnostic.data`). */
export interface FindingData {
  /** Collection key the finding is about, when there is one. */
  collectionKey?: string;
  /** Statically known decay factor and learning rate, when known. */
  weightDecay?: number;
  learningRate?: number;
  /** Name of the loss the optimizer minimizes, when it is a plain name. */
  minimizedLoss?: string;
  /** Location of the optimizer call the finding relates to. */
  sink?: Location;
}

/** Replace `range` in file `uri` by `newText` (an insertion when the range is empty). */
export interface TextEdit extends Location {
  newText: string;
}

/** A fix as language-neutral edits, possibly in several files. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** The current text of a file; undefined when it is not known. */
export type TextOf = (uri: string) => string | undefined;

/**
 * What a rule needs to compute one of its fixes when asked (rules/rule.ts `fix`), against the text
 * files have then, which may no longer be the analysed text: flat JSON, so it travels in
 * `Diagnostic.data` and the CLI's cache, and its top-level locations are where notebook cells map.
 * Each rule declares its own as a `type` (an `interface` does not fit the index signature).
 */
export type FixRecipe = { readonly [field: string]: Location | string | number | boolean | undefined };

export interface Finding extends Location {
  code: RuleCode;
  severity: Severity;
  message: string;
  related: RelatedLocation[];
  /** The code is dead or has no effect (rendered faded by editors). */
  unnecessary?: boolean;
  data: FindingData;
  /** Its fixes, the preferred one first, as recipes (see FixRecipe; rules/index.ts `fixesOf` computes them). */
  fixes?: FixRecipe[];
}

export type RuleCode = 'WD101' | 'WD102' | 'WD103' | 'WD104' | 'WD105' | 'WD106' | 'WD201' | 'WD202' | 'WD203' | 'WD301' | 'WD302' | 'WD303';

/** File, position, then code: plain code-unit order, the same on every machine. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Something hoverable: a range and the markdown the hover shows, rendered when asked for. */
export interface HoverFact extends Location {
  markdown(): string;
}

/** A file the analysis could not read fully, with the reason (CLI: skipped; LSP: logged). */
export interface SkippedFile {
  uri: string;
  reason: string;
}
