// The hand-labelled corpus, test/corpus/<area>/<entry>: each file directly in an area folder is one
// program (a notebook too), each sub-folder one multi-file program. Labels are the fixtures' `# expect: WD101`
// comments (in a notebook, in its code cells, counted in lines of the module they make); a finding counts as found when file, line and code match a label. Labels are ground
// truth: known deviations are listed with a reason in known-deviations.json, never fixed by
// editing a label.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/rules';
import { actualFindings, analyzeFiles, expectedFindings, fixtureWorkspaces, isSourceOrNotebook, type Workspace } from './fixtures';

export const corpusRoot = path.resolve(__dirname, '..', 'corpus');
export const knownDeviationsFile = path.join(corpusRoot, 'known-deviations.json');

/** The codes of the rules that check how decay is wired into the loss. */
const WIRING_BUGS = ['WD101', 'WD102', 'WD103', 'WD104', 'WD105', 'WD106'];

/** Every program of the corpus, named `area/entry`; none when `root` does not exist. */
export function corpusWorkspaces(root = corpusRoot): Workspace[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((area) => fixtureWorkspaces(path.join(root, area), isSourceOrNotebook).map((workspace) => ({ name: `${area}/${workspace.name}`, files: workspace.files })));
}

export interface Score {
  /** A rule code, `WD101-WD106` or `all`. */
  codes: string;
  labelled: number;
  reported: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when nothing was reported (precision) or labelled (recall). */
  precision: number | null;
  recall: number | null;
}

export interface CorpusReport {
  programs: number;
  /** Programs with at least one label, and programs with none. */
  bugPrograms: number;
  cleanPrograms: number;
  /** One row per rule code, then the wiring bugs together, then all codes. */
  scores: Score[];
  /** `area/entry/file:line CODE missed` or `... CODE false alarm`, in file and line order. */
  deviations: string[];
}

interface Tally {
  labelled: number;
  reported: number;
  truePositives: number;
}

/** Analyses every program under `root` and scores the findings against the labels. */
export async function runCorpus(root = corpusRoot): Promise<CorpusReport> {
  const tallies = new Map<string, Tally>(rules.map((rule) => [rule.code, { labelled: 0, reported: 0, truePositives: 0 }]));
  const tally = (code: string) => tallies.get(code) ?? tallies.set(code, { labelled: 0, reported: 0, truePositives: 0 }).get(code)!;
  const codeOf = (finding: string) => finding.slice(finding.lastIndexOf(' ') + 1);
  const nameOf = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const workspaces = corpusWorkspaces(root);
  const deviations: string[] = [];
  let bugPrograms = 0;
  for (const workspace of workspaces) {
    const labels = expectedFindings(workspace.files, nameOf);
    const reported = actualFindings(await analyzeFiles(workspace.files), nameOf);
    if (labels.length > 0) bugPrograms++;
    // Labels not yet matched, counted: two findings of one code may start on the same line.
    const unmatched = new Map<string, number>();
    for (const label of labels) {
      unmatched.set(label, (unmatched.get(label) ?? 0) + 1);
      tally(codeOf(label)).labelled++;
    }
    for (const finding of reported) {
      tally(codeOf(finding)).reported++;
      const left = unmatched.get(finding) ?? 0;
      if (left > 0) {
        unmatched.set(finding, left - 1);
        tally(codeOf(finding)).truePositives++;
      } else deviations.push(`${finding} false alarm`);
    }
    for (const [label, left] of unmatched) for (let i = 0; i < left; i++) deviations.push(`${label} missed`);
  }
  const codes = [...tallies.keys()].sort();
  return {
    programs: workspaces.length,
    bugPrograms,
    cleanPrograms: workspaces.length - bugPrograms,
    scores: [
      ...codes.map((code) => score(code, [tallies.get(code)!])),
      score(`${WIRING_BUGS[0]}-${WIRING_BUGS[WIRING_BUGS.length - 1]}`, WIRING_BUGS.map(tally)),
      score('all', [...tallies.values()]),
    ],
    deviations: deviations.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
  };
}

function score(codes: string, tallies: Tally[]): Score {
  const sum = (key: keyof Tally) => tallies.reduce((total, tally) => total + tally[key], 0);
  const [labelled, reported, truePositives] = [sum('labelled'), sum('reported'), sum('truePositives')];
  return {
    codes,
    labelled,
    reported,
    truePositives,
    falsePositives: reported - truePositives,
    falseNegatives: labelled - truePositives,
    precision: reported > 0 ? truePositives / reported : null,
    recall: labelled > 0 ? truePositives / labelled : null,
  };
}

/** The report as an aligned text table. */
export function formatCorpusReport(report: CorpusReport): string {
  const header = ['codes', 'labelled', 'reported', 'TP', 'FP', 'FN', 'precision', 'recall'];
  const ratio = (value: number | null) => (value === null ? '-' : value.toFixed(2));
  const rows = report.scores.map((s) => [s.codes, s.labelled, s.reported, s.truePositives, s.falsePositives, s.falseNegatives, ratio(s.precision), ratio(s.recall)].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [
    `${report.programs} programs: ${report.bugPrograms} with labelled bugs, ${report.cleanPrograms} clean`,
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}

/** Deviation -> the reason it is accepted for now. A missing file lists none. */
export function readKnownDeviations(file = knownDeviationsFile): Record<string, string> {
  if (!existsSync(file)) return {};
  const known: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof known !== 'object' || known === null || Array.isArray(known)) throw new Error(`${file}: expected an object mapping each deviation to its reason`);
  for (const [deviation, reason] of Object.entries(known)) {
    if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`${file}: "${deviation}" needs a written reason`);
  }
  return known as Record<string, string>;
}

/** Deviations not listed (regressions) and listed ones that no longer occur (improvements). */
export function compareWithKnown(deviations: readonly string[], known: Record<string, string>): { unexpected: string[]; noLongerOccurring: string[] } {
  const occurring = new Set(deviations);
  return {
    unexpected: [...occurring].filter((deviation) => !Object.hasOwn(known, deviation)),
    noLongerOccurring: Object.keys(known).filter((deviation) => !occurring.has(deviation)),
  };
}
