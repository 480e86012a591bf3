// Diagnostics time for a generated 5,000-line Python file, in process: full analysis, and after a
// one-line edit, each the median of repeated runs, against its floor measured in the same run:
// tree-sitter's own parse of the same text (full, and incremental after the same edit), which any
// analysis built on it pays. Also parse + IR alone (what converting the tree adds to the parse)
// and, as an anchor, ruff's WebAssembly build linting the same text.
import { performance } from 'node:perf_hooks';
import { WorkspaceAnalyzer } from '../server/src/workspaceAnalyzer';
import { PythonDocument } from '../server/src/parser/pythonDocument';
import { createParser, loadPythonLanguage } from '../server/src/parser/treeSitter';
import { generateModel } from './generateModel';
import { median, printRows, type Row } from './report';
import { ruffLinter } from './ruffAnchor';

const LINES = 5000;
const RUNS = 51;
/** Targets as ratios to tree-sitter's parse of the same text (issue 14). */
const TARGET_FULL_X_PARSE = 1.5;
const TARGET_EDIT_X_INCREMENTAL_PARSE = 4;

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function medianOf(runs: number, sample: (i: number) => number): number {
  return median(Array.from({ length: runs }, (_, i) => sample(i)));
}

async function main(): Promise<void> {
  const text = generateModel(LINES);
  const lines = text.split('\n');
  const editLine = lines.findIndex((line) => line.includes('wd=0.002'));
  const edited = [...lines];
  edited[editLine] = edited[editLine].replace('wd=0.002', 'wd=0.005');
  const editedText = edited.join('\n');
  const uri = 'file:///bench/model.py';

  const language = await loadPythonLanguage();
  const parser = createParser(language);
  const analyzer = await WorkspaceAnalyzer.create();

  // An editing session: the analyzer keeps the document and its summaries between edits.
  analyzer.setFile(uri, text, { incremental: true });
  for (let i = 0; i < 30; i++) {
    analyzer.setFile(uri, i % 2 ? editedText : text, { incremental: true });
    analyzer.analyze();
  }
  const edit = medianOf(RUNS, (i) =>
    time(() => {
      analyzer.setFile(uri, i % 2 ? text : editedText, { incremental: true });
      analyzer.analyze();
    }),
  );
  // Warm up the full path too.
  for (let i = 0; i < 30; i++) {
    analyzer.setFile(uri, i % 2 ? editedText : text);
    analyzer.analyze();
  }

  const parseFull = medianOf(RUNS, () => time(() => parser.parse(text)?.delete()));
  const full = medianOf(RUNS, () => {
    analyzer.removeFile(uri);
    return time(() => {
      analyzer.setFile(uri, text, { incremental: true });
      analyzer.analyze();
    });
  });
  const parseAndIr = medianOf(RUNS, () => {
    const document = new PythonDocument(language);
    const ms = time(() => document.update(text));
    document.dispose();
    return ms;
  });

  let tree = parser.parse(text)!;
  const column = lines[editLine].indexOf('wd=0.00') + 'wd=0.00'.length;
  const parseEdit = medianOf(RUNS, (i) => {
    const [from, to] = i % 2 ? [editedText, text] : [text, editedText];
    const offset = from.split('\n').slice(0, editLine).join('\n').length + 1 + column;
    tree.edit({
      startIndex: offset,
      oldEndIndex: offset + 1,
      newEndIndex: offset + 1,
      startPosition: { row: editLine, column },
      oldEndPosition: { row: editLine, column: column + 1 },
      newEndPosition: { row: editLine, column: column + 1 },
    });
    return time(() => {
      const next = parser.parse(to, tree)!;
      tree.delete();
      tree = next;
    });
  });

  const ruff = ruffLinter();
  for (let i = 0; i < 10; i++) ruff.check(text);
  let ruffDiagnostics = 0;
  const ruffLint = medianOf(RUNS, () => time(() => (ruffDiagnostics = ruff.check(text))));

  const findings = analyzer.analyze().findings.length;
  const parse = { name: 'tree-sitter parse', value: parseFull };
  const rows: Row[] = [
    { measure: 'full analysis (parse + IR + rules)', value: full, unit: 'ms', floor: parse, target: { ratio: TARGET_FULL_X_PARSE } },
    { measure: 'after a one-line edit', value: edit, unit: 'ms', floor: { name: 'tree-sitter incremental parse', value: parseEdit }, target: { ratio: TARGET_EDIT_X_INCREMENTAL_PARSE } },
    { measure: 'parse + IR alone (no analysis)', value: parseAndIr, unit: 'ms', floor: parse },
    { measure: `anchor: ruff ${ruff.version} (wasm) lint`, value: ruffLint, unit: 'ms', floor: parse },
  ];
  console.log(`Generated Python file: ${lines.length} lines, ${text.length} characters, ${findings} findings (ruff: ${ruffDiagnostics}); median of ${RUNS} runs`);
  console.log('');
  printRows(rows);
}

void main();
