// A notebook's code cells as one Python module, in order, and the map from each line of that
// module back to (cell, line in cell). The CLI and the language server both analyse the module
// and translate every position through the same map.
import type { Range } from '../analysis/findings';
import { blankMagics } from './magics';
import { appendAll } from '../analysis/ir';

export interface CodeCell {
  /** 0-based index of the cell among all cells of the notebook (markdown included). */
  cell: number;
  source: string;
}

/** Where one code cell sits in the module text. */
interface CellSpan {
  cell: number;
  firstLine: number;
  lineCount: number;
  /** Length of the cell's last line, to clamp ranges that run past the cell. */
  lastLineLength: number;
}

export interface CellPosition {
  /** 0-based cell index among all cells. */
  cell: number;
  /** 0-based line in the cell. */
  line: number;
}

export class NotebookLineMap {
  constructor(private readonly spans: readonly CellSpan[]) {}

  /** The cells that contributed lines, in order. */
  get cells(): number[] {
    return this.spans.map((span) => span.cell);
  }

  toCell(moduleLine: number): CellPosition | undefined {
    const span = this.spanAt(moduleLine);
    return span && { cell: span.cell, line: moduleLine - span.firstLine };
  }

  toModuleLine(cell: number, line: number): number | undefined {
    const span = this.spans.find((candidate) => candidate.cell === cell);
    return span && line >= 0 && line < span.lineCount ? span.firstLine + line : undefined;
  }

  /** A module range in cell coordinates; a range running past its cell is cut at the cell's end. */
  rangeToCell(range: Range): { cell: number; range: Range } | undefined {
    const span = this.spanAt(range.startLine);
    if (!span) return undefined;
    const lastLine = span.lineCount - 1;
    const endLine = range.endLine - span.firstLine;
    const clamped = endLine > lastLine;
    return {
      cell: span.cell,
      range: {
        startLine: range.startLine - span.firstLine,
        startColumn: range.startColumn,
        endLine: clamped ? lastLine : endLine,
        endColumn: clamped ? span.lastLineLength : range.endColumn,
      },
    };
  }

  private spanAt(moduleLine: number): CellSpan | undefined {
    let low = 0;
    let high = this.spans.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const span = this.spans[middle];
      if (moduleLine < span.firstLine) high = middle - 1;
      else if (moduleLine >= span.firstLine + span.lineCount) low = middle + 1;
      else return span;
    }
    return undefined;
  }
}

export interface NotebookModule {
  /** The code cells joined, IPython lines blanked; each cell's lines unchanged otherwise. */
  text: string;
  lines: NotebookLineMap;
}

export function buildNotebookModule(cells: readonly CodeCell[]): NotebookModule {
  const moduleLines: string[] = [];
  const spans: CellSpan[] = [];
  for (const { cell, source } of cells) {
    const lines = source.split(/\r\n|\r|\n/);
    // "a\nb\n" is two lines, as the editor shows them; the empty tail adds nothing to analyse.
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) continue;
    spans.push({ cell, firstLine: moduleLines.length, lineCount: lines.length, lastLineLength: lines[lines.length - 1].length });
    appendAll(moduleLines, blankMagics(lines));
  }
  return { text: moduleLines.length > 0 ? `${moduleLines.join('\n')}\n` : '', lines: new NotebookLineMap(spans) };
}
