// Runs one fuzz input (test/support/fuzzInputs.ts) through everything the server computes from a
// text: notebooks read into the module of their cells, WorkspaceAnalyzer (full and incremental),
// diagnostics, quick fixes (applied and analysed again, one by one and all at once as `check --fix`
// does), hovers, inlay hints, sweep lenses and sweep plans. Throws on the first thing wrong: an
// exception, or a result outside its file.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../../server/src/analysis/findings';
import { planFixes } from '../../server/src/cli/applyFixes';
import { unifiedDiff } from '../../server/src/cli/unifiedDiff';
import { applyConfig } from '../../server/src/config';
import { codeActionsFor } from '../../server/src/features/codeActions';
import { decayInlayHints } from '../../server/src/features/inlayHints';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { hoverAt } from '../../server/src/features/hover';
import { sweepCodeLenses } from '../../server/src/features/sweepLenses';
import { planSweep } from '../../server/src/features/sweepPlanner';
import { isNotebookFile } from '../../server/src/analysis/sourceLanguage';
import { parseNotebook } from '../../server/src/notebooks/ipynb';
import { buildNotebookModule } from '../../server/src/notebooks/notebookModule';
import { WorkspaceAnalyzer, type AnalysisResult } from '../../server/src/workspaceAnalyzer';
import type { FuzzInput } from './fuzzInputs';
import { applyUnifiedDiff } from './patch';

const ROOT = 'file:///fuzz/';

/**
 * Analyses `input` the ways the language server would; throws when anything fails. Returns the
 * longest single analysis (setting the files and analysing them), in milliseconds.
 */
export async function exerciseAnalysis(input: FuzzInput): Promise<number> {
  const analyzer = await WorkspaceAnalyzer.create();
  const texts = new Map<string, string>();
  let slowest = 0;
  const analyze = (files: [uri: string, text: string, incremental: boolean][]) => {
    const started = performance.now();
    for (const [uri, text, incremental] of files) {
      texts.set(uri, text);
      analyzer.setFile(uri, text, { incremental });
    }
    const result = analyzer.analyze();
    slowest = Math.max(slowest, performance.now() - started);
    return result;
  };
  const editing = input.edits.length > 0;
  // A notebook's file text is its JSON: the server analyses the module of its code cells.
  const sources = input.files.flatMap((file, i): [string, string, boolean][] => {
    if (!isNotebookFile(file.name)) return [[ROOT + file.name, file.text, editing && i === 0]];
    const notebook = parseNotebook(file.text);
    if ('skipped' in notebook) {
      if (notebook.skipped === '') throw new Error('a notebook skipped without a reason');
      return [];
    }
    return [[ROOT + file.name, buildNotebookModule(notebook.cells).text, false]];
  });
  examine(analyze(sources), texts, input);
  // An open document edited step by step: incremental re-parse and cached summaries.
  for (const text of input.edits) examine(analyze([[ROOT + input.files[0].name, text, true]]), texts, input);
  // Every quick fix applies and its result analyses.
  for (const finding of analyze([]).findings) {
    for (const action of codeActionsFor(toDiagnostic(finding, true), finding.uri, (uri) => texts.get(uri))) {
      const changes = Object.entries(action.edit?.changes ?? {}).map(([uri, edits]): [string, string, boolean] => {
        const before = texts.get(uri);
        if (before === undefined) throw new Error(`quick fix '${action.title}' edits ${uri}, which is not in the workspace`);
        return [uri, TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, before), edits), false];
      });
      analyze(changes);
    }
  }
  // What `check --fix` does with every fix at once, and its diff; the fixed texts analyse.
  const plan = planFixes(analyze([]).findings, (uri) => texts.get(uri), () => false);
  for (const file of plan.files) {
    if (applyUnifiedDiff(file.before, unifiedDiff(file.uri, file.before, file.replacements)) !== file.after) throw new Error(`the diff of ${file.uri} does not give its fixed text`);
  }
  analyze(plan.files.map((file): [string, string, boolean] => [file.uri, file.after, false]));
  // Frees the syntax trees kept for incremental parsing (wasm memory is not garbage collected).
  for (const uri of analyzer.uris()) analyzer.removeFile(uri);
  return slowest;
}

function examine(result: AnalysisResult, texts: ReadonlyMap<string, string>, input: FuzzInput): void {
  const inside = (what: string, uri: string, range: Range) => assertInside(what, uri, range, texts);
  for (const finding of applyConfig(result.findings, () => undefined)) {
    inside(`${finding.code} finding`, finding.uri, finding.range);
    for (const related of finding.related) inside(`${finding.code} related location`, related.uri, related.range);
    toDiagnostic(finding, true);
  }
  const hovers = result.hovers();
  for (const fact of hovers) {
    inside('hover', fact.uri, fact.range);
    fact.markdown();
  }
  const places = result.sweepPlaces();
  for (const place of places) {
    inside('sweep place', place.uri, place.range);
    planSweep(place);
    planSweep(place, { steps: 1, decayValues: [0] });
  }
  const hints = result.decayHints();
  for (const uri of texts.keys()) {
    for (const probe of input.probes) hoverAt(hovers, uri, probe);
    for (const hint of decayInlayHints(hints, uri)) inside('inlay hint', uri, { startLine: hint.position.line, startColumn: hint.position.character, endLine: hint.position.line, endColumn: hint.position.character });
    sweepCodeLenses(places.filter((place) => place.uri === uri), []);
  }
  for (const entry of [...result.skipped, ...result.partial]) {
    if (!texts.has(entry.uri) || entry.reason === '') throw new Error(`a skip reason for ${entry.uri} that is not a workspace file or says nothing`);
  }
}

/** Ranges are zero-based, start before end, and within the file's lines (columns up to the line's end). */
export function assertInside(what: string, uri: string, range: Range, texts: ReadonlyMap<string, string>): void {
  const text = texts.get(uri);
  if (text === undefined) throw new Error(`${what} in ${uri}, which is not in the workspace`);
  const lines = text.split(/\r\n|\r|\n/);
  const fits = (line: number, column: number) => Number.isInteger(line) && Number.isInteger(column) && line >= 0 && column >= 0 && line < lines.length && column <= lines[line].length;
  const ordered = range.startLine < range.endLine || (range.startLine === range.endLine && range.startColumn <= range.endColumn);
  if (!fits(range.startLine, range.startColumn) || !fits(range.endLine, range.endColumn) || !ordered) {
    throw new Error(`${what} range ${JSON.stringify(range)} lies outside ${uri} (${lines.length} lines)`);
  }
}
