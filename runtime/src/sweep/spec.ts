// What a sweep trains and how: JSON-serialisable, so the CLI, the editor and other engines can
// reproduce a run exactly (the seed fixes the data, and with it every seed's initial weights and
// batches).
import { describeLayer, resolveNetwork, type LayerSpec, type ResolvedNetwork } from './network';

export type { LayerSpec } from './network';
// How a result's seeds are read (mean, spread, "within noise"): pure, and importable wherever the spec is.
export { differenceNoise, spreadOf, withinNoise, type Spread } from './seedStats';

export type Activation = 'relu' | 'tanh';
export type OptimizerKind = 'sgd' | 'momentum' | 'nesterov' | 'adam' | 'adamw';

/**
 * How the decay enters the update. `l2-loss`: the TF1 seed's `wd * tf.nn.l2_loss(w)` and PyTorch
 * `weight_decay` on SGD/Adam, gradient `wd*w`; `keras-l2`: Keras `l2(wd)` = `wd * sum(w**2)`,
 * gradient `2*wd*w`; `decoupled`: AdamW, `w -= lr*wd*w` outside the adaptive step.
 */
export type DecayStyle = 'l2-loss' | 'keras-l2' | 'decoupled';

export interface OptimizerSpec {
  kind: OptimizerKind;
  /** SGD momentum (momentum, nesterov). */
  momentum?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export type TaskSpec =
  | {
      kind: 'synthetic';
      /** Few samples and noisy labels, so an unregularised network overfits. */
      trainSamples: number;
      validationSamples: number;
      labelNoise: number;
      teacherHidden: number;
    }
  | {
      /** The built-in image task (syntheticImages.ts): class-dependent bars, blobs and stripes with noise. */
      kind: 'synthetic-images';
      trainSamples: number;
      validationSamples: number;
      /** Standard deviation of the Gaussian noise on every pixel value (patterns span about 0..1). */
      noise: number;
      labelNoise: number;
    }
  | {
      kind: 'file';
      /**
       * A .csv (header row optional) or .npy (2-D) table: feature columns and one label column. A
       * .npy of images (4-D, N,H,W,C) is read as an `images` task whose labels lie beside it.
       */
      path: string;
      /** Column of the label; negative counts from the end. */
      labelColumn: number;
      task: 'classification' | 'regression';
      /** Share of the rows, shuffled with the seed, that validate; default 0.2. Not with `validationPath`. */
      validationFraction?: number;
      /**
       * An explicit validation set: a second file of the same columns (or image shape), read whole
       * for validation while `path` trains whole, both in file order (no split). Not with
       * `validationFraction`.
       */
      validationPath?: string;
    }
  | {
      /** The user's images: a .npy of N,H,W,C (uint8 scaled to [0, 1], or float) and their class labels. */
      kind: 'images';
      path: string;
      /** A .npy of N integers or a text file of one label per line; found beside `path` when omitted (imageData.ts). */
      labels?: string;
      /** Default 0.2. Not with `validationPath`. */
      validationFraction?: number;
      /** An explicit validation set: a second .npy of images of the same H,W,C, validated whole while `path` trains whole (no split). */
      validationPath?: string;
      /** The labels of `validationPath`; found beside it when omitted, as `labels` beside `path`. */
      validationLabels?: string;
    };

/** Why a task may not give both a validation fraction and a validation file. */
export const VALIDATION_EXCLUSIVE = 'task.validationFraction and task.validationPath exclude each other: with a validation file the training file trains whole; leave validationFraction out';

export interface SweepSpec {
  /** Layer widths from input to output, e.g. [64, 256, 128, 10]; not read when `network` is given. */
  layers: number[];
  /**
   * Image inputs: [height, width, channels] of one sample, whose data rows are the image in NHWC
   * order (row-major [H, W, C]). Goes with `network`.
   */
  input?: [number, number, number];
  /** The layer sequence for `input` (conv, pooling, flatten, dense); the last dense layer is the output. */
  network?: LayerSpec[];
  activation: Activation;
  task: TaskSpec;
  optimizer: OptimizerSpec;
  decayStyle: DecayStyle;
  /** Which tensors decay: kernels only, or kernels and biases. */
  decayBiases: boolean;
  /** Which layers decay (0 = the first); all when omitted. */
  decayLayers?: number[];
  learningRate: number;
  decayValues: number[];
  steps: number;
  batchSize: number;
  seed: number;
  /**
   * Trainings per decay value, each with its own initial weights and batch order (the data stays
   * the same); the results give their mean and spread. Missing means 1; defaultSpec gives 3.
   */
  seeds?: number;
  /** Validation loss, accuracy and weight norms every this many steps (and at the end). */
  evaluateEvery: number;
  /** Initial weights per tensor (kernel then bias, layer by layer), row-major; random from the seed otherwise. */
  initialWeights?: number[][];
  /** Return the initial and final weights of every run. */
  returnWeights?: boolean;
  /** With a data file: the first and last layer widths follow the file's features and classes. */
  fitLayersToData?: boolean;
  /** searchSweep only (adaptiveRange.ts): false trains the grid alone; default true. runSweep always trains the grid alone. */
  adaptive?: boolean;
  /** Rounds after the grid (extensions and the refinement), 0 to 10; default 3. */
  searchRounds?: number;
  /** A round starts only if the time so far plus its estimate fits in this many ms; default twice the grid's time plus 5 s. */
  searchBudgetMs?: number;
}

/** Decay values around a code's value: x0, 0.1, 0.3, 1, 3, 10, plus log-spaced extras between. */
export function decayValuesAround(wd: number, extras = 2): number[] {
  const multipliers = [0, 0.1, 0.3, 1, 3, 10];
  for (let i = 1; i <= extras; i++) multipliers.push(Math.pow(10, -1 + (2 * i) / (extras + 1)));
  return [...new Set(multipliers.map((m) => Number((wd * m).toPrecision(2))))].sort((a, b) => a - b);
}

/** The default task of a network (convolutional) spec: the synthetic images of syntheticImages.ts. */
export function defaultImageTask(): Extract<TaskSpec, { kind: 'synthetic-images' }> {
  return { kind: 'synthetic-images', trainSamples: 256, validationSamples: 512, noise: 0.3, labelNoise: 0.1 };
}

/** More seeds than this make the batched graph too large to be worth it (every seed copies every decay value's model). */
export const MAX_SEEDS = 32;

/** Rounds an adaptive search may add after its grid (searchRounds). */
export const MAX_SEARCH_ROUNDS = 10;

/**
 * The documented defaults (docs/sweeps.md): a small MLP on the built-in synthetic task, or, when
 * the overrides give a `network` but no task, that network on the synthetic images.
 */
export function defaultSpec(overrides: Partial<SweepSpec> = {}): SweepSpec {
  return {
    layers: [32, 128, 10],
    activation: 'relu',
    task: overrides.network !== undefined ? defaultImageTask() : { kind: 'synthetic', trainSamples: 256, validationSamples: 1024, labelNoise: 0.2, teacherHidden: 16 },
    optimizer: { kind: 'sgd' },
    decayStyle: 'l2-loss',
    decayBiases: false,
    learningRate: 0.1,
    decayValues: decayValuesAround(0.01),
    steps: 600,
    batchSize: 32,
    seed: 1,
    seeds: 3,
    evaluateEvery: 50,
    ...overrides,
  };
}

/** How many seeds each decay value trains on. */
export function seedCount(spec: SweepSpec): number {
  return spec.seeds ?? 1;
}

/**
 * The seed of the `index`-th training of each decay value: its initial weights come from it and
 * its batch order from it + 1 (trainer.ts), the data from `spec.seed` alone. Seeds 1000 apart:
 * consecutive ones would draw one seed's batch order and the next seed's weights from the same
 * stream, Random(s + 1).
 */
export function trainingSeed(spec: SweepSpec, index: number): number {
  return spec.seed + 1000 * index;
}

/** The spec's layer sequence with every shape resolved; undefined for an MLP spec. Throws on a broken one. */
export function specNetwork(spec: SweepSpec): ResolvedNetwork | undefined {
  if (spec.network === undefined && spec.input === undefined) return undefined;
  const { problems, network } = resolveNetwork(spec.input, spec.network, spec.activation);
  if (!network) throw new SpecError(problems);
  return network;
}

/** Input features per sample: the first width, or height x width x channels of an image. */
export function inputWidth(spec: SweepSpec): number {
  return spec.input && spec.network ? spec.input[0] * spec.input[1] * spec.input[2] : spec.layers[0];
}

/** Classes (or regression targets): the last width, or the units of the network's output layer. */
export function outputWidth(spec: SweepSpec): number {
  const output = spec.network?.[spec.network.length - 1];
  return spec.network ? (output?.kind === 'dense' ? output.units : NaN) : spec.layers[spec.layers.length - 1];
}

/**
 * The model in a few words: `MLP 32-128-10 relu`, or `16x16x3 -> conv 3x3x8 same -> maxpool 2x2 ->
 * dense 10, relu`; with `decayLayers` naming some of its layers, those are marked `(decay)`.
 */
export function describeModel(spec: SweepSpec): string {
  let weightLayer = 0;
  const marked = (text: string) => (spec.decayLayers?.includes(weightLayer++) ? `${text} (decay)` : text);
  if (spec.network && spec.input) {
    const layers = spec.network.map((layer) => (layer.kind === 'conv' || layer.kind === 'dense' ? marked(describeLayer(layer)) : describeLayer(layer)));
    return `${spec.input.join('x')} -> ${layers.join(' -> ')}, ${spec.activation}`;
  }
  if (spec.decayLayers) return `MLP ${spec.layers[0]}-${spec.layers.slice(1).map((width) => marked(String(width))).join('-')} ${spec.activation}`;
  return `MLP ${spec.layers.join('-')} ${spec.activation}`;
}

/** Every problem with a spec, as messages; empty when it can run. */
export function validateSpec(spec: SweepSpec): string[] {
  const problems: string[] = [];
  const positiveInteger = (value: number, what: string) => {
    if (!Number.isInteger(value) || value <= 0) problems.push(`${what} must be a positive integer (got ${value})`);
  };
  let weightLayers: number;
  if (spec.network !== undefined || spec.input !== undefined) {
    const resolved = resolveNetwork(spec.input, spec.network, spec.activation);
    problems.push(...resolved.problems);
    weightLayers = resolved.network?.weightLayers ?? Infinity;
  } else {
    if (!Array.isArray(spec.layers) || spec.layers.length < 2) problems.push('layers needs at least an input and an output width');
    else spec.layers.forEach((width, i) => positiveInteger(width, `layers[${i}]`));
    weightLayers = Array.isArray(spec.layers) ? spec.layers.length - 1 : Infinity;
  }
  if (spec.activation !== 'relu' && spec.activation !== 'tanh') problems.push(`activation must be relu or tanh (got ${spec.activation})`);
  if (!spec.optimizer || typeof spec.optimizer !== 'object' || !['sgd', 'momentum', 'nesterov', 'adam', 'adamw'].includes(spec.optimizer.kind)) {
    problems.push(`optimizer.kind must be sgd, momentum, nesterov, adam or adamw (got ${spec.optimizer?.kind})`);
    return problems;
  }
  const inUnitInterval = (value: number | undefined, what: string) => {
    if (value !== undefined && !(value >= 0 && value < 1)) problems.push(`${what} must be in [0, 1) (got ${value})`);
  };
  inUnitInterval(spec.optimizer.momentum, 'optimizer.momentum');
  inUnitInterval(spec.optimizer.beta1, 'optimizer.beta1');
  inUnitInterval(spec.optimizer.beta2, 'optimizer.beta2');
  if (spec.optimizer.epsilon !== undefined && !(spec.optimizer.epsilon > 0)) problems.push(`optimizer.epsilon must be positive (got ${spec.optimizer.epsilon})`);
  if (spec.decayStyle === 'decoupled' && spec.optimizer.kind !== 'adamw') problems.push('decoupled decay is AdamW: use optimizer adamw');
  if (spec.optimizer.kind === 'adamw' && spec.decayStyle !== 'decoupled') problems.push('AdamW decays decoupled: use decayStyle decoupled');
  if (!(spec.learningRate > 0 && Number.isFinite(spec.learningRate))) problems.push(`learningRate must be a positive number (got ${spec.learningRate})`);
  if (!Array.isArray(spec.decayValues) || spec.decayValues.length === 0) problems.push('decayValues must list at least one value');
  else if (spec.decayValues.some((value) => !Number.isFinite(value) || value < 0)) problems.push('decayValues must be numbers >= 0');
  positiveInteger(spec.steps, 'steps');
  positiveInteger(spec.batchSize, 'batchSize');
  positiveInteger(spec.evaluateEvery, 'evaluateEvery');
  if (!Number.isInteger(spec.seed)) problems.push(`seed must be an integer (got ${spec.seed})`);
  if (spec.seeds !== undefined && !(Number.isInteger(spec.seeds) && spec.seeds >= 1 && spec.seeds <= MAX_SEEDS)) {
    problems.push(`seeds must be an integer from 1 to ${MAX_SEEDS} (got ${spec.seeds})`);
  }
  if (spec.adaptive !== undefined && typeof spec.adaptive !== 'boolean') problems.push(`adaptive must be true or false (got ${spec.adaptive})`);
  if (spec.searchRounds !== undefined && !(Number.isInteger(spec.searchRounds) && spec.searchRounds >= 0 && spec.searchRounds <= MAX_SEARCH_ROUNDS)) {
    problems.push(`searchRounds must be an integer from 0 to ${MAX_SEARCH_ROUNDS} (got ${spec.searchRounds})`);
  }
  if (spec.searchBudgetMs !== undefined && !(typeof spec.searchBudgetMs === 'number' && spec.searchBudgetMs >= 0)) problems.push(`searchBudgetMs must be a number of milliseconds >= 0 (got ${spec.searchBudgetMs})`);
  if (spec.decayLayers !== undefined && (!Array.isArray(spec.decayLayers) || spec.decayLayers.some((layer) => !Number.isInteger(layer) || layer < 0 || layer >= weightLayers))) {
    problems.push(`decayLayers must list layer numbers from 0 to ${weightLayers - 1}${spec.network ? ' (the layers with weights, conv and dense, counted from 0)' : ''}`);
  }
  if (spec.task?.kind === 'synthetic') {
    positiveInteger(spec.task.trainSamples, 'task.trainSamples');
    positiveInteger(spec.task.validationSamples, 'task.validationSamples');
    positiveInteger(spec.task.teacherHidden, 'task.teacherHidden');
    if (outputWidth(spec) < 2) problems.push('the synthetic task classifies: the output width needs at least 2 classes');
    if (!(spec.task.labelNoise >= 0 && spec.task.labelNoise < 1)) problems.push('task.labelNoise must be in [0, 1)');
    if (spec.batchSize > spec.task.trainSamples) problems.push('batchSize is larger than task.trainSamples');
  } else if (spec.task?.kind === 'synthetic-images') {
    positiveInteger(spec.task.trainSamples, 'task.trainSamples');
    positiveInteger(spec.task.validationSamples, 'task.validationSamples');
    if (spec.network === undefined) problems.push('the synthetic-images task needs an image model: give input [height, width, channels] and network');
    else if (outputWidth(spec) < 2) problems.push('the synthetic-images task classifies: the output layer needs at least 2 units');
    if (!(spec.task.noise >= 0 && Number.isFinite(spec.task.noise))) problems.push(`task.noise must be a number >= 0 (got ${spec.task.noise})`);
    if (!(spec.task.labelNoise >= 0 && spec.task.labelNoise < 1)) problems.push('task.labelNoise must be in [0, 1)');
    if (spec.batchSize > spec.task.trainSamples) problems.push('batchSize is larger than task.trainSamples');
  } else if (spec.task?.kind === 'file') {
    if (typeof spec.task.path !== 'string' || spec.task.path === '') problems.push('task.path must name a data file');
    problems.push(...validationProblems(spec.task, 'a data file'));
  } else if (spec.task?.kind === 'images') {
    if (typeof spec.task.path !== 'string' || spec.task.path === '') problems.push('task.path must name a .npy file of images');
    if (spec.task.labels !== undefined && (typeof spec.task.labels !== 'string' || spec.task.labels === '')) problems.push('task.labels must name a labels file (.npy or text) when given');
    problems.push(...validationProblems(spec.task, 'a .npy file of images'));
    const labels = spec.task.validationLabels;
    if (labels !== undefined && (typeof labels !== 'string' || labels === '')) problems.push('task.validationLabels must name a labels file (.npy or text) when given');
    else if (labels !== undefined && spec.task.validationPath === undefined) problems.push('task.validationLabels goes with task.validationPath (the images it labels)');
  } else problems.push('task.kind must be synthetic, synthetic-images, file or images');
  return problems;
}

/** A file task's validation: a fraction in (0, 1), or a validation file, not both. */
function validationProblems(task: { validationFraction?: number; validationPath?: string }, what: string): string[] {
  const problems: string[] = [];
  const fraction = task.validationFraction;
  if (fraction !== undefined && !(fraction > 0 && fraction < 1)) problems.push('task.validationFraction must be in (0, 1)');
  if (task.validationPath !== undefined) {
    if (typeof task.validationPath !== 'string' || task.validationPath === '') problems.push(`task.validationPath must name ${what} when given`);
    else if (fraction !== undefined) problems.push(VALIDATION_EXCLUSIVE);
  }
  return problems;
}

export class SpecError extends Error {
  constructor(problems: string[]) {
    super(`invalid sweep spec: ${problems.join('; ')}`);
    this.name = 'SpecError';
  }
}

export function assertValidSpec(spec: SweepSpec): void {
  const problems = validateSpec(spec);
  if (problems.length > 0) throw new SpecError(problems);
}

/**
 * Copies of every weight a training holds at once, at the least: the weights handed to the graph,
 * those its Loop carries, their gradient and the updated weights (optimizer state comes on top).
 * A lower bound, so that no spec that fits is refused: SGD MLPs were measured at about 11.
 */
const WEIGHT_COPIES_AT_LEAST = 4;
const FLOAT_BYTES = 4;

/**
 * Refuses, before any data is made or worker started, a valid spec whose models cannot fit a
 * worker's memory: a worker trains `decayValuesPerWorker` values on every seed at once. Without
 * this, `layers [100000, 100000]` made its data for half a minute and then failed to allocate.
 */
export function assertFitsMemory(spec: SweepSpec, decayValuesPerWorker: number, memoryLimitMb: number): void {
  const weights = weightCount(spec);
  const trainings = decayValuesPerWorker * seedCount(spec);
  const neededMb = (weights * trainings * WEIGHT_COPIES_AT_LEAST * FLOAT_BYTES) / (1024 * 1024);
  if (neededMb <= memoryLimitMb) return;
  const model = spec.network && spec.input ? `the model ${describeModel(spec)} makes` : `layers [${spec.layers.join(', ')}] make`;
  const count = (value: number) => value.toLocaleString('en-US');
  throw new SpecError([
    `${model} ${count(weights)} weights per model; a sweep worker trains ${trainings} models at once ` +
      `(${decayValuesPerWorker} decay values x ${seedCount(spec)} seeds) and needs at least ${count(Math.ceil(neededMb))} MB for them, ` +
      `over its ${count(memoryLimitMb)} MB memory limit: use narrower layers, or fewer decay values or seeds`,
  ]);
}

/** Kernel and bias values of one model. */
function weightCount(spec: SweepSpec): number {
  const network = specNetwork(spec);
  if (!network) return spec.layers.slice(1).reduce((sum, width, i) => sum + (spec.layers[i] + 1) * width, 0);
  return network.layers.reduce((sum, layer) => {
    if (layer.kind === 'dense' && layer.input.kind === 'vector') return sum + (layer.input.features + 1) * layer.units;
    if (layer.kind === 'conv' && layer.input.kind === 'map') return sum + (layer.kernel[0] * layer.kernel[1] * layer.input.channels + 1) * layer.filters;
    return sum;
  }, 0);
}
