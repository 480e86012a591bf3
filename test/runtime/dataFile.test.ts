// loadDataFile: CSV and NPY parsing, the seeded split, one-hot targets and the error messages.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadDataFile } from '../../runtime/src/sweep/dataFile';
import type { Dataset } from '../../runtime/src/sweep/dataset';
import { Random } from '../../runtime/src/sweep/random';

const fixtures = join(__dirname, '..', 'fixtures', 'data');

// The fixture contents, row by row (blank line and header dropped).
const CLASSES_HEADER = [
  [1.5, 2.25, 0, 10],
  [-3, 4.5, 2, 11],
  [0.125, 6, 1, 12],
  [7, -8.75, 0, 13],
  [9.5, 10, 2, 14],
  [11, 12.5, 1, 15],
  [13.25, 14, 0, 16],
  [15, -16.5, 2, 17],
];
const NO_HEADER = [
  [0.5, 1, 1],
  [2, 3.5, 0],
  [4.25, 5, 1],
  [6, 7.75, 1],
  [8.5, 9, 0],
];
const REGRESSION = [
  [1.5, 0, 1],
  [-2.25, 1, 0],
  [3.125, 1, 1],
  [0.5, 2, 3],
  [-0.01, 4, 5],
  [20, 6, 7],
];

let scratch = '';
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'decay-lens-data-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function scratchFile(name: string, content: string | Buffer): Promise<string> {
  const file = join(scratch, name);
  await writeFile(file, content);
  return file;
}

/** Rejects with a message that starts with `path: ` and matches every pattern. */
async function rejectsWith(promise: Promise<unknown>, path: string, ...patterns: RegExp[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    assert.ok(error.message.startsWith(`${path}: `), `message should start with the path: ${error.message}`);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

/**
 * The split computed here from the raw rows: permute with Random(seed), the first
 * round(rows * fraction) rows (clamped to 1..rows-1) validate, features in column order without the label.
 */
function expectSplit(dataset: Dataset, rows: number[][], labelColumn: number, task: 'classification' | 'regression', fraction: number, seed: number): void {
  const columns = rows[0].length;
  const label = labelColumn < 0 ? columns + labelColumn : labelColumn;
  const outputs = task === 'classification' ? Math.max(...rows.map((row) => row[label])) + 1 : 1;
  const order = new Random(seed).permutation(rows.length);
  const validationCount = Math.min(rows.length - 1, Math.max(1, Math.round(rows.length * fraction)));
  const rowsX = (indices: number[]) => indices.flatMap((i) => rows[i].filter((_, column) => column !== label));
  const rowsY = (indices: number[]) =>
    indices.flatMap((i) => (task === 'classification' ? Array.from({ length: outputs }, (_, c) => (c === rows[i][label] ? 1 : 0)) : [rows[i][label]]));
  const validation = order.slice(0, validationCount);
  const train = order.slice(validationCount);

  assert.equal(dataset.task, task);
  assert.equal(dataset.inputs, columns - 1);
  assert.equal(dataset.outputs, outputs);
  assert.equal(dataset.validationCount, validationCount);
  assert.equal(dataset.trainCount, rows.length - validationCount);
  for (const array of [dataset.trainX, dataset.trainY, dataset.validationX, dataset.validationY]) assert.ok(array instanceof Float32Array);
  assert.deepEqual(Array.from(dataset.validationX), rowsX(validation).map(Math.fround));
  assert.deepEqual(Array.from(dataset.validationY), rowsY(validation).map(Math.fround));
  assert.deepEqual(Array.from(dataset.trainX), rowsX(train).map(Math.fround));
  assert.deepEqual(Array.from(dataset.trainY), rowsY(train).map(Math.fround));
}

// ---------------------------------------------------------------------------------------------
// CSV

test('CSV with a header, label column in the middle: features keep their order, labels one-hot', async () => {
  const file = join(fixtures, 'classes_header.csv');
  const dataset = await loadDataFile(file, 2, 'classification', 0.25, 7);
  expectSplit(dataset, CLASSES_HEADER, 2, 'classification', 0.25, 7);
  assert.equal(dataset.outputs, 3);
  assert.equal(dataset.validationCount, 2);
  // Spot check one row by hand: find the row whose first feature is 7 (label 0, features 7, -8.75, 13).
  const all = [
    ...Array.from({ length: dataset.trainCount }, (_, n) => ({ x: dataset.trainX.slice(n * 3, n * 3 + 3), y: dataset.trainY.slice(n * 3, n * 3 + 3) })),
    ...Array.from({ length: dataset.validationCount }, (_, n) => ({ x: dataset.validationX.slice(n * 3, n * 3 + 3), y: dataset.validationY.slice(n * 3, n * 3 + 3) })),
  ];
  const row = all.find((entry) => entry.x[0] === 7);
  assert.ok(row);
  assert.deepEqual(Array.from(row.x), [7, -8.75, 13]);
  assert.deepEqual(Array.from(row.y), [1, 0, 0]);
  // Every row appears exactly once across the two parts.
  assert.deepEqual(all.map((entry) => entry.x[2]).sort((a, b) => a - b), [10, 11, 12, 13, 14, 15, 16, 17]);
});

test('a different seed gives a different split of the same rows', async () => {
  const file = join(fixtures, 'classes_header.csv');
  const a = await loadDataFile(file, 2, 'classification', 0.25, 1);
  const b = await loadDataFile(file, 2, 'classification', 0.25, 2);
  expectSplit(b, CLASSES_HEADER, 2, 'classification', 0.25, 2);
  assert.notDeepEqual(Array.from(a.trainX), Array.from(b.trainX));
});

test('CSV without a header, label last via labelColumn -1 (and the same via 2)', async () => {
  const file = join(fixtures, 'no_header.csv');
  const negative = await loadDataFile(file, -1, 'classification', 0.4, 3);
  expectSplit(negative, NO_HEADER, 2, 'classification', 0.4, 3);
  assert.equal(negative.outputs, 2);
  const positive = await loadDataFile(file, 2, 'classification', 0.4, 3);
  assert.deepEqual(positive, negative);
});

test('negative labelColumn counts from the end: -3 is the first column', async () => {
  const dataset = await loadDataFile(join(fixtures, 'no_header.csv'), -3, 'regression', 0.2, 5);
  expectSplit(dataset, NO_HEADER, 0, 'regression', 0.2, 5);
});

test('regression CSV with a quoted header, label first', async () => {
  const dataset = await loadDataFile(join(fixtures, 'regression.csv'), 0, 'regression', 0.5, 11);
  expectSplit(dataset, REGRESSION, 0, 'regression', 0.5, 11);
  assert.equal(dataset.outputs, 1);
  assert.equal(dataset.validationCount, 3);
  assert.equal(dataset.trainY.length, 3);
});

test('validation count is rounded and clamped to leave a row on each side', async () => {
  const file = join(fixtures, 'no_header.csv');
  assert.equal((await loadDataFile(file, -1, 'classification', 0.01, 1)).validationCount, 1);
  assert.equal((await loadDataFile(file, -1, 'classification', 0.99, 1)).validationCount, 4);
  assert.equal((await loadDataFile(file, -1, 'classification', 0.5, 1)).validationCount, 3); // round(2.5)
  const two = await scratchFile('two.csv', '1,0\n2,1\n');
  const dataset = await loadDataFile(two, 1, 'classification', 0.5, 9);
  assert.equal(dataset.trainCount, 1);
  assert.equal(dataset.validationCount, 1);
});

test('CRLF line endings, blank lines and surrounding spaces are accepted', async () => {
  const file = await scratchFile('crlf.csv', 'a,b,label\r\n\r\n 1.5 , 2,0\r\n3,4 ,1\r\n\r\n5,6,1\r\n   \r\n7e-1,.5,0\r\n');
  const dataset = await loadDataFile(file, -1, 'classification', 0.25, 4);
  expectSplit(dataset, [[1.5, 2, 0], [3, 4, 1], [5, 6, 1], [0.7, 0.5, 0]], 2, 'classification', 0.25, 4);
});

test('CSV errors: column count, non-numeric cell, bad class labels, non-finite values', async () => {
  const ragged = await scratchFile('ragged.csv', 'a,b,c\n1,2,0\n\n3,4\n');
  await rejectsWith(loadDataFile(ragged, -1, 'classification', 0.5, 1), ragged, /line 4/, /2 columns/, /3/);

  const word = await scratchFile('word.csv', 'x,y,label\n1,2,0\n3,4,1\n5,6,1\n7,8,0\n9,10,1\n1,abc,0\n');
  await rejectsWith(loadDataFile(word, -1, 'classification', 0.5, 1), word, /line 7, column 2: 'abc' is not a number/);

  const noHeaderWord = await scratchFile('word2.csv', '1,2,0\n3,x,1\n');
  await rejectsWith(loadDataFile(noHeaderWord, -1, 'classification', 0.5, 1), noHeaderWord, /line 2, column 2: 'x' is not a number/);

  const empty = await scratchFile('emptycell.csv', '1,2,0\n3,,1\n');
  await rejectsWith(loadDataFile(empty, -1, 'classification', 0.5, 1), empty, /line 2, column 2/, /empty/);

  const negative = await scratchFile('negative.csv', 'x,label\n1,0\n2,-1\n3,1\n');
  await rejectsWith(loadDataFile(negative, 1, 'classification', 0.5, 1), negative, /line 3/, /-1/, /non-negative integer/);

  const fractional = await scratchFile('fractional.csv', '1,0\n2,1\n3,0.5\n4,2.5\n');
  await rejectsWith(loadDataFile(fractional, 1, 'classification', 0.5, 1), fractional, /line 3/, /0\.5/, /non-negative integer/);
  // The same file is fine as regression.
  assert.equal((await loadDataFile(fractional, 1, 'regression', 0.5, 1)).outputs, 1);

  const nan = await scratchFile('nan.csv', '1,0\n2,1\nNaN,0\n');
  await rejectsWith(loadDataFile(nan, 1, 'classification', 0.5, 1), nan, /line 3, column 1/, /finite/);
  const inf = await scratchFile('inf.csv', 'a,b\n1,0\n2,-Infinity\n');
  await rejectsWith(loadDataFile(inf, 1, 'regression', 0.5, 1), inf, /line 3, column 2/, /finite/);
  const huge = await scratchFile('huge.csv', 'a,b\n1,0\n1e300,1\n');
  await rejectsWith(loadDataFile(huge, 1, 'regression', 0.5, 1), huge, /line 3, column 1/, /float32/);
});

test('CSV errors: one column, header only, a single row, label column out of range', async () => {
  const one = await scratchFile('one.csv', 'x\n1\n2\n');
  await rejectsWith(loadDataFile(one, 0, 'regression', 0.5, 1), one, /at least 2/);
  const header = await scratchFile('header.csv', 'a,b,c\n\n');
  await rejectsWith(loadDataFile(header, -1, 'regression', 0.5, 1), header, /no data rows/);
  const blank = await scratchFile('blank.csv', '\n\r\n  \n');
  await rejectsWith(loadDataFile(blank, -1, 'regression', 0.5, 1), blank, /no data rows/);
  const single = await scratchFile('single.csv', 'a,b\n1,2\n');
  await rejectsWith(loadDataFile(single, -1, 'regression', 0.5, 1), single, /at least 2 data rows/);
  const file = join(fixtures, 'no_header.csv');
  await rejectsWith(loadDataFile(file, 3, 'regression', 0.5, 1), file, /label column 3/);
  await rejectsWith(loadDataFile(file, -4, 'regression', 0.5, 1), file, /label column -4/);
});

// ---------------------------------------------------------------------------------------------
// Files that cannot be read

test('empty file, unknown extension, missing file, a directory, an oversized file', async () => {
  const empty = await scratchFile('empty.csv', '');
  await rejectsWith(loadDataFile(empty, -1, 'regression', 0.5, 1), empty, /empty/);
  const emptyNpy = await scratchFile('empty.npy', '');
  await rejectsWith(loadDataFile(emptyNpy, -1, 'regression', 0.5, 1), emptyNpy, /empty/);

  const text = await scratchFile('data.txt', '1,2\n3,4\n');
  await rejectsWith(loadDataFile(text, -1, 'regression', 0.5, 1), text, /\.txt/, /\.csv/, /\.npy/);
  const bare = await scratchFile('data', '1,2\n3,4\n');
  await rejectsWith(loadDataFile(bare, -1, 'regression', 0.5, 1), bare, /\.csv/, /\.npy/);

  const missing = join(scratch, 'missing.csv');
  await rejectsWith(loadDataFile(missing, -1, 'regression', 0.5, 1), missing, /no such file/);

  const directory = join(scratch, 'folder.csv');
  await mkdir(directory);
  await rejectsWith(loadDataFile(directory, -1, 'regression', 0.5, 1), directory, /directory/);

  const big = await scratchFile('big.csv', '');
  await truncate(big, 201 * 1024 * 1024); // sparse: no real disk use
  await rejectsWith(loadDataFile(big, -1, 'regression', 0.5, 1), big, /200 MB/);
  await rm(big);
});

// ---------------------------------------------------------------------------------------------
// NPY

type NpyDescr = '<f4' | '<f8' | '<i4' | '<i8' | '|u1' | '|i1' | '>f4';

/** An .npy file per the format spec: magic, version, header length, padded dict, raw data. */
function npy(descr: NpyDescr, shape: number[], data: number[], options: { version?: 1 | 2 | 3; fortran?: boolean } = {}): Buffer {
  const version = options.version ?? 1;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let dict = `{'descr': '${descr}', 'fortran_order': ${options.fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  // Pad with spaces and end in '\n' so the data starts on a 64-byte boundary.
  const total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  dict = dict.padEnd(total - prefix - 1, ' ') + '\n';

  const size = descr === '|u1' || descr === '|i1' ? 1 : descr.endsWith('4') ? 4 : 8;
  const body = Buffer.alloc(data.length * size);
  data.forEach((value, i) => {
    const offset = i * size;
    if (descr === '<f4') body.writeFloatLE(value, offset);
    else if (descr === '>f4') body.writeFloatBE(value, offset);
    else if (descr === '<f8') body.writeDoubleLE(value, offset);
    else if (descr === '<i4') body.writeInt32LE(value, offset);
    else if (descr === '<i8') body.writeBigInt64LE(BigInt(value), offset);
    else if (descr === '|u1') body.writeUInt8(value, offset);
    else body.writeInt8(value, offset);
  });

  const head = Buffer.alloc(prefix);
  Buffer.from([0x93, ...Buffer.from('NUMPY', 'latin1'), version, 0]).copy(head);
  if (version === 1) head.writeUInt16LE(dict.length, 8);
  else head.writeUInt32LE(dict.length, 8);
  const file = Buffer.concat([head, Buffer.from(dict, 'latin1'), body]);
  assert.equal((prefix + dict.length) % 64, 0);
  return file;
}

const MATRIX = [
  [0.5, -1.25, 2, 3],
  [4, 5.5, 0, -6],
  [7.25, 8, 1, 9],
  [-10, 11, 2, 12.5],
  [13, -14.75, 1, 15],
  [16.5, 17, 0, 18],
  [19, 20.25, 2, -21],
];

test('NPY <f4 (version 1.0): classification, label column in the middle', async () => {
  const file = await scratchFile('f4.npy', npy('<f4', [7, 4], MATRIX.flat()));
  const dataset = await loadDataFile(file, 2, 'classification', 0.3, 13);
  expectSplit(dataset, MATRIX, 2, 'classification', 0.3, 13);
  assert.equal(dataset.outputs, 3);
});

test('NPY <f8 (version 2.0): regression on the last column via -1', async () => {
  const file = await scratchFile('f8.npy', npy('<f8', [7, 4], MATRIX.flat(), { version: 2 }));
  const dataset = await loadDataFile(file, -1, 'regression', 0.3, 21);
  expectSplit(dataset, MATRIX, 3, 'regression', 0.3, 21);
});

test('NPY <i8 (version 3.0), <i4, |u1, |i1', async () => {
  const ints = [
    [1, -2, 0],
    [3, 4, 3],
    [-5, 6, 1],
    [7, 8, 2],
  ];
  const i8 = await scratchFile('i8.npy', npy('<i8', [4, 3], ints.flat(), { version: 3 }));
  const dataset = await loadDataFile(i8, -1, 'classification', 0.5, 2);
  expectSplit(dataset, ints, 2, 'classification', 0.5, 2);
  assert.equal(dataset.outputs, 4);
  const i4 = await scratchFile('i4.npy', npy('<i4', [4, 3], ints.flat()));
  expectSplit(await loadDataFile(i4, -1, 'classification', 0.5, 2), ints, 2, 'classification', 0.5, 2);
  const i1 = await scratchFile('i1.npy', npy('|i1', [4, 3], ints.flat()));
  expectSplit(await loadDataFile(i1, 0, 'regression', 0.5, 2), ints, 0, 'regression', 0.5, 2);
  const bytes = ints.map((row) => row.map(Math.abs));
  const u1 = await scratchFile('u1.npy', npy('|u1', [4, 3], bytes.flat()));
  expectSplit(await loadDataFile(u1, 2, 'classification', 0.25, 8), bytes, 2, 'classification', 0.25, 8);
});

test('NPY errors: fortran order, 3-D and 1-D shapes, big-endian, bad labels, NaN, truncated, not NPY', async () => {
  const fortran = await scratchFile('fortran.npy', npy('<f4', [7, 4], MATRIX.flat(), { fortran: true }));
  await rejectsWith(loadDataFile(fortran, -1, 'regression', 0.5, 1), fortran, /fortran_order/, /True/);

  const cube = await scratchFile('cube.npy', npy('<f8', [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]));
  await rejectsWith(loadDataFile(cube, -1, 'regression', 0.5, 1), cube, /\(2, 2, 2\)/, /2-D/);
  const line = await scratchFile('line.npy', npy('<f8', [3], [1, 2, 3]));
  await rejectsWith(loadDataFile(line, -1, 'regression', 0.5, 1), line, /\(3,\)/, /2-D/);

  const big = await scratchFile('big-endian.npy', npy('>f4', [2, 2], [1, 0, 2, 1]));
  await rejectsWith(loadDataFile(big, -1, 'regression', 0.5, 1), big, />f4/, /little-endian/);

  const labels = await scratchFile('labels.npy', npy('<f4', [3, 2], [1, 0, 2, 1.5, 3, 1]));
  await rejectsWith(loadDataFile(labels, -1, 'classification', 0.5, 1), labels, /row 2/, /1\.5/, /non-negative integer/);
  const negative = await scratchFile('negative.npy', npy('<i8', [3, 2], [1, 0, 2, 1, 3, -2]));
  await rejectsWith(loadDataFile(negative, -1, 'classification', 0.5, 1), negative, /row 3/, /-2/);

  const nan = await scratchFile('nan.npy', npy('<f8', [3, 2], [1, 0, 2, 1, NaN, 1]));
  await rejectsWith(loadDataFile(nan, -1, 'regression', 0.5, 1), nan, /row 3, column 1/, /finite/);

  const whole = npy('<f8', [3, 2], [1, 0, 2, 1, 3, 1]);
  const cut = await scratchFile('cut.npy', whole.subarray(0, whole.length - 4));
  await rejectsWith(loadDataFile(cut, -1, 'regression', 0.5, 1), cut, /truncated/);
  const headerCut = await scratchFile('header-cut.npy', whole.subarray(0, 30));
  await rejectsWith(loadDataFile(headerCut, -1, 'regression', 0.5, 1), headerCut, /truncated/);

  const empty = await scratchFile('no-rows.npy', npy('<f4', [0, 3], []));
  await rejectsWith(loadDataFile(empty, -1, 'regression', 0.5, 1), empty, /no data rows/);

  const notNpy = await scratchFile('text.npy', 'a,b\n1,2\n3,4\n');
  await rejectsWith(loadDataFile(notNpy, -1, 'regression', 0.5, 1), notNpy, /NUMPY/);
});
