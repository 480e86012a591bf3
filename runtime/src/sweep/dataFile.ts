// Reads a user's data file (.csv or .npy table) into a shuffled training / validation split, or with an
// explicit validation file (a second table of the same columns) both whole; a .npy of images (4-D)
// goes to imageData.ts with the labels beside it. Every problem with the file
// becomes an Error whose message starts with the path, so the CLI and the editor can show it as is.
import { extname } from 'node:path';
import type { Dataset } from './dataset';
import { loadImageArray } from './imageData';
import { parseNpy, shapeText, type NpyArray } from './npy';
import { readDataBytes, shuffledSplit } from './readData';

export { MAX_DATA_FILE_BYTES } from './readData';
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

/**
 * A table's rows split with `seed` (shuffledSplit), or with `validationPath` the file trained on
 * whole and the validation file validated whole, each in file order (no split).
 */
export async function loadDataFile(
  path: string,
  labelColumn: number,
  task: 'classification' | 'regression',
  validationFraction: number,
  seed: number,
  validationPath?: string,
): Promise<Dataset> {
  if (task !== 'classification' && task !== 'regression') throw new Error(`${path}: task must be classification or regression (got ${String(task)})`);
  if (!Number.isFinite(validationFraction) || validationFraction < 0 || validationFraction > 1) {
    throw new Error(`${path}: the validation fraction must be between 0 and 1 (got ${validationFraction})`);
  }
  if (!Number.isInteger(labelColumn)) throw new Error(`${path}: the label column must be an integer (got ${labelColumn})`);

  const training = await readTable(path, task);
  const held = validationPath === undefined ? undefined : await readTable(validationPath, task);
  if (!('values' in training)) {
    // Images given where a table was expected (`--data`, the dataFile setting): their labels lie beside them.
    if (held && 'values' in held) throw new Error(`${validationPath}: a table, but the training file ${path} holds images (N,H,W,C); the validation file must hold images too`);
    return loadImageArray(path, training, undefined, validationFraction, seed, validationPath === undefined ? undefined : { path: validationPath });
  }
  if (!held) return splitTable(path, training, labelColumn, task, validationFraction, seed);
  if (!('values' in held)) throw new Error(`${validationPath}: holds images (4 dimensions N,H,W,C, shape ${shapeText(held.shape)}), but the training file ${path} is a table`);
  return explicitTables(path, training, validationPath!, held, labelColumn, task);
}

/** A .csv or 2-D .npy as a table; a 4-D .npy as images (classification only). */
async function readTable(path: string, task: 'classification' | 'regression'): Promise<Table | NpyArray> {
  const bytes = await readDataBytes(path, SUPPORTED_EXTENSIONS);
  if (extname(path).toLowerCase() === '.csv') return parseCsv(path, bytes);
  const array = parseNpy(path, bytes);
  if (array.shape.length === 4) {
    if (task !== 'classification') throw new Error(`${path}: holds images (4 dimensions N,H,W,C, shape ${shapeText(array.shape)}), which are classified; task ${task} is not supported for images`);
    return array;
  }
  return npyTable(path, array);
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
// NPY tables

function npyTable(path: string, array: NpyArray): Table {
  const { shape } = array;
  if (shape.length !== 2) {
    const hint = shape.length === 3 ? ' (images need 4 dimensions N,H,W,C: add a channel axis for grayscale, e.g. images[..., None])' : '';
    throw new Error(`${path}: the array has shape ${shapeText(shape)}; only 2-D arrays (rows, columns) are tables, and 4-D arrays (N,H,W,C) images${hint}`);
  }
  const [rows, columns] = shape;
  if (columns < 2) throw new Error(`${path}: the array has ${columns} column${columns === 1 ? '' : 's'}; a data file needs at least 2 (features and a label)`);
  if (rows === 0) throw new Error(`${path}: the file has no data rows (shape (0, ${columns}))`);
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < values.length; i++) {
    const value = array.read(i);
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
  const checked = checkTable(path, table, labelColumn, task);
  if (table.rows < 2) throw new Error(`${path}: needs at least 2 data rows (one for training, one for validation), found ${table.rows}`);
  const { order, validationCount, trainCount } = shuffledSplit(table.rows, validationFraction, seed);
  return tableDataset(task, checked, fillRows(table, checked, task, order.slice(validationCount)), fillRows(table, checked, task, order.slice(0, validationCount)), trainCount, validationCount);
}

/** The training file whole for training and the validation file whole for validation: the same columns, classes among the training file's. */
function explicitTables(path: string, training: Table, validationPath: string, held: Table, labelColumn: number, task: 'classification' | 'regression'): Dataset {
  if (held.columns !== training.columns) {
    throw new Error(`${validationPath}: ${held.columns} columns, but the training file ${path} has ${training.columns}; the validation file needs the same columns (features and the label)`);
  }
  const checked = checkTable(path, training, labelColumn, task);
  const heldChecked = checkTable(validationPath, held, labelColumn, task);
  if (task === 'classification' && heldChecked.outputs > checked.outputs) {
    const row = Array.from({ length: held.rows }, (_, i) => i).find((i) => held.values[i * held.columns + checked.label] >= checked.outputs)!;
    throw new Error(
      `${validationPath}: ${held.rowName(row)}: class label ${held.values[row * held.columns + checked.label]} (column ${checked.label + 1}), but the training file ${path} has classes 0 to ${checked.outputs - 1} only`,
    );
  }
  const rows = (count: number) => Array.from({ length: count }, (_, i) => i);
  return tableDataset(task, checked, fillRows(training, checked, task, rows(training.rows)), fillRows(held, checked, task, rows(held.rows)), training.rows, held.rows);
}

interface CheckedTable {
  /** The label's column, from 0. */
  label: number;
  inputs: number;
  /** Classes (the largest label + 1), or 1 regression target. */
  outputs: number;
}

/** The label column in range, every feature within float32, every class label a class number. */
function checkTable(path: string, table: Table, labelColumn: number, task: 'classification' | 'regression'): CheckedTable {
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
  return { label, inputs, outputs };
}

/** Rows `rows` of the table as features and targets (one-hot classes of `outputs`). */
function fillRows(table: Table, { label, inputs, outputs }: CheckedTable, task: 'classification' | 'regression', rows: number[]): { x: Float32Array; y: Float32Array } {
  const { values, columns } = table;
  const x = new Float32Array(rows.length * inputs);
  const y = new Float32Array(rows.length * outputs);
  rows.forEach((row, n) => {
    const base = row * columns;
    let feature = 0;
    for (let column = 0; column < columns; column++) {
      if (column !== label) x[n * inputs + feature++] = values[base + column];
    }
    const target = values[base + label];
    if (task === 'classification') y[n * outputs + target] = 1;
    else y[n] = target;
  });
  return { x, y };
}

function tableDataset(
  task: 'classification' | 'regression',
  { inputs, outputs }: CheckedTable,
  train: { x: Float32Array; y: Float32Array },
  validation: { x: Float32Array; y: Float32Array },
  trainCount: number,
  validationCount: number,
): Dataset {
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
