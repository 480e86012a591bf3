// An independent float64 reference for the training runtime, written from the math in plain
// loops (no ONNX, no code shared with runtime/src/train): the MLP forward pass, the two losses,
// the backward pass by hand; the optimizer updates with each decay style, PyTorch conventions, are
// in referenceOptimizer.ts (shared with the convolutional reference).
//
// Layout (the same as the runtime's, so weights can be exchanged): for each layer a kernel
// [in, out] then a bias [1, out], row-major; the last layer is linear.
import type { Dataset } from '../../runtime/src/sweep/dataset';
import type { Activation, SweepSpec } from '../../runtime/src/sweep/spec';
import { trainReferenceModel, type ReferenceFaults, type ReferenceModel, type ReferenceTraining, type Task, type Weights } from './referenceOptimizer';

export { toFloat64, type ReferenceFaults, type ReferenceTraining, type Task, type Weights } from './referenceOptimizer';

/** What the reference needs of a spec: the model, and for training the optimizer and decay. */
export type ModelSpec = Pick<SweepSpec, 'layers' | 'activation'>;
export type TrainSpec = Pick<SweepSpec, 'layers' | 'activation' | 'optimizer' | 'decayStyle' | 'decayBiases' | 'decayLayers' | 'learningRate' | 'steps' | 'batchSize'>;

/** Row-major shape [rows, columns] of tensor `i`: even i a kernel, odd i a bias. */
export function tensorShape(layers: readonly number[], i: number): [number, number] {
  const layer = Math.floor(i / 2);
  return i % 2 === 0 ? [layers[layer], layers[layer + 1]] : [1, layers[layer + 1]];
}

export function tensorCount(layers: readonly number[]): number {
  return 2 * (layers.length - 1);
}

interface ForwardTrace {
  /** activations[0] is the input; activations[l + 1] the output of layer l (after the activation, except the last). */
  activations: Float64Array[];
  /** Pre-activations z_l = a_l @ W_l + b_l of each layer. */
  preActivations: Float64Array[];
}

export function activate(activation: Activation, z: number): number {
  return activation === 'relu' ? (z > 0 ? z : 0) : Math.tanh(z);
}

/** d activation / dz, given z and the activation's value a. relu'(0) is taken as 0. */
export function activationDerivative(activation: Activation, z: number, a: number): number {
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
export function lossGradient(task: Task, output: Float64Array, y: ArrayLike<number>, count: number): Float64Array {
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

/** The MLP as a model for the shared training loop. */
export function mlpReferenceModel(spec: ModelSpec): ReferenceModel {
  const layers = spec.layers;
  return {
    tensorSizes: Array.from({ length: tensorCount(layers) }, (_, i) => tensorShape(layers, i)[0] * tensorShape(layers, i)[1]),
    // Tensors are kernel, bias per layer: tensor i belongs to layer floor(i / 2).
    isKernel: (i) => i % 2 === 0,
    layerOf: (i) => Math.floor(i / 2),
    inputs: layers[0],
    outputs: layers[layers.length - 1],
    lossAndGrads: (task, weights, x, y, count) => referenceLossAndGrads(spec, task, weights, x, y, count),
  };
}

/** Trains one copy of the MLP with decay value `wd` (the update rules: referenceOptimizer.ts). */
export function referenceTrain(
  spec: TrainSpec,
  dataset: Dataset,
  initialWeights: readonly (ArrayLike<number>)[],
  batches: BigInt64Array | readonly (readonly number[])[],
  wd: number,
  faults: ReferenceFaults = {},
): ReferenceTraining {
  return trainReferenceModel(mlpReferenceModel(spec), spec, dataset, initialWeights, batches, wd, faults);
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
