// Findings as LSP diagnostics.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Range, Severity } from '../analysis';
import { ruleDocUrl } from '../rules';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspRange(range: Range) {
  return {
    start: { line: range.startLine, character: range.startColumn },
    end: { line: range.endLine, character: range.endColumn },
  };
}

export function toDiagnostic(finding: Finding, supportsRelatedInformation: boolean): Diagnostic {
  return {
    range: toLspRange(finding.range),
    severity: severities[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocUrl(finding.code) },
    source: 'decay-lens',
    message: finding.message,
    relatedInformation: supportsRelatedInformation
      ? finding.related.map((related) => ({ location: { uri: related.uri, range: toLspRange(related.range) }, message: related.message }))
      : undefined,
    tags: finding.unnecessary ? [DiagnosticTag.Unnecessary] : undefined,
    // The fix recipes travel with the diagnostic: the code action computes their edits (codeActions.ts).
    data: { code: finding.code, ...finding.data, fixes: finding.fixes },
  };
}
