// The analysis' vocabulary for the layers above it (rules, features, the workspace analyzer).
export type { Finding, HoverFact, Location, Range, RelatedLocation, RuleCode, Severity, SkippedFile } from './findings';
