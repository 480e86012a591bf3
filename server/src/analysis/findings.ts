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

/** Machine-readable payload carried in `Diagnostic.data` for quick fixes. */
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
  /** The optimizer's loss argument and the statement holding the call (WD101's fix edits there). */
  lossArgument?: Location;
  sinkStatement?: Location;
  /** The collection also holds the data loss, so its sum alone is the whole loss. */
  collectsDataLoss?: boolean;
  /** WD202: the optimizer's dotted constructor name, to switch it to AdamW. */
  optimizerCallee?: Location;
  /** WD203: the `model.parameters()` argument and the optimizer's statement, to split the groups. */
  allParameters?: Location;
  optimizerStatement?: Location;
  /** WD203 (optax): the transformation call that takes `mask=`. */
  decayCall?: Location;
  /** WD103: the value of the loss the tape differentiates (its only assignment) and the trained model's name. */
  lossDefinition?: Location;
  trainedModel?: string;
}

export interface Finding extends Location {
  code: RuleCode;
  severity: Severity;
  message: string;
  related: RelatedLocation[];
  /** The code is dead or has no effect (rendered faded by editors). */
  unnecessary?: boolean;
  data: FindingData;
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
