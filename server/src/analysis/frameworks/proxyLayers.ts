// The layers a model's code builds, read for sweep proxies: each framework names its layer
// constructors here with where they take their sizes (`Conv2D(filters, kernel_size, ...)`,
// `nn.Conv2d(in, out, kernel_size, ...)`, `tf.layers.conv2d({filters, kernelSize})`).
import type { CallExpr } from '../evalContext';
import type { Effect, ProxyLayer } from '../effects';
import { factorOf, type Site, type Value } from '../values';

/** An argument by position (undefined: keyword only) or by one of its keyword names. */
type Argument = [position: number | undefined, ...names: string[]];

/** What a layer constructor's arguments give a layer. */
interface LayerReader {
  /** A number, or a pair of equal numbers (`3`, `(3, 3)`, `[2, 2]`). */
  size(...argument: Argument): number | undefined;
  /** A string argument (`padding='same'`), lower-cased. */
  text(...argument: Argument): string | undefined;
  /** Whether the call gives the argument at all. */
  gives(...argument: Argument): boolean;
}

/** Each framework's layer constructors, by member name. */
type LayerTable = Record<string, (read: LayerReader) => ProxyLayer>;

const kerasConv = (read: LayerReader): ProxyLayer => ({ kind: 'conv', filters: read.size(0, 'filters'), kernel: read.size(1, 'kernel_size'), stride: read.size(2, 'strides'), padding: padding(read.text(3, 'padding') ?? 'valid') });
const kerasPool =
  (kind: 'maxpool' | 'avgpool') =>
  (read: LayerReader): ProxyLayer => ({ kind, size: read.size(0, 'pool_size') ?? 2, stride: read.size(1, 'strides') });
/** `tf.layers.conv2d(inputs, filters, kernel_size, ...)` and `tf.layers.max_pooling2d(inputs, pool_size, strides)`: Keras' arguments after the input. */
const layersConv = (read: LayerReader): ProxyLayer => ({ kind: 'conv', filters: read.size(1, 'filters'), kernel: read.size(2, 'kernel_size'), stride: read.size(3, 'strides'), padding: padding(read.text(4, 'padding') ?? 'valid') });
const layersPool =
  (kind: 'maxpool' | 'avgpool') =>
  (read: LayerReader): ProxyLayer => ({ kind, size: read.size(1, 'pool_size'), stride: read.size(2, 'strides') });
/** slim's `conv2d(inputs, num_outputs, kernel_size, stride=1, padding='SAME')`, `max_pool2d(inputs, kernel_size, stride=2)`. */
const slimConv = (read: LayerReader): ProxyLayer => ({ kind: 'conv', filters: read.size(1, 'num_outputs'), kernel: read.size(2, 'kernel_size'), stride: read.size(3, 'stride'), padding: padding(read.text(4, 'padding') ?? 'same') });
const slimPool =
  (kind: 'maxpool' | 'avgpool') =>
  (read: LayerReader): ProxyLayer => ({ kind, size: read.size(1, 'kernel_size'), stride: read.size(2, 'stride') ?? 2 });
/** `tf.nn.max_pool(value, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')`: the spatial entries. */
const nnPool =
  (kind: 'maxpool' | 'avgpool') =>
  (read: LayerReader): ProxyLayer => ({ kind, size: read.size(1, 'ksize'), stride: read.size(2, 'strides') });

/** TensorFlow's members (tensorflowNames.ts spelling): Keras, tf.layers, slim and contrib, tf.nn. */
export const tensorflowLayers: LayerTable = {
  'keras.layers.Dense': (read) => ({ kind: 'dense', units: read.size(0, 'units') }),
  'keras.layers.Conv2D': kerasConv,
  'keras.layers.Convolution2D': kerasConv,
  'keras.layers.MaxPooling2D': kerasPool('maxpool'),
  'keras.layers.MaxPool2D': kerasPool('maxpool'),
  'keras.layers.AveragePooling2D': kerasPool('avgpool'),
  'keras.layers.AvgPool2D': kerasPool('avgpool'),
  'keras.layers.GlobalAveragePooling2D': () => ({ kind: 'globalavgpool' }),
  'keras.layers.GlobalAvgPool2D': () => ({ kind: 'globalavgpool' }),
  'keras.layers.Flatten': () => ({ kind: 'flatten' }),
  'layers.dense': (read) => ({ kind: 'dense', units: read.size(1, 'units') }),
  'layers.conv2d': layersConv,
  'layers.max_pooling2d': layersPool('maxpool'),
  'layers.average_pooling2d': layersPool('avgpool'),
  'layers.flatten': () => ({ kind: 'flatten' }),
  'contrib.slim.conv2d': slimConv,
  'contrib.layers.conv2d': slimConv,
  'contrib.slim.max_pool2d': slimPool('maxpool'),
  'contrib.layers.max_pool2d': slimPool('maxpool'),
  'contrib.slim.avg_pool2d': slimPool('avgpool'),
  'contrib.layers.avg_pool2d': slimPool('avgpool'),
  'contrib.slim.fully_connected': (read) => ({ kind: 'dense', units: read.size(1, 'num_outputs') }),
  'contrib.layers.fully_connected': (read) => ({ kind: 'dense', units: read.size(1, 'num_outputs') }),
  'contrib.slim.flatten': () => ({ kind: 'flatten' }),
  'contrib.layers.flatten': () => ({ kind: 'flatten' }),
  'nn.max_pool': nnPool('maxpool'),
  'nn.max_pool2d': nnPool('maxpool'),
  'nn.avg_pool': nnPool('avgpool'),
  'nn.avg_pool2d': nnPool('avgpool'),
};

/** `nn.Conv2d(in, out, kernel_size, stride=1, padding=0)`: a padding of half the kernel keeps the size. */
function torchConv(read: LayerReader): ProxyLayer {
  const kernel = read.size(2, 'kernel_size');
  const text = read.text(4, 'padding');
  const pad = read.size(4, 'padding');
  const same = text === 'same' || (kernel !== undefined && pad !== undefined && pad === (kernel - 1) / 2) || (kernel === 1 && !read.gives(4, 'padding'));
  return { kind: 'conv', filters: read.size(1, 'out_channels'), kernel, stride: read.size(3, 'stride'), padding: same ? 'same' : 'valid' };
}

const torchPool =
  (kind: 'maxpool' | 'avgpool') =>
  (read: LayerReader): ProxyLayer => ({ kind, size: read.size(0, 'kernel_size'), stride: read.size(1, 'stride') });

/** PyTorch's members (torch.ts spelling): `torch.nn` layers and their functional forms. */
export const torchLayers: LayerTable = {
  'nn.Linear': (read) => ({ kind: 'dense', inputs: read.size(0, 'in_features'), units: read.size(1, 'out_features') }),
  'nn.Conv2d': torchConv,
  'nn.MaxPool2d': torchPool('maxpool'),
  'nn.AvgPool2d': torchPool('avgpool'),
  'nn.AdaptiveAvgPool2d': () => ({ kind: 'globalavgpool' }),
  'nn.Flatten': () => ({ kind: 'flatten' }),
  'nn.functional.max_pool2d': (read) => ({ kind: 'maxpool', size: read.size(1, 'kernel_size'), stride: read.size(2, 'stride') }),
  'nn.functional.avg_pool2d': (read) => ({ kind: 'avgpool', size: read.size(1, 'kernel_size'), stride: read.size(2, 'stride') }),
};

/** TF.js's members (tfjs.ts spelling), configured by one object: `tf.layers.conv2d({filters, kernelSize})`. */
export const tfjsLayers: LayerTable = {
  'layers.dense': (read) => ({ kind: 'dense', units: read.size(undefined, 'units') }),
  'layers.conv2d': (read) => ({ kind: 'conv', filters: read.size(undefined, 'filters'), kernel: read.size(undefined, 'kernelSize'), stride: read.size(undefined, 'strides'), padding: padding(read.text(undefined, 'padding') ?? 'valid') }),
  'layers.maxPooling2d': (read) => ({ kind: 'maxpool', size: read.size(undefined, 'poolSize') ?? 2, stride: read.size(undefined, 'strides') }),
  'layers.averagePooling2d': (read) => ({ kind: 'avgpool', size: read.size(undefined, 'poolSize') ?? 2, stride: read.size(undefined, 'strides') }),
  'layers.globalAveragePooling2d': () => ({ kind: 'globalavgpool' }),
  'layers.flatten': () => ({ kind: 'flatten' }),
};

function padding(text: string): 'same' | 'valid' | undefined {
  return text === 'same' || text === 'valid' ? text : undefined;
}

/** The layer a call of `member` builds, when `table` names it, as the effect that records it. */
export function proxyLayerOf(table: LayerTable, member: string, call: CallExpr, args: readonly Value[], keywords: ReadonlyMap<string, Value>, at: Site): (Effect & { k: 'layer' }) | undefined {
  const build = Object.hasOwn(table, member) ? table[member] : undefined;
  if (!build) return undefined;
  const argument = ([position, ...names]: Argument) => {
    const keyword = call.keywords.find((candidate) => names.includes(candidate.name));
    if (keyword) return { expr: keyword.value, value: keywords.get(keyword.name) };
    const index = position ?? -1;
    const expr = index >= 0 ? call.args[index] : undefined;
    // Positions after a `*args` are not known.
    const starred = call.args.slice(0, index + 1).some((arg) => arg.kind === 'group' && arg.starred);
    return expr && !starred ? { expr, value: args[index] } : undefined;
  };
  const read: LayerReader = {
    size: (...spec) => {
      const given = argument(spec);
      if (!given) return undefined;
      // `[1, 3, 3, 1]` (tf.nn's NHWC lists) and `(3, 3)`: the spatial entries, when equal.
      const items = given.expr.kind === 'group' && !given.expr.subscript && !given.expr.keys && !given.expr.starred ? given.expr.items : undefined;
      if (items) {
        const spatial = items.length === 4 ? items.slice(1, 3) : items;
        const numbers = spatial.map((item) => (item.kind === 'num' && Number.isInteger(item.value) && item.value > 0 ? item.value : undefined));
        return numbers.length > 0 && numbers.every((n) => n !== undefined && n === numbers[0]) ? numbers[0] : undefined;
      }
      const factor = factorOf(given.value ?? []);
      return factor.k === 'num' && Number.isInteger(factor.value) && factor.value >= 0 ? factor.value : undefined;
    },
    text: (...spec) => {
      const given = argument(spec);
      const tag = given?.value?.find((candidate) => candidate.k === 'str');
      return tag?.k === 'str' ? tag.value.toLowerCase() : given?.expr.kind === 'str' ? given.expr.value.toLowerCase() : undefined;
    },
    gives: (...spec) => argument(spec) !== undefined,
  };
  return { k: 'layer', layer: build(read), site: at, origin: at };
}
