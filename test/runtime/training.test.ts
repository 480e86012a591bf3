// Whole trainings: the runtime (trainSweep, ONNX Loop graphs in float32, onnxruntime-node) against
// the float64 reference (test/support/referenceMlp.ts) step by step, for every optimizer and decay
// style; the closed form of decay alone; the built-in task's lesson; diverging runs.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { loadDataset, syntheticTask, type Dataset } from '../../runtime/src/sweep/dataset';
import { Random } from '../../runtime/src/sweep/random';
import { defaultSpec, type Activation, type DecayStyle, type OptimizerKind, type OptimizerSpec, type SweepSpec } from '../../runtime/src/sweep/spec';
import { BatchSchedule, trainSweep, type SweepRun, type TrainingOutcome } from '../../runtime/src/train/trainer';
import {
  accuracyOf,
  forward,
  lossOf,
  norm,
  referenceTrain,
  tensorCount,
  tensorShape,
  type ReferenceFaults,
  type TrainSpec,
  type Weights,
} from '../support/referenceMlp';
import { LOSS_RTOL, mismatch } from '../support/referenceComparison';

// ---------------------------------------------------------------------------------------------
// Tolerances (float32 runtime vs float64 reference, 40 steps; the constants and `mismatch` are in
// test/support/referenceComparison.ts, shared with convTraining.test.ts).
//
// Losses: |runtime - reference| <= 1e-4 |reference| + 1e-6 at every step.
// Weights: |runtime - reference| <= 1e-4 max|reference tensor| for every entry of every tensor.
//
// Why 1e-4: float32 rounds every operation (unit roundoff 6e-8) and the errors compound over the
// steps. Measured worst over all the sweeps below (each test prints its own as a diagnostic):
//   sgd, momentum, nesterov: losses 5.4e-7 relative, weights 3.5e-6 of the tensor's max;
//   adam, adamw (beta2 up to 0.99999): losses 1.1e-6 relative, weights 6.8e-7 of the tensor's max.
// Adam was at 2.2e-5 and 1.0e-5 (and up to 4.9e-3 of the weights with beta2 = 0.99999) while the
// graph computed its bias corrections 1 - beta^t in float32 from the rounded betas; they come from
// the host in double now (biasCorrections in trainingGraph.ts). The errors do not grow with the
// step count in these runs (Adam with batches of 8 at 120 steps: still <= 8.4e-7); a full-batch
// run can meet a relu kink later (a pre-activation 1e-7 from 0 after 44 steps), where float32 and
// float64 take different sides. So 1e-4 leaves a margin of about 90 (losses) and 29 (weights)
// over the worst case. The 1e-6 floor only matters for losses near 0.
//
// And it would catch a wrong update: each sweep compares the correct reference with
// deliberately wrong ones under the same tolerance (`mustCatch`): decayBiases flipped, the other
// coupled style (factor 2), AdamW's decay coupled into the gradient, Adam without bias
// correction, Adam's t restarting at 1 in every chunk (a lost step offset between session.run
// calls), nesterov as plain momentum, default optimizer settings instead of the given ones.
// All must exceed the tolerance. The closest is beta2 = 0.999 where 0.9999 was given: 6 tolerances
// after 40 steps of batches of 8; then decay applied to AdamW's zero-initialised biases at
// wd = 0.01: 20 tolerances (2e-3 of the bias tensor's max); missing bias correction is 0.5 to 3
// relative in the losses (thousands of tolerances); most others are hundreds. The float32 bias
// corrections the graph once had failed 6 of the 8 beta2 = 0.9999/0.99999 sweeps (up to 48
// tolerances).
// ---------------------------------------------------------------------------------------------
const STEPS = 40;
/** Chunks of 15, 15 and 10 steps: step offsets between session.run calls and a partial last chunk. */
const EVERY = 15;
const BATCH = 8;

// ---------------------------------------------------------------------------------------------
// Data.

/** A small regression task made here: y = a smooth function of x plus noise, 2 targets. */
function regressionTask(): Dataset {
  const random = new Random(7);
  const sample = (count: number) => {
    const x = new Float32Array(count * 4);
    const y = new Float32Array(count * 2);
    for (let n = 0; n < count; n++) {
      for (let i = 0; i < 4; i++) x[n * 4 + i] = random.normal();
      const [a, b, c, d] = x.subarray(n * 4, n * 4 + 4);
      y[n * 2] = Math.sin(a) + 0.5 * b * c + 0.1 * random.normal();
      y[n * 2 + 1] = Math.tanh(d - a) + 0.1 * random.normal();
    }
    return { x, y };
  };
  const train = sample(64);
  const validation = sample(32);
  return {
    task: 'regression',
    inputs: 4,
    outputs: 2,
    trainX: train.x,
    trainY: train.y,
    validationX: validation.x,
    validationY: validation.y,
    trainCount: 64,
    validationCount: 32,
  };
}

/** Explicit initial weights with non-zero biases (so decaying biases or not makes a difference from step 1). */
function explicitWeights(layers: number[], seed: number): number[][] {
  const random = new Random(seed);
  return Array.from({ length: tensorCount(layers) }, (_, i) => {
    const [rows, columns] = tensorShape(layers, i);
    const scale = i % 2 === 0 ? Math.sqrt(3 / rows) : 0.5;
    return Array.from({ length: rows * columns }, () => random.uniform(-scale, scale));
  });
}

const syntheticTaskSpec = { kind: 'synthetic' as const, trainSamples: 64, validationSamples: 32, labelNoise: 0.1, teacherHidden: 8 };

interface Problem {
  name: string;
  data: Dataset;
  layers: number[];
  activation: Activation;
  /** Given to the spec, or undefined for the runtime's seeded initialisation (zero biases). */
  initialWeights?: number[][];
}

const PROBLEMS: Problem[] = [
  { name: 'classification (synthetic, relu, seeded init)', data: syntheticTask(6, 3, 64, 32, 0.1, 8, 3), layers: [6, 10, 3], activation: 'relu' },
  { name: 'regression (hand-made, tanh, given init)', data: regressionTask(), layers: [4, 8, 6, 2], activation: 'tanh', initialWeights: explicitWeights([4, 8, 6, 2], 11) },
];

const COMBINATIONS: [OptimizerKind, DecayStyle][] = [
  ['sgd', 'l2-loss'],
  ['sgd', 'keras-l2'],
  ['momentum', 'l2-loss'],
  ['momentum', 'keras-l2'],
  ['nesterov', 'l2-loss'],
  ['nesterov', 'keras-l2'],
  ['adam', 'l2-loss'],
  ['adam', 'keras-l2'],
  ['adamw', 'decoupled'],
];

function sweepSpec(problem: Problem, kind: OptimizerKind, decayStyle: DecayStyle, decayBiases: boolean): SweepSpec {
  const adaptive = kind === 'adam' || kind === 'adamw';
  return {
    layers: problem.layers,
    activation: problem.activation,
    task: syntheticTaskSpec,
    optimizer: { kind },
    decayStyle,
    decayBiases,
    learningRate: adaptive ? 0.01 : 0.1,
    decayValues: [0, 0.01, 0.1],
    steps: STEPS,
    batchSize: BATCH,
    seed: 5,
    evaluateEvery: EVERY,
    initialWeights: problem.initialWeights,
    returnWeights: true,
  };
}

/** Validation loss, accuracy and kernel norms of reference weights. */
function referenceEvaluation(spec: SweepSpec, data: Dataset, weights: Weights) {
  const output = forward(spec, weights, data.validationX, data.validationCount);
  return {
    loss: lossOf(data.task, output, data.validationY, data.validationCount),
    accuracy: data.task === 'classification' ? accuracyOf(output, data.validationY, data.validationCount) : undefined,
    norms: weights.filter((_, i) => i % 2 === 0).map(norm),
  };
}

function assertClose(actual: number | null | undefined, expected: number, relative: number, what: string) {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

/**
 * Runs `spec` with trainSweep and checks every run against the reference: every step's loss, the
 * final weights, every evaluation; then that deliberately wrong references would have failed.
 */
async function checkAgainstReference(t: TestContext, problem: Problem, spec: SweepSpec) {
  const { kind } = spec.optimizer;
  const { decayStyle, decayBiases } = spec;
  const { data } = problem;
  const outcome = await trainSweep(spec, data);
  const batches = new BatchSchedule(spec, data.trainCount).next(spec.steps);
  assert.equal(batches.length, spec.steps * spec.batchSize);
  assert.deepEqual(
    outcome.runs.map((run) => run.decay),
    spec.decayValues,
  );
  let worstLoss = 0;
  let worstWeight = 0;
  let weakestCatch = Infinity;
  for (const run of outcome.runs) {
    assert.equal(run.divergedAt, undefined);
    assert.ok(run.initialWeights && run.finalWeights);
    if (problem.initialWeights) {
      run.initialWeights.forEach((tensor, i) => assert.deepEqual(tensor, problem.initialWeights![i].map(Math.fround), `initial tensor ${i}`));
    }
    const reference = referenceTrain(spec, data, run.initialWeights, batches, run.decay);
    const result = mismatch(run.trainLoss, run.finalWeights, reference.losses, reference.finalWeights);
    assert.ok(result.loss <= 1, `decay ${run.decay}: step ${result.lossStep} loss ${run.trainLoss[result.lossStep]} vs ${reference.losses[result.lossStep]}`);
    assert.ok(result.weight <= 1, `decay ${run.decay}: final weights, ${result.weightAt}`);
    worstLoss = Math.max(worstLoss, result.loss);
    worstWeight = Math.max(worstWeight, result.weight);

    // Every evaluation (steps 0, 15, 30, 40) against the reference weights after that many steps.
    assert.deepEqual(
      run.evaluations.map((e) => e.step),
      [0, 15, 30, 40],
    );
    for (const evaluation of run.evaluations) {
      const weights = referenceTrain({ ...spec, steps: evaluation.step }, data, run.initialWeights, batches, run.decay).finalWeights;
      const expected = referenceEvaluation(spec, data, weights);
      assertClose(evaluation.loss, expected.loss, LOSS_RTOL, `decay ${run.decay} validation loss at step ${evaluation.step}`);
      expected.norms.forEach((value, layer) => assertClose(evaluation.weightNorms[layer], value, LOSS_RTOL, `decay ${run.decay} kernel norm ${layer} at step ${evaluation.step}`));
      if (expected.accuracy !== undefined) {
        // An arg-max tie broken differently in float32 could move one sample.
        assert.ok(Math.abs((evaluation.accuracy ?? NaN) - expected.accuracy) <= 1 / data.validationCount + 1e-7, `accuracy ${evaluation.accuracy} vs ${expected.accuracy}`);
      } else assert.equal(evaluation.accuracy, undefined);
    }

    // The tolerance has teeth: deliberately wrong references differ from the right one by
    // more than it allows.
    const mustCatch = (what: string, wrongSpec: TrainSpec, faults: ReferenceFaults = {}) => {
      const wrong = referenceTrain(wrongSpec, data, run.initialWeights!, batches, run.decay, faults);
      const caught = mismatch(wrong.losses, wrong.finalWeights, reference.losses, reference.finalWeights);
      assert.ok(caught.loss > 1 || caught.weight > 1, `decay ${run.decay}: ${what} is within tolerance of the right reference`);
      weakestCatch = Math.min(weakestCatch, Math.max(caught.loss, caught.weight));
    };
    if (run.decay > 0) {
      mustCatch('decayBiases flipped', { ...spec, decayBiases: !decayBiases });
      if (spec.decayLayers) mustCatch('decay on every layer', { ...spec, decayLayers: undefined });
      if (decayStyle !== 'decoupled') mustCatch('the other coupled style', { ...spec, decayStyle: decayStyle === 'l2-loss' ? 'keras-l2' : 'l2-loss' });
      if (kind === 'adamw') mustCatch('AdamW decay coupled into the gradient', { ...spec, optimizer: { ...spec.optimizer, kind: 'adam' }, decayStyle: 'l2-loss' });
    }
    if (kind === 'adam' || kind === 'adamw') {
      mustCatch('Adam without bias correction', spec, { noBiasCorrection: true });
      mustCatch("Adam's t restarting in every chunk", spec, { adamStepResetEvery: EVERY });
    }
    if (kind === 'nesterov') mustCatch('nesterov as plain momentum', { ...spec, optimizer: { ...spec.optimizer, kind: 'momentum' } });
    if (!hasDefaultSettings(spec.optimizer)) mustCatch('the default optimizer settings', { ...spec, optimizer: { kind } });
  }
  t.diagnostic(
    `worst error / tolerance: losses ${worstLoss.toExponential(2)}, weights ${worstWeight.toExponential(2)}; weakest deliberate fault at ${weakestCatch.toPrecision(3)} tolerances`,
  );
}

for (const problem of PROBLEMS) {
  for (const [kind, decayStyle] of COMBINATIONS) {
    for (const decayBiases of [false, true]) {
      test(`trainSweep = reference, step by step: ${problem.name}, ${kind} ${decayStyle}, decayBiases ${decayBiases}`, (t) =>
        checkAgainstReference(t, problem, sweepSpec(problem, kind, decayStyle, decayBiases)),
      );
    }
  }
}

// Hyperparameters other than the defaults reach the graph.
const CUSTOM: [OptimizerSpec, DecayStyle][] = [
  [{ kind: 'momentum', momentum: 0.5 }, 'l2-loss'],
  [{ kind: 'nesterov', momentum: 0.7 }, 'keras-l2'],
  [{ kind: 'adam', beta1: 0.8, beta2: 0.99, epsilon: 1e-4 }, 'l2-loss'],
  [{ kind: 'adamw', beta1: 0.5, beta2: 0.9, epsilon: 1e-3 }, 'decoupled'],
];
for (const [optimizer, decayStyle] of CUSTOM) {
  test(`trainSweep = reference with optimizer settings ${JSON.stringify(optimizer)}`, (t) =>
    checkAgainstReference(t, PROBLEMS[0], { ...sweepSpec(PROBLEMS[0], optimizer.kind, decayStyle, false), optimizer }),
  );
}

// beta2 close to 1, where the bias correction 1 - beta2^t is a difference of nearly equal numbers:
// from beta2 rounded to float32 (0.99999 becomes 0.99998999) it is 1.4e-3 off at t = 1 while the
// second moment's (1 - beta2) is not. Batches of 8 and full batches (every step sees all 64 rows),
// with the default 0.999 beside them.
for (const beta2 of [0.999, 0.9999, 0.99999]) {
  for (const [kind, decayStyle] of [['adam', 'l2-loss'], ['adamw', 'decoupled']] as const) {
    for (const batchSize of [BATCH, PROBLEMS[0].data.trainCount]) {
      const optimizer: OptimizerSpec = { kind, beta2 };
      test(`trainSweep = reference with optimizer settings ${JSON.stringify(optimizer)}, batch ${batchSize}`, (t) =>
        checkAgainstReference(t, PROBLEMS[0], { ...sweepSpec(PROBLEMS[0], kind, decayStyle, false), optimizer, batchSize }),
      );
    }
  }
}

/** Settings equal to the defaults, given or not: comparing with the defaults would show nothing. */
function hasDefaultSettings(optimizer: OptimizerSpec): boolean {
  const defaults = { momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
  return (Object.keys(defaults) as (keyof typeof defaults)[]).every((key) => (optimizer[key] ?? defaults[key]) === defaults[key]);
}

// Decay on some layers only: the first layer of a 3-layer network decays, the others do not.
for (const [kind, decayStyle] of [['sgd', 'l2-loss'], ['adamw', 'decoupled']] as const) {
  test(`trainSweep = reference with decay on the first layer only: ${kind} ${decayStyle}`, (t) =>
    checkAgainstReference(t, PROBLEMS[1], { ...sweepSpec(PROBLEMS[1], kind, decayStyle, true), decayLayers: [0] }),
  );
}

test('the same spec and seed give the same sweep, bit for bit', async () => {
  const spec = { ...sweepSpec(PROBLEMS[0], 'adam', 'l2-loss', false), returnWeights: true };
  const [first, second] = [await trainSweep(spec, PROBLEMS[0].data), await trainSweep(spec, PROBLEMS[0].data)];
  assert.deepEqual(first.runs, second.runs);
});

// ---------------------------------------------------------------------------------------------
// Decay alone: a task whose data gradient is exactly zero.
//
// Inputs all positive, first kernel all negative and first bias negative: every relu
// pre-activation is negative, so the hidden layer is exactly 0 and relu passes no gradient back;
// the output is then b2 = 0, equal to the targets 0, so the loss and the output gradient are
// exactly 0 too. Every kernel then only decays: w_T = w_0 (1 - lr*wd)^T for sgd with l2-loss and
// for AdamW (m = v = 0, so Adam's step is 0 / (0 + eps) = 0), w_0 (1 - 2 lr*wd)^T for keras-l2.
// Tolerance: relative 1e-5; float32 rounds each step's multiply-subtract (~1e-7 relative), 50
// steps give at most ~5e-6, and lr, wd held in float32 change (1 - lr*wd)^T by < 1e-7 relative.

function zeroGradientTask(): Dataset {
  const random = new Random(21);
  const x = (count: number) => Float32Array.from({ length: count * 3 }, () => random.uniform(0.5, 1.5));
  return {
    task: 'regression',
    inputs: 3,
    outputs: 2,
    trainX: x(16),
    trainY: new Float32Array(16 * 2),
    validationX: x(8),
    validationY: new Float32Array(8 * 2),
    trainCount: 16,
    validationCount: 8,
  };
}

function zeroGradientWeights(): number[][] {
  const random = new Random(22);
  return [
    Array.from({ length: 3 * 4 }, () => -random.uniform(0.2, 1)), // kernel 0: all negative
    Array.from({ length: 4 }, () => -random.uniform(0.1, 0.5)), // bias 0: negative
    Array.from({ length: 4 * 2 }, () => random.uniform(-1, 1)), // kernel 1: anything
    [0, 0], // bias 1: zero, so the output equals the zero targets
  ];
}

const CLOSED_FORMS: { kind: OptimizerKind; decayStyle: DecayStyle; decayBiases: boolean; factor: (lr: number, wd: number) => number }[] = [
  { kind: 'sgd', decayStyle: 'l2-loss', decayBiases: false, factor: (lr, wd) => 1 - lr * wd },
  { kind: 'sgd', decayStyle: 'l2-loss', decayBiases: true, factor: (lr, wd) => 1 - lr * wd },
  { kind: 'sgd', decayStyle: 'keras-l2', decayBiases: false, factor: (lr, wd) => 1 - 2 * lr * wd },
  { kind: 'adamw', decayStyle: 'decoupled', decayBiases: false, factor: (lr, wd) => 1 - lr * wd },
  { kind: 'adamw', decayStyle: 'decoupled', decayBiases: true, factor: (lr, wd) => 1 - lr * wd },
];

for (const form of CLOSED_FORMS) {
  test(`decay alone follows the closed form: ${form.kind} ${form.decayStyle}, decayBiases ${form.decayBiases}`, async () => {
    const data = zeroGradientTask();
    const T = 50;
    const lr = 0.1;
    const spec: SweepSpec = {
      layers: [3, 4, 2],
      activation: 'relu',
      task: { kind: 'synthetic', trainSamples: 16, validationSamples: 8, labelNoise: 0, teacherHidden: 4 },
      optimizer: { kind: form.kind },
      decayStyle: form.decayStyle,
      decayBiases: form.decayBiases,
      learningRate: lr,
      decayValues: [0, 0.01, 0.1, 0.5, 1],
      steps: T,
      batchSize: 4,
      seed: 3,
      evaluateEvery: 20,
      initialWeights: zeroGradientWeights(),
      returnWeights: true,
    };
    const outcome = await trainSweep(spec, data);
    for (const run of outcome.runs) {
      assert.equal(run.divergedAt, undefined);
      // The data loss really is exactly zero at every step.
      assert.deepEqual(run.trainLoss, new Array(T).fill(0), `decay ${run.decay}: training losses`);
      const factor = Math.pow(form.factor(lr, run.decay), T);
      run.finalWeights!.forEach((tensor, i) => {
        const initial = run.initialWeights![i];
        const decays = i % 2 === 0 || form.decayBiases;
        tensor.forEach((value, k) => {
          if (!decays) assert.equal(value, initial[k], `decay ${run.decay}: tensor ${i}[${k}] should not move`);
          else {
            const expected = initial[k] * factor;
            assert.ok(Math.abs(value - expected) <= 1e-5 * Math.abs(expected), `decay ${run.decay}: tensor ${i}[${k}] = ${value}, closed form ${expected}`);
          }
        });
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The built-in task shows what it exists to show.

test('default spec on its synthetic task: some decay beats none on validation loss, and first-layer norms fall with decay', async (t) => {
  const spec = defaultSpec();
  const data = await loadDataset(spec);
  assert.equal(data.task, 'classification');
  const outcome = await trainSweep(spec, data);
  const runs = [...outcome.runs].sort((a, b) => a.decay - b.decay);
  assert.equal(runs[0].decay, 0);
  const final = (run: SweepRun) => run.evaluations[run.evaluations.length - 1];
  for (const run of runs) {
    assert.equal(run.divergedAt, undefined, `decay ${run.decay} diverged`);
    assert.equal(final(run).step, spec.steps);
  }
  const noDecayLoss = final(runs[0]).loss!;
  const best = runs.slice(1).reduce((a, b) => (final(a).loss! <= final(b).loss! ? a : b));
  assert.ok(final(best).loss! < noDecayLoss, `no non-zero decay beats decay 0 (${noDecayLoss})`);
  const norms = runs.map((run) => final(run).weightNorms[0]!);
  for (let i = 1; i < norms.length; i++) {
    assert.ok(norms[i] < norms[i - 1], `first-layer kernel norm at decay ${runs[i].decay} (${norms[i]}) is not below decay ${runs[i - 1].decay} (${norms[i - 1]})`);
  }
  t.diagnostic(`validation loss: decay 0 ${noDecayLoss.toFixed(3)}, best decay ${best.decay} ${final(best).loss!.toFixed(3)}; norms ${norms.map((n) => n.toFixed(2)).join(' > ')}`);
});

// ---------------------------------------------------------------------------------------------
// Diverging runs.

/** Paths of every number in `value` that is NaN or infinite. */
function nonFinitePaths(value: unknown, path = '$', skip: (path: string) => boolean = () => false): string[] {
  if (skip(path)) return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonFinitePaths(item, `${path}[${i}]`, skip));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nonFinitePaths(item, `${path}.${key}`, skip));
  return [];
}

/**
 * A diverged run: `divergedAt` = k, the number of steps after which the weights were first
 * non-finite (or overflowed the loss). The losses of steps 1..k are finite numbers, those of later
 * steps null; evaluations from step k on are null; no final weights are returned.
 */
function assertDivergedCleanly(run: SweepRun, steps: number) {
  const at = run.divergedAt;
  assert.ok(at !== undefined && Number.isInteger(at) && at >= 0 && at <= steps, `decay ${run.decay}: divergedAt ${at}`);
  assert.equal(run.trainLoss.length, steps);
  run.trainLoss.forEach((value, i) => {
    const step = i + 1;
    if (step <= at) assert.ok(typeof value === 'number' && Number.isFinite(value), `decay ${run.decay}: step ${step} loss ${value}`);
    else assert.equal(value, null, `decay ${run.decay}: step ${step} loss after divergence`);
  });
  for (const evaluation of run.evaluations) {
    if (evaluation.step < at) continue;
    assert.equal(evaluation.loss, null, `evaluation at step ${evaluation.step}`);
    if ('accuracy' in evaluation) assert.equal(evaluation.accuracy, null);
    assert.ok(evaluation.weightNorms.every((value) => value === null));
  }
  assert.equal(run.finalWeights, undefined, 'a diverged run returns no final weights');
}

const divergenceData = syntheticTask(6, 3, 64, 32, 0.1, 8, 3);
const divergenceSpec = (overrides: Partial<SweepSpec>): SweepSpec => ({
  layers: [6, 10, 3],
  activation: 'relu',
  task: syntheticTaskSpec,
  optimizer: { kind: 'sgd' },
  decayStyle: 'l2-loss',
  decayBiases: false,
  learningRate: 0.1,
  decayValues: [0],
  steps: 30,
  batchSize: BATCH,
  seed: 5,
  evaluateEvery: 4,
  ...overrides,
});

test('a huge learning rate diverges: divergedAt set, null losses from there, no NaN or Infinity anywhere', async () => {
  const spec = divergenceSpec({ learningRate: 1e4, decayValues: [0, 0.01, 0.1] });
  const outcome: TrainingOutcome = await trainSweep(spec, divergenceData);
  for (const run of outcome.runs) assertDivergedCleanly(run, spec.steps);
  assert.deepEqual(nonFinitePaths(outcome), []);
  // What a client receives survives JSON unchanged (NaN would silently become null).
  assert.deepEqual(JSON.parse(JSON.stringify(outcome.runs)), outcome.runs);
});

test('a run diverging through its decay leaves the other decay values of the sweep unaffected', async () => {
  // lr*wd = 10 for wd = 100: every step multiplies the kernels by about 1 - 10 = -9, so that run
  // overflows within ~40 steps; wd = 0 and 0.01 train normally and must still equal the reference.
  const spec = divergenceSpec({ decayValues: [0, 0.01, 100], steps: 40, evaluateEvery: 15, returnWeights: true });
  const outcome = await trainSweep(spec, divergenceData);
  const batches = new BatchSchedule(spec, divergenceData.trainCount).next(spec.steps);
  const [none, small, huge] = outcome.runs;
  assertDivergedCleanly(huge, spec.steps);
  assert.deepEqual(nonFinitePaths(outcome), []);
  for (const run of [none, small]) {
    assert.equal(run.divergedAt, undefined);
    const reference = referenceTrain(spec, divergenceData, run.initialWeights!, batches, run.decay);
    const result = mismatch(run.trainLoss, run.finalWeights!, reference.losses, reference.finalWeights);
    assert.ok(result.loss <= 1 && result.weight <= 1, `decay ${run.decay}: ${JSON.stringify(result)}`);
  }
});

test(
  'divergedAt does not depend on how often the sweep evaluates',
  async () => {
    // The same trajectory (same seed, data, lr) evaluated every step and every 7 steps: whether an
    // evaluation or a step's loss sees the non-finite weights first, the run diverged at one step.
    const at = async (evaluateEvery: number) => {
      const outcome = await trainSweep(divergenceSpec({ learningRate: 1e4, steps: 12, evaluateEvery }), divergenceData);
      return outcome.runs[0].divergedAt;
    };
    const [everyStep, every7] = [await at(1), await at(7)];
    assert.notEqual(everyStep, undefined, 'the run diverges');
    assert.equal(everyStep, every7);
  },
);
