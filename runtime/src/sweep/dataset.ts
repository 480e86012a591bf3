// Training and validation data for a sweep: the built-in synthetic task (a random teacher network
// with label noise and few training samples, so an unregularised student overfits) or a file.
// Image models (`input` + `network`) read the same rows: height x width x channels values each,
// in NHWC order.
import { loadDataFile } from './dataFile';
import { Random } from './random';
import { inputWidth, outputWidth, type SweepSpec } from './spec';

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
}

export async function loadDataset(spec: SweepSpec): Promise<Dataset> {
  const task = spec.task;
  if (task.kind === 'synthetic') {
    return syntheticTask(inputWidth(spec), outputWidth(spec), task.trainSamples, task.validationSamples, task.labelNoise, task.teacherHidden, spec.seed);
  }
  const dataset = await loadDataFile(task.path, task.labelColumn, task.task, task.validationFraction, spec.seed);
  if (spec.batchSize > dataset.trainCount) {
    throw new Error(`${task.path}: ${dataset.trainCount} training rows, fewer than the batch size ${spec.batchSize}`);
  }
  // Fitting to the data changes the widths, never an image's shape.
  const images = spec.input && spec.network;
  if (spec.fitLayersToData && !images) return dataset;
  if (dataset.inputs !== inputWidth(spec)) {
    const expected = images ? `${spec.input!.join('x')} = ${inputWidth(spec)} values per image (rows in height, width, channel order)` : `${spec.layers[0]}`;
    throw new Error(`${task.path}: ${dataset.inputs} feature columns, but the model's input ${images ? 'is' : 'width is'} ${expected}`);
  }
  if (spec.fitLayersToData) return dataset;
  if (dataset.outputs !== outputWidth(spec)) {
    throw new Error(`${task.path}: ${dataset.outputs} ${dataset.task === 'classification' ? 'classes' : 'targets'}, but the model's output width is ${outputWidth(spec)}`);
  }
  return dataset;
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
