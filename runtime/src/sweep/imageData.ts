// The user's images for a sweep: a .npy of N,H,W,C (uint8 scaled to [0, 1], or float32/float64)
// and N class labels, in a second .npy or a text file of one label per line. Found beside the
// images when not named. Every problem is an Error whose message starts with the file's path and
// names the dimension, index or line at fault.
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, isAbsolute } from 'node:path';
import type { Dataset } from './dataset';
import { NPY_INTEGER_DTYPES, parseNpy, shapeText, type NpyArray } from './npy';
import { readDataBytes, shuffledSplit } from './readData';

/** More classes than this almost always means something other than class labels. */
const MAX_IMAGE_CLASSES = 65536;
const DIMENSIONS = ['N', 'H', 'W', 'C'];
const IMAGE_DTYPES: Record<string, number> = { '|u1': 1 / 255, '<f4': 1, '<f8': 1 };

/** Where a labels file is looked for when none is named, in this order: beside the images. */
export function labelCandidates(imagesPath: string): string[] {
  const stem = basename(imagesPath, extname(imagesPath));
  return [`${stem}.labels.npy`, `${stem}.labels.txt`, 'labels.npy', 'labels.txt'].map((name) => join(dirname(imagesPath), name));
}

/** An explicit validation set: a second file read whole, its labels named or found beside it. */
export interface ValidationFile {
  path: string;
  labels?: string;
}

/** Images and labels from their files: `labelsPath` undefined looks beside the images (labelCandidates). */
export async function loadImageFiles(path: string, labelsPath: string | undefined, validationFraction: number, seed: number, validation?: ValidationFile): Promise<Dataset> {
  const bytes = await readDataBytes(path, ['.npy']);
  return loadImageArray(path, parseNpy(path, bytes), labelsPath, validationFraction, seed, validation);
}

/** Checked images of one file: their shape, the scale of their dtype, and their labels. */
interface LabelledImages {
  path: string;
  images: NpyArray;
  shape: [number, number, number, number];
  scale: number;
  labels: number[];
  labelsFile: string;
  classes: number;
}

/**
 * The images of an .npy already parsed, their labels, and the seeded split (as for tables); with
 * `validation`, no split: these images train whole and the validation file's validate whole, each
 * in file order.
 */
export async function loadImageArray(path: string, images: NpyArray, labelsPath: string | undefined, validationFraction: number, seed: number, validation?: ValidationFile): Promise<Dataset> {
  if (!validation) {
    if (!(validationFraction > 0 && validationFraction < 1)) throw new Error(`${path}: the validation fraction must be in (0, 1) (got ${validationFraction})`);
    const train = await labelledImages(path, images, labelsPath, 2, ['task.labels', '--labels']);
    const { order, validationCount, trainCount } = shuffledSplit(train.shape[0], validationFraction, seed);
    return imageDataset(train, train, order.slice(validationCount), order.slice(0, validationCount), trainCount, validationCount);
  }
  const train = await labelledImages(path, images, labelsPath, 1, ['task.labels', '--labels']);
  const bytes = await readDataBytes(validation.path, ['.npy']);
  const held = await labelledImages(validation.path, parseNpy(validation.path, bytes), validation.labels, 1, ['task.validationLabels', '--validation-labels']);
  const names = ['H', 'W', 'C'];
  const wrong = [1, 2, 3].filter((axis) => held.shape[axis] !== train.shape[axis]);
  if (wrong.length > 0) {
    const detail = wrong.map((axis) => `dimension ${axis} (${names[axis - 1]}) is ${held.shape[axis]}, not ${train.shape[axis]}`).join('; ');
    throw new Error(`${validation.path}: validation images of shape ${shapeText(held.shape)}, but the training images ${path} are ${shapeText(train.shape)}: ${detail}`);
  }
  const outside = held.labels.findIndex((label) => label >= train.classes);
  if (outside >= 0) {
    throw new Error(`${held.labelsFile}: validation label ${outside + 1} is class ${held.labels[outside]}, but the training labels ${train.labelsFile} (of ${path}) have classes 0 to ${train.classes - 1} only`);
  }
  const rows = (count: number) => Array.from({ length: count }, (_, i) => i);
  return { ...imageDataset(train, held, rows(train.shape[0]), rows(held.shape[0]), train.shape[0], held.shape[0]), validationLabelsPath: held.labelsFile };
}

/** The images' shape, dtype and labels checked; at least `minimum` images. */
async function labelledImages(path: string, images: NpyArray, labelsPath: string | undefined, minimum: number, naming: [string, string]): Promise<LabelledImages> {
  const { shape } = images;
  if (shape.length !== 4) {
    const hint = shape.length === 3 ? '; grayscale images need a channel axis of 1 (e.g. images[..., None])' : '';
    throw new Error(`${path}: expected 4 dimensions N,H,W,C, found ${shape.length} (shape ${shapeText(shape)})${hint}`);
  }
  const scale = IMAGE_DTYPES[images.descr];
  if (scale === undefined) {
    throw new Error(`${path}: dtype '${images.descr}' is not supported for images; use uint8 ('|u1', scaled to [0, 1]), float32 ('<f4') or float64 ('<f8')`);
  }
  shape.forEach((dim, axis) => {
    if (dim === 0) throw new Error(`${path}: dimension ${axis} (${DIMENSIONS[axis]}) is 0 (shape ${shapeText(shape)})`);
  });
  const count = shape[0];
  if (count < minimum) throw new Error(`${path}: ${count} image (dimension 0 is ${count}); a sweep needs at least 2, one to train on and one to validate`);
  const labelsFile = labelsPath ?? (await findLabels(path, naming));
  const labels = await readLabels(labelsFile);
  if (labels.length !== count) throw new Error(`${labelsFile}: ${labels.length} labels, but ${path} has ${count} images (dimension 0)`);
  const classes = labels.reduce((most, label) => Math.max(most, label), 0) + 1;
  return { path, images, shape: [shape[0], shape[1], shape[2], shape[3]], scale, labels, labelsFile, classes };
}

/** Training rows `trainRows` of `train` and validation rows `validationRows` of `held` (the same file when split). */
function imageDataset(train: LabelledImages, held: LabelledImages, trainRows: number[], validationRows: number[], trainCount: number, validationCount: number): Dataset {
  const [, height, width, channels] = train.shape;
  const pixels = height * width * channels;
  const classes = train.classes;
  const fill = ({ path, images, scale, labels }: LabelledImages, rows: number[]) => {
    const x = new Float32Array(rows.length * pixels);
    const y = new Float32Array(rows.length * classes);
    rows.forEach((image, n) => {
      for (let i = 0; i < pixels; i++) {
        const value = images.read(image * pixels + i) * scale;
        if (!Number.isFinite(Math.fround(value))) {
          const at = [image, Math.floor(i / (width * channels)), Math.floor(i / channels) % width, i % channels];
          const what = Number.isFinite(value) ? 'is outside the float32 range' : 'is not a finite number';
          throw new Error(`${path}: images[${at.join(', ')}] = ${value} ${what}`);
        }
        x[n * pixels + i] = value;
      }
      y[n * classes + labels[image]] = 1;
    });
    return { x, y };
  };
  const validation = fill(held, validationRows);
  const training = fill(train, trainRows);
  return {
    task: 'classification',
    inputs: pixels,
    outputs: classes,
    trainX: training.x,
    trainY: training.y,
    validationX: validation.x,
    validationY: validation.y,
    trainCount,
    validationCount,
    imageShape: [height, width, channels],
    labelsPath: train.labelsFile,
  };
}

/**
 * The first labels file beside the images. It must really be in the images' folder: a link out
 * of it is refused (a workspace setting may name the images, never a file elsewhere).
 */
async function findLabels(imagesPath: string, [field, flag]: [string, string]): Promise<string> {
  const candidates = labelCandidates(imagesPath);
  for (const candidate of candidates) {
    const found = await stat(candidate).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!found) continue;
    const [folder, real] = await Promise.all([realpath(dirname(imagesPath)), realpath(candidate)]);
    const inside = relative(folder, real);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(`${candidate}: the labels file beside ${basename(imagesPath)} is a link out of its folder; name the labels file explicitly`);
    }
    return candidate;
  }
  const names = candidates.map((candidate) => basename(candidate));
  throw new Error(`${imagesPath}: no labels file: name one (${field}, ${flag}) or put it beside the images as ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`);
}

/** Class labels from a .npy (N or N,1 integers) or a text file (one per line). */
async function readLabels(path: string): Promise<number[]> {
  const npy = extname(path).toLowerCase() === '.npy';
  const bytes = await readDataBytes(path, undefined);
  return npy ? npyLabels(path, parseNpy(path, bytes)) : textLabels(path, bytes);
}

function npyLabels(path: string, array: NpyArray): number[] {
  const { shape } = array;
  if (shape.length !== 1 && !(shape.length === 2 && shape[1] === 1)) {
    const hint = shape.length === 2 ? '; for one-hot labels save labels.argmax(axis=1)' : '';
    throw new Error(`${path}: expected 1 dimension N (or N,1) of labels, found ${shape.length} (shape ${shapeText(shape)})${hint}`);
  }
  if (!NPY_INTEGER_DTYPES.includes(array.descr)) {
    throw new Error(`${path}: dtype '${array.descr}' is not an integer type; labels are class numbers (int8, uint8, int32 or int64, e.g. labels.astype('int64'))`);
  }
  const labels: number[] = [];
  for (let i = 0; i < shape[0]; i++) {
    const value = array.read(i);
    if (value < 0 || value >= MAX_IMAGE_CLASSES) throw new Error(`${path}: labels[${i}] = ${value} is not a class number (0 to ${MAX_IMAGE_CLASSES - 1})`);
    labels.push(value);
  }
  if (labels.length === 0) throw new Error(`${path}: no labels (dimension 0 is 0)`);
  return labels;
}

function textLabels(path: string, bytes: Buffer): number[] {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n').map((line) => line.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new Error(`${path}: no labels (the file is empty)`);
  return lines.map((line, index) => {
    if (line === '') throw new Error(`${path}: line ${index + 1} is blank; the file holds one label per line`);
    const shown = line.length > 20 ? `${line.slice(0, 20)}...` : line;
    if (!/^\+?\d+$/.test(line)) throw new Error(`${path}: line ${index + 1}: '${shown}' is not a class number (a non-negative integer)`);
    const value = Number(line);
    if (value >= MAX_IMAGE_CLASSES) throw new Error(`${path}: line ${index + 1}: ${shown} is not a class number (0 to ${MAX_IMAGE_CLASSES - 1})`);
    return value;
  });
}
