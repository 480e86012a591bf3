// Training and validation data for a sweep: the built-in synthetic task (a random teacher network
// with label noise and few training samples, so an unregularised student overfits), the built-in
// synthetic images (syntheticImages.ts), a data file, or the user's images (imageData.ts).
// Image models (`input` + `network`) read the same rows: height x width x channels values each,
// in NHWC order.
import { loadDataFile } from './dataFile';
import { loadImageFiles } from './imageData';
import { Random } from './random';
import { inputWidth, outputWidth, specNetwork, VALIDATION_EXCLUSIVE, type SweepSpec } from './spec';
import { syntheticImageTask } from './syntheticImages';

export interface Dataset {
  task: 'classification' | 'regression';
  inputs: number;
  /** Classes (one-hot width) or regression targets. */
  outputs: number;
  trainX: Float32Array;
  trainY: Float32Array;
  validationX: Float32Array;
  validationY: Float32Array;
  trainCount: number;
  validationCount: number;
  /** Images: [height, width, channels] of each row (NHWC). */
  imageShape?: [number, number, number];
  /** Images from files: the labels file read (named, or found beside the images). */
  labelsPath?: string;
  /** Images with an explicit validation file: the labels file of the validation images. */
  validationLabelsPath?: string;
}

export async function loadDataset(spec: SweepSpec): Promise<Dataset> {
  const task = spec.task;
  if (task.kind === 'synthetic') {
    return syntheticTask(inputWidth(spec), outputWidth(spec), task.trainSamples, task.validationSamples, task.labelNoise, task.teacherHidden, spec.seed);
  }
  if (task.kind === 'synthetic-images') {
    const network = specNetwork(spec);
    if (!network) throw new Error('the synthetic-images task needs input and network');
    const { height, width, channels } = network.input;
    return { ...syntheticImageTask({ height, width, channels, classes: outputWidth(spec) }, task, spec.seed), imageShape: [height, width, channels] };
  }
  if (task.validationPath !== undefined && task.validationFraction !== undefined) {
    throw new Error(`${task.path}: ${VALIDATION_EXCLUSIVE}`);
  }
  const dataset =
    task.kind === 'images'
      ? await loadImageFiles(task.path, task.labels, task.validationFraction ?? 0.2, spec.seed, task.validationPath === undefined ? undefined : { path: task.validationPath, labels: task.validationLabels })
      : await loadDataFile(task.path, task.labelColumn, task.task, task.validationFraction ?? 0.2, spec.seed, task.validationPath);
  const unit = dataset.imageShape ? 'images' : 'rows';
  if (spec.batchSize > dataset.trainCount) {
    throw new Error(`${task.path}: ${dataset.trainCount} training ${unit}, fewer than the batch size ${spec.batchSize}`);
  }
  checkFitsModel(spec, task.path, dataset);
  return dataset;
}

/** The data's inputs and outputs against the model's; fitting to the data (fitLayersToData) leaves the widths, and an image model's input, to the data. */
function checkFitsModel(spec: SweepSpec, path: string, dataset: Dataset): void {
  const images = spec.input && spec.network ? spec.input : undefined;
  const shape = dataset.imageShape;
  if (spec.fitLayersToData && (!images || shape)) return;
  if (images && shape) {
    const names = ['height', 'width', 'channels'];
    const wrong = shape.flatMap((size, axis) => (size === images[axis] ? [] : [`${names[axis]} ${size}, not ${images[axis]} (dimension ${axis + 1})`]));
    if (wrong.length > 0) throw new Error(`${path}: images are ${shape.join('x')} (N,H,W,C), but the spec's input is [${images.join(', ')}]: ${wrong.join('; ')}`);
  } else if (dataset.inputs !== inputWidth(spec)) {
    const expected = images ? `${images.join('x')} = ${inputWidth(spec)} values per image (rows in height, width, channel order)` : `${spec.layers[0]}`;
    const given = shape ? `images of ${shape.join('x')} = ${dataset.inputs} values` : `${dataset.inputs} feature columns`;
    throw new Error(`${path}: ${given}, but the model's input ${images ? 'is' : 'width is'} ${expected}`);
  }
  if (spec.fitLayersToData) return;
  if (dataset.outputs !== outputWidth(spec)) {
    const source = dataset.labelsPath ? ` (labels in ${dataset.labelsPath})` : '';
    throw new Error(`${path}: ${dataset.outputs} ${dataset.task === 'classification' ? 'classes' : 'targets'}${source}, but the model's output width is ${outputWidth(spec)}`);
  }
}

/** Inputs ~ N(0, 1); labels = arg-max of a random tanh teacher, a fraction replaced at random. */
export function syntheticTask(inputs: number, classes: number, trainCount: number, validationCount: number, labelNoise: number, hidden: number, seed: number): Dataset {
  const random = new Random(seed ^ 0x5eed);
  const w1 = Array.from({ length: inputs * hidden }, () => random.normal() / Math.sqrt(inputs));
  const w2 = Array.from({ length: hidden * classes }, () => random.normal() / Math.sqrt(hidden));
  const sample = (count: number) => {
    const x = new Float32Array(count * inputs);
    const y = new Float32Array(count * classes);
    const h = new Float64Array(hidden);
    for (let n = 0; n < count; n++) {
      for (let i = 0; i < inputs; i++) x[n * inputs + i] = random.normal();
      for (let j = 0; j < hidden; j++) {
        let sum = 0;
        for (let i = 0; i < inputs; i++) sum += x[n * inputs + i] * w1[i * hidden + j];
        h[j] = Math.tanh(3 * sum);
      }
      let label = 0;
      let best = -Infinity;
      for (let c = 0; c < classes; c++) {
        let logit = 0;
        for (let j = 0; j < hidden; j++) logit += h[j] * w2[j * classes + c];
        if (logit > best) [best, label] = [logit, c];
      }
      if (random.next() < labelNoise) label = random.integer(classes);
      y[n * classes + label] = 1;
    }
    return { x, y };
  };
  const train = sample(trainCount);
  const validation = sample(validationCount);
  return {
    task: 'classification',
    inputs,
    outputs: classes,
    trainX: train.x,
    trainY: train.y,
    validationX: validation.x,
    validationY: validation.y,
    trainCount,
    validationCount,
  };
}
