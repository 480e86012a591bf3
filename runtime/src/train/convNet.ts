// The forward pass of a layer sequence (`input` + `network`) for all decay values and seeds at once.
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
//
// Seeds are one more leading axis: S seeds x D decay values are S*D copies, seed-major (copy
// s*D + d), and each seed trains on its own batches. Seed s's images sit on channels s*C of the
// input, [B, S*C, H, W] (sample b of every seed's batch at batch position b), and the first
// convolution runs with group = S, each group making its seed's D*F channels; after it the
// S*D copies are stacked like decay values. With one seed this is the layout above.
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
  /** [B, S*C, H, W], shared by the D copies of each seed (before the first layer with weights): seed s's channels at s*C. */
  | { kind: 'shared map'; sym: Sym; channels: number }
  /** [B, N*C, H, W]: copy n's channels at n*C. */
  | { kind: 'stacked map'; sym: Sym; channels: number }
  /** [B, F] (one seed) or [S, B, F], shared by the D copies of each seed. */
  | { kind: 'shared features'; sym: Sym }
  /** [N, B, F]. */
  | { kind: 'features'; sym: Sym };

/**
 * Logits [N, B, outputs] (N = seeds * decays copies, seed-major) of `images`: [B, H, W, C] (NHWC,
 * as the data holds them) with one seed, [S, B, H, W, C] with S. `params` are networkLayout's
 * tensors with the copy axis in front: [N, ...shape].
 */
export function networkForward(tape: Tape, network: ResolvedNetwork, images: Sym, params: readonly Sym[], decays: number, seeds = 1): Sym {
  const S = seeds;
  const copies = S * decays;
  const { channels: inputChannels } = network.input;
  const nchw =
    S === 1
      ? tape.transpose(images, [0, 3, 1, 2])
      : tape.reshape(tape.transpose(images, [1, 0, 4, 2, 3]), [images.shape[1], S * inputChannels, images.shape[2], images.shape[3]]);
  let flow: Activations = { kind: 'shared map', sym: nchw, channels: inputChannels };
  let next = 0;
  const takeParams = () => [params[next++], params[next++]];
  for (const layer of network.layers) {
    switch (layer.kind) {
      case 'conv': {
        if (flow.kind === 'features' || flow.kind === 'shared features') throw new Error('conv after flat features');
        const [kernel, bias] = takeParams();
        const [, filters, channels, kh, kw] = kernel.shape;
        const stackedKernel = tape.reshape(kernel, [copies * filters, channels, kh, kw]);
        const stackedBias = tape.reshape(bias, [copies * filters]);
        // A shared map holds each seed's images once: one group per seed makes its copies' channels.
        const group = flow.kind === 'shared map' ? S : copies;
        const output = conv(tape, flow.sym, stackedKernel, stackedBias, { strides: layer.stride, pads: layer.pads, group });
        flow = { kind: 'stacked map', sym: activate(tape, output, layer.activation), channels: filters };
        break;
      }
      case 'maxpool':
      case 'avgpool': {
        if (flow.kind === 'features' || flow.kind === 'shared features') throw new Error('pooling after flat features');
        const pool = layer.kind === 'maxpool' ? maxPool : averagePool;
        flow = { ...flow, sym: pool(tape, flow.sym, layer.kernel, layer.stride) };
        break;
      }
      case 'globalavgpool':
      case 'flatten': {
        const current: Activations = flow;
        if (current.kind === 'features' || current.kind === 'shared features') throw new Error(`${layer.kind} after flat features`);
        const map: Sym = layer.kind === 'globalavgpool' ? globalAveragePool(tape, current.sym) : current.sym;
        const flat = flatten(tape, { ...current, sym: map }, current.kind === 'shared map' ? S : copies);
        flow = current.kind === 'shared map' ? { kind: 'shared features', sym: flat } : { kind: 'features', sym: flat };
        break;
      }
      case 'dense': {
        if (flow.kind !== 'features' && flow.kind !== 'shared features') throw new Error('dense on a feature map');
        const [kernel, bias] = takeParams();
        const product: Sym = flow.kind === 'shared features' ? sharedMatmul(tape, flow.sym, kernel, S, decays) : tape.matmul(flow.sym, kernel);
        flow = { kind: 'features', sym: activate(tape, tape.add(product, bias), layer.activation) };
        break;
      }
    }
  }
  if (flow.kind !== 'features') throw new Error('the network ends on a feature map or has no dense layer');
  return flow.sym;
}

/**
 * `x @ kernel` where the D copies of each seed share x: x [B, F] (one seed) or [S, B, F], kernel
 * [S*D, F, U] seed-major. Returns [S*D, B, U]; one batched MatMul either way.
 */
export function sharedMatmul(tape: Tape, x: Sym, kernel: Sym, seeds: number, decays: number): Sym {
  if (seeds === 1) return tape.matmul(x, kernel);
  const [, batch, features] = x.shape;
  const units = kernel.shape[kernel.shape.length - 1];
  const perSeed = tape.matmul(tape.reshape(x, [seeds, 1, batch, features]), tape.reshape(kernel, [seeds, decays, features, units]));
  return tape.reshape(perSeed, [seeds * decays, batch, units]);
}

/**
 * Per sample, channel by channel, row by row (C, H, W: PyTorch's flatten order), for each of the
 * `copies` channel blocks: [B, F] for one block, [copies, B, F] for more.
 */
function flatten(tape: Tape, flow: Extract<Activations, { kind: 'shared map' | 'stacked map' }>, copies: number): Sym {
  const [batch, , height, width] = flow.sym.shape;
  if (copies === 1 && flow.kind === 'shared map') return tape.reshape(flow.sym, [batch, flow.channels * height * width]);
  const perCopy = tape.reshape(flow.sym, [batch, copies, flow.channels * height * width]);
  return tape.transpose(perCopy, [1, 0, 2]);
}

function activate(tape: Tape, sym: Sym, activation: LayerActivation): Sym {
  return activation === 'relu' ? tape.relu(sym) : activation === 'tanh' ? tape.tanh(sym) : sym;
}
