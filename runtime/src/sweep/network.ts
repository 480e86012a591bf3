// Layer sequences for image inputs (`input` + `network` in a sweep spec): the layer types, and
// shape inference with the checks behind every "does not fit" message. Pure: the graph builder,
// the trainer and the spec validation all read the same resolved shapes.
import type { Activation } from './spec';

/** A layer's own activation; `linear` is none. Hidden layers default to the spec's `activation`. */
export type LayerActivation = Activation | 'linear';

/** One number for both spatial dimensions, or [height, width]. */
export type SpatialSize = number | [number, number];

export type LayerSpec =
  | { kind: 'conv'; filters: number; kernel: SpatialSize; stride?: SpatialSize; padding?: 'same' | 'valid'; activation?: LayerActivation }
  | { kind: 'maxpool' | 'avgpool'; size: SpatialSize; stride?: SpatialSize }
  | { kind: 'globalavgpool' }
  | { kind: 'flatten' }
  | { kind: 'dense'; units: number; activation?: LayerActivation };

/** A feature map [height, width, channels] per sample, or a flat feature vector. */
export type FeatureShape = { kind: 'map'; height: number; width: number; channels: number } | { kind: 'vector'; features: number };

/** Pads in ONNX order: [top, left, bottom, right]. */
export type Pads = [number, number, number, number];

interface ResolvedCommon {
  /** Position in `network`. */
  index: number;
  input: FeatureShape;
  output: FeatureShape;
}

export type ResolvedLayer = ResolvedCommon &
  (
    | { kind: 'conv'; filters: number; kernel: [number, number]; stride: [number, number]; pads: Pads; activation: LayerActivation; weightLayer: number }
    | { kind: 'maxpool' | 'avgpool'; kernel: [number, number]; stride: [number, number] }
    | { kind: 'globalavgpool' | 'flatten' }
    | { kind: 'dense'; units: number; activation: LayerActivation; weightLayer: number }
  );

export interface ResolvedNetwork {
  input: { height: number; width: number; channels: number };
  layers: ResolvedLayer[];
  /** The layers with weights (conv and dense), in order: `decayLayers` and `weightNorms` count these. */
  weightLayers: number;
  /** Width of the last dense layer. */
  outputs: number;
}

/** Every problem with `input` + `network`, and the resolved shapes when there is none. */
export function resolveNetwork(input: unknown, network: unknown, defaultActivation: Activation): { problems: string[]; network?: ResolvedNetwork } {
  const problems: string[] = [];
  if (!Array.isArray(input) || input.length !== 3 || !input.every(isPositiveInteger)) {
    problems.push(`input must be [height, width, channels], three positive integers (got ${JSON.stringify(input)})`);
  }
  if (!Array.isArray(network) || network.length === 0) problems.push('network must list at least one layer (the last one a dense output layer)');
  if (problems.length > 0) return { problems };
  const [height, width, channels] = input as number[];
  const layers: ResolvedLayer[] = [];
  let shape: FeatureShape = { kind: 'map', height, width, channels };
  let weightLayer = 0;
  const list = network as LayerSpec[];
  for (let index = 0; index < list.length; index++) {
    const layer = list[index];
    const last = index === list.length - 1;
    const name = `network[${index}] (${describeLayer(layer)})`;
    const fail = (message: string) => problems.push(`${name}: ${message}`);
    if (!layer || typeof layer !== 'object') {
      fail('must be an object with a kind');
      return { problems };
    }
    const before = problems.length;
    if (last && layer.kind !== 'dense') fail('the last layer must be dense: it is the output layer');
    switch (layer.kind) {
      case 'conv':
      case 'maxpool':
      case 'avgpool': {
        if (shape.kind !== 'map') {
          fail(`follows ${shape.features} flat features; convolution and pooling need a feature map, so they come before flatten, globalavgpool and dense`);
          break;
        }
        const isConv = layer.kind === 'conv';
        const kernel = spatialPair(isConv ? layer.kernel : layer.size, isConv ? 'kernel' : 'size', fail);
        const stride = layer.stride === undefined ? (isConv ? ([1, 1] as [number, number]) : kernel) : spatialPair(layer.stride, 'stride', fail);
        if (isConv && !isPositiveInteger(layer.filters)) fail(`filters must be a positive integer (got ${layer.filters})`);
        const padding = isConv ? (layer.padding ?? 'valid') : 'valid';
        if (padding !== 'same' && padding !== 'valid') fail(`padding must be same or valid (got ${String(padding)})`);
        const activation = isConv ? layerActivation(layer.activation, defaultActivation, fail) : 'linear';
        if (!kernel || !stride || problems.length > before) break;
        const window = isConv ? 'kernel' : 'window';
        const pads: Pads = [0, 0, 0, 0];
        const sizes: number[] = [];
        for (const [axis, dimension, inputSize] of [
          [0, 'height', shape.height],
          [1, 'width', shape.width],
        ] as const) {
          if (padding === 'same') {
            // TensorFlow's SAME: ceil(in / stride) outputs, the odd pad at the end (bottom, right).
            const out = Math.ceil(inputSize / stride[axis]);
            const total = Math.max(0, (out - 1) * stride[axis] + kernel[axis] - inputSize);
            pads[axis] = Math.floor(total / 2);
            pads[axis + 2] = total - pads[axis];
            sizes.push(out);
          } else if (kernel[axis] > inputSize) {
            fail(`its ${describeShape(shape)} input is smaller than the ${window} (${dimension} ${inputSize} < ${kernel[axis]})`);
          } else sizes.push(Math.floor((inputSize - kernel[axis]) / stride[axis]) + 1);
        }
        if (problems.length > before) break;
        const output: FeatureShape = { kind: 'map', height: sizes[0], width: sizes[1], channels: isConv ? layer.filters : shape.channels };
        if (layer.kind === 'conv') {
          layers.push({ kind: 'conv', index, input: shape, output, filters: layer.filters, kernel, stride, pads, activation, weightLayer: weightLayer++ });
        } else layers.push({ kind: layer.kind, index, input: shape, output, kernel, stride });
        shape = output;
        break;
      }
      case 'globalavgpool':
      case 'flatten': {
        if (shape.kind !== 'map') {
          fail(`follows ${shape.features} flat features, which are flat already`);
          break;
        }
        const features: number = layer.kind === 'flatten' ? shape.height * shape.width * shape.channels : shape.channels;
        const output: FeatureShape = { kind: 'vector', features };
        layers.push({ kind: layer.kind, index, input: shape, output });
        shape = output;
        break;
      }
      case 'dense': {
        if (!isPositiveInteger(layer.units)) fail(`units must be a positive integer (got ${layer.units})`);
        if (shape.kind === 'map') fail(`follows a ${describeShape(shape)} feature map; put flatten or globalavgpool before it`);
        const activation = last ? 'linear' : layerActivation(layer.activation, defaultActivation, fail);
        if (last && layer.activation !== undefined && layer.activation !== 'linear') fail(`the output layer is linear (activation ${layer.activation} given)`);
        if (problems.length > before || shape.kind === 'map') break;
        const output: FeatureShape = { kind: 'vector', features: layer.units };
        layers.push({ kind: 'dense', index, input: shape, output, units: layer.units, activation, weightLayer: weightLayer++ });
        shape = output;
        break;
      }
      default:
        fail('kind must be conv, maxpool, avgpool, globalavgpool, flatten or dense');
    }
    // Shapes after a broken layer are guesses: stop at the first one.
    if (problems.length > before) return { problems };
  }
  const output = layers[layers.length - 1];
  if (!output || output.kind !== 'dense') return { problems };
  return { problems, network: { input: { height, width, channels }, layers, weightLayers: weightLayer, outputs: output.units } };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function spatialPair(value: SpatialSize | undefined, what: string, fail: (message: string) => void): [number, number] | undefined {
  const pair = typeof value === 'number' ? [value, value] : value;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every(isPositiveInteger)) {
    fail(`${what} must be a positive integer or [height, width] (got ${JSON.stringify(value)})`);
    return undefined;
  }
  return [pair[0], pair[1]];
}

function layerActivation(value: LayerActivation | undefined, fallback: Activation, fail: (message: string) => void): LayerActivation {
  if (value === undefined) return fallback;
  if (value !== 'relu' && value !== 'tanh' && value !== 'linear') fail(`activation must be relu, tanh or linear (got ${String(value)})`);
  return value;
}

function describeShape(shape: FeatureShape): string {
  return shape.kind === 'map' ? `${shape.height}x${shape.width}x${shape.channels}` : `${shape.features}`;
}

const sizeText = (size: unknown) => (Array.isArray(size) ? size.join('x') : typeof size === 'number' ? `${size}x${size}` : '?');

/** A layer in a few words: "conv 3x3x16 same", "maxpool 2x2", "dense 10". */
export function describeLayer(layer: LayerSpec): string {
  switch (layer?.kind) {
    case 'conv':
      return `conv ${sizeText(layer.kernel)}x${layer.filters}${layer.stride !== undefined && sizeText(layer.stride) !== '1x1' ? ` stride ${sizeText(layer.stride)}` : ''} ${layer.padding ?? 'valid'}`;
    case 'maxpool':
    case 'avgpool':
      return `${layer.kind} ${sizeText(layer.size)}${layer.stride !== undefined ? ` stride ${sizeText(layer.stride)}` : ''}`;
    case 'dense':
      return `dense ${layer.units}`;
    case 'globalavgpool':
    case 'flatten':
      return layer.kind;
    default:
      return String((layer as { kind?: unknown } | undefined)?.kind);
  }
}
