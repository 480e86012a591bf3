// The forward pass of a layer sequence (`input` + `network`) for all decay values at once.
//
// Batching over the D decay values: each copy's channels sit side by side on the channel axis,
// [B, D*C, H, W] (copy d owns channels d*C .. d*C + C - 1), and a convolution runs with
// group = D, its kernels stacked [D*F, C, kh, kw]: one Conv node per layer (and one ConvTranspose
// and one Conv for its gradients) whatever D is, with no copies of the activations. Measured on
// the second convolution of the standard sweep (8 -> 16 channels on 8x8, batch 32,
// D = 24): the grouped Conv takes 5.7 ms, D Conv nodes between a Split and a Concat 5.5 ms, and
// onnxruntime's Conv of a single copy 0.2 ms (4.8 ms for 24): grouping stays within 20% of the
// per-copy speed and keeps the graph's size independent of D. Pooling is per channel and
// needs nothing. The stacked kernels are the [D, F, C, kh, kw] weights reshaped. Until the first
// convolution the data is the same for every copy, so it stays [B, C, H, W] and the first
// convolution is an ordinary one (group 1) producing all D*F channels. Flattening turns
// [B, D*C, H, W] into [D, B, C*H*W], the layout of the dense layers (as in the MLP graphs).
import { averagePool, conv, globalAveragePool, maxPool } from '../graph/spatialOps';
import type { Sym, Tape } from '../graph/tape';
import type { LayerActivation, ResolvedNetwork } from '../sweep/network';
import type { TensorLayout } from './trainingGraph';

/**
 * Weights of a network, layer by layer: a conv kernel [F, C, kh, kw] (ONNX's and PyTorch's
 * layout) and bias [F]; a dense kernel [in, out] and bias [1, out], as in an MLP. `layer` counts
 * the layers with weights.
 */
export function networkLayout(network: ResolvedNetwork): TensorLayout[] {
  return network.layers.flatMap((layer): TensorLayout[] => {
    if (layer.kind === 'conv') {
      const channels = layer.input.kind === 'map' ? layer.input.channels : 0;
      const [kh, kw] = layer.kernel;
      return [
        { layer: layer.weightLayer, kind: 'kernel', shape: [layer.filters, channels, kh, kw], fanIn: channels * kh * kw, fanOut: layer.filters * kh * kw },
        { layer: layer.weightLayer, kind: 'bias', shape: [layer.filters], fanIn: channels * kh * kw, fanOut: layer.filters * kh * kw },
      ];
    }
    if (layer.kind === 'dense') {
      const inputs = layer.input.kind === 'vector' ? layer.input.features : 0;
      return [
        { layer: layer.weightLayer, kind: 'kernel', shape: [inputs, layer.units], fanIn: inputs, fanOut: layer.units },
        { layer: layer.weightLayer, kind: 'bias', shape: [1, layer.units], fanIn: inputs, fanOut: layer.units },
      ];
    }
    return [];
  });
}

/** What flows between layers. */
type Activations =
  /** [B, C, H, W], the same for every copy (before the first layer with weights). */
  | { kind: 'shared map'; sym: Sym }
  /** [B, D*C, H, W]: copy d's channels at d*C. */
  | { kind: 'stacked map'; sym: Sym; channels: number }
  /** [B, F] shared, or [D, B, F]. */
  | { kind: 'features'; sym: Sym };

/**
 * Logits [D, B, outputs] of `images` [B, H, W, C] (NHWC, as the data holds them). `params` are
 * networkLayout's tensors with the decay axis in front: [D, ...shape].
 */
export function networkForward(tape: Tape, network: ResolvedNetwork, images: Sym, params: readonly Sym[], decays: number): Sym {
  const D = decays;
  let flow: Activations = { kind: 'shared map', sym: tape.transpose(images, [0, 3, 1, 2]) };
  let next = 0;
  const takeParams = () => [params[next++], params[next++]];
  for (const layer of network.layers) {
    switch (layer.kind) {
      case 'conv': {
        if (flow.kind === 'features') throw new Error('conv after flat features');
        const [kernel, bias] = takeParams();
        const [, filters, channels, kh, kw] = kernel.shape;
        const stackedKernel = tape.reshape(kernel, [D * filters, channels, kh, kw]);
        const stackedBias = tape.reshape(bias, [D * filters]);
        const group = flow.kind === 'shared map' ? 1 : D;
        const output = conv(tape, flow.sym, stackedKernel, stackedBias, { strides: layer.stride, pads: layer.pads, group });
        flow = { kind: 'stacked map', sym: activate(tape, output, layer.activation), channels: filters };
        break;
      }
      case 'maxpool':
      case 'avgpool': {
        if (flow.kind === 'features') throw new Error('pooling after flat features');
        const pool = layer.kind === 'maxpool' ? maxPool : averagePool;
        flow = { ...flow, sym: pool(tape, flow.sym, layer.kernel, layer.stride) };
        break;
      }
      case 'globalavgpool':
      case 'flatten': {
        const current: Activations = flow;
        if (current.kind === 'features') throw new Error(`${layer.kind} after flat features`);
        const map: Sym = layer.kind === 'globalavgpool' ? globalAveragePool(tape, current.sym) : current.sym;
        flow = { kind: 'features', sym: flatten(tape, { ...current, sym: map }, D) };
        break;
      }
      case 'dense': {
        if (flow.kind !== 'features') throw new Error('dense on a feature map');
        const [kernel, bias] = takeParams();
        flow = { kind: 'features', sym: activate(tape, tape.add(tape.matmul(flow.sym, kernel), bias), layer.activation) };
        break;
      }
    }
  }
  if (flow.kind !== 'features') throw new Error('the network ends on a feature map');
  return flow.sym;
}

/** Per sample, channel by channel, row by row (C, H, W: PyTorch's flatten order). */
function flatten(tape: Tape, flow: Exclude<Activations, { kind: 'features' }>, D: number): Sym {
  const [batch, , height, width] = flow.sym.shape;
  if (flow.kind === 'shared map') return tape.reshape(flow.sym, [batch, flow.sym.shape[1] * height * width]);
  const perCopy = tape.reshape(flow.sym, [batch, D, flow.channels * height * width]);
  return tape.transpose(perCopy, [1, 0, 2]);
}

function activate(tape: Tape, sym: Sym, activation: LayerActivation): Sym {
  return activation === 'relu' ? tape.relu(sym) : activation === 'tanh' ? tape.tanh(sym) : sym;
}
