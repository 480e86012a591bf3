// A small symbolic tensor graph with static shapes and reverse-mode differentiation over the ops
// the trainer emits. Graphs are written once as forward code; `gradients` derives the backward
// pass as more symbols; `emit` turns any set of symbols into ONNX nodes.
import type { AttributeValue, NodeSpec } from './onnxModel';
import { emitSpatial, spatialBackward, type SpatialOp } from './spatialOps';

export type Shape = readonly number[];

type Op =
  | { kind: 'input'; name: string }
  | { kind: 'constant'; values: number[] }
  | { kind: 'matmul' | 'add' | 'sub' | 'mul' | 'div' }
  | { kind: 'relu' | 'tanh' | 'sqrt' | 'neg' }
  | { kind: 'transposeLast' }
  /** Sums the broadcast axes of input 0 away so it takes `shape`. */
  | { kind: 'sumTo' }
  | { kind: 'reluGrad' | 'tanhGrad' }
  /** Mean over the batch of -sum(labels * log softmax(logits)): [D, B, C], [B, C] -> [D]. */
  | { kind: 'softmaxCrossEntropy' | 'softmaxCrossEntropyGrad' }
  /** Mean over batch and outputs of (prediction - target)^2: [D, B, K], [B, K] -> [D]. */
  | { kind: 'meanSquaredError' | 'meanSquaredErrorGrad' }
  /** Fraction of rows whose arg-max matches the labels' arg-max: [D, B, C], [B, C] -> [D]. */
  | { kind: 'accuracy' }
  /** Euclidean norm over every axis but the first (the decay axis): [D, ...] -> [D]. */
  | { kind: 'normPerDecay' }
  /** The same values in the symbol's shape (row-major order kept). */
  | { kind: 'reshape' }
  | { kind: 'transpose'; perm: number[] }
  /** Broadcasts input 0 to the symbol's shape. */
  | { kind: 'expand' }
  /** Convolutions and pooling over [N, C, H, W] (spatialOps.ts). */
  | { kind: 'spatial'; op: SpatialOp }
  /** Raw ONNX node over the inputs; not differentiable. */
  | { kind: 'raw'; op: string; attributes: Record<string, AttributeValue> };

export class Sym {
  constructor(
    readonly id: number,
    readonly op: Op,
    readonly inputs: readonly Sym[],
    readonly shape: Shape,
  ) {}
}

export class Tape {
  private nextId = 0;

  private make(op: Op, inputs: Sym[], shape: Shape): Sym {
    return new Sym(this.nextId++, op, inputs, shape);
  }

  input(name: string, shape: Shape): Sym {
    return this.make({ kind: 'input', name }, [], shape);
  }

  constant(values: number | number[], shape: Shape = []): Sym {
    const list = typeof values === 'number' ? [values] : values;
    if (list.length !== size(shape)) throw new Error(`constant of ${list.length} values for shape [${shape}]`);
    return this.make({ kind: 'constant', values: list }, [], shape);
  }

  matmul(a: Sym, b: Sym): Sym {
    if (a.shape[a.shape.length - 1] !== b.shape[b.shape.length - 2]) throw new Error(`matmul [${a.shape}] x [${b.shape}]`);
    const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
    return this.make({ kind: 'matmul' }, [a, b], [...batch, a.shape[a.shape.length - 2], b.shape[b.shape.length - 1]]);
  }

  add(a: Sym, b: Sym): Sym {
    return this.make({ kind: 'add' }, [a, b], broadcastShapes(a.shape, b.shape));
  }

  sub(a: Sym, b: Sym): Sym {
    return this.make({ kind: 'sub' }, [a, b], broadcastShapes(a.shape, b.shape));
  }

  mul(a: Sym, b: Sym): Sym {
    return this.make({ kind: 'mul' }, [a, b], broadcastShapes(a.shape, b.shape));
  }

  div(a: Sym, b: Sym): Sym {
    return this.make({ kind: 'div' }, [a, b], broadcastShapes(a.shape, b.shape));
  }

  scale(a: Sym, factor: number): Sym {
    return this.mul(a, this.constant(factor));
  }

  relu(a: Sym): Sym {
    return this.make({ kind: 'relu' }, [a], a.shape);
  }

  tanh(a: Sym): Sym {
    return this.make({ kind: 'tanh' }, [a], a.shape);
  }

  sqrt(a: Sym): Sym {
    return this.make({ kind: 'sqrt' }, [a], a.shape);
  }

  neg(a: Sym): Sym {
    return this.make({ kind: 'neg' }, [a], a.shape);
  }

  softmaxCrossEntropy(logits: Sym, labels: Sym): Sym {
    return this.make({ kind: 'softmaxCrossEntropy' }, [logits, labels], logits.shape.slice(0, -2));
  }

  meanSquaredError(prediction: Sym, target: Sym): Sym {
    return this.make({ kind: 'meanSquaredError' }, [prediction, target], prediction.shape.slice(0, -2));
  }

  accuracy(logits: Sym, labels: Sym): Sym {
    return this.make({ kind: 'accuracy' }, [logits, labels], logits.shape.slice(0, -2));
  }

  normPerDecay(a: Sym): Sym {
    return this.make({ kind: 'normPerDecay' }, [a], a.shape.slice(0, 1));
  }

  reshape(a: Sym, shape: Shape): Sym {
    if (size(a.shape) !== size(shape)) throw new Error(`reshape [${a.shape}] to [${shape}]`);
    if (sameShape(a.shape, shape)) return a;
    return this.make({ kind: 'reshape' }, [a], shape);
  }

  /** Axis i of the result is axis perm[i] of `a` (ONNX Transpose). */
  transpose(a: Sym, perm: readonly number[]): Sym {
    if (perm.length !== a.shape.length || [...perm].sort((x, y) => x - y).some((axis, i) => axis !== i)) throw new Error(`transpose [${a.shape}] by [${perm}]`);
    return this.make({ kind: 'transpose', perm: [...perm] }, [a], perm.map((axis) => a.shape[axis]));
  }

  expand(a: Sym, shape: Shape): Sym {
    if (!sameShape(broadcastShapes(a.shape, shape), shape)) throw new Error(`expand [${a.shape}] to [${shape}]`);
    if (sameShape(a.shape, shape)) return a;
    return this.make({ kind: 'expand' }, [a], shape);
  }

  /** A convolution or pooling op; spatialOps.ts builds them with their shapes. */
  spatial(op: SpatialOp, inputs: Sym[], shape: Shape): Sym {
    return this.make({ kind: 'spatial', op }, inputs, shape);
  }

  raw(op: string, inputs: Sym[], shape: Shape, attributes: Record<string, AttributeValue> = {}): Sym {
    return this.make({ kind: 'raw', op, attributes }, inputs, shape);
  }

  private transposeLast(a: Sym): Sym {
    const shape = [...a.shape];
    [shape[shape.length - 2], shape[shape.length - 1]] = [shape[shape.length - 1], shape[shape.length - 2]];
    return this.make({ kind: 'transposeLast' }, [a], shape);
  }

  /** Sums the broadcast axes of `a` away so it takes `shape` (the gradient of a broadcast). */
  sumTo(a: Sym, shape: Shape): Sym {
    if (sameShape(a.shape, shape)) return a;
    return this.make({ kind: 'sumTo' }, [a], shape);
  }

  /**
   * Gradients of `loss` (any shape: each element is its own objective, as each decay value trains
   * its own copy of the model) with respect to `wrt`.
   */
  gradients(loss: Sym, wrt: readonly Sym[]): Sym[] {
    const needed = this.dependsOn(loss, new Set(wrt.map((sym) => sym.id)));
    const grads = new Map<number, Sym>([[loss.id, this.constant(new Array(size(loss.shape)).fill(1), loss.shape)]]);
    for (const sym of topologicalOrder([loss]).reverse()) {
      const upstream = grads.get(sym.id);
      if (!upstream) continue;
      this.backward(sym, upstream).forEach((grad, index) => {
        const input = sym.inputs[index];
        if (!grad || !needed.has(input.id)) return;
        const previous = grads.get(input.id);
        grads.set(input.id, previous ? this.add(previous, grad) : grad);
      });
    }
    return wrt.map((sym) => {
      const grad = grads.get(sym.id);
      if (!grad) throw new Error(`the loss does not depend on input ${sym.id}`);
      return grad;
    });
  }

  private backward(sym: Sym, up: Sym): (Sym | undefined)[] {
    const [a, b] = sym.inputs;
    switch (sym.op.kind) {
      case 'add':
        return [this.sumTo(up, a.shape), this.sumTo(up, b.shape)];
      case 'sub':
        return [this.sumTo(up, a.shape), this.sumTo(this.neg(up), b.shape)];
      case 'mul':
        return [this.sumTo(this.mul(up, b), a.shape), this.sumTo(this.mul(up, a), b.shape)];
      case 'matmul':
        return [
          this.sumTo(this.matmul(up, this.transposeLast(b)), a.shape),
          this.sumTo(this.matmul(this.transposeLast(a), up), b.shape),
        ];
      case 'relu':
        return [this.make({ kind: 'reluGrad' }, [up, a], a.shape)];
      case 'tanh':
        return [this.make({ kind: 'tanhGrad' }, [up, sym], a.shape)];
      case 'neg':
        return [this.neg(up)];
      case 'reshape':
        return [this.reshape(up, a.shape)];
      case 'transpose': {
        const inverse: number[] = [];
        sym.op.perm.forEach((axis, i) => (inverse[axis] = i));
        return [this.transpose(up, inverse)];
      }
      case 'expand':
        return [this.sumTo(up, a.shape)];
      case 'spatial':
        return spatialBackward(this, sym.op.op, sym, up);
      case 'softmaxCrossEntropy':
        return [this.make({ kind: 'softmaxCrossEntropyGrad' }, [up, a, b], a.shape), undefined];
      case 'meanSquaredError':
        return [this.make({ kind: 'meanSquaredErrorGrad' }, [up, a, b], a.shape), undefined];
      case 'input':
      case 'constant':
        return [];
      default:
        throw new Error(`no gradient for ${sym.op.kind}`);
    }
  }

  private dependsOn(root: Sym, targets: Set<number>): Set<number> {
    const result = new Set<number>();
    for (const sym of topologicalOrder([root])) {
      if (targets.has(sym.id) || sym.inputs.some((input) => result.has(input.id))) result.add(sym.id);
    }
    return result;
  }
}

/**
 * ONNX nodes computing `outputs` (named by `names`); inputs are referred to by their names, every
 * other value by `prefix` + id, so a Loop body and its outer graph never share a name.
 */
export function emit(outputs: readonly Sym[], names: readonly string[], prefix: string): NodeSpec[] {
  const nodes: NodeSpec[] = [];
  const nameOf = new Map<number, string>();
  outputs.forEach((sym, index) => {
    if (sym.op.kind !== 'input') nameOf.set(sym.id, names[index]);
  });
  const name = (sym: Sym): string => {
    if (sym.op.kind === 'input') return sym.op.name;
    let found = nameOf.get(sym.id);
    if (!found) {
      found = `${prefix}${sym.id}`;
      nameOf.set(sym.id, found);
    }
    return found;
  };
  let temporary = 0;
  const temp = (): string => `${prefix}t${temporary++}`;
  const constant = (values: number[], dims: number[], int64 = false): string => {
    const output = temp();
    nodes.push({ op: 'Constant', inputs: [], outputs: [output], attributes: { value: { tensor: int64 ? { dims, int64s: values } : { dims, floats: values } } } });
    return output;
  };
  const rank = (sym: Sym) => sym.shape.length;
  for (const sym of topologicalOrder(outputs)) {
    const out = name(sym);
    const ins = sym.inputs.map(name);
    const op = sym.op;
    switch (op.kind) {
      case 'input':
        break;
      case 'constant':
        nodes.push({ op: 'Constant', inputs: [], outputs: [out], attributes: { value: { tensor: { dims: [...sym.shape], floats: op.values } } } });
        break;
      case 'matmul':
      case 'add':
      case 'sub':
      case 'mul':
      case 'div':
        nodes.push({ op: { matmul: 'MatMul', add: 'Add', sub: 'Sub', mul: 'Mul', div: 'Div' }[op.kind], inputs: ins, outputs: [out] });
        break;
      case 'relu':
      case 'tanh':
      case 'sqrt':
      case 'neg':
        nodes.push({ op: { relu: 'Relu', tanh: 'Tanh', sqrt: 'Sqrt', neg: 'Neg' }[op.kind], inputs: ins, outputs: [out] });
        break;
      case 'transposeLast': {
        const perm = sym.shape.map((_, i) => i);
        [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
        nodes.push({ op: 'Transpose', inputs: ins, outputs: [out], attributes: { perm } });
        break;
      }
      case 'sumTo': {
        const source = sym.inputs[0].shape;
        const lead = source.length - sym.shape.length;
        const axes = source.flatMap((dim, axis) => (axis < lead || (sym.shape[axis - lead] === 1 && dim !== 1) ? [axis] : []));
        const summed = temp();
        nodes.push({ op: 'ReduceSum', inputs: [ins[0], constant(axes, [axes.length], true)], outputs: [summed], attributes: { keepdims: 1 } });
        nodes.push({ op: 'Reshape', inputs: [summed, constant([...sym.shape], [sym.shape.length], true)], outputs: [out] });
        break;
      }
      case 'reluGrad': {
        const positive = temp();
        const mask = temp();
        nodes.push({ op: 'Greater', inputs: [ins[1], constant([0], [])], outputs: [positive] });
        nodes.push({ op: 'Cast', inputs: [positive], outputs: [mask], attributes: { to: 1 } });
        nodes.push({ op: 'Mul', inputs: [ins[0], mask], outputs: [out] });
        break;
      }
      case 'tanhGrad': {
        const squared = temp();
        const oneMinus = temp();
        nodes.push({ op: 'Mul', inputs: [ins[1], ins[1]], outputs: [squared] });
        nodes.push({ op: 'Sub', inputs: [constant([1], []), squared], outputs: [oneMinus] });
        nodes.push({ op: 'Mul', inputs: [ins[0], oneMinus], outputs: [out] });
        break;
      }
      case 'softmaxCrossEntropy': {
        const [logits] = sym.inputs;
        const batch = logits.shape[rank(logits) - 2];
        const logProbabilities = temp();
        const picked = temp();
        const summed = temp();
        nodes.push({ op: 'LogSoftmax', inputs: [ins[0]], outputs: [logProbabilities], attributes: { axis: -1 } });
        nodes.push({ op: 'Mul', inputs: [logProbabilities, ins[1]], outputs: [picked] });
        nodes.push({ op: 'ReduceSum', inputs: [picked, constant([-2, -1], [2], true)], outputs: [summed], attributes: { keepdims: 0 } });
        nodes.push({ op: 'Mul', inputs: [summed, constant([-1 / batch], [])], outputs: [out] });
        break;
      }
      case 'softmaxCrossEntropyGrad': {
        const [up, logits] = sym.inputs;
        const batch = logits.shape[rank(logits) - 2];
        const probabilities = temp();
        const difference = temp();
        const upstream = temp();
        const scaled = temp();
        nodes.push({ op: 'Softmax', inputs: [ins[1]], outputs: [probabilities], attributes: { axis: -1 } });
        nodes.push({ op: 'Sub', inputs: [probabilities, ins[2]], outputs: [difference] });
        nodes.push({ op: 'Reshape', inputs: [ins[0], constant([...up.shape, 1, 1], [rank(up) + 2], true)], outputs: [upstream] });
        nodes.push({ op: 'Mul', inputs: [difference, upstream], outputs: [scaled] });
        nodes.push({ op: 'Mul', inputs: [scaled, constant([1 / batch], [])], outputs: [out] });
        break;
      }
      case 'meanSquaredError': {
        const [prediction] = sym.inputs;
        const count = prediction.shape[rank(prediction) - 2] * prediction.shape[rank(prediction) - 1];
        const difference = temp();
        const summed = temp();
        nodes.push({ op: 'Sub', inputs: ins, outputs: [difference] });
        nodes.push({ op: 'ReduceSumSquare', inputs: [difference], outputs: [summed], attributes: { axes: [-2, -1], keepdims: 0 } });
        nodes.push({ op: 'Mul', inputs: [summed, constant([1 / count], [])], outputs: [out] });
        break;
      }
      case 'meanSquaredErrorGrad': {
        const [up, prediction] = sym.inputs;
        const count = prediction.shape[rank(prediction) - 2] * prediction.shape[rank(prediction) - 1];
        const difference = temp();
        const upstream = temp();
        const scaled = temp();
        nodes.push({ op: 'Sub', inputs: [ins[1], ins[2]], outputs: [difference] });
        nodes.push({ op: 'Reshape', inputs: [ins[0], constant([...up.shape, 1, 1], [rank(up) + 2], true)], outputs: [upstream] });
        nodes.push({ op: 'Mul', inputs: [difference, upstream], outputs: [scaled] });
        nodes.push({ op: 'Mul', inputs: [scaled, constant([2 / count], [])], outputs: [out] });
        break;
      }
      case 'accuracy': {
        const predicted = temp();
        const expected = temp();
        const equal = temp();
        const asFloat = temp();
        nodes.push({ op: 'ArgMax', inputs: [ins[0]], outputs: [predicted], attributes: { axis: -1, keepdims: 0 } });
        nodes.push({ op: 'ArgMax', inputs: [ins[1]], outputs: [expected], attributes: { axis: -1, keepdims: 0 } });
        nodes.push({ op: 'Equal', inputs: [predicted, expected], outputs: [equal] });
        nodes.push({ op: 'Cast', inputs: [equal], outputs: [asFloat], attributes: { to: 1 } });
        nodes.push({ op: 'ReduceMean', inputs: [asFloat], outputs: [out], attributes: { axes: [-1], keepdims: 0 } });
        break;
      }
      case 'normPerDecay': {
        const squares = temp();
        const axes = sym.inputs[0].shape.slice(1).map((_, i) => i + 1);
        nodes.push({ op: 'ReduceSumSquare', inputs: ins, outputs: [squares], attributes: { axes, keepdims: 0 } });
        nodes.push({ op: 'Sqrt', inputs: [squares], outputs: [out] });
        break;
      }
      case 'reshape':
        nodes.push({ op: 'Reshape', inputs: [ins[0], constant([...sym.shape], [sym.shape.length], true)], outputs: [out] });
        break;
      case 'transpose':
        nodes.push({ op: 'Transpose', inputs: ins, outputs: [out], attributes: { perm: op.perm } });
        break;
      case 'expand':
        nodes.push({ op: 'Expand', inputs: [ins[0], constant([...sym.shape], [sym.shape.length], true)], outputs: [out] });
        break;
      case 'spatial':
        emitSpatial(op.op, sym, ins, out, { nodes, temp, constant });
        break;
      case 'raw':
        nodes.push({ op: op.op, inputs: ins, outputs: [out], attributes: op.attributes });
        break;
    }
  }
  return nodes;
}

/** Every symbol the roots depend on, inputs before users. */
export function topologicalOrder(roots: readonly Sym[]): Sym[] {
  const order: Sym[] = [];
  const state = new Map<number, 'open' | 'done'>();
  const stack: { sym: Sym; next: number }[] = roots.map((sym) => ({ sym, next: 0 })).reverse();
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (state.get(top.sym.id) === 'done') {
      stack.pop();
      continue;
    }
    state.set(top.sym.id, 'open');
    if (top.next < top.sym.inputs.length) {
      const input = top.sym.inputs[top.next++];
      if (!state.has(input.id)) stack.push({ sym: input, next: 0 });
      continue;
    }
    state.set(top.sym.id, 'done');
    order.push(top.sym);
    stack.pop();
  }
  return order;
}

export function size(shape: Shape): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((dim, i) => dim === b[i]);
}

function broadcastShapes(a: Shape, b: Shape): number[] {
  const length = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const x = a[a.length - length + i] ?? 1;
    const y = b[b.length - length + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new Error(`cannot broadcast [${a}] with [${b}]`);
    out.push(Math.max(x, y));
  }
  return out;
}
