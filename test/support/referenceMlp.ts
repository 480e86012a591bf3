// An independent float64 reference for the training runtime, written from the math in plain
// loops (no ONNX, no code shared with runtime/src/train): the MLP forward pass, the two losses,
// the backward pass by hand, and the optimizer updates with each decay style, PyTorch conventions.
//
// Layout (the same as the runtime's, so weights can be exchanged): for each layer a kernel
// [in, out] then a bias [1, out], row-major; the last layer is linear.
import type { Dataset } from '../../runtime/src/sweep/dataset';
import type { Activation, SweepSpec } from '../../runtime/src/sweep/spec';

export type Task = 'classification' | 'regression';

/** What the reference needs of a spec: the model, and for training the optimizer and decay. */
export type ModelSpec = Pick<SweepSpec, 'layers' | 'activation'>;
export type TrainSpec = Pick<SweepSpec, 'layers' | 'activation' | 'optimizer' | 'decayStyle' | 'decayBiases' | 'decayLayers' | 'learningRate' | 'steps' | 'batchSize'>;

export type Weights = Float64Array[];

/** Row-major shape [rows, columns] of tensor `i`: even i a kernel, odd i a bias. */
export function tensorShape(layers: readonly number[], i: number): [number, number] {
  const layer = Math.floor(i / 2);
  return i % 2 === 0 ? [layers[layer], layers[layer + 1]] : [1, layers[layer + 1]];
}

export function tensorCount(layers: readonly number[]): number {
  return 2 * (layers.length - 1);
}

export function toFloat64(weights: readonly (ArrayLike<number>)[]): Weights {
  return weights.map((w) => Float64Array.from(w as ArrayLike<number>));
}

interface ForwardTrace {
  /** activations[0] is the input; activations[l + 1] the output of layer l (after the activation, except the last). */
  activations: Float64Array[];
  /** Pre-activations z_l = a_l @ W_l + b_l of each layer. */
  preActivations: Float64Array[];
}

function activate(activation: Activation, z: number): number {
  return activation === 'relu' ? (z > 0 ? z : 0) : Math.tanh(z);
}

/** d activation / dz, given z and the activation's value a. relu'(0) is taken as 0. */
function activationDerivative(activation: Activation, z: number, a: number): number {
  return activation === 'relu' ? (z > 0 ? 1 : 0) : 1 - a * a;
}

/** Forward pass over `count` rows of `x` ([count, layers[0]] row-major). */
export function forwardTrace(spec: ModelSpec, weights: Weights, x: ArrayLike<number>, count: number): ForwardTrace {
  const layers = spec.layers;
  const activations: Float64Array[] = [Float64Array.from(x as ArrayLike<number>)];
  const preActivations: Float64Array[] = [];
  if (activations[0].length !== count * layers[0]) throw new Error(`x has ${activations[0].length} values, expected ${count * layers[0]}`);
  const layerCount = layers.length - 1;
  for (let l = 0; l < layerCount; l++) {
    const fanIn = layers[l];
    const fanOut = layers[l + 1];
    const kernel = weights[2 * l];
    const bias = weights[2 * l + 1];
    const input = activations[l];
    const z = new Float64Array(count * fanOut);
    for (let n = 0; n < count; n++) {
      for (let j = 0; j < fanOut; j++) {
        let sum = bias[j];
        for (let i = 0; i < fanIn; i++) sum += input[n * fanIn + i] * kernel[i * fanOut + j];
        z[n * fanOut + j] = sum;
      }
    }
    preActivations.push(z);
    activations.push(l === layerCount - 1 ? z : z.map((value) => activate(spec.activation, value)));
  }
  return { activations, preActivations };
}

export function forward(spec: ModelSpec, weights: Weights, x: ArrayLike<number>, count: number): Float64Array {
  const trace = forwardTrace(spec, weights, x, count);
  return trace.activations[trace.activations.length - 1];
}

/**
 * The loss of outputs [count, K] against targets y [count, K]:
 * classification: softmax cross-entropy, -(1/B) sum_n sum_k y_nk log softmax(o_n)_k;
 * regression: mean squared error, (1/(B K)) sum_n sum_k (o_nk - y_nk)^2.
 */
export function lossOf(task: Task, output: Float64Array, y: ArrayLike<number>, count: number): number {
  const K = output.length / count;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (task === 'classification') {
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, output[n * K + k]);
      let sumExp = 0;
      for (let k = 0; k < K; k++) sumExp += Math.exp(output[n * K + k] - max);
      const logSumExp = max + Math.log(sumExp);
      for (let k = 0; k < K; k++) total -= y[n * K + k] * (output[n * K + k] - logSumExp);
    } else {
      for (let k = 0; k < K; k++) {
        const diff = output[n * K + k] - y[n * K + k];
        total += diff * diff;
      }
    }
  }
  return task === 'classification' ? total / count : total / (count * K);
}

/** dLoss/dOutput for the loss above. */
function lossGradient(task: Task, output: Float64Array, y: ArrayLike<number>, count: number): Float64Array {
  const K = output.length / count;
  const grad = new Float64Array(output.length);
  for (let n = 0; n < count; n++) {
    if (task === 'classification') {
      // d/do_k of -sum_j y_j (o_j - logsumexp(o)) = softmax(o)_k * sum_j y_j - y_k
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, output[n * K + k]);
      let sumExp = 0;
      let labelMass = 0;
      for (let k = 0; k < K; k++) {
        sumExp += Math.exp(output[n * K + k] - max);
        labelMass += y[n * K + k];
      }
      for (let k = 0; k < K; k++) {
        const p = Math.exp(output[n * K + k] - max) / sumExp;
        grad[n * K + k] = (p * labelMass - y[n * K + k]) / count;
      }
    } else {
      for (let k = 0; k < K; k++) grad[n * K + k] = (2 * (output[n * K + k] - y[n * K + k])) / (count * K);
    }
  }
  return grad;
}

export function referenceLoss(spec: ModelSpec, task: Task, weights: Weights, x: ArrayLike<number>, y: ArrayLike<number>, count: number): number {
  return lossOf(task, forward(spec, weights, x, count), y, count);
}

/** The data loss and its gradient with respect to every tensor (backpropagation by hand). */
export function referenceLossAndGrads(
  spec: ModelSpec,
  task: Task,
  weights: Weights,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  count: number,
): { loss: number; grads: Weights } {
  const layers = spec.layers;
  const { activations, preActivations } = forwardTrace(spec, weights, x, count);
  const layerCount = layers.length - 1;
  const output = activations[layerCount];
  const loss = lossOf(task, output, y, count);
  const grads: Weights = weights.map((w) => new Float64Array(w.length));
  // delta = dLoss/dz_l, starting at the (linear) output layer.
  let delta = lossGradient(task, output, y, count);
  for (let l = layerCount - 1; l >= 0; l--) {
    const fanIn = layers[l];
    const fanOut = layers[l + 1];
    const input = activations[l];
    const kernel = weights[2 * l];
    const gradKernel = grads[2 * l];
    const gradBias = grads[2 * l + 1];
    // dW = a^T delta, db = sum over rows of delta
    for (let n = 0; n < count; n++) {
      for (let j = 0; j < fanOut; j++) {
        const d = delta[n * fanOut + j];
        gradBias[j] += d;
        for (let i = 0; i < fanIn; i++) gradKernel[i * fanOut + j] += input[n * fanIn + i] * d;
      }
    }
    if (l === 0) break;
    // dLoss/da_l = delta W^T, then through the activation of layer l - 1.
    const previousZ = preActivations[l - 1];
    const next = new Float64Array(count * fanIn);
    for (let n = 0; n < count; n++) {
      for (let i = 0; i < fanIn; i++) {
        let sum = 0;
        for (let j = 0; j < fanOut; j++) sum += delta[n * fanOut + j] * kernel[i * fanOut + j];
        next[n * fanIn + i] = sum * activationDerivative(spec.activation, previousZ[n * fanIn + i], input[n * fanIn + i]);
      }
    }
    delta = next;
  }
  return { loss, grads };
}

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
 * Trains one copy of the network for `spec.steps` steps with decay value `wd`:
 * g = data gradient; coupled decay (decaying tensors only) g += wd*w ('l2-loss') or 2*wd*w ('keras-l2');
 * sgd        w -= lr*g
 * momentum   v = m*v + g; w -= lr*v
 * nesterov   v = m*v + g; w -= lr*(g + m*v)
 * adam       m1 = b1*m1 + (1-b1)*g; m2 = b2*m2 + (1-b2)*g^2; w -= lr*(m1/(1-b1^t)) / (sqrt(m2/(1-b2^t)) + eps)
 * adamw      w *= 1 - lr*wd (decaying tensors only), then the adam step with the data gradient.
 */
export function referenceTrain(
  spec: TrainSpec,
  dataset: Dataset,
  initialWeights: readonly (ArrayLike<number>)[],
  batches: BigInt64Array | readonly (readonly number[])[],
  wd: number,
  faults: ReferenceFaults = {},
): ReferenceTraining {
  const optimizer = spec.optimizer;
  if (spec.decayStyle === 'decoupled' && optimizer.kind !== 'adamw') throw new Error('decoupled decay is only defined for adamw');
  if (optimizer.kind === 'adamw' && spec.decayStyle !== 'decoupled') throw new Error('adamw decays decoupled');
  const count = tensorCount(spec.layers);
  if (initialWeights.length !== count) throw new Error(`expected ${count} tensors, got ${initialWeights.length}`);
  const weights = toFloat64(initialWeights);
  weights.forEach((w, i) => {
    const [rows, columns] = tensorShape(spec.layers, i);
    if (w.length !== rows * columns) throw new Error(`tensor ${i} has ${w.length} values, expected ${rows * columns}`);
  });
  const lr = spec.learningRate;
  const momentum = optimizer.momentum ?? 0.9;
  const beta1 = optimizer.beta1 ?? 0.9;
  const beta2 = optimizer.beta2 ?? 0.999;
  const epsilon = optimizer.epsilon ?? 1e-8;
  const coupledScale = spec.decayStyle === 'l2-loss' ? 1 : spec.decayStyle === 'keras-l2' ? 2 : 0;
  const firstState = weights.map((w) => new Float64Array(w.length));
  const secondState = weights.map((w) => new Float64Array(w.length));
  // Tensors are kernel, bias per layer: tensor i belongs to layer floor(i / 2).
  const decays = (i: number) => (i % 2 === 0 || spec.decayBiases) && (spec.decayLayers?.includes(Math.floor(i / 2)) ?? true);
  const inputs = spec.layers[0];
  const outputs = spec.layers[spec.layers.length - 1];
  if (dataset.inputs !== inputs || dataset.outputs !== outputs) throw new Error('dataset and layers disagree');
  const task: Task = dataset.task;
  const losses: number[] = [];

  for (let step = 0; step < spec.steps; step++) {
    const rows = batchRows(batches, step, spec.batchSize);
    const x = gatherRows(dataset.trainX, inputs, rows);
    const y = gatherRows(dataset.trainY, outputs, rows);
    const { loss, grads } = referenceLossAndGrads(spec, task, weights, x, y, rows.length);
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

/** Euclidean norm of a tensor. */
export function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

/** Fraction of rows whose output arg-max equals the label arg-max (first maximum wins). */
export function accuracyOf(output: Float64Array, y: ArrayLike<number>, count: number): number {
  const K = output.length / count;
  const argmax = (values: ArrayLike<number>, offset: number) => {
    let best = 0;
    for (let k = 1; k < K; k++) if (values[offset + k] > values[offset + best]) best = k;
    return best;
  };
  let correct = 0;
  for (let n = 0; n < count; n++) if (argmax(output, n * K) === argmax(y, n * K)) correct++;
  return correct / count;
}
