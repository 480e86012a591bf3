// Diagnostics time for a generated 5,000-line Python file: full analysis, and after a one-line
// edit, each the median of repeated runs. Baseline measured in the same run: tree-sitter's own
// parse of the same text (full, and incremental after the same edit), the floor any analysis
// built on it pays.
import { performance } from 'node:perf_hooks';
import { WorkspaceAnalyzer } from '../server/src/workspaceAnalyzer';
import { createParser, loadPythonLanguage } from '../server/src/parser/treeSitter';
import { generateModel } from './generateModel';

const LINES = 5000;
const RUNS = 51;
const TARGET_FULL_MS = 30;
const TARGET_EDIT_MS = 5;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const text = generateModel(LINES);
  const editLine = text.split('\n').findIndex((line) => line.includes('wd=0.002'));
  const lines = text.split('\n');
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
  const edit = median(
    Array.from({ length: RUNS }, (_, i) =>
      time(() => {
        analyzer.setFile(uri, i % 2 ? text : editedText, { incremental: true });
        analyzer.analyze();
      }),
    ),
  );
  // Warm up the full path too.
  for (let i = 0; i < 30; i++) {
    analyzer.setFile(uri, i % 2 ? editedText : text);
    analyzer.analyze();
  }

  const parseFull = median(Array.from({ length: RUNS }, () => time(() => parser.parse(text)?.delete())));
  const full = median(
    Array.from({ length: RUNS }, () => {
      analyzer.removeFile(uri);
      return time(() => {
        analyzer.setFile(uri, text, { incremental: true });
        analyzer.analyze();
      });
    }),
  );

  let tree = parser.parse(text)!;
  const parseEdit = median(
    Array.from({ length: RUNS }, (_, i) => {
      const [from, to] = i % 2 ? [editedText, text] : [text, editedText];
      const column = lines[editLine].indexOf('wd=0.00') + 'wd=0.00'.length;
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
    }),
  );

  const findings = analyzer.analyze().findings.length;

  const rows: [string, number, number | undefined, number][] = [
    ['full analysis (parse + IR + rules)', full, TARGET_FULL_MS, parseFull],
    ['after a one-line edit', edit, TARGET_EDIT_MS, parseEdit],
  ];
  console.log(`Generated Python file: ${text.split('\n').length} lines, ${text.length} characters, ${findings} findings; median of ${RUNS} runs`);
  console.log(`Baseline: tree-sitter parse alone, full ${parseFull.toFixed(2)} ms, incremental after the edit ${parseEdit.toFixed(2)} ms`);
  console.log('');
  console.log('measure                              median ms   target ms   x baseline   within target');
  for (const [name, ms, target, baseline] of rows) {
    console.log(
      `${name.padEnd(36)} ${ms.toFixed(2).padStart(9)}   ${String(target).padStart(9)}   ${(ms / baseline).toFixed(2).padStart(10)}   ${ms <= (target ?? Infinity) ? 'yes' : 'NO'}`,
    );
  }
}

void main();
