// Snapshots of everything the analysis reports for a workspace, as Markdown meant to be read in a
// review diff: each finding (code, severity, place, message, related places) and each quick fix
// with the full text of every file it changes. Rendered by test/unit/snapshots.test.ts.
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Location } from '../../server/src/analysis/findings';
import { isNotebookFile } from '../../server/src/analysis/sourceLanguage';
import { corpusRoot, corpusWorkspaces } from './corpus';
import { analyzeTexts, fixtureWorkspaces, notebookModuleOf, notebookWorkspaces, pythonFixtures, textsOf, typescriptFixtures, type Workspace } from './fixtures';
import { applyCodeAction, quickFixesFor } from './quickFixes';

export const snapshotRoot = path.resolve(__dirname, '..', 'snapshots');
const fixturesRoot = path.resolve(__dirname, '..', 'fixtures');

export interface SnapshotSubject extends Workspace {
  /** `fixtures/python/WD101_direct_add.py`, `corpus/tf1/bug_x.py`: also the snapshot's path. */
  name: string;
  /** Files are named relative to this folder in the snapshot. */
  base: string;
}

/** Every fixture workspace (Python, TypeScript/JavaScript, notebooks) and every corpus program. */
export function snapshotSubjects(corpus = corpusRoot): SnapshotSubject[] {
  const named = (prefix: string, base: string, workspaces: Workspace[]) => workspaces.map((workspace) => ({ name: `${prefix}/${workspace.name}`, files: workspace.files, base }));
  return [
    ...named('fixtures/python', fixturesRoot, fixtureWorkspaces(pythonFixtures)),
    ...named('fixtures/typescript', fixturesRoot, fixtureWorkspaces(typescriptFixtures)),
    ...named('fixtures/notebooks', fixturesRoot, notebookWorkspaces()),
    ...named('corpus', corpus, corpusWorkspaces(corpus)),
  ];
}

export function snapshotFile(subject: SnapshotSubject): string {
  return path.join(snapshotRoot, `${subject.name}.snap.md`);
}

/** Snapshot files under `snapshotRoot` that no subject writes any more. */
export function staleSnapshots(subjects: SnapshotSubject[]): string[] {
  if (!existsSync(snapshotRoot)) return [];
  const current = new Set(subjects.map(snapshotFile));
  return (readdirSync(snapshotRoot, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.snap.md'))
    .map((file) => path.join(snapshotRoot, file))
    .filter((file) => !current.has(file))
    .sort();
}

export async function renderSnapshot(subject: SnapshotSubject): Promise<string> {
  const texts = textsOf(subject.files);
  const result = await analyzeTexts(texts);
  const fileName = (file: string) => path.relative(subject.base, file).split(path.sep).join('/');
  const nameOf = (uri: string) => fileName(fileURLToPath(uri));
  const place = ({ uri, range }: Location) => `${nameOf(uri)}:${range.startLine + 1}:${range.startColumn + 1}-${range.endLine + 1}:${range.endColumn + 1}`;
  const out = [`# ${subject.name}`, '', 'Written by test/unit/snapshots.test.ts (`UPDATE_SNAPSHOTS=1` rewrites it). Places are line:column, 1-based.', ''];
  for (const file of subject.files.filter(isNotebookFile)) {
    // Findings and fixed texts are in the module of the code cells, as the analysis sees it.
    const { lines } = notebookModuleOf(file);
    const starts = lines.cells.map((cell) => `cell ${cell + 1} from line ${lines.toModuleLine(cell, 0)! + 1}`);
    out.push(`${fileName(file)} is analysed as its code cells joined: ${starts.join(', ') || 'none'}.`, '');
  }
  for (const { uri, reason } of result.skipped) out.push(`Skipped ${nameOf(uri)}: ${reason}`, '');
  for (const { uri, reason } of result.partial) out.push(`Analysed in part ${nameOf(uri)}: ${reason}`, '');
  if (result.findings.length === 0) out.push('No findings.', '');
  for (const finding of result.findings) {
    out.push(`## ${finding.code} ${finding.severity} at ${place(finding)}${finding.unnecessary ? ' (unnecessary code)' : ''}`, '', finding.message, '');
    if (finding.related.length > 0) out.push(...finding.related.map((related) => `- related ${place(related)}: ${related.message}`), '');
    for (const action of quickFixesFor(finding, texts)) {
      out.push(`### Fix: ${action.title}${action.isPreferred ? ' (preferred)' : ''}`, '');
      const fixed = applyCodeAction(texts, action);
      for (const uri of Object.keys(action.edit?.changes ?? {}).sort()) out.push(`${nameOf(uri)} after the fix:`, '', fenced(fixed.get(uri)!, uri), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A code block whose fence is longer than any backtick run in the text. */
function fenced(text: string, uri: string): string {
  const fence = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((run) => run.length + 1)));
  const language = /\.[cm]?tsx?$/.test(uri) ? 'typescript' : /\.[cm]?jsx?$/.test(uri) ? 'javascript' : 'python';
  return `${fence}${language}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}
