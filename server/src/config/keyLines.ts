// Where a key or a value of a config file is written, for problem reports. The files have
// already been parsed by then; these scanners only look for lines, and answer undefined rather
// than guess when the text is unusual.

/**
 * The 1-based line of the key at `path`, or of the first line inside its value that holds `needle`
 * (a string value; '' looks for nothing). When only a prefix of `path` is written as a key (an
 * inline table, an array element), its value is searched for `needle`, by default the path's last part.
 */
export type KeyLineFinder = (path: readonly string[], needle?: string) => number | undefined;

interface Entry {
  path: string[];
  /** 0-based. */
  line: number;
}

function samePath(a: readonly string[], b: readonly string[], length = b.length): boolean {
  if (a.length < length) return false;
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Shared lookup: the entry of `path` itself; else of its longest recorded prefix, then the first
 * line in that entry's span that contains `needle` (default: the path's last part).
 */
function finder(entries: Entry[], lines: string[]): KeyLineFinder {
  // Entries are in document order; a key's value runs until the next entry that is not inside it.
  const spanEnd = (index: number): number => {
    const own = entries[index];
    for (let next = index + 1; next < entries.length; next++) {
      if (!samePath(entries[next].path, own.path)) return Math.max(own.line, entries[next].line - 1);
    }
    return lines.length - 1;
  };
  return (path, needle) => {
    let best = -1;
    let bestLength = -1;
    entries.forEach((entry, index) => {
      if (entry.path.length > path.length || entry.path.length <= bestLength) return;
      if (samePath(path, entry.path)) {
        best = index;
        bestLength = entry.path.length;
      }
    });
    if (best < 0) return undefined;
    const entry = entries[best];
    const search = needle ?? (bestLength < path.length ? path[path.length - 1] : undefined);
    if (search !== undefined && search !== '') {
      const end = Math.min(spanEnd(best), lines.length - 1);
      // A quoted occurrence first ("WD1" should not stop at "WD101"), then any.
      for (const wanted of [[`"${search}"`, `'${search}'`], [search]]) {
        for (let line = entry.line; line <= end; line++) {
          if (wanted.some((text) => lines[line].includes(text))) return line + 1;
        }
      }
    }
    return entry.line + 1;
  };
}

// ---------------------------------------------------------------------------------------------
// TOML

/** Reads a dotted key (`a."b.c".d`) at `start`; returns its parts and where it ends. */
function readTomlKey(text: string, start: number): { parts: string[]; end: number } | undefined {
  const parts: string[] = [];
  let i = start;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      let value = '';
      i++;
      while (i < text.length && text[i] !== quote) {
        if (quote === '"' && text[i] === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else value += text[i++];
      }
      if (text[i] !== quote) return undefined;
      i++;
      parts.push(value);
    } else {
      const match = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
      if (!match) return undefined;
      parts.push(match[0]);
      i += match[0].length;
    }
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '.') return { parts, end: i };
    i++;
  }
}

/**
 * The line of each element of the array that opens at `start` (a `[`), as `path + [index]`
 * entries; strings, comments and nested arrays and tables are skipped over.
 */
function tomlArrayElements(text: string, start: number, startLine: number, path: string[], entries: Entry[]): void {
  let line = startLine;
  let depth = 0;
  let index = 0;
  let expectElement = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      line++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') continue;
    if (char === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (depth === 1 && expectElement && char !== ']' && char !== ',') {
      entries.push({ path: [...path, String(index++)], line });
      expectElement = false;
    }
    if (char === '"' || char === "'") {
      const triple = text.startsWith(char.repeat(3), i);
      const close = triple ? char.repeat(3) : char;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) {
        if (char === '"' && text[j] === '\\') j++;
        else if (text[j] === '\n') {
          if (!triple) break;
          line++;
        }
        j++;
      }
      i = j + close.length - 1;
    } else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (char === ']' || char === '}') {
      depth--;
      if (depth <= 0) return;
    } else if (char === ',' && depth === 1) {
      expectElement = true;
    }
  }
}

/** Key lines of a TOML document: table headers, `key = value` lines and array elements, by full dotted path. */
export function tomlKeyLines(text: string): KeyLineFinder {
  const lines = text.split(/\r\n|\n|\r/);
  const lineStarts: number[] = [];
  for (let offset = 0, line = 0; line < lines.length; line++) {
    lineStarts.push(offset);
    offset += lines[line].length + (text[offset + lines[line].length] === '\r' && text[offset + lines[line].length + 1] === '\n' ? 2 : 1);
  }
  const entries: Entry[] = [];
  let table: string[] = [];
  let inMultilineString: string | undefined;
  lines.forEach((raw, line) => {
    if (inMultilineString) {
      if (raw.split(inMultilineString).length % 2 === 0) inMultilineString = undefined;
      return;
    }
    const trimmed = raw.trimStart();
    if (trimmed.startsWith('[')) {
      const double = trimmed.startsWith('[[');
      const key = readTomlKey(trimmed, double ? 2 : 1);
      if (key && trimmed.slice(key.end).startsWith(double ? ']]' : ']')) {
        table = key.parts;
        entries.push({ path: table, line });
      }
      return;
    }
    const key = readTomlKey(trimmed, 0);
    if (key && trimmed[key.end] === '=') {
      const keyPath = [...table, ...key.parts];
      entries.push({ path: keyPath, line });
      const rest = trimmed.slice(key.end + 1);
      const value = rest.trimStart();
      if (value.startsWith('[')) {
        const offset = lineStarts[line] + (raw.length - trimmed.length) + key.end + 1 + (rest.length - value.length);
        tomlArrayElements(text, offset, line, keyPath, entries);
      }
      for (const delimiter of ['"""', "'''"]) {
        if (rest.split(delimiter).length % 2 === 0) inMultilineString = delimiter;
      }
    }
  });
  return finder(entries, lines);
}

// ---------------------------------------------------------------------------------------------
// JSON

/** Key lines of a valid JSON document: every object key and array element, by path. */
export function jsonKeyLines(text: string): KeyLineFinder {
  const lines = text.split(/\r\n|\n|\r/);
  const entries: Entry[] = [];
  let i = 0;
  let line = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
      i++;
    }
  };
  const readString = (): string => {
    let value = '';
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        value += text.slice(i, i + 2);
        i += 2;
      } else value += text[i++];
    }
    i++;
    try {
      return JSON.parse(`"${value}"`) as string;
    } catch {
      return value;
    }
  };
  const readValue = (path: string[], depth: number): void => {
    skipSpace();
    if (depth > 64) throw new Error('too deep');
    const char = text[i];
    if (char === '{') {
      i++;
      for (;;) {
        skipSpace();
        if (text[i] === '}' || i >= text.length) break;
        if (text[i] === ',') {
          i++;
          continue;
        }
        const keyLine = line;
        const key = readString();
        entries.push({ path: [...path, key], line: keyLine });
        skipSpace();
        if (text[i] === ':') i++;
        readValue([...path, key], depth + 1);
      }
      i++;
    } else if (char === '[') {
      i++;
      let index = 0;
      for (;;) {
        skipSpace();
        if (text[i] === ']' || i >= text.length) break;
        if (text[i] === ',') {
          i++;
          continue;
        }
        entries.push({ path: [...path, String(index)], line });
        readValue([...path, String(index)], depth + 1);
        index++;
      }
      i++;
    } else if (char === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
    }
  };
  try {
    readValue([], 0);
  } catch {
    // Keep what was found.
  }
  return finder(entries, lines);
}

/** 1-based line and column of a 0-based offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
