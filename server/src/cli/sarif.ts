// SARIF 2.1.0 output, shaped for GitHub code scanning (github/codeql-action/upload-sarif):
// relative artifact URIs under %SRCROOT%, 1-based regions, one reportingDescriptor per rule,
// and partialFingerprints so alerts keep their identity when lines move.
import { pathToFileURL } from 'node:url';
import type { Range, RuleCode, Severity } from '../analysis';
import type { CheckReport } from './check';
import { uriToPath } from '../analysis/fileUris';
import { relativePath } from '../files/workspacePaths';
import { findingFingerprints } from './fingerprints';
import { displayPath } from './paths';
import { placesInFiles } from './placeInFile';
import { PROJECT_URL, ruleDocUrl, rules } from '../rules';
import { VERSION } from './version';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Key of our fingerprint in `partialFingerprints`; bump the suffix if the recipe changes. */
const FINGERPRINT_KEY = 'decayLens/v1';

export interface SarifOptions {
  /** Markdown help page of a rule, when available (shown by code scanning next to the alert). */
  ruleHelp?: (code: RuleCode) => string | undefined;
}

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'hint':
      return 'note';
  }
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region?: SarifRegion;
  /** In a notebook: the cell (1-based, counting every cell) and the region within the cell. */
  properties?: { cell: number; cellRegion: SarifRegion };
}

export function formatSarif(report: CheckReport, options: SarifOptions = {}): string {
  const artifact = (absolutePath: string): ArtifactLocation => {
    const relative = relativePath(absolutePath, report.cwd);
    if (relative !== undefined) {
      return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
    }
    return { uri: absolutePath.includes('://') ? absolutePath : pathToFileURL(absolutePath).href };
  };
  // A notebook's region is where the code is in the .ipynb file itself, inside its JSON strings:
  // what code scanning shows when it opens the file.
  const placeInFile = placesInFiles(report);
  const physical = (uri: string, range: Range): PhysicalLocation => {
    const place = placeInFile(uri, range);
    return {
      artifactLocation: artifact(uriToPath(uri)),
      ...(place.range ? { region: sarifRegion(place.range) } : {}),
      ...(place.cell ? { properties: { cell: place.cell.index + 1, cellRegion: sarifRegion(place.cell.range) } } : {}),
    };
  };

  const fingerprints = findingFingerprints(report);
  const results = report.findings.map((finding, findingIndex) => {
    const ruleIndex = rules.findIndex((rule) => rule.code === finding.code);
    return {
      ruleId: finding.code,
      ...(ruleIndex >= 0 ? { ruleIndex } : {}),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
      locations: [{ physicalLocation: physical(finding.uri, finding.range) }],
      ...(finding.related.length > 0
        ? {
            relatedLocations: finding.related.map((related, id) => ({
              id,
              physicalLocation: physical(related.uri, related.range),
              message: { text: related.message },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[findingIndex] },
      ...(finding.unnecessary ? { properties: { unnecessary: true } } : {}),
    };
  });

  const notifications = [
    ...(report.configProblems ?? []).map((problem) => ({
      level: 'warning' as const,
      message: { text: `config ${displayPath(problem.file, report.cwd)}:${problem.line}: ${problem.message}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(problem.file), region: { startLine: problem.line } } }],
    })),
    ...report.skipped.map((entry) => ({
      level: skipLevel(entry.reason),
      message: { text: `skipped ${displayPath(entry.path, report.cwd)}: ${entry.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(entry.path) } }],
    })),
    ...report.partial.map((entry) => ({
      level: 'note' as const,
      message: { text: `partly analysed ${displayPath(entry.path, report.cwd)}: ${entry.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(entry.path) } }],
    })),
  ];

  const srcRoot = pathToFileURL(report.cwd).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'decay-lens',
            informationUri: PROJECT_URL,
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map((rule) => {
              const markdown = options.ruleHelp?.(rule.code);
              const helpUri = ruleDocUrl(rule.code);
              return {
                id: rule.code,
                name: rule.name,
                shortDescription: { text: rule.summary },
                helpUri,
                help: markdown !== undefined ? { text: `${rule.summary}. See ${helpUri}`, markdown } : { text: `${rule.summary}. See ${helpUri}` },
                defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
                properties: { tags: ['correctness', 'weight-decay'] },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/` } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** SARIF regions are 1-based; `endColumn` is the column after the last character, as in `Range`. */
function sarifRegion(range: Range): SarifRegion {
  return {
    startLine: range.startLine + 1,
    startColumn: range.startColumn + 1,
    endLine: range.endLine + 1,
    endColumn: range.endColumn + 1,
  };
}

/** A file that could not be read is worth a warning; one left out on purpose is a note. */
function skipLevel(reason: string): SarifLevel {
  return /no such file|permission denied|cannot read/.test(reason) ? 'warning' : 'note';
}
