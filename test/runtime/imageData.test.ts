// The user's images: .npy files of N,H,W,C written here, their labels in a second .npy or a text
// file, named or found beside the images; the values and the split checked against the raw
// arrays; a message naming the file and the dimension, index or line for every bad file; the
// images against the spec's model; and a training on them through executeSweepPart.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { loadDataFile } from '../../runtime/src/sweep/dataFile';
import { loadDataset, type Dataset } from '../../runtime/src/sweep/dataset';
import { executeSweepPart } from '../../runtime/src/sweep/executeSweep';
import { labelCandidates, loadImageFiles } from '../../runtime/src/sweep/imageData';
import { Random } from '../../runtime/src/sweep/random';
import { defaultSpec, type LayerSpec, type SweepSpec } from '../../runtime/src/sweep/spec';
import { tempFolder } from '../support/tempFolder';

type Descr = '<f4' | '<f8' | '<i4' | '<i8' | '|u1' | '|i1' | '>f4';
const SIZES: Record<Descr, number> = { '<f4': 4, '<f8': 8, '<i4': 4, '<i8': 8, '|u1': 1, '|i1': 1, '>f4': 4 };

/** An .npy file per the format spec (version 1.0): magic, header length, padded dict, raw data. */
function npy(descr: Descr, shape: number[], data: readonly number[]): Buffer {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  dict = dict.padEnd(total - 11, ' ') + '\n';
  const size = SIZES[descr];
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
  const head = Buffer.alloc(10);
  Buffer.from([0x93, ...Buffer.from('NUMPY', 'latin1'), 1, 0]).copy(head);
  head.writeUInt16LE(dict.length, 8);
  return Buffer.concat([head, Buffer.from(dict, 'latin1'), body]);
}

const [N, H, W, C] = [10, 3, 2, 2];
const PIXELS = H * W * C;
/** Image n's values (NHWC order) as bytes, and its label: every class 0..3 occurs. */
const BYTES = Array.from({ length: N * PIXELS }, (_, i) => (i * 37 + 11) % 256);
const LABELS = [0, 1, 2, 3, 0, 1, 2, 3, 1, 2];

function write(folder: string, name: string, content: Buffer | string): string {
  const file = join(folder, name);
  writeFileSync(file, content);
  return file;
}

/** The split computed here from the raw images: permute with Random(seed), the first round(N * fraction) validate. */
function expectImages(dataset: Dataset, pixels: readonly number[], labels: readonly number[], fraction: number, seed: number) {
  const count = labels.length;
  const order = new Random(seed).permutation(count);
  const validationCount = Math.min(count - 1, Math.max(1, Math.round(count * fraction)));
  const classes = Math.max(...labels) + 1;
  const xOf = (indices: number[]) => indices.flatMap((n) => pixels.slice(n * PIXELS, (n + 1) * PIXELS)).map(Math.fround);
  const yOf = (indices: number[]) => indices.flatMap((n) => Array.from({ length: classes }, (_, c) => (c === labels[n] ? 1 : 0)));
  assert.equal(dataset.task, 'classification');
  assert.deepEqual(dataset.imageShape, [H, W, C]);
  assert.equal(dataset.inputs, PIXELS);
  assert.equal(dataset.outputs, classes);
  assert.equal(dataset.validationCount, validationCount);
  assert.equal(dataset.trainCount, count - validationCount);
  assert.deepEqual(Array.from(dataset.validationX), xOf(order.slice(0, validationCount)));
  assert.deepEqual(Array.from(dataset.trainX), xOf(order.slice(validationCount)));
  assert.deepEqual(Array.from(dataset.validationY), yOf(order.slice(0, validationCount)));
  assert.deepEqual(Array.from(dataset.trainY), yOf(order.slice(validationCount)));
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

function folder(t: TestContext): string {
  return tempFolder(t, 'decay-lens-images-');
}

test('uint8 images and int64 labels: scaled to [0, 1], split with the seed, labels one-hot', async (t) => {
  const dir = folder(t);
  const images = write(dir, 'images.npy', npy('|u1', [N, H, W, C], BYTES));
  const labels = write(dir, 'labels.npy', npy('<i8', [N], LABELS));
  const dataset = await loadImageFiles(images, labels, 0.3, 4);
  expectImages(dataset, BYTES.map((b) => b / 255), LABELS, 0.3, 4);
  assert.equal(dataset.labelsPath, labels);
  assert.ok(Array.from(dataset.trainX).every((v) => v >= 0 && v <= 1));
});

test('float32 and float64 images as they are; labels as (N, 1) uint8 or a text file (BOM, CRLF, final newline)', async (t) => {
  const dir = folder(t);
  const values = BYTES.map((b) => (b - 128) / 7);
  const f4 = write(dir, 'f4.npy', npy('<f4', [N, H, W, C], values));
  const f8 = write(dir, 'f8.npy', npy('<f8', [N, H, W, C], values));
  const column = write(dir, 'column.npy', npy('|u1', [N, 1], LABELS));
  const text = write(dir, 'labels.txt', `\ufeff${LABELS.join('\r\n')}\r\n\n`);
  expectImages(await loadImageFiles(f4, column, 0.2, 9), values, LABELS, 0.2, 9);
  expectImages(await loadImageFiles(f8, text, 0.5, 2), values, LABELS, 0.5, 2);
});

test('labels found beside the images: IMAGES.labels.npy, IMAGES.labels.txt, labels.npy, labels.txt, in that order', async (t) => {
  const dir = folder(t);
  const images = write(dir, 'train.npy', npy('|u1', [N, H, W, C], BYTES));
  assert.deepEqual(
    labelCandidates(images).map((file) => file.slice(dir.length + 1)),
    ['train.labels.npy', 'train.labels.txt', 'labels.npy', 'labels.txt'],
  );
  await rejectsWith(loadImageFiles(images, undefined, 0.2, 1), images, /no labels file/, /train\.labels\.npy, train\.labels\.txt, labels\.npy or labels\.txt/);
  const shifted = LABELS.map((label) => (label + 1) % 4);
  write(dir, 'labels.txt', LABELS.join('\n'));
  assert.equal((await loadImageFiles(images, undefined, 0.2, 1)).labelsPath, join(dir, 'labels.txt'));
  write(dir, 'train.labels.npy', npy('<i4', [N], shifted));
  const found = await loadImageFiles(images, undefined, 0.2, 1);
  assert.equal(found.labelsPath, join(dir, 'train.labels.npy'));
  expectImages(found, BYTES.map((b) => b / 255), shifted, 0.2, 1);
});

test('a labels file beside the images that links out of their folder is refused', async (t) => {
  const dir = folder(t);
  mkdirSync(join(dir, 'data'));
  mkdirSync(join(dir, 'elsewhere'));
  const outside = write(join(dir, 'elsewhere'), 'secret.txt', LABELS.join('\n'));
  const images = write(join(dir, 'data'), 'images.npy', npy('|u1', [N, H, W, C], BYTES));
  symlinkSync(outside, join(dir, 'data', 'labels.txt'));
  await rejectsWith(loadImageFiles(images, undefined, 0.2, 1), join(dir, 'data', 'labels.txt'), /link out of its folder/, /name the labels file explicitly/);
  // Named explicitly, it is the user's choice.
  expectImages(await loadImageFiles(images, join(dir, 'data', 'labels.txt'), 0.2, 1), BYTES.map((b) => b / 255), LABELS, 0.2, 1);
});

test('a file task (--data, the dataFile setting) given 4-D images reads them with the labels beside them', async (t) => {
  const dir = folder(t);
  const images = write(dir, 'images.npy', npy('|u1', [N, H, W, C], BYTES));
  write(dir, 'images.labels.txt', LABELS.join('\n'));
  expectImages(await loadDataFile(images, -1, 'classification', 0.2, 3), BYTES.map((b) => b / 255), LABELS, 0.2, 3);
  await rejectsWith(loadDataFile(images, -1, 'regression', 0.2, 3), images, /holds images \(4 dimensions N,H,W,C/, /task regression is not supported/);
  // A 3-D array is neither a table nor images: the message says how to make images of it.
  const gray = write(dir, 'gray.npy', npy('|u1', [N, H, W], BYTES.slice(0, N * H * W)));
  await rejectsWith(loadDataFile(gray, -1, 'classification', 0.2, 3), gray, /\(10, 3, 2\)/, /2-D/, /4-D arrays \(N,H,W,C\) images/, /images\[\.\.\., None\]/);
});

test('bad images: dimensions, dtype, empty dimensions, a single image, NaN, float32 overflow, big-endian', async (t) => {
  const dir = folder(t);
  const labels = write(dir, 'labels.npy', npy('<i8', [N], LABELS));
  const cases: [string, Buffer, RegExp[]][] = [
    ['gray.npy', npy('|u1', [N, H, W], BYTES.slice(0, N * H * W)), [/expected 4 dimensions N,H,W,C, found 3 \(shape \(10, 3, 2\)\)/, /channel axis of 1/]],
    ['table.npy', npy('<f4', [N, PIXELS], BYTES), [/expected 4 dimensions N,H,W,C, found 2 \(shape \(10, 12\)\)/]],
    ['five.npy', npy('|u1', [N, H, W, C, 1], BYTES), [/found 5/]],
    ['int.npy', npy('<i4', [N, H, W, C], BYTES), [/dtype '<i4' is not supported for images/, /uint8/, /float32/, /float64/]],
    ['signed.npy', npy('|i1', [N, H, W, C], BYTES.map((b) => b - 128)), [/dtype '\|i1' is not supported for images/]],
    ['no-width.npy', npy('|u1', [N, H, 0, C], []), [/dimension 2 \(W\) is 0/]],
    ['no-channels.npy', npy('|u1', [N, H, W, 0], []), [/dimension 3 \(C\) is 0/]],
    ['one.npy', npy('|u1', [1, H, W, C], BYTES.slice(0, PIXELS)), [/1 image \(dimension 0 is 1\)/, /at least 2/]],
    ['nan.npy', npy('<f4', [N, H, W, C], BYTES.map((b, i) => (i === 5 * PIXELS + 7 ? NaN : b))), [/images\[5, 1, 1, 1\] = NaN is not a finite number/]],
    ['huge.npy', npy('<f8', [N, H, W, C], BYTES.map((b, i) => (i === 3 ? 1e300 : b))), [/images\[0, 0, 1, 1\] = 1e\+300 is outside the float32 range/]],
    ['big-endian.npy', npy('>f4', [N, H, W, C], BYTES), [/big-endian/, /'>f4'/]],
  ];
  for (const [name, content, patterns] of cases) {
    const file = write(dir, name, content);
    await rejectsWith(loadImageFiles(file, labels, 0.2, 1), file, ...patterns);
  }
  const csv = write(dir, 'images.csv', '1,2\n');
  await rejectsWith(loadImageFiles(csv, labels, 0.2, 1), csv, /unsupported file type '\.csv'; supported: \.npy/);
  await rejectsWith(loadImageFiles(join(dir, 'missing.npy'), labels, 0.2, 1), join(dir, 'missing.npy'), /no such file/);
});

test('bad labels: count, shape, dtype, values, text lines, missing', async (t) => {
  const dir = folder(t);
  const images = write(dir, 'images.npy', npy('|u1', [N, H, W, C], BYTES));
  const cases: [string, Buffer | string, RegExp[]][] = [
    ['short.npy', npy('<i8', [N - 1], LABELS.slice(1)), [new RegExp(`9 labels, but ${images.replace(/[.\\/]/g, '\\$&')} has 10 images \\(dimension 0\\)`)]],
    ['long.txt', [...LABELS, 1].join('\n'), [/11 labels, but .*images\.npy has 10 images \(dimension 0\)/]],
    ['one-hot.npy', npy('|u1', [N, 4], LABELS.flatMap((l) => [0, 1, 2, 3].map((c) => (c === l ? 1 : 0)))), [/expected 1 dimension N \(or N,1\) of labels, found 2 \(shape \(10, 4\)\)/, /argmax\(axis=1\)/]],
    ['cube.npy', npy('<i8', [N, 1, 1], LABELS), [/found 3 \(shape \(10, 1, 1\)\)/]],
    ['float.npy', npy('<f4', [N], LABELS), [/dtype '<f4' is not an integer type/, /astype\('int64'\)/]],
    ['negative.npy', npy('<i8', [N], LABELS.map((l, i) => (i === 3 ? -1 : l))), [/labels\[3\] = -1 is not a class number/]],
    ['huge.npy', npy('<i8', [N], LABELS.map((l, i) => (i === 2 ? 70000 : l))), [/labels\[2\] = 70000 is not a class number \(0 to 65535\)/]],
    ['words.txt', ['0', 'cat', ...LABELS.slice(2)].join('\n'), [/line 2: 'cat' is not a class number/]],
    ['decimal.txt', ['0', '1.5', ...LABELS.slice(2)].join('\n'), [/line 2: '1\.5' is not a class number/]],
    ['minus.txt', ['0', '1', '-2', ...LABELS.slice(3)].join('\n'), [/line 3: '-2' is not a class number/]],
    ['blank.txt', ['0', '1', '', ...LABELS.slice(2)].join('\n'), [/line 3 is blank; the file holds one label per line/]],
    ['empty.txt', '\n\n', [/no labels \(the file is empty\)/]],
  ];
  for (const [name, content, patterns] of cases) {
    const file = write(dir, name, content);
    await rejectsWith(loadImageFiles(images, file, 0.2, 1), file, ...patterns);
  }
  const missing = join(dir, 'nowhere.npy');
  await rejectsWith(loadImageFiles(images, missing, 0.2, 1), missing, /no such file/);
});

const NETWORK: LayerSpec[] = [{ kind: 'conv', filters: 2, kernel: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 4 }];

function imageSpec(dir: string, overrides: Partial<SweepSpec> = {}): SweepSpec {
  return defaultSpec({
    input: [H, W, C],
    network: NETWORK,
    task: { kind: 'images', path: join(dir, 'images.npy'), labels: join(dir, 'labels.npy') },
    decayValues: [0, 0.01],
    steps: 6,
    batchSize: 4,
    evaluateEvery: 3,
    seeds: 2,
    ...overrides,
  });
}

test('images against the spec: H, W and C must be the input, the classes the output; an MLP reads them flattened', async (t) => {
  const dir = folder(t);
  const images = write(dir, 'images.npy', npy('|u1', [N, H, W, C], BYTES));
  write(dir, 'labels.npy', npy('<i8', [N], LABELS));
  assert.equal((await loadDataset(imageSpec(dir))).validationCount, 2);
  await rejectsWith(
    loadDataset(imageSpec(dir, { input: [4, W, 3] })),
    images,
    /images are 3x2x2 \(N,H,W,C\), but the spec's input is \[4, 2, 3\]: height 3, not 4 \(dimension 1\); channels 2, not 3 \(dimension 3\)/,
  );
  await rejectsWith(loadDataset(imageSpec(dir, { input: [H, 3, C], network: [{ kind: 'flatten' }, { kind: 'dense', units: 4 }] })), images, /width 2, not 3 \(dimension 2\)/);
  await rejectsWith(loadDataset(imageSpec(dir, { network: [...NETWORK.slice(0, 2), { kind: 'dense', units: 5 }] })), images, /4 classes \(labels in .*labels\.npy\), but the model's output width is 5/);
  await rejectsWith(loadDataset(imageSpec(dir, { batchSize: 9 })), images, /8 training images, fewer than the batch size 9/);
  // Default validation fraction 0.2; an MLP takes the H*W*C values of each image.
  const mlp = defaultSpec({ layers: [PIXELS, 5, 4], task: { kind: 'images', path: images, labels: join(dir, 'labels.npy') }, batchSize: 4 });
  assert.equal((await loadDataset(mlp)).inputs, PIXELS);
  await rejectsWith(loadDataset({ ...mlp, layers: [10, 5, 4] }), images, /images of 3x2x2 = 12 values, but the model's input width is 10/);
});

test('a sweep on image files: trains, reports the images task with its labels; fitted to the data, the input follows the images', async (t) => {
  const dir = folder(t);
  const images = write(dir, 'images.npy', npy('|u1', [N, H, W, C], BYTES));
  write(dir, 'images.labels.npy', npy('<i8', [N], LABELS));
  const part = await executeSweepPart(imageSpec(dir, { task: { kind: 'file', path: images, labelColumn: -1, task: 'classification', validationFraction: 0.2 } }));
  assert.deepEqual(part.dataTask, { kind: 'images', path: images, labels: join(dir, 'images.labels.npy'), validationFraction: 0.2 });
  assert.equal(part.runs.length, 2);
  assert.ok(part.runs.every((run) => run.divergedAt === undefined && run.seeds!.length === 2 && run.trainLoss.length === 6));
  // The proxy of another input size and output width: fitted to the images and their classes.
  const fitted = await executeSweepPart(imageSpec(dir, { input: [5, 5, 1], network: [...NETWORK.slice(0, 2), { kind: 'dense', units: 10 }], fitLayersToData: true, task: { kind: 'images', path: images } }));
  assert.deepEqual(fitted.input, [H, W, C]);
  assert.deepEqual(fitted.network?.at(-1), { kind: 'dense', units: 4 });
  // The editor's MLP proxy with the dataFile setting naming images: a file task fitted to the data reads them flattened.
  const mlp = await executeSweepPart(
    defaultSpec({ layers: [64, 8, 10], fitLayersToData: true, task: { kind: 'file', path: images, labelColumn: -1, task: 'classification', validationFraction: 0.2 }, decayValues: [0, 0.01], steps: 4, batchSize: 4, evaluateEvery: 2, seeds: 1 }),
  );
  assert.deepEqual(mlp.layers, [PIXELS, 8, 4]);
  // A network the images are too small for says so, naming the file and the layer.
  await rejectsWith(
    executeSweepPart(imageSpec(dir, { network: [{ kind: 'conv', filters: 2, kernel: 3 }, { kind: 'flatten' }, { kind: 'dense', units: 4 }], input: [8, 8, 1], fitLayersToData: true, task: { kind: 'images', path: images } })),
    images,
    /the network does not fit images of 3x2x2/,
    /network\[0\] \(conv 3x3x2 valid\)/,
  );
});
