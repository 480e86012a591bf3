// Convolution and pooling for the tape: symbols over [N, C, H, W] (ONNX's layout), their
// gradients, and the ONNX nodes of both. The gradients are ONNX ops too: a convolution's input
// gradient is a ConvTranspose with the same kernel, its kernel gradient a convolution of the input
// with the output gradient (batch and channel axes swapped), max pooling's a scatter-add through
// MaxPool's indices, average pooling's a ConvTranspose with a constant kernel.
import type { NodeSpec } from './onnxModel';
import type { Shape, Sym, Tape } from './tape';

export type Pair = [number, number];
/** [top, left, bottom, right], as ONNX's `pads`. */
export type Pads = [number, number, number, number];

export interface ConvAttributes {
  strides: Pair;
  pads: Pads;
  /** Input and output channels split into `group` independent convolutions (ONNX's `group`). */
  group: number;
}

export type SpatialOp =
  /** Inputs x [N, G*C, H, W], kernel [G*F, C, kh, kw], optional bias [G*F]. */
  | ({ kind: 'conv' } & ConvAttributes)
  /** Gradients of conv: inputs (upstream, kernel) give x's; (x, upstream) give the kernel's. */
  | ({ kind: 'convInputGrad' | 'convKernelGrad' } & ConvAttributes)
  /** Windows without padding; the gradients take (upstream, x) and (upstream). */
  | { kind: 'maxPool' | 'averagePool' | 'maxPoolGrad' | 'averagePoolGrad'; kernel: Pair; strides: Pair }
  | { kind: 'globalAveragePool' };

/** Output size along one axis of a window `kernel` moved by `stride` over `size` padded values. */
function slide(size: number, kernel: number, stride: number, padBefore: number, padAfter: number): number {
  const span = size + padBefore + padAfter - kernel;
  if (span < 0) throw new Error(`a window of ${kernel} does not fit ${size} values padded by ${padBefore} + ${padAfter}`);
  return Math.floor(span / stride) + 1;
}

export function conv(tape: Tape, x: Sym, kernel: Sym, bias: Sym | undefined, attributes: ConvAttributes): Sym {
  const [n, channels, height, width] = x.shape;
  const [filters, perGroup, kh, kw] = kernel.shape;
  const { strides, pads, group } = attributes;
  if (x.shape.length !== 4 || kernel.shape.length !== 4 || perGroup * group !== channels || filters % group !== 0) {
    throw new Error(`conv of [${x.shape}] with kernel [${kernel.shape}] in ${group} groups`);
  }
  if (bias && (bias.shape.length !== 1 || bias.shape[0] !== filters)) throw new Error(`conv bias [${bias.shape}] for ${filters} filters`);
  const shape = [n, filters, slide(height, kh, strides[0], pads[0], pads[2]), slide(width, kw, strides[1], pads[1], pads[3])];
  return tape.spatial({ kind: 'conv', ...attributes }, bias ? [x, kernel, bias] : [x, kernel], shape);
}

export function maxPool(tape: Tape, x: Sym, kernel: Pair, strides: Pair): Sym {
  return tape.spatial({ kind: 'maxPool', kernel, strides }, [x], pooledShape(x.shape, kernel, strides));
}

export function averagePool(tape: Tape, x: Sym, kernel: Pair, strides: Pair): Sym {
  return tape.spatial({ kind: 'averagePool', kernel, strides }, [x], pooledShape(x.shape, kernel, strides));
}

export function globalAveragePool(tape: Tape, x: Sym): Sym {
  if (x.shape.length !== 4) throw new Error(`global average pool of [${x.shape}]`);
  return tape.spatial({ kind: 'globalAveragePool' }, [x], [x.shape[0], x.shape[1], 1, 1]);
}

function pooledShape(shape: Shape, kernel: Pair, strides: Pair): number[] {
  if (shape.length !== 4) throw new Error(`pooling of [${shape}]`);
  return [shape[0], shape[1], slide(shape[2], kernel[0], strides[0], 0, 0), slide(shape[3], kernel[1], strides[1], 0, 0)];
}

/** Gradients of a spatial symbol's inputs given `up`, the gradient of its output. */
export function spatialBackward(tape: Tape, op: SpatialOp, sym: Sym, up: Sym): (Sym | undefined)[] {
  const [x, second] = sym.inputs;
  switch (op.kind) {
    case 'conv': {
      const attributes: ConvAttributes = { strides: op.strides, pads: op.pads, group: op.group };
      const grads = [
        tape.spatial({ kind: 'convInputGrad', ...attributes }, [up, second], x.shape),
        tape.spatial({ kind: 'convKernelGrad', ...attributes }, [x, up], second.shape),
      ];
      const filters = second.shape[0];
      if (sym.inputs.length === 3) grads.push(tape.reshape(tape.sumTo(up, [1, filters, 1, 1]), [filters]));
      return grads;
    }
    case 'maxPool':
      return [tape.spatial({ kind: 'maxPoolGrad', kernel: op.kernel, strides: op.strides }, [up, x], x.shape)];
    case 'averagePool':
      return [tape.spatial({ kind: 'averagePoolGrad', kernel: op.kernel, strides: op.strides }, [up], x.shape)];
    case 'globalAveragePool':
      return [tape.expand(tape.scale(up, 1 / (x.shape[2] * x.shape[3])), x.shape)];
    default:
      throw new Error(`no gradient for ${op.kind}`);
  }
}

export interface EmitContext {
  nodes: NodeSpec[];
  /** A fresh value name. */
  temp(): string;
  /** A Constant node's output: floats, or int64 values. */
  constant(values: number[], dims: number[], int64?: boolean): string;
}

/** The ONNX nodes computing `sym` (named `out`) from its inputs (named `ins`). */
export function emitSpatial(op: SpatialOp, sym: Sym, ins: string[], out: string, context: EmitContext): void {
  const { nodes, temp, constant } = context;
  const node = (opType: string, inputs: string[], attributes: NodeSpec['attributes'] = {}, outputs = [temp()]) => {
    nodes.push({ op: opType, inputs, outputs, attributes });
    return outputs[0];
  };
  const reshape = (input: string, shape: readonly number[], output = temp()) => node('Reshape', [input, constant([...shape], [shape.length], true)], {}, [output]);
  switch (op.kind) {
    case 'conv': {
      const kernel = sym.inputs[1].shape;
      node('Conv', ins, { strides: op.strides, pads: op.pads, group: op.group, kernel_shape: kernel.slice(2) }, [out]);
      break;
    }
    case 'convInputGrad': {
      // ConvTranspose takes Conv's kernel as it is; output_padding restores the rows and columns
      // the forward windows never reached (the remainder of the stride).
      const [up, kernel] = sym.inputs;
      const outputPadding = [0, 1].map((axis) => sym.shape[axis + 2] - ((up.shape[axis + 2] - 1) * op.strides[axis] + kernel.shape[axis + 2] - op.pads[axis] - op.pads[axis + 2]));
      node('ConvTranspose', ins, { strides: op.strides, pads: op.pads, group: op.group, kernel_shape: kernel.shape.slice(2), output_padding: outputPadding }, [out]);
      break;
    }
    case 'convKernelGrad':
      emitKernelGrad(op, sym, ins, out, context, node, reshape);
      break;
    case 'maxPool':
    case 'averagePool':
      node(op.kind === 'maxPool' ? 'MaxPool' : 'AveragePool', ins, { kernel_shape: op.kernel, strides: op.strides }, [out]);
      break;
    case 'maxPoolGrad': {
      // MaxPool's indices count over the whole flattened [N, C, H, W] input (its first maximum
      // when values tie, as PyTorch's): each upstream value is added where its window took the
      // maximum (windows may overlap, hence the add). Measured faster in the training graph
      // than routing through equality masks of strided slices (DepthToSpace to interleave them
      // back) or windows gathered onto an axis for ArgMax: onnxruntime's data-movement ops cost
      // more than its slow MaxPool-with-indices kernel.
      const [up, x] = sym.inputs;
      const indices = temp();
      node('MaxPool', [ins[1]], { kernel_shape: op.kernel, strides: op.strides }, [temp(), indices]);
      const total = x.shape.reduce((a, b) => a * b, 1);
      const zeros = node('ConstantOfShape', [constant([total], [1], true)], { value: { tensor: { dims: [1], floats: [0] } } });
      const scattered = node('ScatterElements', [zeros, reshape(indices, [-1]), reshape(ins[0], [up.shape.reduce((a, b) => a * b, 1)])], { axis: 0, reduction: 'add' });
      reshape(scattered, sym.shape, out);
      break;
    }
    case 'averagePoolGrad': {
      // Every input gets 1/(kh*kw) of the upstream value of each window it is in: a transposed
      // convolution of each channel (as its own image) with a constant kernel.
      const [up] = sym.inputs;
      const [n, channels, height, width] = sym.shape;
      const [kh, kw] = op.kernel;
      const kernel = constant(new Array(kh * kw).fill(1 / (kh * kw)), [1, 1, kh, kw]);
      const outputPadding = [height - ((up.shape[2] - 1) * op.strides[0] + kh), width - ((up.shape[3] - 1) * op.strides[1] + kw)];
      const images = reshape(ins[0], [n * channels, 1, up.shape[2], up.shape[3]]);
      const spread = node('ConvTranspose', [images, kernel], { strides: op.strides, kernel_shape: op.kernel, output_padding: outputPadding });
      reshape(spread, sym.shape, out);
      break;
    }
    case 'globalAveragePool':
      node('GlobalAveragePool', ins, {}, [out]);
      break;
  }
}

/**
 * The kernel gradient dK[g,f,c,i,j] = sum over n, y, x of up[n,(g,f),y,x] * xPadded[n,(g,c), y*sh + i, x*sw + j]:
 * a convolution whose images are x's channels (batch and channel axes swapped) and whose kernels
 * are the upstream maps, dilated by the forward stride. Groups stay groups: x becomes
 * [C, G*N, H, W] and the upstream [G*F, N, H', W'], so group g pairs only its own channels.
 */
function emitKernelGrad(
  op: ConvAttributes,
  sym: Sym,
  ins: string[],
  out: string,
  context: EmitContext,
  node: (opType: string, inputs: string[], attributes?: NodeSpec['attributes'], outputs?: string[]) => string,
  reshape: (input: string, shape: readonly number[], output?: string) => string,
): void {
  const [x, up] = sym.inputs;
  const [n, , height, width] = x.shape;
  const [, , outHeight, outWidth] = up.shape;
  const [filters, perGroup, kh, kw] = sym.shape;
  const group = op.group;
  const perGroupFilters = filters / group;
  const images =
    group === 1
      ? node('Transpose', [ins[0]], { perm: [1, 0, 2, 3] })
      : reshape(node('Transpose', [reshape(ins[0], [n, group, perGroup, height, width])], { perm: [2, 1, 0, 3, 4] }), [perGroup, group * n, height, width]);
  const kernels =
    group === 1
      ? node('Transpose', [ins[1]], { perm: [1, 0, 2, 3] })
      : reshape(node('Transpose', [reshape(ins[1], [n, group, perGroupFilters, outHeight, outWidth])], { perm: [1, 2, 0, 3, 4] }), [filters, n, outHeight, outWidth]);
  // Pad the end only as far as the last window reaches (the forward's end pad may exceed it);
  // where the input has rows no window reached, the result has extra rows: sliced off.
  const endPad = (axis: 0 | 1, size: number, outSize: number, k: number) => Math.max(0, k + (outSize - 1) * op.strides[axis] - size - op.pads[axis]);
  const pads = [op.pads[0], op.pads[1], endPad(0, height, outHeight, kh), endPad(1, width, outWidth, kw)];
  const rows = height + pads[0] + pads[2] - (outHeight - 1) * op.strides[0];
  const columns = width + pads[1] + pads[3] - (outWidth - 1) * op.strides[1];
  let grad = node('Conv', [images, kernels], { dilations: op.strides, pads, group, kernel_shape: [outHeight, outWidth] });
  if (rows !== kh || columns !== kw) {
    grad = node('Slice', [grad, context.constant([0, 0], [2], true), context.constant([kh, kw], [2], true), context.constant([2, 3], [2], true)]);
  }
  node('Transpose', [grad], { perm: [1, 0, 2, 3] }, [out]);
}
