// An explicit validation file (task.validationPath): the training file trains whole and the
// validation file validates whole, each in file order, for CSV and NPY tables and for images
// (their labels named or found beside them); validationFraction with it is an error; files that
// disagree on columns, image shape or classes get an error naming both; and a real sweep reports
// the validation file's rows as its validation set.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { runSweep } from '../../runtime/src';
import { loadDataFile } from '../../runtime/src/sweep/dataFile';
import { loadDataset } from '../../runtime/src/sweep/dataset';
import { executeSweepPart } from '../../runtime/src/sweep/executeSweep';
import { loadImageFiles } from '../../runtime/src/sweep/imageData';
import { defaultSpec, VALIDATION_EXCLUSIVE, validateSpec, type SweepSpec, type TaskSpec } from '../../runtime/src/sweep/spec';
import { BatchSchedule, initialWeights } from '../../runtime/src/train/trainer';
import { modelLayout } from '../../runtime/src/train/trainingGraph';
import { tempFolder } from '../support/tempFolder';

/** An .npy (version 1.0) of float64, uint8 or int64 values. */
function npy(descr: '<f8' | '|u1' | '<i8', shape: number[], data: readonly number[]): Buffer {
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  dict = dict.padEnd(total - 11, ' ') + '\n';
  const size = descr === '|u1' ? 1 : 8;
  const body = Buffer.alloc(data.length * size);
  data.forEach((value, i) => {
    if (descr === '|u1') body.writeUInt8(value, i);
    else if (descr === '<f8') body.writeDoubleLE(value, i * 8);
    else body.writeBigInt64LE(BigInt(value), i * 8);
  });
  const head = Buffer.alloc(10);
  Buffer.from([0x93, ...Buffer.from('NUMPY', 'latin1'), 1, 0]).copy(head);
  head.writeUInt16LE(dict.length, 8);
  return Buffer.concat([head, Buffer.from(dict, 'latin1'), body]);
}

/** Rows of 3 features and a class label 0..2 (the class follows the largest feature, so it learns). */
function rows(count: number, offset: number): number[][] {
  return Array.from({ length: count }, (_, n) => {
    const label = (n + offset) % 3;
    const features = [0, 1, 2].map((i) => (i === label ? 1 : 0) + (((n + offset) * 7 + i * 3) % 10) / 20);
    return [...features, label];
  });
}
const csv = (table: number[][]) => `a,b,c,label\n${table.map((row) => row.join(',')).join('\n')}\n`;

function write(dir: string, name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function rejectsWith(promise: Promise<unknown>, path: string, ...patterns: RegExp[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    assert.ok(error.message.startsWith(`${path}: `), `message should start with the path: ${error.message}`);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

const folder = (t: TestContext) => tempFolder(t, 'decay-lens-validation-');
const TRAIN = rows(30, 0);
const HELD = rows(11, 1);

test('CSV and NPY tables: the training file trains whole and the validation file validates whole, each in file order', async (t) => {
  const dir = folder(t);
  const train = write(dir, 'train.csv', csv(TRAIN));
  const held = write(dir, 'held.csv', csv(HELD));
  const data = await loadDataFile(train, -1, 'classification', 0.2, 7, held);
  assert.equal(data.trainCount, TRAIN.length);
  assert.equal(data.validationCount, HELD.length);
  assert.deepEqual(Array.from(data.trainX), TRAIN.flatMap((row) => row.slice(0, 3)).map(Math.fround));
  assert.deepEqual(Array.from(data.validationX), HELD.flatMap((row) => row.slice(0, 3)).map(Math.fround));
  assert.deepEqual(Array.from(data.validationY), HELD.flatMap((row) => [0, 1, 2].map((c) => (c === row[3] ? 1 : 0))));
  // The seed does not matter: there is no split.
  assert.deepEqual((await loadDataFile(train, -1, 'classification', 0.2, 8, held)).trainX, data.trainX);
  // An NPY table validates a CSV one (and the other way round): the columns agree.
  const heldNpy = write(dir, 'held.npy', npy('<f8', [HELD.length, 4], HELD.flat()));
  assert.deepEqual((await loadDataFile(train, -1, 'classification', 0.2, 7, heldNpy)).validationX, data.validationX);
  // Regression: the label column is a target.
  const regression = await loadDataFile(train, 0, 'regression', 0.2, 7, held);
  assert.deepEqual(Array.from(regression.validationY), HELD.map((row) => Math.fround(row[0])));
});

test('tables that disagree: columns, classes, a table against images; each error names both files', async (t) => {
  const dir = folder(t);
  const train = write(dir, 'train.csv', csv(TRAIN));
  const wide = write(dir, 'wide.csv', `a,b,c,d,label\n${HELD.map((row) => [0, ...row].join(',')).join('\n')}\n`);
  await rejectsWith(loadDataFile(train, -1, 'classification', 0.2, 1, wide), wide, /5 columns, but the training file .*train\.csv has 4/);
  const newClass = write(dir, 'new-class.csv', csv([...HELD.slice(0, 4), [0.1, 0.2, 0.3, 5]]));
  await rejectsWith(loadDataFile(train, -1, 'classification', 0.2, 1, newClass), newClass, /line 6: class label 5 \(column 4\), but the training file .*train\.csv has classes 0 to 2 only/);
  // Fewer classes in the validation file is fine: they are among the training file's.
  assert.equal((await loadDataFile(train, -1, 'classification', 0.2, 1, write(dir, 'two.csv', csv(HELD.filter((row) => row[3] < 2))))).outputs, 3);
  const images = write(dir, 'images.npy', npy('|u1', [2, 2, 2, 1], [1, 2, 3, 4, 5, 6, 7, 8]));
  await rejectsWith(loadDataFile(train, -1, 'classification', 0.2, 1, images), images, /holds images .*shape \(2, 2, 2, 1\).*but the training file .*train\.csv is a table/);
  // The validation file's own problems name it, as the training file's do.
  const broken = write(dir, 'broken.csv', 'a,b,c,label\n1,2,x,0\n');
  await rejectsWith(loadDataFile(train, -1, 'classification', 0.2, 1, broken), broken, /line 2, column 3: 'x' is not a number/);
  await rejectsWith(loadDataFile(train, -1, 'classification', 0.2, 1, join(dir, 'missing.csv')), join(dir, 'missing.csv'), /no such file/);
  const threeD = write(dir, 'three.npy', npy('<f8', [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]));
  await rejectsWith(loadDataFile(train, -1, 'classification', 0.2, 1, threeD), threeD, /shape \(2, 2, 2\)/);
});

test('validationFraction with validationPath is an error, in the spec and in the loader', async (t) => {
  const dir = folder(t);
  const train = write(dir, 'train.csv', csv(TRAIN));
  const held = write(dir, 'held.csv', csv(HELD));
  const spec = defaultSpec({ layers: [3, 8, 3], batchSize: 4, task: { kind: 'file', path: train, labelColumn: -1, task: 'classification', validationFraction: 0.2, validationPath: held } });
  assert.deepEqual(validateSpec(spec), [VALIDATION_EXCLUSIVE]);
  await rejectsWith(loadDataset(spec), train, /task\.validationFraction and task\.validationPath exclude each other/);
  await assert.rejects(runSweep(spec), /invalid sweep spec: task\.validationFraction and task\.validationPath exclude each other/);
  const images = defaultSpec({ task: { kind: 'images', path: 'a.npy', validationPath: 'b.npy', validationFraction: 0.5 } as TaskSpec });
  assert.ok(validateSpec(images).includes(VALIDATION_EXCLUSIVE));
});

/** 4x4x1 images: class c is bright in column c. */
function images(count: number, offset: number) {
  const labels = Array.from({ length: count }, (_, n) => (n + offset) % 3);
  const pixels = labels.flatMap((label, n) => Array.from({ length: 16 }, (_, i) => (i % 4 === label ? 200 : 20) + ((n * 7 + i * 3) % 30)));
  return { labels, pixels };
}

test('images: the validation images validate whole with their labels, named or found beside them; shape and class mismatches name both files', async (t) => {
  const dir = folder(t);
  const train = images(12, 0);
  const held = images(5, 1);
  const trainFile = write(dir, 'train.npy', npy('|u1', [12, 4, 4, 1], train.pixels));
  write(dir, 'train.labels.npy', npy('<i8', [12], train.labels));
  const heldFile = write(dir, 'held.npy', npy('|u1', [5, 4, 4, 1], held.pixels));
  const heldLabels = write(dir, 'held.labels.txt', `${held.labels.join('\n')}\n`);
  const data = await loadImageFiles(trainFile, undefined, 0.2, 3, { path: heldFile });
  assert.equal(data.trainCount, 12);
  assert.equal(data.validationCount, 5);
  assert.equal(data.validationLabelsPath, heldLabels);
  assert.deepEqual(Array.from(data.validationX), held.pixels.map((value) => Math.fround(value / 255)));
  assert.deepEqual(Array.from(data.trainY).flatMap((value, i) => (value === 1 ? [i % 3] : [])), train.labels);
  // Named labels win over the ones beside the images.
  const named = write(dir, 'named.npy', npy('<i8', [5], [0, 0, 0, 0, 0]));
  assert.equal((await loadImageFiles(trainFile, undefined, 0.2, 3, { path: heldFile, labels: named })).validationLabelsPath, named);
  // A file task naming images reads the validation images the same way.
  assert.equal((await loadDataFile(trainFile, -1, 'classification', 0.2, 3, heldFile)).validationCount, 5);

  const tall = write(dir, 'tall.npy', npy('|u1', [2, 5, 4, 2], new Array(80).fill(0)));
  write(dir, 'tall.labels.txt', '0\n1\n');
  await rejectsWith(
    loadImageFiles(trainFile, undefined, 0.2, 3, { path: tall }),
    tall,
    /validation images of shape \(2, 5, 4, 2\), but the training images .*train\.npy are \(12, 4, 4, 1\): dimension 1 \(H\) is 5, not 4; dimension 3 \(C\) is 2, not 1/,
  );
  const badLabels = write(dir, 'bad.txt', '0\n1\n2\n7\n0\n');
  await rejectsWith(loadImageFiles(trainFile, undefined, 0.2, 3, { path: heldFile, labels: badLabels }), badLabels, /validation label 4 is class 7, but the training labels .*train\.labels\.npy \(of .*train\.npy\) have classes 0 to 2 only/);
  const lonely = write(dir, 'lonely.npy', npy('|u1', [1, 4, 4, 1], held.pixels.slice(0, 16)));
  await rejectsWith(loadImageFiles(trainFile, undefined, 0.2, 3, { path: lonely }), lonely, /no labels file: name one \(task\.validationLabels, --validation-labels\)/);
  const table = write(dir, 'table.csv', csv(HELD));
  await rejectsWith(loadImageFiles(trainFile, undefined, 0.2, 3, { path: table }), table, /unsupported file type '\.csv'/);
});

test('a real sweep on an explicit validation file: its validation set is the file, whole', async (t) => {
  const dir = folder(t);
  const train = write(dir, 'train.csv', csv(TRAIN));
  const held = write(dir, 'held.csv', csv(HELD));
  const task: TaskSpec = { kind: 'file', path: train, labelColumn: -1, task: 'classification', validationPath: held };
  const spec: SweepSpec = defaultSpec({ layers: [3, 8, 3], task, decayValues: [0, 0.01], steps: 6, batchSize: 4, evaluateEvery: 3, seeds: 2 });
  const part = await executeSweepPart(spec);
  assert.deepEqual(part.samples, { train: TRAIN.length, validation: HELD.length });
  const result = await runSweep(spec);
  assert.deepEqual(result.samples, { train: TRAIN.length, validation: HELD.length });
  assert.deepEqual(result.spec.task, task);
  assert.ok(result.runs.every((run) => run.divergedAt === undefined && run.evaluations.length === 3));
  // Images: the result's task names the validation labels found beside the validation images.
  const trainImages = images(12, 0);
  const heldImages = images(5, 1);
  const imageFile = write(dir, 'train.npy', npy('|u1', [12, 4, 4, 1], trainImages.pixels));
  write(dir, 'train.labels.npy', npy('<i8', [12], trainImages.labels));
  const heldFile = write(dir, 'held.npy', npy('|u1', [5, 4, 4, 1], heldImages.pixels));
  const heldLabels = write(dir, 'held.labels.npy', npy('<i8', [5], heldImages.labels));
  const imageSpec = defaultSpec({
    input: [4, 4, 1],
    network: [{ kind: 'flatten' }, { kind: 'dense', units: 6 }, { kind: 'dense', units: 3 }],
    task: { kind: 'images', path: imageFile, validationPath: heldFile },
    decayValues: [0, 0.01],
    steps: 4,
    batchSize: 4,
    evaluateEvery: 2,
    seeds: 1,
  });
  const imagePart = await executeSweepPart(imageSpec);
  assert.deepEqual(imagePart.samples, { train: 12, validation: 5 });
  assert.deepEqual(imagePart.dataTask, { kind: 'images', path: imageFile, labels: join(dir, 'train.labels.npy'), validationPath: heldFile, validationLabels: heldLabels });
});

/** docs/sweeps.md "Batch order", written again from the text: mulberry32, Fisher-Yates from the end, one stream per seed. */
function documentedBatches(seed: number, rows: number, batch: number, steps: number): number[] {
  let state = (seed + 1) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const perEpoch = Math.floor(rows / batch);
  const out: number[] = [];
  let order: number[] = [];
  for (let t = 0; t < steps; t++) {
    const position = t % perEpoch;
    if (position === 0) {
      order = Array.from({ length: rows }, (_, i) => i);
      for (let i = rows - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    for (let b = 0; b < batch; b++) out.push(order[position * batch + b]);
  }
  return out;
}

test('the batch order and initial weights are what docs/sweeps.md says, for every seed, whatever the chunking', () => {
  const spec = defaultSpec({ layers: [3, 5, 3], batchSize: 4, steps: 23, seed: 9, seeds: 3 });
  for (const index of [0, 1, 2]) {
    const seed = spec.seed + 1000 * index;
    const expected = documentedBatches(seed, 30, 4, 23);
    assert.deepEqual(Array.from(new BatchSchedule(spec, 30, seed).next(23), Number), expected);
    // Drawn in chunks (evaluateEvery), the sequence is the same.
    const chunked = new BatchSchedule(spec, 30, seed);
    assert.deepEqual([...chunked.next(5), ...chunked.next(10), ...chunked.next(8)].map(Number), expected);
  }
  // Initial weights: Random(s_i), kernels row-major, -limit + 2 limit next(), biases 0.
  let state = 1009 >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const limits = [Math.sqrt(6 / 3), Math.sqrt(6 / 5)];
  const expected = [15, 5, 15, 3].map((count, i) => (i % 2 === 1 ? new Array(count).fill(0) : Array.from({ length: count }, () => Math.fround(-limits[i / 2] + 2 * limits[i / 2] * next()))));
  const weights = initialWeights(spec, modelLayout(spec), 1009).map((tensor) => Array.from(tensor));
  weights.forEach((tensor, i) => tensor.forEach((value, k) => assert.ok(Math.abs(value - expected[i][k]) <= 1e-6 * Math.abs(value) + 1e-7, `tensor ${i}[${k}]`)));
});
