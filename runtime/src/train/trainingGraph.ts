// The ONNX graphs of a sweep. Every tensor carries the decay values on a leading axis D, so one
// graph trains all of them at once (measured fastest, ENVIRONMENT.md); with S seeds that axis
// holds S*D copies, seed-major (copy s*D + d), and each seed gathers its own batch. The training
// graph runs many steps per session.run in an ONNX Loop: batch gather, forward, backward (from the
// tape), and the optimizer update, weights and optimizer state carried from step to step.
import { BOOL, encodeModel, FLOAT, graphProto, INT64, type NodeSpec, type ValueSpec } from '../graph/onnxModel';
import { emit, Tape, type Sym } from '../graph/tape';
import { inputWidth, outputWidth, specNetwork, type SweepSpec } from '../sweep/spec';
import { networkForward, networkLayout, sharedMatmul } from './convNet';

export interface TensorLayout {
  /** The layer, counting only layers with weights. */
  layer: number;
  kind: 'kernel' | 'bias';
  /** Shape of one copy (without the decay axis). */
  shape: number[];
  /** Inputs and outputs each kernel value connects (for the initialisation's scale). */
  fanIn: number;
  fanOut: number;
}

export function tensorLayout(layers: readonly number[]): TensorLayout[] {
  return layers.slice(1).flatMap((width, layer) => [
    { layer, kind: 'kernel' as const, shape: [layers[layer], width], fanIn: layers[layer], fanOut: width },
    { layer, kind: 'bias' as const, shape: [1, width], fanIn: layers[layer], fanOut: width },
  ]);
}

/** The tensors of the spec's model: an MLP's (`layers`) or a layer sequence's (`network`). */
export function modelLayout(spec: SweepSpec): TensorLayout[] {
  const network = specNetwork(spec);
  return network ? networkLayout(network) : tensorLayout(spec.layers);
}

/** Shape of one input sample in the graphs: [features], or [H, W, C] for images (NHWC). */
export function sampleShape(spec: SweepSpec): number[] {
  return spec.network && spec.input ? [...spec.input] : [inputWidth(spec)];
}

/** Optimizer state tensors per parameter. */
export function stateCount(spec: SweepSpec): number {
  switch (spec.optimizer.kind) {
    case 'sgd':
      return 0;
    case 'momentum':
    case 'nesterov':
      return 1;
    case 'adam':
    case 'adamw':
      return 2;
  }
}

export interface GraphDimensions {
  /** Decay values D; the graph holds seeds * decays copies. */
  decays: number;
  /** Seeds S, each with its own batches (default 1). */
  seeds?: number;
  batch: number;
  trainCount: number;
  /** Rows of the batch-index input, the most steps one run can take. */
  chunk: number;
}

/**
 * Outputs [S*D, B, outputs] of `input`: [B, ...sampleShape] shared by every copy with one seed,
 * [S, B, ...sampleShape] (each seed's own batch) with S. `decays` is D.
 */
function forward(tape: Tape, spec: SweepSpec, input: Sym, params: readonly Sym[], decays: number, seeds = 1): Sym {
  const network = specNetwork(spec);
  if (network) return networkForward(tape, network, input, params, decays, seeds);
  let hidden = input;
  const layerCount = spec.layers.length - 1;
  for (let layer = 0; layer < layerCount; layer++) {
    const product = layer === 0 ? sharedMatmul(tape, hidden, params[0], seeds, decays) : tape.matmul(hidden, params[2 * layer]);
    const preActivation = tape.add(product, params[2 * layer + 1]);
    hidden = layer === layerCount - 1 ? preActivation : spec.activation === 'relu' ? tape.relu(preActivation) : tape.tanh(preActivation);
  }
  return hidden;
}

/**
 * The data loss of each copy, [S*D]: `output` [S*D, B, K] against `target` [B, K] shared by every
 * copy (one seed), or [S, B, K] (seed s's batch for its D copies).
 */
function dataLoss(tape: Tape, classification: boolean, output: Sym, target: Sym, seeds = 1): Sym {
  const loss = (prediction: Sym, labels: Sym) => (classification ? tape.softmaxCrossEntropy(prediction, labels) : tape.meanSquaredError(prediction, labels));
  if (seeds === 1) return loss(output, target);
  const [copies, batch, outputs] = output.shape;
  const perSeed = loss(tape.reshape(output, [seeds, copies / seeds, batch, outputs]), tape.reshape(target, [seeds, 1, batch, outputs]));
  return tape.reshape(perSeed, [copies]);
}

/** Graph input names of weights and optimizer state; the Loop body's copies carry a `b_` prefix. */
export const paramName = (prefix: string, index: number) => `${prefix}p${index}`;
export const stateName = (prefix: string, index: number, slot: number) => `${prefix}s${index}_${slot}`;

/** Adam and AdamW: the optimizers whose graphs take bias corrections. */
export const usesBiasCorrections = (spec: SweepSpec) => spec.optimizer.kind === 'adam' || spec.optimizer.kind === 'adamw';

/**
 * Adam's bias corrections 1 - beta1^t and 1 - beta2^t for the steps t = step0 + 1 ... step0 + chunk,
 * the `bias_correction1` and `bias_correction2` inputs of one chunk. Computed in double, like the
 * moments' factors (1 - beta): for beta2 near 1 the difference loses most of float32's digits
 * (1 minus float32's 0.99998999 is 1.4e-3 larger than 1 - 0.99999), and a correction that is off
 * while the moment's (1 - beta2) is not scales every step. PyTorch computes them in double too.
 */
export function biasCorrections(spec: SweepSpec, step0: number, chunk: number): [Float32Array, Float32Array] {
  const corrections = (beta: number) => Float32Array.from({ length: chunk }, (_, s) => 1 - Math.pow(beta, step0 + s + 1));
  const { beta1, beta2 } = adamBetas(spec);
  return [corrections(beta1), corrections(beta2)];
}

/** Adam's moment decay rates, PyTorch's defaults where the spec gives none. */
function adamBetas(spec: SweepSpec): { beta1: number; beta2: number } {
  return { beta1: spec.optimizer.beta1 ?? 0.9, beta2: spec.optimizer.beta2 ?? 0.999 };
}

/**
 * Inputs: `trip` (int64, steps to run), `cond`, `p{i}` and `s{i}_{k}` (weights and optimizer
 * state, [S*D, ...shape], seed-major), `x_train` ([N, ...sampleShape]: [N, features], or
 * [N, H, W, C] for a network), `y_train` ([N, outputs]), `batches` (int64 [chunk, S, batch] row
 * indices: step t, seed s), `wd` ([S*D, 1, 1]), `lr` (scalar); for Adam and AdamW
 * `bias_correction1` and `bias_correction2` ([chunk], the chunk's `biasCorrections`, step s reads
 * row s).
 * Outputs: `p{i}_out`, `s{i}_{k}_out`, `losses` ([steps, S*D] training loss of each step's batch).
 */
export function buildTrainingModel(spec: SweepSpec, classification: boolean, dims: GraphDimensions): Uint8Array {
  const layout = modelLayout(spec);
  const states = stateCount(spec);
  const { batch: B } = dims;
  const S = dims.seeds ?? 1;
  const D = S * dims.decays;
  const sample = sampleShape(spec);
  const outputs = outputWidth(spec);
  const tape = new Tape();
  const params = layout.map((tensor, i) => tape.input(paramName('b_', i), [D, ...tensor.shape]));
  const stateSyms = layout.map((tensor, i) => Array.from({ length: states }, (_, k) => tape.input(stateName('b_', i, k), [D, ...tensor.shape])));
  const iteration = tape.input('iter', []);
  const rows = tape.raw('Gather', [tape.input('batches', [dims.chunk, S, B]), iteration], [S, B], { axis: 0 });
  // One seed: the batch is shared by every copy, [B, ...] as the graphs without seeds had it.
  const perSeed = (sym: Sym) => (S === 1 ? tape.reshape(sym, sym.shape.slice(1)) : sym);
  const x = perSeed(tape.raw('Gather', [tape.input('x_train', [dims.trainCount, ...sample]), rows], [S, B, ...sample], { axis: 0 }));
  const y = perSeed(tape.raw('Gather', [tape.input('y_train', [dims.trainCount, outputs]), rows], [S, B, outputs], { axis: 0 }));
  const loss = dataLoss(tape, classification, forward(tape, spec, x, params, dims.decays, S), y, S);
  const grads = tape.gradients(loss, params);

  const lr = tape.input('lr', []);
  const wd = tape.input('wd', [D, 1, 1]);
  const corrections = usesBiasCorrections(spec)
    ? ([1, 2].map((k) => tape.raw('Gather', [tape.input(`bias_correction${k}`, [dims.chunk]), iteration], [], { axis: 0 })) as [Sym, Sym])
    : undefined;
  const updated: Sym[] = [];
  const updatedStates: Sym[][] = [];
  layout.forEach((tensor, i) => {
    const decays = (tensor.kind === 'kernel' || spec.decayBiases) && (spec.decayLayers?.includes(tensor.layer) ?? true);
    // wd is [D, 1, 1]; a tensor of another rank needs it as [D, 1, ..., 1] to broadcast per copy.
    const wdHere = tensor.shape.length === 2 ? wd : tape.reshape(wd, [D, ...tensor.shape.map(() => 1)]);
    const [next, nextStates] = optimizerStep(tape, spec, params[i], grads[i], stateSyms[i], decays ? wdHere : undefined, lr, corrections);
    updated.push(next);
    updatedStates.push(nextStates);
  });

  const carriedOut = [...updated, ...updatedStates.flat()];
  const carriedNames = [
    ...layout.map((_, i) => paramName('b_', i)),
    ...layout.flatMap((_, i) => Array.from({ length: states }, (__, k) => stateName('b_', i, k))),
  ];
  const bodyNodes: NodeSpec[] = [
    { op: 'Identity', inputs: ['cond_in'], outputs: ['cond_out'] },
    ...emit([...carriedOut, loss], [...carriedNames.map((name) => `${name}_next`), 'step_loss'], 'b_v'),
  ];
  const carriedShapes = [...layout.map((t) => [D, ...t.shape]), ...layout.flatMap((t) => Array.from({ length: states }, () => [D, ...t.shape]))];
  const body = {
    name: 'train_step',
    inputs: [
      { name: 'iter', type: INT64, dims: [] },
      { name: 'cond_in', type: BOOL, dims: [] },
      ...carriedNames.map((name, i) => ({ name, type: FLOAT, dims: carriedShapes[i] })),
    ],
    outputs: [
      { name: 'cond_out', type: BOOL, dims: [] },
      ...carriedNames.map((name, i) => ({ name: `${name}_next`, type: FLOAT, dims: carriedShapes[i] })),
      { name: 'step_loss', type: FLOAT, dims: [D] },
    ],
    nodes: bodyNodes,
  };
  const outerCarried = carriedNames.map((name) => name.slice(2));
  const graphInputs: ValueSpec[] = [
    { name: 'trip', type: INT64, dims: [] },
    { name: 'cond', type: BOOL, dims: [] },
    ...outerCarried.map((name, i) => ({ name, type: FLOAT, dims: carriedShapes[i] })),
    { name: 'x_train', type: FLOAT, dims: [dims.trainCount, ...sample] },
    { name: 'y_train', type: FLOAT, dims: [dims.trainCount, outputs] },
    { name: 'batches', type: INT64, dims: [dims.chunk, S, B] },
    { name: 'wd', type: FLOAT, dims: [D, 1, 1] },
    { name: 'lr', type: FLOAT, dims: [] },
    ...(usesBiasCorrections(spec) ? [1, 2].map((k) => ({ name: `bias_correction${k}`, type: FLOAT, dims: [dims.chunk] })) : []),
  ];
  return encodeModel({
    name: 'decay_sweep_train',
    inputs: graphInputs,
    outputs: [...outerCarried.map((name, i) => ({ name: `${name}_out`, type: FLOAT, dims: carriedShapes[i] })), { name: 'losses', type: FLOAT }],
    nodes: [
      {
        op: 'Loop',
        inputs: ['trip', 'cond', ...outerCarried],
        outputs: [...outerCarried.map((name) => `${name}_out`), 'losses'],
        attributes: { body: { graph: graphProto(body) } },
      },
    ],
  });
}

/**
 * One optimizer step for one tensor: the update of `w` given its gradient, with weight decay
 * `wd` ([D, 1, 1]) when the tensor decays. `corrections` are this step's Adam bias corrections
 * (scalars). Returns the next weights and optimizer state.
 */
function optimizerStep(
  tape: Tape,
  spec: SweepSpec,
  w: Sym,
  grad: Sym,
  states: Sym[],
  wd: Sym | undefined,
  lr: Sym,
  corrections: [Sym, Sym] | undefined,
): [Sym, Sym[]] {
  const optimizer = spec.optimizer;
  const decayScale = spec.decayStyle === 'keras-l2' ? 2 : 1;
  // Coupled decay: the gradient of the penalty joins the data gradient.
  const g = wd && spec.decayStyle !== 'decoupled' ? tape.add(grad, tape.mul(tape.scale(wd, decayScale), w)) : grad;
  const minus = (a: Sym, b: Sym) => tape.sub(a, tape.mul(lr, b));
  switch (optimizer.kind) {
    case 'sgd':
      return [minus(w, g), []];
    case 'momentum':
    case 'nesterov': {
      const m = optimizer.momentum ?? 0.9;
      const velocity = tape.add(tape.scale(states[0], m), g);
      const direction = optimizer.kind === 'nesterov' ? tape.add(g, tape.scale(velocity, m)) : velocity;
      return [minus(w, direction), [velocity]];
    }
    case 'adam':
    case 'adamw': {
      const { beta1, beta2 } = adamBetas(spec);
      const epsilon = optimizer.epsilon ?? 1e-8;
      const first = tape.add(tape.scale(states[0], beta1), tape.scale(g, 1 - beta1));
      const second = tape.add(tape.scale(states[1], beta2), tape.scale(tape.mul(g, g), 1 - beta2));
      if (!corrections) throw new Error('Adam needs its bias corrections');
      const firstHat = tape.div(first, corrections[0]);
      const secondHat = tape.div(second, corrections[1]);
      const adaptive = tape.div(firstHat, tape.add(tape.sqrt(secondHat), tape.constant(epsilon)));
      // AdamW shrinks the weights by (1 - lr*wd) before the adaptive step (PyTorch's order).
      const start = optimizer.kind === 'adamw' && wd ? tape.sub(w, tape.mul(tape.mul(lr, wd), w)) : w;
      return [minus(start, adaptive), [first, second]];
    }
  }
}

/**
 * Inputs `p{i}` ([D, ...]), `x` ([count, ...sampleShape]), `y`. Outputs `loss` and `accuracy`
 * ([D]; accuracy only for classification) and `norm{l}` ([D], the kernel norm of each layer with
 * weights).
 */
export function buildEvaluationModel(spec: SweepSpec, classification: boolean, decays: number, count: number): Uint8Array {
  const layout = modelLayout(spec);
  const sample = sampleShape(spec);
  const outputs = outputWidth(spec);
  const tape = new Tape();
  const params = layout.map((tensor, i) => tape.input(paramName('', i), [decays, ...tensor.shape]));
  const x = tape.input('x', [count, ...sample]);
  const y = tape.input('y', [count, outputs]);
  const prediction = forward(tape, spec, x, params, decays);
  const results: Sym[] = [dataLoss(tape, classification, prediction, y)];
  const names = ['loss'];
  if (classification) {
    results.push(tape.accuracy(prediction, y));
    names.push('accuracy');
  }
  layout.forEach((tensor, i) => {
    if (tensor.kind !== 'kernel') return;
    results.push(tape.normPerDecay(params[i]));
    names.push(`norm${tensor.layer}`);
  });
  return encodeModel({
    name: 'decay_sweep_evaluate',
    inputs: [
      ...layout.map((tensor, i) => ({ name: paramName('', i), type: FLOAT, dims: [decays, ...tensor.shape] })),
      { name: 'x', type: FLOAT, dims: [count, ...sample] },
      { name: 'y', type: FLOAT, dims: [count, outputs] },
    ],
    outputs: names.map((name) => ({ name, type: FLOAT, dims: [decays] })),
    nodes: emit(results, names, 'e'),
  });
}

/**
 * Loss and gradients without an update, for checking the backward pass: inputs `p{i}`, `x`, `y`;
 * outputs `loss` ([D]) and `g{i}` (the data loss gradient of each tensor).
 */
export function buildGradientModel(spec: SweepSpec, classification: boolean, decays: number, count: number): Uint8Array {
  const layout = modelLayout(spec);
  const sample = sampleShape(spec);
  const outputs = outputWidth(spec);
  const tape = new Tape();
  const params = layout.map((tensor, i) => tape.input(paramName('', i), [decays, ...tensor.shape]));
  const loss = dataLoss(tape, classification, forward(tape, spec, tape.input('x', [count, ...sample]), params, decays), tape.input('y', [count, outputs]));
  const grads = tape.gradients(loss, params);
  const names = ['loss', ...layout.map((_, i) => `g${i}`)];
  return encodeModel({
    name: 'decay_sweep_gradients',
    inputs: [
      ...layout.map((tensor, i) => ({ name: paramName('', i), type: FLOAT, dims: [decays, ...tensor.shape] })),
      { name: 'x', type: FLOAT, dims: [count, ...sample] },
      { name: 'y', type: FLOAT, dims: [count, outputs] },
    ],
    outputs: names.map((name) => ({ name, type: FLOAT })),
    nodes: emit([loss, ...grads], names, 'g'),
  });
}
