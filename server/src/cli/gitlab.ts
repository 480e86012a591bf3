// GitLab Code Quality report (`--format gitlab`, for `artifacts: reports: codequality:`): a JSON
// array of issues with the fields GitLab reads from the Code Climate issue format (description,
// check_name, fingerprint, severity, location.path, location.lines.begin), plus lines.end, which
// Code Climate requires. GitLab matches `location.path` against the repository, so paths are
// relative to the working folder: run the check from the repository's root.
import type { Severity } from '../analysis';
import type { CheckReport } from './check';
import { findingFingerprints } from './fingerprints';
import { displayUri } from './paths';
import { placesInFiles } from './placeInFile';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/**
 * GitLab's five steps from our four: an error (weights that flip or grow each step) is critical,
 * a warning (decay that silently does nothing) major. `blocker` is left unused: no finding stops
 * a program from running.
 */
function codeQualitySeverity(severity: Severity): CodeQualitySeverity {
  switch (severity) {
    case 'error':
      return 'critical';
    case 'warning':
      return 'major';
    case 'info':
      return 'minor';
    case 'hint':
      return 'info';
  }
}

export function formatGitlab(report: CheckReport): string {
  const fingerprints = findingFingerprints(report);
  const placeInFile = placesInFiles(report);
  const issues = report.findings.map((finding, index) => {
    // In a notebook, the line in the .ipynb file, where GitLab's diff shows it; its first line
    // when the cell's code cannot be found in the file.
    const range = placeInFile(finding.uri, finding.range).range;
    const begin = range ? range.startLine + 1 : 1;
    return {
      description: `${finding.code}: ${finding.message}`,
      check_name: finding.code,
      fingerprint: fingerprints[index],
      severity: codeQualitySeverity(finding.severity),
      location: { path: displayUri(finding.uri, report.cwd), lines: { begin, end: range ? range.endLine + 1 : begin } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
