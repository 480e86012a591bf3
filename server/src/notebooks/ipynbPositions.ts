// Where a cell's code sits in the `.ipynb` file itself, for reports that point into the file
// (SARIF): each source line's characters are inside JSON strings, with escapes (`\"`, `\n`,
// `\u00e9`) that make a column in the cell differ from a column in the file.

/** 0-based line and UTF-16 column in the notebook file. */
export interface FilePosition {
  line: number;
  column: number;
}

export class NotebookFilePositions {
  private readonly fileLineStarts: number[];

  private constructor(
    /** For each cell index, for each line of its source, the file offset of each character and then of the line's end. */
    private readonly cellLines: ReadonlyMap<number, number[][]>,
    json: string,
  ) {
    this.fileLineStarts = [0];
    for (let i = 0; i < json.length; i++) if (json[i] === '\n') this.fileLineStarts.push(i + 1);
  }

  /** The positions of a notebook's JSON text; undefined when it is not the notebook JSON it should be. */
  static scan(json: string): NotebookFilePositions | undefined {
    try {
      return new NotebookFilePositions(scanSources(json), json);
    } catch {
      return undefined;
    }
  }

  /** Where (cell, line, column) of the cell's source is in the file; a column past the line's end is its end. */
  position(cell: number, line: number, column: number): FilePosition | undefined {
    const offsets = this.cellLines.get(cell)?.[line];
    if (!offsets) return undefined;
    const offset = offsets[Math.min(Math.max(column, 0), offsets.length - 1)];
    let low = 0;
    let high = this.fileLineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.fileLineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: offset - this.fileLineStarts[low] };
  }
}

/** Walks the notebook's JSON (already known to parse) to the `source` strings of `cells[i]`. */
function scanSources(json: string): Map<number, number[][]> {
  const scanner = new JsonScanner(json);
  const cells = new Map<number, number[][]>();
  scanner.object((key) => {
    if (key !== 'cells' || scanner.peek() !== '[') return scanner.skipValue();
    scanner.array((cellIndex) => {
      if (scanner.peek() !== '{') return scanner.skipValue();
      scanner.object((field) => {
        if (field !== 'source') return scanner.skipValue();
        const lines: number[][] = [[]];
        // Lines end at CRLF, CR or LF, as the cell text is split (notebookModule.ts).
        let afterCarriageReturn = false;
        const onChar = (char: string, offset: number) => {
          if (char === '\n' && afterCarriageReturn) {
            afterCarriageReturn = false; // the LF of a CRLF: its line ended at the CR
            return;
          }
          afterCarriageReturn = char === '\r';
          lines[lines.length - 1].push(offset);
          if (char === '\n' || char === '\r') lines.push([]);
        };
        let end = scanner.offset;
        if (scanner.peek() === '[') {
          scanner.array(() => {
            end = scanner.string(onChar);
          });
        } else end = scanner.string(onChar);
        lines[lines.length - 1].push(end);
        cells.set(cellIndex, lines);
      });
    });
  });
  return cells;
}

/** A minimal JSON walker with offsets: callbacks for the members and elements one cares about. */
class JsonScanner {
  offset = 0;

  constructor(private readonly text: string) {}

  peek(): string {
    this.whitespace();
    return this.text[this.offset];
  }

  object(member: (key: string) => void): void {
    this.expect('{');
    if (this.peek() === '}') {
      this.offset++;
      return;
    }
    for (;;) {
      this.whitespace();
      let key = '';
      this.string((char) => {
        key += char;
      });
      this.expect(':');
      member(key);
      if (this.peek() === ',') this.offset++;
      else return this.expect('}');
    }
  }

  array(element: (index: number) => void): void {
    this.expect('[');
    if (this.peek() === ']') {
      this.offset++;
      return;
    }
    for (let index = 0; ; index++) {
      element(index);
      if (this.peek() === ',') this.offset++;
      else return this.expect(']');
    }
  }

  /** Reads a string, reporting each decoded UTF-16 unit with its offset; returns the closing quote's offset. */
  string(onChar: (char: string, offset: number) => void): number {
    this.expect('"');
    const text = this.text;
    for (;;) {
      const start = this.offset;
      const char = text[start];
      if (char === undefined) throw new Error('unterminated string');
      if (char === '"') {
        this.offset++;
        return start;
      }
      if (char !== '\\') {
        onChar(char, start);
        this.offset++;
        continue;
      }
      const escape = text[start + 1];
      if (escape === 'u') {
        onChar(String.fromCharCode(parseInt(text.slice(start + 2, start + 6), 16)), start);
        this.offset += 6;
      } else {
        onChar(ESCAPES[escape] ?? escape, start);
        this.offset += 2;
      }
    }
  }

  skipValue(): void {
    const next = this.peek();
    if (next === '"') this.string(() => undefined);
    else if (next === '{') this.object(() => this.skipValue());
    else if (next === '[') this.array(() => this.skipValue());
    else {
      LITERAL.lastIndex = this.offset;
      const literal = LITERAL.exec(this.text);
      if (!literal) throw new Error(`unexpected ${next} at ${this.offset}`);
      this.offset += literal[0].length;
    }
  }

  private expect(char: string): void {
    if (this.peek() !== char) throw new Error(`expected ${char} at ${this.offset}`);
    this.offset++;
  }

  private whitespace(): void {
    while (/\s/.test(this.text[this.offset] ?? '')) this.offset++;
  }
}

/** A number, `true`, `false` or `null`: everything up to the next separator. */
const LITERAL = /[^\s,\]}]+/y;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
