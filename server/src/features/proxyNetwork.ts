// The convolutional proxy of a user's model: its layer sequence scaled down by one rule, so that a
// sweep takes seconds (docs/sweeps.md, "The proxy of your model"):
// - input 16x16x3 images (the built-in synthetic image task);
// - at most 4 convolutions (evenly chosen when the model has more) and the pooling between them,
//   then at most 3 dense layers (the last ones), the last of which is the output;
// - every width divided by one factor, so that the widest convolution has at most 8 filters and the
//   widest hidden dense layer at most 128 units (at least 4 either way); kernels up to 5, strides up to 2;
// - the output keeps the model's classes up to 100 (10 when the code does not say);
// - where the shapes do not fit 16x16, valid paddings become same, then poolings go, last first.
import type { LayerSpec } from '@decay-lens/runtime/spec';
import { defaultImageTask, defaultSpec, validateSpec } from '@decay-lens/runtime/spec';
import type { ProxyLayer } from '../analysis/effects';

export const PROXY_INPUT: [number, number, number] = [16, 16, 3];
const MAX_CONVOLUTIONS = 4;
const MAX_DENSE = 3;
const MAX_FILTERS = 8;
const MAX_HIDDEN_UNITS = 128;
const MIN_WIDTH = 4;
const UNKNOWN_FILTERS = 8;
const UNKNOWN_UNITS = 32;
const MAX_KERNEL = 5;
const MAX_STRIDE = 2;
const MAX_CLASSES = 100;
const UNKNOWN_CLASSES = 10;

export interface ProxyNetwork {
  input: [number, number, number];
  network: LayerSpec[];
  /** The proxy's weight layers (conv and dense, 0 = the first) that decay. */
  decayLayers: number[];
}

/** The proxy of a model's layers, `decays[i]` telling whether layer i decays; undefined when no convolutional proxy fits. */
export function proxyNetwork(layers: readonly ProxyLayer[], decays: readonly boolean[]): ProxyNetwork | undefined {
  const kept = keptLayers(layers.map((layer, index) => ({ layer, decays: decays[index] ?? false })));
  if (!kept.some(({ layer }) => layer.kind === 'conv')) return undefined;
  const known = (values: (number | undefined)[]) => values.filter((value): value is number => value !== undefined);
  const dense = kept.filter(({ layer }) => layer.kind === 'dense');
  const hidden = dense.slice(0, -1);
  const factor = Math.max(
    1,
    ...known(kept.map(({ layer }) => (layer.kind === 'conv' ? layer.filters : undefined))).map((filters) => filters / MAX_FILTERS),
    ...known(hidden.map(({ layer }) => (layer.kind === 'dense' ? layer.units : undefined))).map((units) => units / MAX_HIDDEN_UNITS),
  );
  const scaled = (width: number | undefined, unknown: number) => (width === undefined ? unknown : Math.max(MIN_WIDTH, Math.round(width / factor)));
  const output = dense[dense.length - 1];
  const classes = output?.layer.kind === 'dense' && output.layer.units !== undefined && output.layer.units <= MAX_CLASSES ? output.layer.units : UNKNOWN_CLASSES;
  const specs: { spec: LayerSpec; decays: boolean }[] = kept.map(({ layer, decays: decayed }) => ({ spec: layerSpec(layer, layer === output?.layer ? classes : undefined, scaled), decays: decayed }));
  if (!output) specs.push({ spec: { kind: 'dense', units: classes }, decays: false });
  return fitting(specs);
}

/** The convolutional part then the dense part, each capped; a flatten between them. */
function keptLayers(layers: { layer: ProxyLayer; decays: boolean }[]): { layer: ProxyLayer; decays: boolean }[] {
  // Layers written out of order (PyTorch's pooling in forward, after the layers __init__ makes) keep the convolutional part first.
  const spatial = layers.filter(({ layer }) => layer.kind === 'conv' || layer.kind === 'maxpool' || layer.kind === 'avgpool');
  const convolutions = spatial.filter(({ layer }) => layer.kind === 'conv');
  const chosen = new Set(convolutions.length <= MAX_CONVOLUTIONS ? convolutions : Array.from({ length: MAX_CONVOLUTIONS }, (_, i) => convolutions[Math.round((i * (convolutions.length - 1)) / (MAX_CONVOLUTIONS - 1))]));
  const spatialKept = spatial.filter((entry) => entry.layer.kind !== 'conv' || chosen.has(entry));
  const flatten = layers.find(({ layer }) => layer.kind === 'globalavgpool') ?? { layer: { kind: 'flatten' } as ProxyLayer, decays: false };
  const dense = layers.filter(({ layer }) => layer.kind === 'dense').slice(-MAX_DENSE);
  return [...spatialKept, flatten, ...dense];
}

function layerSpec(layer: ProxyLayer, outputUnits: number | undefined, scaled: (width: number | undefined, unknown: number) => number): LayerSpec {
  switch (layer.kind) {
    case 'conv':
      return { kind: 'conv', filters: scaled(layer.filters, UNKNOWN_FILTERS), kernel: Math.min(layer.kernel ?? 3, MAX_KERNEL), stride: Math.min(layer.stride || 1, MAX_STRIDE), padding: layer.padding ?? 'same' };
    case 'maxpool':
    case 'avgpool': {
      const size = Math.min(layer.size || 2, MAX_KERNEL);
      return { kind: layer.kind, size, stride: Math.min(layer.stride || size, MAX_STRIDE) };
    }
    case 'dense':
      return { kind: 'dense', units: outputUnits ?? scaled(layer.units, UNKNOWN_UNITS) };
    default:
      return { kind: layer.kind };
  }
}

/** The layers as a network that fits the proxy's input: valid paddings made same, then poolings dropped, last first. */
function fitting(layers: { spec: LayerSpec; decays: boolean }[]): ProxyNetwork | undefined {
  const fits = (candidate: { spec: LayerSpec }[]) => validateSpec(defaultSpec({ input: PROXY_INPUT, network: candidate.map(({ spec }) => spec), task: defaultImageTask() })).length === 0;
  let candidate = layers;
  if (!fits(candidate)) candidate = candidate.map((entry) => (entry.spec.kind === 'conv' ? { ...entry, spec: { ...entry.spec, padding: 'same' as const } } : entry));
  while (!fits(candidate)) {
    const pools = candidate.flatMap(({ spec }, index) => (spec.kind === 'maxpool' || spec.kind === 'avgpool' ? [index] : []));
    const lastPool = pools.length > 0 ? pools[pools.length - 1] : -1;
    if (lastPool < 0) return undefined;
    candidate = candidate.filter((_, index) => index !== lastPool);
  }
  const weights = candidate.filter(({ spec }) => spec.kind === 'conv' || spec.kind === 'dense');
  return { input: PROXY_INPUT, network: candidate.map(({ spec }) => spec), decayLayers: weights.flatMap(({ decays }, index) => (decays ? [index] : [])) };
}
