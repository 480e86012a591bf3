// The float64 reference's training loop, shared by the MLP (referenceMlp.ts) and the convolutional
// network (referenceConvNet.ts) references: batches, the data gradient from the model, then the
// optimizer update with each decay style, PyTorch conventions. Written from the math in plain
// loops, with no code shared with runtime/src/train.
import type { Dataset } from '../../runtime/src/sweep/dataset';
import type { SweepSpec } from '../../runtime/src/sweep/spec';

export type Weights = Float64Array[];
export type Task = 'classification' | 'regression';

/** What the training loop needs of a model. */
export interface ReferenceModel {
  /** Values of each tensor, in the runtime's order (layer by layer, kernel then bias). */
  tensorSizes: readonly number[];
  /** Whether tensor i is a kernel (else a bias), and which layer with weights it belongs to. */
  isKernel(i: number): boolean;
  layerOf(i: number): number;
  /** Features per input row and outputs per target row. */
  inputs: number;
  outputs: number;
  /** The data loss of `count` rows and its gradient with respect to every tensor. */
  lossAndGrads(task: Task, weights: Weights, x: Float64Array, y: Float64Array, count: number): { loss: number; grads: Weights };
}

export type OptimizerSettings = Pick<SweepSpec, 'optimizer' | 'decayStyle' | 'decayBiases' | 'decayLayers' | 'learningRate' | 'steps' | 'batchSize'>;

/**
 * Deliberate faults, for showing that a comparison's tolerance would catch a wrong update.
 * Never set in a reference run.
 */
export interface ReferenceFaults {
  /** Adam without the bias corrections 1 - beta^t. */
  noBiasCorrection?: boolean;
  /** Adam's t counted from 0 in every chunk of this many steps (a lost step offset). */
  adamStepResetEvery?: number;
}

export interface ReferenceTraining {
  /** Data loss of each step's batch, computed with the weights before that step's update. */
  losses: number[];
  finalWeights: Weights;
}

export function toFloat64(weights: readonly (ArrayLike<number>)[]): Weights {
  return weights.map((w) => Float64Array.from(w as ArrayLike<number>));
}

/** Row indices of step `t`'s batch. */
function batchRows(batches: BigInt64Array | readonly (readonly number[])[], t: number, batchSize: number): number[] {
  if (batches instanceof BigInt64Array) {
    if ((t + 1) * batchSize > batches.length) throw new Error(`batches cover ${batches.length / batchSize} steps, step ${t} requested`);
    return Array.from(batches.subarray(t * batchSize, (t + 1) * batchSize), Number);
  }
  return [...batches[t]];
}

function gatherRows(source: ArrayLike<number>, width: number, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((row, n) => {
    for (let k = 0; k < width; k++) out[n * width + k] = source[row * width + k];
  });
  return out;
}

/**
 * Trains one copy of `model` for `spec.steps` steps with decay value `wd`:
 * g = data gradient; coupled decay (decaying tensors only) g += wd*w ('l2-loss') or 2*wd*w ('keras-l2');
 * sgd        w -= lr*g
 * momentum   v = m*v + g; w -= lr*v
 * nesterov   v = m*v + g; w -= lr*(g + m*v)
 * adam       m1 = b1*m1 + (1-b1)*g; m2 = b2*m2 + (1-b2)*g^2; w -= lr*(m1/(1-b1^t)) / (sqrt(m2/(1-b2^t)) + eps)
 * adamw      w *= 1 - lr*wd (decaying tensors only), then the adam step with the data gradient.
 */
export function trainReferenceModel(
  model: ReferenceModel,
  spec: OptimizerSettings,
  dataset: Dataset,
  initialWeights: readonly (ArrayLike<number>)[],
  batches: BigInt64Array | readonly (readonly number[])[],
  wd: number,
  faults: ReferenceFaults = {},
): ReferenceTraining {
  const optimizer = spec.optimizer;
  if (spec.decayStyle === 'decoupled' && optimizer.kind !== 'adamw') throw new Error('decoupled decay is only defined for adamw');
  if (optimizer.kind === 'adamw' && spec.decayStyle !== 'decoupled') throw new Error('adamw decays decoupled');
  const count = model.tensorSizes.length;
  if (initialWeights.length !== count) throw new Error(`expected ${count} tensors, got ${initialWeights.length}`);
  const weights = toFloat64(initialWeights);
  weights.forEach((w, i) => {
    if (w.length !== model.tensorSizes[i]) throw new Error(`tensor ${i} has ${w.length} values, expected ${model.tensorSizes[i]}`);
  });
  const lr = spec.learningRate;
  const momentum = optimizer.momentum ?? 0.9;
  const beta1 = optimizer.beta1 ?? 0.9;
  const beta2 = optimizer.beta2 ?? 0.999;
  const epsilon = optimizer.epsilon ?? 1e-8;
  const coupledScale = spec.decayStyle === 'l2-loss' ? 1 : spec.decayStyle === 'keras-l2' ? 2 : 0;
  const firstState = weights.map((w) => new Float64Array(w.length));
  const secondState = weights.map((w) => new Float64Array(w.length));
  const decays = (i: number) => (model.isKernel(i) || spec.decayBiases) && (spec.decayLayers?.includes(model.layerOf(i)) ?? true);
  if (dataset.inputs !== model.inputs || dataset.outputs !== model.outputs) throw new Error('dataset and model disagree');
  const task: Task = dataset.task;
  const losses: number[] = [];

  for (let step = 0; step < spec.steps; step++) {
    const rows = batchRows(batches, step, spec.batchSize);
    const x = gatherRows(dataset.trainX, model.inputs, rows);
    const y = gatherRows(dataset.trainY, model.outputs, rows);
    const { loss, grads } = model.lossAndGrads(task, weights, x, y, rows.length);
    losses.push(loss);
    const t = faults.adamStepResetEvery ? (step % faults.adamStepResetEvery) + 1 : step + 1;
    weights.forEach((w, i) => {
      const dataGrad = grads[i];
      const decayHere = decays(i) ? wd : 0;
      const m1 = firstState[i];
      const m2 = secondState[i];
      if (optimizer.kind === 'adamw') {
        for (let k = 0; k < w.length; k++) w[k] *= 1 - lr * decayHere;
      }
      for (let k = 0; k < w.length; k++) {
        // adamw's gradient stays the data gradient (coupledScale is 0 for 'decoupled').
        const g = dataGrad[k] + coupledScale * decayHere * w[k];
        switch (optimizer.kind) {
          case 'sgd':
            w[k] -= lr * g;
            break;
          case 'momentum':
            m1[k] = momentum * m1[k] + g;
            w[k] -= lr * m1[k];
            break;
          case 'nesterov':
            m1[k] = momentum * m1[k] + g;
            w[k] -= lr * (g + momentum * m1[k]);
            break;
          case 'adam':
          case 'adamw': {
            m1[k] = beta1 * m1[k] + (1 - beta1) * g;
            m2[k] = beta2 * m2[k] + (1 - beta2) * g * g;
            const firstHat = faults.noBiasCorrection ? m1[k] : m1[k] / (1 - Math.pow(beta1, t));
            const secondHat = faults.noBiasCorrection ? m2[k] : m2[k] / (1 - Math.pow(beta2, t));
            w[k] -= (lr * firstHat) / (Math.sqrt(secondHat) + epsilon);
            break;
          }
        }
      }
    });
  }
  return { losses, finalWeights: weights };
}
