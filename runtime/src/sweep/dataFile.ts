// Reads a user's data file (.csv or .npy) into a shuffled training / validation split. Every problem
// with the file becomes an Error whose message starts with the path, so the CLI and the editor can
// show it as is.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Dataset } from './dataset';
import { Random } from './random';

/** Larger files are refused before reading: the whole file is parsed in memory. */
export const MAX_DATA_FILE_BYTES = 200 * 1024 * 1024;
/** More classes than this almost always means a regression target read as class labels. */
export const MAX_CLASSES = 65536;

const SUPPORTED_EXTENSIONS = ['.csv', '.npy'];

/** The parsed table before the split: `rows` x `columns` values, row-major. */
interface Table {
  values: Float64Array;
  rows: number;
  columns: number;
  /** How a message names data row `index` (0-based): "line 7" for CSV, "row 3" for NPY. */
  rowName(index: number): string;
}

export async function loadDataFile(
  path: string,
  labelColumn: number,
  task: 'classification' | 'regression',
  validationFraction: number,
  seed: number,
): Promise<Dataset> {
  if (task !== 'classification' && task !== 'regression') throw new Error(`${path}: task must be classification or regression (got ${String(task)})`);
  if (!Number.isFinite(validationFraction) || validationFraction < 0 || validationFraction > 1) {
    throw new Error(`${path}: the validation fraction must be between 0 and 1 (got ${validationFraction})`);
  }
  if (!Number.isInteger(labelColumn)) throw new Error(`${path}: the label column must be an integer (got ${labelColumn})`);

  const bytes = await readDataBytes(path);
  const extension = extname(path).toLowerCase();
  const table = extension === '.csv' ? parseCsv(path, bytes) : parseNpy(path, bytes);
  return splitTable(path, table, labelColumn, task, validationFraction, seed);
}

async function readDataBytes(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new Error(`${path}: is a directory, not a data file`);
    if (!info.isFile()) throw new Error(`${path}: is not a regular file`);
    size = info.size;
  } catch (error) {
    throw fileError(path, error);
  }
  const extension = extname(path).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(extension)) {
    throw new Error(`${path}: unsupported file type '${extension || '(no extension)'}'; supported: ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
  if (size > MAX_DATA_FILE_BYTES) {
    throw new Error(`${path}: the file is ${formatMegabytes(size)}, over the ${formatMegabytes(MAX_DATA_FILE_BYTES)} limit for data files`);
  }
  if (size === 0) throw new Error(`${path}: the file is empty`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (bytes.length === 0) throw new Error(`${path}: the file is empty`);
  if (bytes.length > MAX_DATA_FILE_BYTES) {
    throw new Error(`${path}: the file is ${formatMegabytes(bytes.length)}, over the ${formatMegabytes(MAX_DATA_FILE_BYTES)} limit for data files`);
  }
  return bytes;
}

/** An fs failure as a message that names the path; our own Errors pass through. */
function fileError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new Error(`${path}: no such file`);
  if (code === 'EISDIR') return new Error(`${path}: is a directory, not a data file`);
  if (code === 'EACCES' || code === 'EPERM') return new Error(`${path}: permission denied`);
  if (error instanceof Error && code === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(`${path}: cannot read the file (${detail})`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

// ---------------------------------------------------------------------------------------------
// CSV

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** A cell as a number, or undefined when it is not one (NaN / Infinity spellings count as numbers). */
function parseCell(cell: string): number | undefined {
  if (DECIMAL.test(cell)) return Number(cell);
  if (NON_FINITE.test(cell)) return /nan/i.test(cell) ? NaN : cell.startsWith('-') ? -Infinity : Infinity;
  return undefined;
}

/** One CSV line as trimmed cells; double-quoted cells may contain commas and `""` escapes. */
function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',').map((cell) => cell.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

function parseCsv(path: string, bytes: Buffer): Table {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');

  let columns = 0;
  let firstLine = 0;
  let capacity = 1024;
  let values = new Float64Array(capacity);
  let count = 0;
  const lineNumbers: number[] = [];

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index].endsWith('\r') ? lines[index].slice(0, -1) : lines[index];
    if (raw.trim() === '') continue;
    const lineNumber = index + 1;
    const cells = splitCsvLine(raw);
    if (columns === 0) {
      columns = cells.length;
      firstLine = lineNumber;
      if (columns < 2) {
        throw new Error(`${path}: line ${lineNumber}: found ${columns} column; a data file needs at least 2 (features and a label)`);
      }
      // A first row with any cell that is not a number is a header.
      if (cells.some((cell) => parseCell(cell) === undefined)) continue;
    } else if (cells.length !== columns) {
      throw new Error(`${path}: line ${lineNumber}: ${cells.length} columns, but line ${firstLine} has ${columns}`);
    }
    if (count + columns > capacity) {
      while (count + columns > capacity) capacity *= 2;
      const grown = new Float64Array(capacity);
      grown.set(values.subarray(0, count));
      values = grown;
    }
    for (let column = 0; column < columns; column++) {
      const cell = cells[column];
      const value = parseCell(cell);
      const where = `${path}: line ${lineNumber}, column ${column + 1}`;
      if (value === undefined) throw new Error(cell === '' ? `${where}: the cell is empty, not a number` : `${where}: '${cell}' is not a number`);
      if (!Number.isFinite(value)) throw new Error(`${where}: '${cell}' is not a finite number`);
      values[count++] = value;
    }
    lineNumbers.push(lineNumber);
  }
  if (columns === 0) throw new Error(`${path}: the file has no data rows (only blank lines)`);
  if (lineNumbers.length === 0) throw new Error(`${path}: the file has no data rows (only a header on line ${firstLine})`);
  return { values: values.subarray(0, count), rows: lineNumbers.length, columns, rowName: (row) => `line ${lineNumbers[row]}` };
}

// ---------------------------------------------------------------------------------------------
// NPY (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html)

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const NPY_TYPES: Record<string, { size: number; read(view: DataView, offset: number): number }> = {
  '<f4': { size: 4, read: (view, offset) => view.getFloat32(offset, true) },
  '<f8': { size: 8, read: (view, offset) => view.getFloat64(offset, true) },
  '<i4': { size: 4, read: (view, offset) => view.getInt32(offset, true) },
  '<i8': { size: 8, read: (view, offset) => Number(view.getBigInt64(offset, true)) },
  '|u1': { size: 1, read: (view, offset) => view.getUint8(offset) },
  '|i1': { size: 1, read: (view, offset) => view.getInt8(offset) },
};
// One-byte types are written with '|' by NumPy; '<' and '>' mean the same for them.
const NPY_ALIASES: Record<string, string> = { '<u1': '|u1', '>u1': '|u1', '<i1': '|i1', '>i1': '|i1' };

function parseNpy(path: string, bytes: Buffer): Table {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 10 || NPY_MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new Error(`${path}: not a NumPy .npy file (the magic string \\x93NUMPY is missing)`);
  }
  const major = bytes[6];
  const minor = bytes[7];
  if (major !== 1 && major !== 2 && major !== 3) {
    throw new Error(`${path}: NPY format version ${major}.${minor} is not supported (supported: 1.0, 2.0, 3.0)`);
  }
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw new Error(`${path}: the NPY header is truncated`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new Error(`${path}: the NPY header is truncated (it claims ${headerLength} bytes)`);
  const header = bytes.toString(major === 3 ? 'utf8' : 'latin1', headerStart, dataStart);

  const descrMatch = /['"]descr['"]\s*:\s*(['"])(.*?)\1/.exec(header);
  if (!descrMatch) {
    const structured = /['"]descr['"]\s*:\s*\[/.test(header);
    throw new Error(`${path}: ${structured ? 'structured arrays (a record dtype) are not supported; save a plain 2-D numeric array' : `the NPY header has no readable 'descr': ${header.trim()}`}`);
  }
  const descr = NPY_ALIASES[descrMatch[2]] ?? descrMatch[2];
  const supported = Object.keys(NPY_TYPES).join(', ');
  if (descr.startsWith('>')) {
    throw new Error(`${path}: big-endian data ('${descr}') is not supported; save it little-endian (e.g. array.astype('<${descr.slice(1)}')); supported dtypes: ${supported}`);
  }
  const type = NPY_TYPES[descr];
  if (!type) throw new Error(`${path}: dtype '${descr}' is not supported; supported dtypes: ${supported}`);

  const fortranMatch = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header);
  if (!fortranMatch) throw new Error(`${path}: the NPY header has no readable 'fortran_order': ${header.trim()}`);
  if (fortranMatch[1] === 'True') {
    throw new Error(`${path}: fortran_order is True (column-major data) and is not supported; save it C-ordered (e.g. numpy.ascontiguousarray)`);
  }

  const shapeMatch = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header);
  if (!shapeMatch) throw new Error(`${path}: the NPY header has no readable 'shape': ${header.trim()}`);
  const dims = shapeMatch[1]
    .split(',')
    .map((part) => part.trim().replace(/L$/, ''))
    .filter((part) => part !== '');
  if (dims.some((dim) => !/^\d+$/.test(dim))) throw new Error(`${path}: the NPY shape (${shapeMatch[1].trim()}) is not a tuple of integers`);
  const shape = dims.map(Number);
  if (shape.length !== 2) {
    const shown = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
    throw new Error(`${path}: the array has shape ${shown}; only 2-D arrays (rows, columns) are supported`);
  }
  const [rows, columns] = shape;
  if (columns < 2) throw new Error(`${path}: the array has ${columns} column${columns === 1 ? '' : 's'}; a data file needs at least 2 (features and a label)`);
  if (rows === 0) throw new Error(`${path}: the file has no data rows (shape (0, ${columns}))`);

  const expected = rows * columns * type.size;
  const available = bytes.length - dataStart;
  if (available < expected) throw new Error(`${path}: the data is truncated: shape (${rows}, ${columns}) of ${descr} needs ${expected} bytes, the file has ${available}`);
  if (available > expected) throw new Error(`${path}: ${available - expected} unexpected bytes after the data for shape (${rows}, ${columns}) of ${descr}`);

  const values = new Float64Array(rows * columns);
  for (let i = 0; i < values.length; i++) {
    const value = type.read(view, dataStart + i * type.size);
    if (!Number.isFinite(value)) {
      throw new Error(`${path}: row ${Math.floor(i / columns) + 1}, column ${(i % columns) + 1}: ${value} is not a finite number`);
    }
    values[i] = value;
  }
  return { values, rows, columns, rowName: (row) => `row ${row + 1}` };
}

// ---------------------------------------------------------------------------------------------
// Labels, features and the split

function splitTable(
  path: string,
  table: Table,
  labelColumn: number,
  task: 'classification' | 'regression',
  validationFraction: number,
  seed: number,
): Dataset {
  const { values, rows, columns } = table;
  if (labelColumn < -columns || labelColumn >= columns) {
    throw new Error(`${path}: label column ${labelColumn} is out of range for ${columns} columns (use 0..${columns - 1}, or -1..-${columns} from the end)`);
  }
  const label = labelColumn < 0 ? columns + labelColumn : labelColumn;
  const inputs = columns - 1;

  // Features: every value must also fit in float32.
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const value = values[row * columns + column];
      if (!Number.isFinite(Math.fround(value)) && !(task === 'classification' && column === label)) {
        throw new Error(`${path}: ${table.rowName(row)}, column ${column + 1}: ${value} is outside the float32 range`);
      }
    }
  }

  let outputs = 1;
  if (task === 'classification') {
    let maxLabel = 0;
    for (let row = 0; row < rows; row++) {
      const value = values[row * columns + label];
      if (!Number.isInteger(value) || value < 0) {
        throw new Error(`${path}: ${table.rowName(row)}: class label ${value} (column ${label + 1}) is not a non-negative integer; use task 'regression' for continuous targets`);
      }
      if (value >= MAX_CLASSES) {
        throw new Error(`${path}: ${table.rowName(row)}: class label ${value} (column ${label + 1}) is too large (at most ${MAX_CLASSES} classes); use task 'regression' for continuous targets`);
      }
      if (value > maxLabel) maxLabel = value;
    }
    outputs = maxLabel + 1;
  }

  if (rows < 2) throw new Error(`${path}: needs at least 2 data rows (one for training, one for validation), found ${rows}`);
  const validationCount = Math.min(rows - 1, Math.max(1, Math.round(rows * validationFraction)));
  const trainCount = rows - validationCount;
  const order = new Random(seed).permutation(rows);

  const fill = (start: number, count: number) => {
    const x = new Float32Array(count * inputs);
    const y = new Float32Array(count * outputs);
    for (let n = 0; n < count; n++) {
      const base = order[start + n] * columns;
      let feature = 0;
      for (let column = 0; column < columns; column++) {
        if (column !== label) x[n * inputs + feature++] = values[base + column];
      }
      const target = values[base + label];
      if (task === 'classification') y[n * outputs + target] = 1;
      else y[n] = target;
    }
    return { x, y };
  };
  const validation = fill(0, validationCount);
  const train = fill(validationCount, trainCount);
  return {
    task,
    inputs,
    outputs,
    trainX: train.x,
    trainY: train.y,
    validationX: validation.x,
    validationY: validation.y,
    trainCount,
    validationCount,
  };
}
