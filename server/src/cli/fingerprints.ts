// Identities of findings that survive unrelated edits, for the reports CI systems compare between
// runs (SARIF partialFingerprints for code scanning, GitLab Code Quality fingerprints): the rule,
// the file and the text of the finding's line, never its line number, so code moved by lines
// added above it keeps its alert.
import { createHash } from 'node:crypto';
import { uriToPath } from '../analysis/fileUris';
import type { CheckReport } from './check';
import { displayPath } from './paths';

/** One fingerprint per finding of the report, in its order; identical lines in one file are told apart by their order. */
export function findingFingerprints(report: CheckReport): string[] {
  const linesOf = new Map<string, string[] | undefined>();
  const lineText = (uri: string, line: number): string | undefined => {
    if (!linesOf.has(uri)) linesOf.set(uri, report.sources.get(uri)?.split(/\r\n|\r|\n/));
    return linesOf.get(uri)?.[line];
  };
  const occurrences = new Map<string, number>();
  return report.findings.map((finding) => {
    const path = displayPath(uriToPath(finding.uri), report.cwd);
    const line = lineText(finding.uri, finding.range.startLine);
    const base = hash(`${finding.code}\0${path}\0${line !== undefined ? line.trim() : `${finding.range.startLine}:${finding.range.startColumn}`}`);
    const occurrence = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, occurrence);
    return `${base}:${occurrence}`;
  });
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
