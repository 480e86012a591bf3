// Public entry of the analysis: source texts in, findings and hover facts out.
export type { Finding, HoverFact, Location, Range, RelatedLocation, RuleCode, Severity, SkippedFile } from './findings';
export { MAX_FILE_BYTES, readSourceFile, unanalysableReason } from './sourceFiles';
export { WorkspaceAnalyzer, type AnalysisResult } from './workspace';
