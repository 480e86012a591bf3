// IPython syntax inside code cells (`%matplotlib inline`, `%%time`, `!pip install x`, `obj?`) is
// not Python and would turn the whole cell into a syntax error. It is blanked out line for line,
// so every other line keeps its number and columns and findings map back to the cell unchanged.

/** Cell magics whose body is ordinary Python run in the kernel: only the `%%` line is blanked. */
const PYTHON_BODY_CELL_MAGICS: ReadonlySet<string> = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

/** `x = !ls`, `out = %sx ls`: an assignment from a shell command or a line magic. */
const ASSIGNED_MAGIC = /^[\w.]+(?:\s*,\s*[\w.]+)*\s*=\s*[%!]/;
/** `obj?`, `np.load??`, `np.*load*?`: help requests. */
const HELP_REQUEST = /^[\w.*[\]]+\?{1,2}$/;

/** The cell's lines with IPython-only lines blanked; the same number of lines. */
export function blankMagics(lines: readonly string[]): string[] {
  const first = lines.findIndex((line) => line.trim() !== '');
  const cellMagic = first >= 0 ? /^\s*%%(\w+)/.exec(lines[first]) : null;
  if (cellMagic && !PYTHON_BODY_CELL_MAGICS.has(cellMagic[1])) {
    // `%%bash`, `%%writefile`, `%%html`...: the body is not Python at all.
    return lines.map(() => '');
  }
  const result = [...lines];
  let blankingContinuation = false;
  for (const { index, statementStart } of lineStarts(lines)) {
    const line = lines[index];
    if (blankingContinuation || (statementStart && isIPythonLine(line.trim()))) {
      // A continuation line (after `!pip install \`) is part of the blanked command, not a statement.
      result[index] = blankingContinuation ? '' : blank(line);
      blankingContinuation = line.trimEnd().endsWith('\\');
    }
  }
  return result;
}

function isIPythonLine(trimmed: string): boolean {
  return /^[%!?]/.test(trimmed) || ASSIGNED_MAGIC.test(trimmed) || HELP_REQUEST.test(trimmed);
}

/** An indented line becomes `pass`, so a block whose only statement was a magic stays a block. */
function blank(line: string): string {
  const indent = /^\s*/.exec(line)![0];
  return indent.length > 0 && line.trim() !== '' ? `${indent}pass` : '';
}

/**
 * For each line, whether a new statement can start there: not inside a triple-quoted string,
 * brackets, or after a backslash continuation. A `%` or `?` inside a docstring is text, not a magic.
 */
function* lineStarts(lines: readonly string[]): Generator<{ index: number; statementStart: boolean }> {
  let openTriple: string | undefined;
  let depth = 0;
  let continued = false;
  for (let index = 0; index < lines.length; index++) {
    yield { index, statementStart: openTriple === undefined && depth === 0 && !continued };
    const line = lines[index];
    let i = 0;
    let inComment = false;
    while (i < line.length) {
      const ch = line[i];
      if (openTriple !== undefined) {
        if (ch === '\\') i += 2;
        else if (line.startsWith(openTriple, i)) {
          i += 3;
          openTriple = undefined;
        } else i++;
      } else if (ch === '#') {
        inComment = true;
        break;
      } else if (ch === '"' || ch === "'") {
        const triple = ch.repeat(3);
        if (line.startsWith(triple, i)) {
          openTriple = triple;
          i += 3;
        } else {
          i = endOfShortString(line, i + 1, ch);
        }
      } else {
        if (ch === '(' || ch === '[' || ch === '{') depth++;
        else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
        i++;
      }
    }
    continued = openTriple === undefined && !inComment && line.endsWith('\\');
  }
}

function endOfShortString(line: string, from: number, quote: string): number {
  let i = from;
  while (i < line.length) {
    if (line[i] === '\\') i += 2;
    else if (line[i] === quote) return i + 1;
    else i++;
  }
  return i;
}
