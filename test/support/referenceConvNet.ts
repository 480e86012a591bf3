// An independent float64 reference for convolutional networks (a spec's `input` + `network`),
// written from the math in plain loops: no ONNX, nothing from runtime/src/train or the runtime's
// shape code. Feature maps are kept as the data gives them, NHWC ([n][h][w][c]); the weights use
// the runtime's exchange layout: a conv kernel [F][C][kh][kw] and bias [F], a dense kernel
// [in][out] and bias [1][out], and flatten orders features as (c, h, w), PyTorch's order.
//
// Convolution is cross-correlation (no kernel flip), 'same' padding is TensorFlow's (ceil(in /
// stride) outputs, the odd pad at the bottom and right), pooling has no padding and its stride
// defaults to its size, max pooling's gradient goes to the first maximum of its window in
// row-major order. The loss and the training loop are the MLP reference's.
import type { Dataset } from '../../runtime/src/sweep/dataset';
import type { Activation, LayerSpec, SweepSpec } from '../../runtime/src/sweep/spec';
import { activate, activationDerivative, lossGradient, lossOf } from './referenceMlp';
import { trainReferenceModel, type OptimizerSettings, type ReferenceFaults, type ReferenceModel, type ReferenceTraining, type Task, type Weights } from './referenceOptimizer';

export interface ConvModelSpec {
  input: [number, number, number];
  network: LayerSpec[];
  /** The activation of layers that name none (the output layer is linear). */
  activation: Activation;
}

/**
 * Deliberate faults. `gradient*` ones break only the backward pass (the forward, and so finite
 * differences, stay right); the others change the model itself, forward and backward alike.
 */
export interface ConvFaults {
  /** Convolution gradients computed with this stride instead of the layer's. */
  gradientStride?: number;
  /** Max pooling's gradient shared equally by its whole window instead of going to the maximum. */
  gradientMaxPoolSpread?: boolean;
  /** Max pooling's gradient to every maximum of a window where values tie, not the first only. */
  gradientMaxPoolEveryTie?: boolean;
  /** Average pooling's gradient without the 1 / window area. */
  gradientAveragePoolUnscaled?: boolean;
  /** Flatten in (h, w, c) order, Keras's, instead of (c, h, w). */
  flattenHwc?: boolean;
  /** A true convolution (kernel flipped) instead of cross-correlation. */
  flippedKernels?: boolean;
  /** The odd pad of 'same' at the top and left instead of the bottom and right. */
  samePadAtStart?: boolean;
}

type Map3 = { h: number; w: number; c: number };

interface Plan {
  kind: LayerSpec['kind'];
  inMap?: Map3;
  outMap?: Map3;
  inFeatures?: number;
  outFeatures?: number;
  kernel?: [number, number];
  stride?: [number, number];
  /** Rows and columns of padding before the first value (top, left). */
  padBefore?: [number, number];
  activation?: Activation | 'linear';
  /** Index of the layer's kernel tensor (its bias follows). */
  tensor?: number;
}

const pair = (value: number | [number, number] | undefined, fallback: [number, number]): [number, number] =>
  value === undefined ? fallback : typeof value === 'number' ? [value, value] : [value[0], value[1]];

/** Every layer's shapes, worked out here from the definitions (not from the runtime). */
function plan(spec: ConvModelSpec, faults: ConvFaults): Plan[] {
  const plans: Plan[] = [];
  let map: Map3 | undefined = { h: spec.input[0], w: spec.input[1], c: spec.input[2] };
  let features = 0;
  let tensor = 0;
  spec.network.forEach((layer, index) => {
    const last = index === spec.network.length - 1;
    if (layer.kind === 'conv' || layer.kind === 'maxpool' || layer.kind === 'avgpool') {
      if (!map) throw new Error(`layer ${index}: needs a feature map`);
      const kernel = pair(layer.kind === 'conv' ? layer.kernel : layer.size, [0, 0]);
      const stride = pair(layer.stride, layer.kind === 'conv' ? [1, 1] : kernel);
      const same = layer.kind === 'conv' && layer.padding === 'same';
      const sizes = [map.h, map.w].map((size, axis) => {
        if (!same) return { out: Math.floor((size - kernel[axis]) / stride[axis]) + 1, before: 0 };
        const out = Math.ceil(size / stride[axis]);
        const total = Math.max(0, (out - 1) * stride[axis] + kernel[axis] - size);
        return { out, before: faults.samePadAtStart ? Math.ceil(total / 2) : Math.floor(total / 2) };
      });
      const outMap = { h: sizes[0].out, w: sizes[1].out, c: layer.kind === 'conv' ? layer.filters : map.c };
      const item: Plan = { kind: layer.kind, inMap: map, outMap, kernel, stride, padBefore: [sizes[0].before, sizes[1].before] };
      if (layer.kind === 'conv') Object.assign(item, { activation: layer.activation ?? spec.activation, tensor: (tensor += 2) - 2 });
      plans.push(item);
      map = outMap;
    } else if (layer.kind === 'flatten' || layer.kind === 'globalavgpool') {
      if (!map) throw new Error(`layer ${index}: needs a feature map`);
      features = layer.kind === 'flatten' ? map.h * map.w * map.c : map.c;
      plans.push({ kind: layer.kind, inMap: map, outFeatures: features });
      map = undefined;
    } else if (layer.kind === 'dense') {
      if (map) throw new Error(`layer ${index}: dense needs flat features`);
      plans.push({ kind: 'dense', inFeatures: features, outFeatures: layer.units, activation: last ? 'linear' : (layer.activation ?? spec.activation), tensor: (tensor += 2) - 2 });
      features = layer.units;
    }
  });
  return plans;
}

function activateValue(activation: Activation | 'linear', z: number): number {
  return activation === 'linear' ? z : activate(activation, z);
}

function derivative(activation: Activation | 'linear', z: number, a: number): number {
  return activation === 'linear' ? 1 : activationDerivative(activation, z, a);
}

interface Trace {
  /** values[l] is layer l's input (values[0] the images); values[l + 1] its output. */
  values: Float64Array[];
  /** Pre-activations of conv and dense layers (undefined for the others). */
  preActivations: (Float64Array | undefined)[];
  /** For max pooling: the input index of each output's first maximum. */
  argmax: (Int32Array | undefined)[];
  /**
   * How far the forward pass is from a point where it is not differentiable: the smallest |z|
   * over relu pre-activations, and the smallest gap between a max-pool window's maximum and its
   * runner-up (windows whose maximum is an exact 0, relu's dead units, are left out: their
   * gradient is 0 on every side).
   */
  kinkMargin: number;
  /** Max-pool windows whose non-zero maximum is there more than once. */
  tiedWindows: number;
}

const mapIndex = (m: Map3, n: number, y: number, x: number, c: number) => ((n * m.h + y) * m.w + x) * m.c + c;

export function convForward(spec: ConvModelSpec, weights: Weights, images: ArrayLike<number>, count: number, faults: ConvFaults = {}): Trace {
  const plans = plan(spec, faults);
  const values: Float64Array[] = [Float64Array.from(images as ArrayLike<number>)];
  const expected = count * spec.input[0] * spec.input[1] * spec.input[2];
  if (values[0].length !== expected) throw new Error(`images have ${values[0].length} values, expected ${expected}`);
  const preActivations: (Float64Array | undefined)[] = [];
  const argmax: (Int32Array | undefined)[] = [];
  let kinkMargin = Infinity;
  let tiedWindows = 0;
  const noteActivation = (activation: Activation | 'linear' | undefined, z: Float64Array) => {
    if (activation === 'relu') for (const value of z) kinkMargin = Math.min(kinkMargin, Math.abs(value));
  };
  for (const p of plans) {
    const input = values[values.length - 1];
    let output: Float64Array;
    let z: Float64Array | undefined;
    let best: Int32Array | undefined;
    if (p.kind === 'conv') {
      const [inMap, outMap, [kh, kw], [sh, sw], [pt, pl]] = [p.inMap!, p.outMap!, p.kernel!, p.stride!, p.padBefore!];
      const kernel = weights[p.tensor!];
      const bias = weights[p.tensor! + 1];
      z = new Float64Array(count * outMap.h * outMap.w * outMap.c);
      for (let n = 0; n < count; n++)
        for (let y = 0; y < outMap.h; y++)
          for (let x = 0; x < outMap.w; x++)
            for (let f = 0; f < outMap.c; f++) {
              let sum = bias[f];
              for (let c = 0; c < inMap.c; c++)
                for (let i = 0; i < kh; i++)
                  for (let j = 0; j < kw; j++) {
                    const row = y * sh + i - pt;
                    const column = x * sw + j - pl;
                    if (row < 0 || row >= inMap.h || column < 0 || column >= inMap.w) continue;
                    const [ki, kj] = faults.flippedKernels ? [kh - 1 - i, kw - 1 - j] : [i, j];
                    sum += input[mapIndex(inMap, n, row, column, c)] * kernel[((f * inMap.c + c) * kh + ki) * kw + kj];
                  }
              z[mapIndex(outMap, n, y, x, f)] = sum;
            }
      noteActivation(p.activation, z);
      output = z.map((value) => activateValue(p.activation!, value));
    } else if (p.kind === 'maxpool' || p.kind === 'avgpool') {
      const [inMap, outMap, [kh, kw], [sh, sw]] = [p.inMap!, p.outMap!, p.kernel!, p.stride!];
      output = new Float64Array(count * outMap.h * outMap.w * outMap.c);
      if (p.kind === 'maxpool') best = new Int32Array(output.length);
      for (let n = 0; n < count; n++)
        for (let y = 0; y < outMap.h; y++)
          for (let x = 0; x < outMap.w; x++)
            for (let c = 0; c < outMap.c; c++) {
              let sum = 0;
              let top = -Infinity;
              let second = -Infinity;
              let at = -1;
              for (let i = 0; i < kh; i++)
                for (let j = 0; j < kw; j++) {
                  const index = mapIndex(inMap, n, y * sh + i, x * sw + j, c);
                  const value = input[index];
                  sum += value;
                  if (value > top) [second, top, at] = [top, value, index];
                  else second = Math.max(second, value);
                }
              const out = mapIndex(outMap, n, y, x, c);
              if (best) {
                output[out] = top;
                best[out] = at;
                if (top !== 0 && kh * kw > 1) kinkMargin = Math.min(kinkMargin, top - second);
                if (top !== 0 && top === second) tiedWindows++;
              } else output[out] = sum / (kh * kw);
            }
    } else if (p.kind === 'flatten' || p.kind === 'globalavgpool') {
      const m = p.inMap!;
      const width = p.outFeatures!;
      output = new Float64Array(count * width);
      for (let n = 0; n < count; n++)
        for (let y = 0; y < m.h; y++)
          for (let x = 0; x < m.w; x++)
            for (let c = 0; c < m.c; c++) {
              const value = input[mapIndex(m, n, y, x, c)];
              if (p.kind === 'globalavgpool') output[n * width + c] += value / (m.h * m.w);
              else output[n * width + flatIndex(m, y, x, c, faults)] = value;
            }
    } else {
      const [fanIn, fanOut] = [p.inFeatures!, p.outFeatures!];
      const kernel = weights[p.tensor!];
      const bias = weights[p.tensor! + 1];
      z = new Float64Array(count * fanOut);
      for (let n = 0; n < count; n++)
        for (let j = 0; j < fanOut; j++) {
          let sum = bias[j];
          for (let i = 0; i < fanIn; i++) sum += input[n * fanIn + i] * kernel[i * fanOut + j];
          z[n * fanOut + j] = sum;
        }
      noteActivation(p.activation, z);
      output = z.map((value) => activateValue(p.activation!, value));
    }
    preActivations.push(z);
    argmax.push(best);
    values.push(output);
  }
  return { values, preActivations, argmax, kinkMargin, tiedWindows };
}

function flatIndex(m: Map3, y: number, x: number, c: number, faults: ConvFaults): number {
  return faults.flattenHwc ? (y * m.w + x) * m.c + c : (c * m.h + y) * m.w + x;
}

export function convOutput(spec: ConvModelSpec, weights: Weights, images: ArrayLike<number>, count: number): Float64Array {
  const trace = convForward(spec, weights, images, count);
  return trace.values[trace.values.length - 1];
}

export function convLoss(spec: ConvModelSpec, task: Task, weights: Weights, x: ArrayLike<number>, y: ArrayLike<number>, count: number, faults: ConvFaults = {}): number {
  const trace = convForward(spec, weights, x, count, faults);
  return lossOf(task, trace.values[trace.values.length - 1], y, count);
}

/** The data loss and its gradient with respect to every tensor (backpropagation by hand). */
export function convLossAndGrads(
  spec: ConvModelSpec,
  task: Task,
  weights: Weights,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  count: number,
  faults: ConvFaults = {},
): { loss: number; grads: Weights } {
  const plans = plan(spec, faults);
  const { values, preActivations, argmax } = convForward(spec, weights, x, count, faults);
  const output = values[values.length - 1];
  const loss = lossOf(task, output, y, count);
  const grads: Weights = weights.map((w) => new Float64Array(w.length));
  // delta: dLoss / d(output of layer l), walking back from the loss.
  let delta = lossGradient(task, output, y, count);
  for (let l = plans.length - 1; l >= 0; l--) {
    const p = plans[l];
    const input = values[l];
    const next = new Float64Array(input.length);
    if (p.kind === 'conv' || p.kind === 'dense') {
      // Through the activation first: dLoss/dz.
      const z = preActivations[l]!;
      const a = values[l + 1];
      delta = delta.map((d, k) => d * derivative(p.activation!, z[k], a[k]));
    }
    if (p.kind === 'conv') {
      const [inMap, outMap, [kh, kw], [pt, pl]] = [p.inMap!, p.outMap!, p.kernel!, p.padBefore!];
      const [sh, sw] = faults.gradientStride ? [faults.gradientStride, faults.gradientStride] : p.stride!;
      const kernel = weights[p.tensor!];
      const gradKernel = grads[p.tensor!];
      const gradBias = grads[p.tensor! + 1];
      for (let n = 0; n < count; n++)
        for (let yy = 0; yy < outMap.h; yy++)
          for (let xx = 0; xx < outMap.w; xx++)
            for (let f = 0; f < outMap.c; f++) {
              const d = delta[mapIndex(outMap, n, yy, xx, f)];
              gradBias[f] += d;
              for (let c = 0; c < inMap.c; c++)
                for (let i = 0; i < kh; i++)
                  for (let j = 0; j < kw; j++) {
                    const row = yy * sh + i - pt;
                    const column = xx * sw + j - pl;
                    if (row < 0 || row >= inMap.h || column < 0 || column >= inMap.w) continue;
                    const [ki, kj] = faults.flippedKernels ? [kh - 1 - i, kw - 1 - j] : [i, j];
                    const k = ((f * inMap.c + c) * kh + ki) * kw + kj;
                    const at = mapIndex(inMap, n, row, column, c);
                    gradKernel[k] += d * input[at];
                    next[at] += d * kernel[k];
                  }
            }
    } else if (p.kind === 'maxpool' || p.kind === 'avgpool') {
      const [inMap, outMap, [kh, kw], [sh, sw]] = [p.inMap!, p.outMap!, p.kernel!, p.stride!];
      for (let n = 0; n < count; n++)
        for (let yy = 0; yy < outMap.h; yy++)
          for (let xx = 0; xx < outMap.w; xx++)
            for (let c = 0; c < outMap.c; c++) {
              const out = mapIndex(outMap, n, yy, xx, c);
              const d = delta[out];
              if (p.kind === 'maxpool' && faults.gradientMaxPoolEveryTie) {
                const top = input[argmax[l]![out]];
                for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) if (input[mapIndex(inMap, n, yy * sh + i, xx * sw + j, c)] === top) next[mapIndex(inMap, n, yy * sh + i, xx * sw + j, c)] += d;
                continue;
              }
              if (p.kind === 'maxpool' && !faults.gradientMaxPoolSpread) {
                next[argmax[l]![out]] += d;
                continue;
              }
              const share = p.kind === 'avgpool' && faults.gradientAveragePoolUnscaled ? d : d / (kh * kw);
              for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) next[mapIndex(inMap, n, yy * sh + i, xx * sw + j, c)] += share;
            }
    } else if (p.kind === 'flatten' || p.kind === 'globalavgpool') {
      const m = p.inMap!;
      const width = p.outFeatures!;
      for (let n = 0; n < count; n++)
        for (let yy = 0; yy < m.h; yy++)
          for (let xx = 0; xx < m.w; xx++)
            for (let c = 0; c < m.c; c++) {
              next[mapIndex(m, n, yy, xx, c)] = p.kind === 'globalavgpool' ? delta[n * width + c] / (m.h * m.w) : delta[n * width + flatIndex(m, yy, xx, c, faults)];
            }
    } else {
      const [fanIn, fanOut] = [p.inFeatures!, p.outFeatures!];
      const kernel = weights[p.tensor!];
      const gradKernel = grads[p.tensor!];
      const gradBias = grads[p.tensor! + 1];
      for (let n = 0; n < count; n++)
        for (let j = 0; j < fanOut; j++) {
          const d = delta[n * fanOut + j];
          gradBias[j] += d;
          for (let i = 0; i < fanIn; i++) {
            gradKernel[i * fanOut + j] += input[n * fanIn + i] * d;
            next[n * fanIn + i] += d * kernel[i * fanOut + j];
          }
        }
    }
    delta = next;
  }
  return { loss, grads };
}

/** Values of every tensor: per conv layer F*C*kh*kw then F, per dense layer in*out then out. */
export function convTensorSizes(spec: ConvModelSpec): number[] {
  return plan(spec, {}).flatMap((p) =>
    p.kind === 'conv' ? [p.outMap!.c * p.inMap!.c * p.kernel![0] * p.kernel![1], p.outMap!.c] : p.kind === 'dense' ? [p.inFeatures! * p.outFeatures!, p.outFeatures!] : [],
  );
}

/** Inputs each kernel value of a layer with weights sees (C*kh*kw, or the dense layer's inputs). */
export function convFanIns(spec: ConvModelSpec): number[] {
  const sizes = convTensorSizes(spec);
  return sizes.filter((_, i) => i % 2 === 0).map((kernel, layer) => kernel / sizes[2 * layer + 1]);
}

export function convReferenceModel(spec: ConvModelSpec, faults: ConvFaults = {}): ReferenceModel {
  const sizes = convTensorSizes(spec);
  const last = spec.network[spec.network.length - 1];
  return {
    tensorSizes: sizes,
    isKernel: (i) => i % 2 === 0,
    layerOf: (i) => Math.floor(i / 2),
    inputs: spec.input[0] * spec.input[1] * spec.input[2],
    outputs: last.kind === 'dense' ? last.units : NaN,
    lossAndGrads: (task, weights, x, y, count) => convLossAndGrads(spec, task, weights, x, y, count, faults),
  };
}

export type ConvTrainSpec = ConvModelSpec & OptimizerSettings;

/** Trains one copy of the network with decay value `wd` (the update rules: referenceOptimizer.ts). */
export function referenceTrainConv(
  spec: ConvTrainSpec,
  dataset: Dataset,
  initialWeights: readonly (ArrayLike<number>)[],
  batches: BigInt64Array | readonly (readonly number[])[],
  wd: number,
  faults: ReferenceFaults & ConvFaults = {},
): ReferenceTraining {
  return trainReferenceModel(convReferenceModel(spec, faults), spec, dataset, initialWeights, batches, wd, faults);
}

/** The model part of a sweep spec, for the reference. */
export function convModelOf(spec: SweepSpec): ConvModelSpec {
  if (!spec.input || !spec.network) throw new Error('not a network spec');
  return { input: spec.input, network: spec.network, activation: spec.activation };
}
