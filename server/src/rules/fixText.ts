// Reading the current text of a file where a fix edits it: lines, the text at a location, the
// file's indentation, newline and TensorFlow alias.
import type { Location, Range } from '../analysis/findings';

/** LF, or a lone CR (a line end for LSP clients); a CRLF line keeps its CR, stripped where it matters. */
const LINE_BREAK = /\n|\r(?!\n)/;

export function linesOf(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** The text of a location that may span lines; undefined when the lines end before it. */
export function textIn(lines: readonly string[], location: Location): string | undefined {
  const { startLine, startColumn, endLine, endColumn } = location.range;
  if (endLine >= lines.length) return undefined;
  if (startLine === endLine) return lines[startLine].slice(startColumn, endColumn);
  return [lines[startLine].slice(startColumn), ...lines.slice(startLine + 1, endLine), lines[endLine].slice(0, endColumn)].join('\n');
}

/** The text of a location within one line; undefined for one that spans lines. */
export function lineTextIn(lines: readonly string[], location: Location): string | undefined {
  const { startLine, startColumn, endLine, endColumn } = location.range;
  if (startLine !== endLine) return undefined;
  return lines[startLine]?.slice(startColumn, endColumn);
}

/** The empty range at a position: where an insertion goes. */
export function pointAt(line: number, column: number): Range {
  return { startLine: line, startColumn: column, endLine: line, endColumn: column };
}

export function indentOf(line: string | undefined): string {
  return /^\s*/.exec(line ?? '')![0];
}

/** The newline a new line in the file should end with. */
export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** How the file names TensorFlow: `import tensorflow.compat.v1 as tf1` gives `tf1`. */
export function tensorflowAlias(text: string): string {
  const aliased = /^\s*import\s+tensorflow(?:\.compat\.v1)?\s+as\s+(\w+)/m.exec(text);
  if (aliased) return aliased[1];
  return /^\s*import\s+tensorflow\s*$/m.test(text) ? 'tensorflow' : 'tf';
}
