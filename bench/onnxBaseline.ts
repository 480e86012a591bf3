// The baselines sweep.bench.ts compares the sweeps with, measured by onnxruntime itself in the
// bench's own process on one thread: a large GEMM (the practical ceiling of matrix products), and
// the forward and backward Conv and MatMul ops of one model at a sweep's shapes, built with the
// runtime's own tape (the nodes its training graphs use for them), without anything else a
// training step does. Also the FLOPs of a training step, counted over those same products.
import * as ort from 'onnxruntime-node';
import { encodeModel, FLOAT } from '../runtime/src/graph/onnxModel';
import { conv, type ConvAttributes } from '../runtime/src/graph/spatialOps';
import { emit, size, Tape, type Sym } from '../runtime/src/graph/tape';
import { specNetwork, type SweepSpec } from '../runtime/src/sweep/spec';

/** One layer's product of one model-step: a convolution ([B, C, H, W] by [F, C, kh, kw]) or a matrix product ([B, in] by [in, units]). */
type WeightProduct =
  | { kind: 'conv'; input: number[]; kernel: number[]; output: number[]; attributes: ConvAttributes }
  | { kind: 'dense'; input: number[]; kernel: number[]; output: number[] };

/** The products of the spec's layers with weights, in order, at its batch size. */
function weightProducts(spec: SweepSpec): WeightProduct[] {
  const batch = spec.batchSize;
  const network = specNetwork(spec);
  if (!network) return spec.layers.slice(1).map((units, l) => ({ kind: 'dense', input: [batch, spec.layers[l]], kernel: [spec.layers[l], units], output: [batch, units] }));
  return network.layers.flatMap((layer): WeightProduct[] => {
    if (layer.kind === 'conv' && layer.input.kind === 'map' && layer.output.kind === 'map') {
      const { channels, height, width } = layer.input;
      return [
        {
          kind: 'conv',
          input: [batch, channels, height, width],
          kernel: [layer.filters, channels, ...layer.kernel],
          output: [batch, layer.filters, layer.output.height, layer.output.width],
          attributes: { strides: layer.stride, pads: layer.pads, group: 1 },
        },
      ];
    }
    if (layer.kind === 'dense' && layer.input.kind === 'vector') {
      return [{ kind: 'dense', input: [batch, layer.input.features], kernel: [layer.input.features, layer.units], output: [batch, layer.units] }];
    }
    return [];
  });
}

/** Multiply-adds x 2 of a product's forward pass; its kernel gradient and its input gradient cost the same. */
function productFlops(product: WeightProduct): number {
  const perOutput = product.kind === 'conv' ? product.kernel[1] * product.kernel[2] * product.kernel[3] : product.kernel[0];
  return 2 * size(product.output) * perOutput;
}

/**
 * FLOPs of one model's training step in its convolutions and matrix products: forward, kernel
 * gradients, and input gradients past the first layer with weights (nothing needs the data's).
 */
export function trainingStepFlops(spec: SweepSpec): number {
  return 3 * forwardFlops(spec) - productFlops(weightProducts(spec)[0]);
}

function forwardFlops(spec: SweepSpec): number {
  return weightProducts(spec).reduce((sum, product) => sum + productFlops(product), 0);
}

/** Deterministic values in [-0.5, 0.5). */
function feed(dims: number[]): ort.Tensor {
  return new ort.Tensor('float32', Float32Array.from({ length: size(dims) }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5), dims);
}

/** GFLOP/s of a session over `runs` runs after one warm-up run. */
async function sessionGflops(model: Uint8Array, feeds: Record<string, ort.Tensor>, flopsPerRun: number, runs: number): Promise<number> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  await session.run(feeds);
  const started = performance.now();
  for (let i = 0; i < runs; i++) await session.run(feeds);
  const seconds = (performance.now() - started) / 1000;
  await session.release();
  return (flopsPerRun * runs) / seconds / 1e9;
}

/** onnxruntime's single-thread GEMM on two `size` x `size` matrices. */
export function gemmGflops(side = 1024, runs = 20): Promise<number> {
  const model = encodeModel({
    name: 'gemm',
    inputs: [
      { name: 'a', type: FLOAT, dims: [side, side] },
      { name: 'b', type: FLOAT, dims: [side, side] },
    ],
    outputs: [{ name: 'c', type: FLOAT, dims: [side, side] }],
    nodes: [{ op: 'MatMul', inputs: ['a', 'b'], outputs: ['c'] }],
  });
  return sessionGflops(model, { a: feed([side, side]), b: feed([side, side]) }, 2 * side ** 3, runs);
}

/**
 * onnxruntime's single-thread throughput on one model's training-step products at the spec's
 * shapes: each layer's forward Conv or MatMul, its kernel gradient and (past the first layer)
 * its input gradient, as the tape emits them (ConvTranspose, a Conv with batch and channels
 * swapped, transposed MatMuls). Each run is one model-step of that work; `forward` leaves the
 * gradients out, to show what they cost.
 */
export function convGemmGflops(spec: SweepSpec, passes: 'training' | 'forward', runs = 200): Promise<number> {
  const tape = new Tape();
  const inputs: { name: string; dims: number[] }[] = [];
  const input = (name: string, dims: number[]) => {
    inputs.push({ name, dims });
    return tape.input(name, dims);
  };
  const outputs: Sym[] = [];
  weightProducts(spec).forEach((product, l) => {
    const x = input(`x${l}`, product.input);
    const kernel = input(`kernel${l}`, product.kernel);
    outputs.push(product.kind === 'conv' ? conv(tape, x, kernel, undefined, product.attributes) : tape.matmul(x, kernel));
    if (passes === 'forward') return;
    const upstream = input(`upstream${l}`, product.output);
    if (product.kind === 'conv') {
      outputs.push(tape.spatial({ kind: 'convKernelGrad', ...product.attributes }, [x, upstream], product.kernel));
      if (l > 0) outputs.push(tape.spatial({ kind: 'convInputGrad', ...product.attributes }, [upstream, kernel], product.input));
    } else {
      outputs.push(tape.matmul(tape.transpose(x, [1, 0]), upstream));
      if (l > 0) outputs.push(tape.matmul(upstream, tape.transpose(kernel, [1, 0])));
    }
  });
  const names = outputs.map((_, i) => `out${i}`);
  const model = encodeModel({
    name: 'convGemm',
    inputs: inputs.map(({ name, dims }) => ({ name, type: FLOAT, dims })),
    outputs: outputs.map((sym, i) => ({ name: names[i], type: FLOAT, dims: [...sym.shape] })),
    nodes: emit(outputs, names, 'n'),
  });
  const feeds = Object.fromEntries(inputs.map(({ name, dims }) => [name, feed(dims)]));
  return sessionGflops(model, feeds, passes === 'training' ? trainingStepFlops(spec) : forwardFlops(spec), runs);
}
