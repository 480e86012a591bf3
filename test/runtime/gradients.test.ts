// The backward pass: the float64 reference (test/support/referenceMlp.ts) against central finite
// differences of its own forward pass, then the runtime's ONNX gradient graph (buildGradientModel,
// run by onnxruntime-node in float32) against the same finite differences, for both copies of a
// decay axis D = 2 holding different weights; then the same for convolutional networks, with
// test/support/referenceConvNet.ts as the reference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { Random } from '../../runtime/src/sweep/random';
import type { Activation } from '../../runtime/src/sweep/spec';
import { buildGradientModel, modelLayout } from '../../runtime/src/train/trainingGraph';
import { convFanIns, convForward, convLoss, convLossAndGrads, convTensorSizes, type ConvFaults, type ConvModelSpec } from '../support/referenceConvNet';
import { forwardTrace, referenceLoss, referenceLossAndGrads, tensorCount, tensorShape, type ModelSpec, type Task, type Weights } from '../support/referenceMlp';

const H = 1e-6;
const BATCH = 8;

/** Values that float32 holds exactly, so the float32 graph and the float64 reference see the same numbers. */
const f32 = (value: number) => Math.fround(value);

interface Problem {
  spec: ModelSpec;
  task: Task;
  x: Float64Array;
  y: Float64Array;
  /** One weight set per copy on the decay axis. */
  copies: Weights[];
}

function makeProblem(layers: number[], activation: Activation, task: Task, seed: number, copies: number): Problem {
  const random = new Random(seed);
  const inputs = layers[0];
  const outputs = layers[layers.length - 1];
  const x = Float64Array.from({ length: BATCH * inputs }, () => f32(random.normal()));
  const y = new Float64Array(BATCH * outputs);
  for (let n = 0; n < BATCH; n++) {
    if (task === 'classification') y[n * outputs + random.integer(outputs)] = 1;
    else for (let k = 0; k < outputs; k++) y[n * outputs + k] = f32(random.normal());
  }
  const weightSet = (): Weights =>
    Array.from({ length: tensorCount(layers) }, (_, i) => {
      const [rows, columns] = tensorShape(layers, i);
      // Kernels ~ U(-s, s) with s = sqrt(3 / fan_in) (unit-variance outputs); biases non-zero too.
      const scale = i % 2 === 0 ? Math.sqrt(3 / rows) : 0.3;
      return Float64Array.from({ length: rows * columns }, () => f32(random.uniform(-scale, scale)));
    });
  return { spec: { layers, activation }, task, x, y, copies: Array.from({ length: copies }, weightSet) };
}

/**
 * relu has no derivative at 0: finite differences are only meaningful when no pre-activation is
 * within reach of the step h (or of float32 rounding, ~1e-7 here). The first seed from `seed` on
 * whose problem keeps every pre-activation at least 1e-4 from the kink; deterministic.
 */
function problemAwayFromKinks(layers: number[], activation: Activation, task: Task, seed: number, copies: number): Problem {
  for (let attempt = 0; attempt < 50; attempt++) {
    const problem = makeProblem(layers, activation, task, seed + 1000 * attempt, copies);
    if (activation !== 'relu') return problem;
    const closest = Math.min(
      ...problem.copies.flatMap((weights) =>
        forwardTrace(problem.spec, weights, problem.x, BATCH)
          .preActivations.slice(0, -1)
          .flatMap((z) => Array.from(z, Math.abs)),
      ),
    );
    if (closest > 1e-4) return problem;
  }
  throw new Error('no seed kept the relu pre-activations away from 0');
}

/** Central differences of the float64 reference loss with respect to every weight. */
function finiteDifferences(problem: Problem, weights: Weights): Weights {
  return weights.map((tensor) =>
    Float64Array.from(tensor, (_, k) => {
      const original = tensor[k];
      tensor[k] = original + H;
      const plus = referenceLoss(problem.spec, problem.task, weights, problem.x, problem.y, BATCH);
      tensor[k] = original - H;
      const minus = referenceLoss(problem.spec, problem.task, weights, problem.x, problem.y, BATCH);
      tensor[k] = original;
      return (plus - minus) / (2 * H);
    }),
  );
}

const CASES: { layers: number[]; activation: Activation; task: Task }[] = [];
for (const layers of [
  [5, 7, 4],
  [3, 6, 5, 2],
]) {
  for (const activation of ['relu', 'tanh'] as const) {
    for (const task of ['classification', 'regression'] as const) CASES.push({ layers, activation, task });
  }
}
const caseName = (c: (typeof CASES)[number]) => `[${c.layers.join(', ')}] ${c.activation} ${c.task === 'classification' ? 'cross-entropy' : 'MSE'}`;

CASES.forEach((c, index) => {
  test(`reference backward equals finite differences of the reference forward: ${caseName(c)}`, (t) => {
    const problem = problemAwayFromKinks(c.layers, c.activation, c.task, 100 + index, 1);
    const weights = problem.copies[0];
    const { loss, grads } = referenceLossAndGrads(problem.spec, problem.task, weights, problem.x, problem.y, BATCH);
    assert.ok(Number.isFinite(loss) && loss > 0);
    const numeric = finiteDifferences(problem, weights);
    // Float64 central differences with h = 1e-6: truncation ~h^2 |f'''| ~ 1e-12, rounding ~
    // eps |L| / h ~ 1e-10 absolute. Relative error |a - b| / max(|a|, |b|) < 1e-6, with a floor of
    // 1e-3 in the denominator so entries near zero (dead relu units) are judged by that rounding.
    let worst = 0;
    grads.forEach((analytic, i) => {
      assert.equal(analytic.length, numeric[i].length);
      analytic.forEach((a, k) => {
        const b = numeric[i][k];
        const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-3);
        worst = Math.max(worst, relative);
        assert.ok(relative < 1e-6, `tensor ${i} entry ${k}: backward ${a}, finite difference ${b} (relative ${relative})`);
      });
    });
    // The check has teeth: the gradients are not all (near) zero.
    assert.ok(Math.max(...grads.map((g) => Math.max(...Array.from(g, Math.abs)))) > 1e-2);
    assert.ok(worst < 1e-6);
    t.diagnostic(`worst relative error ${worst.toExponential(2)}`);
  });
});

CASES.forEach((c, index) => {
  test(`ONNX gradients (D = 2, different weights) equal float64 finite differences: ${caseName(c)}`, async (t) => {
    const D = 2;
    const problem = problemAwayFromKinks(c.layers, c.activation, c.task, 200 + index, D);
    const classification = c.task === 'classification';
    const session = await ort.InferenceSession.create(buildGradientModel({ ...defaultModelSpec(), ...problem.spec }, classification, D, BATCH));
    try {
      const inputs = c.layers[0];
      const outputs = c.layers[c.layers.length - 1];
      const feeds: Record<string, ort.Tensor> = {
        x: new ort.Tensor('float32', Float32Array.from(problem.x), [BATCH, inputs]),
        y: new ort.Tensor('float32', Float32Array.from(problem.y), [BATCH, outputs]),
      };
      for (let i = 0; i < tensorCount(c.layers); i++) {
        const [rows, columns] = tensorShape(c.layers, i);
        const stacked = new Float32Array(D * rows * columns);
        problem.copies.forEach((weights, d) => stacked.set(weights[i], d * rows * columns));
        feeds[`p${i}`] = new ort.Tensor('float32', stacked, [D, rows, columns]);
      }
      const out = await session.run(feeds);
      assert.deepEqual(out.loss.dims, [D]);
      // The copies really differ (a graph that broadcast copy 0 to both would fail below).
      assert.notEqual(out.loss.data[0], out.loss.data[1]);
      let worstRatio = 0;
      problem.copies.forEach((weights, d) => {
        const referenceValue = referenceLoss(problem.spec, problem.task, weights, problem.x, problem.y, BATCH);
        const onnxLoss = out.loss.data[d] as number;
        assert.ok(Math.abs(onnxLoss - referenceValue) <= 1e-6 + 1e-5 * Math.abs(referenceValue), `copy ${d}: loss ${onnxLoss} vs ${referenceValue}`);
        const numeric = finiteDifferences(problem, weights);
        numeric.forEach((expected, i) => {
          const [rows, columns] = tensorShape(c.layers, i);
          const per = rows * columns;
          const output = out[`g${i}`];
          assert.deepEqual(output.dims, [D, rows, columns], `g${i} shape`);
          const all = output.data as Float32Array;
          expected.forEach((b, k) => {
            const a = all[d * per + k];
            // Float32 tolerance: abs <= 1e-5 + 1e-4 |g|. The graph rounds every product and sum
            // (unit roundoff 6e-8) over sums of at most ~8 x 7 terms of size ~1, so its gradients
            // carry errors of order 1e-7 absolute (measured: at most 0.0065 of this tolerance, see
            // the diagnostics); the float64 finite differences are exact to ~1e-10. A wrong
            // derivative (a missing 1/B or 2, a wrong activation derivative, a transposed kernel,
            // the other copy's weights) is an O(|g|) error, ~1e-2 and up here.
            const tolerance = 1e-5 + 1e-4 * Math.abs(b);
            worstRatio = Math.max(worstRatio, Math.abs(a - b) / tolerance);
            assert.ok(Math.abs(a - b) <= tolerance, `copy ${d} g${i}[${k}]: ONNX ${a}, finite difference ${b}`);
          });
        });
      });
      assert.ok(worstRatio <= 1);
      t.diagnostic(`worst error / tolerance ${worstRatio.toExponential(2)}`);
    } finally {
      await session.release();
    }
  });
});

/** buildGradientModel takes a whole SweepSpec but reads only the model fields; the rest is filler. */
function defaultModelSpec() {
  return {
    layers: [1, 1],
    activation: 'relu' as Activation,
    task: { kind: 'synthetic' as const, trainSamples: BATCH, validationSamples: BATCH, labelNoise: 0, teacherHidden: 1 },
    optimizer: { kind: 'sgd' as const },
    decayStyle: 'l2-loss' as const,
    decayBiases: false,
    learningRate: 0.1,
    decayValues: [0],
    steps: 1,
    batchSize: BATCH,
    seed: 0,
    evaluateEvery: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Convolutional networks (`input` + `network`): the float64 reference (test/support/referenceConvNet.ts)
// against finite differences of its own forward pass, then the ONNX gradient graph (D = 2) against
// the same finite differences, for each layer kind and a small stack; and deliberately wrong
// gradients (a wrong stride, max pooling's gradient spread over the window, average pooling's
// without its 1/area) must fall outside the ONNX tolerance.

interface ConvCase {
  name: string;
  model: ConvModelSpec;
  task: Task;
  /** Backward-only faults this case must catch. */
  faults: ConvFaults[];
}

const CONV_CASES: ConvCase[] = [
  {
    name: 'conv 3x3 same, stride 1, relu',
    model: { input: [5, 5, 2], activation: 'relu', network: [{ kind: 'conv', filters: 3, kernel: 3, padding: 'same' }, { kind: 'flatten' }, { kind: 'dense', units: 3 }] },
    task: 'classification',
    faults: [{ gradientStride: 2 }],
  },
  {
    name: 'conv 3x3 valid, stride 2 (a row and column no window reaches), tanh',
    model: { input: [6, 6, 2], activation: 'tanh', network: [{ kind: 'conv', filters: 3, kernel: 3, stride: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 2 }] },
    task: 'regression',
    faults: [{ gradientStride: 1 }],
  },
  {
    name: 'conv 2x3 same, stride 2 (uneven pads), relu, two convs',
    model: {
      input: [7, 6, 2],
      activation: 'relu',
      network: [{ kind: 'conv', filters: 3, kernel: [2, 3], stride: 2, padding: 'same' }, { kind: 'conv', filters: 2, kernel: 2, activation: 'tanh' }, { kind: 'flatten' }, { kind: 'dense', units: 3 }],
    },
    task: 'classification',
    faults: [{ gradientStride: 1 }],
  },
  {
    name: 'maxpool 2 tiling, after conv',
    model: { input: [6, 6, 1], activation: 'tanh', network: [{ kind: 'conv', filters: 2, kernel: 3, padding: 'same' }, { kind: 'maxpool', size: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 3 }] },
    task: 'classification',
    faults: [{ gradientMaxPoolSpread: true }],
  },
  {
    name: 'maxpool 3 stride 2 (overlapping windows, leftover row), relu',
    model: { input: [8, 7, 1], activation: 'relu', network: [{ kind: 'conv', filters: 2, kernel: 2 }, { kind: 'maxpool', size: 3, stride: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 3 }] },
    task: 'classification',
    faults: [{ gradientMaxPoolSpread: true }],
  },
  {
    name: 'avgpool 2 with a leftover row and column, tanh',
    model: { input: [6, 6, 1], activation: 'tanh', network: [{ kind: 'conv', filters: 2, kernel: 2 }, { kind: 'avgpool', size: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 2 }] },
    task: 'regression',
    faults: [{ gradientAveragePoolUnscaled: true }],
  },
  {
    name: 'avgpool 3 stride 1 (overlapping), 3x2 windows, relu',
    model: { input: [6, 5, 2], activation: 'relu', network: [{ kind: 'conv', filters: 2, kernel: 2, padding: 'same' }, { kind: 'avgpool', size: [3, 2], stride: 1 }, { kind: 'flatten' }, { kind: 'dense', units: 3 }] },
    task: 'classification',
    faults: [{ gradientAveragePoolUnscaled: true }],
  },
  {
    name: 'globalavgpool, then hidden dense',
    model: { input: [5, 4, 2], activation: 'tanh', network: [{ kind: 'conv', filters: 4, kernel: 3 }, { kind: 'globalavgpool' }, { kind: 'dense', units: 5 }, { kind: 'dense', units: 3 }] },
    task: 'classification',
    faults: [{ gradientStride: 2 }],
  },
  {
    name: 'pooling and flatten of the input itself (no conv), dense',
    model: { input: [6, 6, 2], activation: 'relu', network: [{ kind: 'maxpool', size: 2 }, { kind: 'avgpool', size: 2, stride: 1 }, { kind: 'flatten' }, { kind: 'dense', units: 4 }, { kind: 'dense', units: 3 }] },
    task: 'classification',
    faults: [],
  },
  {
    name: 'stack: conv 3x3x4 same, maxpool 2, conv 3x3x4 valid, avgpool 2, dense 6, dense 3',
    model: {
      input: [8, 8, 2],
      activation: 'relu',
      network: [
        { kind: 'conv', filters: 4, kernel: 3, padding: 'same' },
        { kind: 'maxpool', size: 2 },
        { kind: 'conv', filters: 4, kernel: 3 },
        { kind: 'avgpool', size: 2 },
        { kind: 'flatten' },
        { kind: 'dense', units: 6 },
        { kind: 'dense', units: 3 },
      ],
    },
    task: 'classification',
    faults: [{ gradientStride: 2 }, { gradientMaxPoolSpread: true }, { gradientAveragePoolUnscaled: true }],
  },
];

interface ConvProblem {
  model: ConvModelSpec;
  task: Task;
  x: Float64Array;
  y: Float64Array;
  copies: Weights[];
}

function makeConvProblem(c: ConvCase, seed: number, copies: number): ConvProblem {
  const random = new Random(seed);
  const [height, width, channels] = c.model.input;
  const outputs = (c.model.network[c.model.network.length - 1] as { units: number }).units;
  const x = Float64Array.from({ length: BATCH * height * width * channels }, () => f32(random.normal()));
  const y = new Float64Array(BATCH * outputs);
  for (let n = 0; n < BATCH; n++) {
    if (c.task === 'classification') y[n * outputs + random.integer(outputs)] = 1;
    else for (let k = 0; k < outputs; k++) y[n * outputs + k] = f32(random.normal());
  }
  const layout = convTensorSizes(c.model);
  const fanIns = convFanIns(c.model);
  const weightSet = (): Weights =>
    layout.map((values, i) => {
      const scale = i % 2 === 0 ? Math.sqrt(3 / fanIns[i / 2]) : 0.3;
      return Float64Array.from({ length: values }, () => f32(random.uniform(-scale, scale)));
    });
  return { model: c.model, task: c.task, x, y, copies: Array.from({ length: copies }, weightSet) };
}

/** As problemAwayFromKinks: relu pre-activations and max-pool runner-ups at least 1e-4 away. */
function convProblemAwayFromKinks(c: ConvCase, seed: number, copies: number): ConvProblem {
  for (let attempt = 0; attempt < 50; attempt++) {
    const problem = makeConvProblem(c, seed + 1000 * attempt, copies);
    const margin = Math.min(...problem.copies.map((weights) => convForward(problem.model, weights, problem.x, BATCH).kinkMargin));
    if (margin > 1e-4) return problem;
  }
  throw new Error('no seed kept the relu pre-activations and max-pool windows away from their kinks');
}

function convFiniteDifferences(problem: ConvProblem, weights: Weights): Weights {
  return weights.map((tensor) =>
    Float64Array.from(tensor, (_, k) => {
      const original = tensor[k];
      tensor[k] = original + H;
      const plus = convLoss(problem.model, problem.task, weights, problem.x, problem.y, BATCH);
      tensor[k] = original - H;
      const minus = convLoss(problem.model, problem.task, weights, problem.x, problem.y, BATCH);
      tensor[k] = original;
      return (plus - minus) / (2 * H);
    }),
  );
}

/** The float32 tolerance of the ONNX comparison above, as a ratio: <= 1 passes. */
function float32Ratio(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 0; k < expected.length; k++) worst = Math.max(worst, Math.abs(actual[k] - expected[k]) / (1e-5 + 1e-4 * Math.abs(expected[k])));
  return worst;
}

CONV_CASES.forEach((c, index) => {
  test(`conv reference backward equals finite differences of its forward; wrong gradients do not: ${c.name}`, (t) => {
    const problem = convProblemAwayFromKinks(c, 300 + index, 1);
    const weights = problem.copies[0];
    const { loss, grads } = convLossAndGrads(problem.model, problem.task, weights, problem.x, problem.y, BATCH);
    assert.ok(Number.isFinite(loss) && loss > 0);
    const numeric = convFiniteDifferences(problem, weights);
    // The tolerance of the MLP case above: relative 1e-6 with a 1e-3 floor.
    let worst = 0;
    grads.forEach((analytic, i) => {
      analytic.forEach((a, k) => {
        const b = numeric[i][k];
        const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-3);
        worst = Math.max(worst, relative);
        assert.ok(relative < 1e-6, `tensor ${i} entry ${k}: backward ${a}, finite difference ${b} (relative ${relative})`);
      });
    });
    // Every tensor gets a gradient that is not (near) zero: the check has teeth everywhere.
    grads.forEach((g, i) => assert.ok(Math.max(...Array.from(g, Math.abs)) > 1e-3, `tensor ${i} has no gradient`));
    // A wrong backward pass is outside even the float32 tolerance the ONNX graph must meet.
    let weakest = Infinity;
    for (const fault of c.faults) {
      const wrong = convLossAndGrads(problem.model, problem.task, weights, problem.x, problem.y, BATCH, fault).grads;
      const ratio = Math.max(...wrong.map((g, i) => float32Ratio(g, numeric[i])));
      assert.ok(ratio > 1, `the fault ${JSON.stringify(fault)} is within tolerance (${ratio})`);
      weakest = Math.min(weakest, ratio);
    }
    t.diagnostic(`worst relative error ${worst.toExponential(2)}${c.faults.length ? `; weakest fault at ${weakest.toPrecision(3)} tolerances` : ''}`);
  });
});

CONV_CASES.forEach((c, index) => {
  test(`ONNX conv gradients (D = 2, different weights) equal float64 finite differences: ${c.name}`, async (t) => {
    const D = 2;
    const problem = convProblemAwayFromKinks(c, 400 + index, D);
    const spec = { ...defaultModelSpec(), activation: c.model.activation, input: c.model.input, network: c.model.network };
    const session = await ort.InferenceSession.create(buildGradientModel(spec, c.task === 'classification', D, BATCH));
    try {
      const layout = modelLayout(spec);
      const outputs = problem.y.length / BATCH;
      const feeds: Record<string, ort.Tensor> = {
        // Images as the data holds them: NHWC.
        x: new ort.Tensor('float32', Float32Array.from(problem.x), [BATCH, ...c.model.input]),
        y: new ort.Tensor('float32', Float32Array.from(problem.y), [BATCH, outputs]),
      };
      layout.forEach((tensor, i) => {
        const per = problem.copies[0][i].length;
        const stacked = new Float32Array(D * per);
        problem.copies.forEach((weights, d) => stacked.set(weights[i], d * per));
        feeds[`p${i}`] = new ort.Tensor('float32', stacked, [D, ...tensor.shape]);
      });
      const out = await session.run(feeds);
      assert.notEqual(out.loss.data[0], out.loss.data[1]);
      let worstRatio = 0;
      problem.copies.forEach((weights, d) => {
        const referenceValue = convLoss(problem.model, problem.task, weights, problem.x, problem.y, BATCH);
        const onnxLoss = out.loss.data[d] as number;
        assert.ok(Math.abs(onnxLoss - referenceValue) <= 1e-6 + 1e-5 * Math.abs(referenceValue), `copy ${d}: loss ${onnxLoss} vs ${referenceValue}`);
        convFiniteDifferences(problem, weights).forEach((expected, i) => {
          const output = out[`g${i}`];
          assert.deepEqual(output.dims, [D, ...layout[i].shape], `g${i} shape`);
          const per = expected.length;
          const actual = (output.data as Float32Array).subarray(d * per, (d + 1) * per);
          // The float32 tolerance of the MLP case: abs <= 1e-5 + 1e-4 |g|.
          const ratio = float32Ratio(actual, expected);
          assert.ok(ratio <= 1, `copy ${d} g${i}: ${ratio} tolerances off the finite differences`);
          worstRatio = Math.max(worstRatio, ratio);
        });
      });
      t.diagnostic(`worst error / tolerance ${worstRatio.toExponential(2)}`);
    } finally {
      await session.release();
    }
  });
});
