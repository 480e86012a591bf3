// What a sweep trains and how: JSON-serialisable, so the CLI, the editor and other engines can
// reproduce a run exactly (the seed fixes the data, the initial weights and the batches).
import { resolveNetwork, type LayerSpec, type ResolvedNetwork } from './network';

export type { LayerSpec } from './network';

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
      kind: 'file';
      /** A .csv (header row optional) or .npy (2-D float) file: feature columns and one label column. */
      path: string;
      /** Column of the label; negative counts from the end. */
      labelColumn: number;
      task: 'classification' | 'regression';
      validationFraction: number;
    };

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
  /** Validation loss, accuracy and weight norms every this many steps (and at the end). */
  evaluateEvery: number;
  /** Initial weights per tensor (kernel then bias, layer by layer), row-major; random from the seed otherwise. */
  initialWeights?: number[][];
  /** Return the initial and final weights of every run. */
  returnWeights?: boolean;
  /** With a data file: the first and last layer widths follow the file's features and classes. */
  fitLayersToData?: boolean;
}

/** Decay values around a code's value: x0, 0.1, 0.3, 1, 3, 10, plus log-spaced extras between. */
export function decayValuesAround(wd: number, extras = 2): number[] {
  const multipliers = [0, 0.1, 0.3, 1, 3, 10];
  for (let i = 1; i <= extras; i++) multipliers.push(Math.pow(10, -1 + (2 * i) / (extras + 1)));
  return [...new Set(multipliers.map((m) => Number((wd * m).toPrecision(2))))].sort((a, b) => a - b);
}

/** The documented defaults (docs/sweeps.md): a small MLP on the built-in synthetic task. */
export function defaultSpec(overrides: Partial<SweepSpec> = {}): SweepSpec {
  return {
    layers: [32, 128, 10],
    activation: 'relu',
    task: { kind: 'synthetic', trainSamples: 256, validationSamples: 1024, labelNoise: 0.2, teacherHidden: 16 },
    optimizer: { kind: 'sgd' },
    decayStyle: 'l2-loss',
    decayBiases: false,
    learningRate: 0.1,
    decayValues: decayValuesAround(0.01),
    steps: 600,
    batchSize: 32,
    seed: 1,
    evaluateEvery: 50,
    ...overrides,
  };
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
  } else if (spec.task?.kind === 'file') {
    if (typeof spec.task.path !== 'string' || spec.task.path === '') problems.push('task.path must name a data file');
    if (!(spec.task.validationFraction > 0 && spec.task.validationFraction < 1)) problems.push('task.validationFraction must be in (0, 1)');
  } else problems.push('task.kind must be synthetic or file');
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
