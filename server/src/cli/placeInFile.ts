// Where a finding is in the file on disk, for the formats whose readers open the file (SARIF,
// GitHub annotations, GitLab Code Quality). The analysis reports a notebook's positions in the
// module its code cells make; in the .ipynb file that code sits inside JSON strings, elsewhere.
import type { Range } from '../analysis';
import { NotebookFilePositions } from '../notebooks/ipynbPositions';
import type { CheckReport } from './check';

export interface PlaceInFile {
  /** 0-based range in the file's own text; missing where a notebook position cannot be found. */
  range?: Range;
  /** In a notebook: the cell (0-based, counting every cell) and the range within that cell. */
  cell?: { index: number; range: Range };
}

/** A function from a report's (uri, range) to its place in the file; each notebook's JSON is scanned once. */
export function placesInFiles(report: CheckReport): (uri: string, range: Range) => PlaceInFile {
  const scanned = new Map<string, NotebookFilePositions | undefined>();
  return (uri, range) => {
    const notebook = report.notebooks?.get(uri);
    if (!notebook) return { range };
    const inCell = notebook.lines.rangeToCell(range);
    if (!inCell) return {};
    if (!scanned.has(uri)) scanned.set(uri, NotebookFilePositions.scan(notebook.json));
    const positions = scanned.get(uri);
    const start = positions?.position(inCell.cell, inCell.range.startLine, inCell.range.startColumn);
    const end = positions?.position(inCell.cell, inCell.range.endLine, inCell.range.endColumn);
    const cell = { index: inCell.cell, range: inCell.range };
    if (!start || !end) return { cell };
    return { range: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }, cell };
  };
}
