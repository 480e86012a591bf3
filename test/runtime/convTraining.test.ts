// Whole trainings of convolutional networks: the runtime (trainSweep, image rows in NHWC order)
// against the float64 reference (test/support/referenceConvNet.ts) step by step, for every
// optimizer kind, at the tolerances of the MLP comparisons (training.test.ts: losses 1e-4
// relative, weights 1e-4 of the tensor's max); deliberately wrong models must fall outside them.
// The strided network trains two seeds in its graph (seeds on the channel axis of the first
// convolution), each checked against the reference with its own weights and batches; the network
// whose data ties in max pooling trains one (another batch order meets other near-ties, where
// float32 and float64 may pick different maxima). seeds.test.ts shows each seed of a sweep is,
// bit for bit, the one-seed sweep of that seed.
// Then a network spec through executeSweepPart and runSweep.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { runSweep } from '../../runtime/src';
import { executeSweepPart } from '../../runtime/src/sweep/executeSweep';
import type { Dataset } from '../../runtime/src/sweep/dataset';
import { Random } from '../../runtime/src/sweep/random';
import { defaultSpec, type DecayStyle, type LayerSpec, type OptimizerKind, type SweepSpec } from '../../runtime/src/sweep/spec';
import { BatchSchedule, trainSweep, type SeedRun } from '../../runtime/src/train/trainer';
import { LOSS_RTOL, mismatch } from '../support/referenceComparison';
import { convFanIns, convForward, convModelOf, convTensorSizes, referenceTrainConv, type ConvFaults, type ConvModelSpec } from '../support/referenceConvNet';
import { accuracyOf, lossOf, norm } from '../support/referenceMlp';
import type { ReferenceFaults } from '../support/referenceOptimizer';

const STEPS = 40;
/** Chunks of 15, 15 and 10 steps, as in the MLP comparisons. */
const EVERY = 15;
const BATCH = 8;
const CLASSES = 3;

/**
 * Images [height, width, 2] of three classes: a 3x3 bright patch whose place depends on the
 * class, with noise. Every other image has an exactly flat (zero) background, so convolutions
 * give equal values over it and max-pool windows tie: the runtime must pick the first maximum
 * of a window, as the reference (and PyTorch) do.
 */
function imageTask(height: number, width: number, seed: number): Dataset {
  const random = new Random(seed);
  const corners = [
    [0, 0],
    [height - 3, width - 3],
    [0, width - 3],
  ];
  const sample = (count: number) => {
    const x = new Float32Array(count * height * width * 2);
    const y = new Float32Array(count * CLASSES);
    for (let n = 0; n < count; n++) {
      const label = random.integer(CLASSES);
      y[n * CLASSES + label] = 1;
      const noisy = n % 2 === 1;
      for (let row = 0; row < height; row++) {
        for (let column = 0; column < width; column++) {
          const inPatch = row >= corners[label][0] && row < corners[label][0] + 3 && column >= corners[label][1] && column < corners[label][1] + 3;
          for (let c = 0; c < 2; c++) {
            const value = (inPatch ? 1 + c : 0) + (noisy || inPatch ? 0.5 * random.normal() : 0);
            x[((n * height + row) * width + column) * 2 + c] = value;
          }
        }
      }
    }
    return { x, y };
  };
  const train = sample(64);
  const validation = sample(32);
  return { task: 'classification', inputs: height * width * 2, outputs: CLASSES, trainX: train.x, trainY: train.y, validationX: validation.x, validationY: validation.y, trainCount: 64, validationCount: 32 };
}

interface Problem {
  name: string;
  model: ConvModelSpec;
  data: Dataset;
  /** Given to the spec (non-zero biases), or undefined for the runtime's seeded initialisation. */
  initialWeights?: number[][];
  /** Wrong models (and a wrong tie rule) that this network must tell apart. */
  modelFaults: ConvFaults[];
  /** Seeds trained side by side, each checked against the reference. */
  seeds: number;
}

const SMALL_NET: LayerSpec[] = [
  { kind: 'conv', filters: 4, kernel: 3, padding: 'same' },
  { kind: 'maxpool', size: 2 },
  { kind: 'conv', filters: 4, kernel: 3 },
  { kind: 'flatten' },
  { kind: 'dense', units: 6 },
  { kind: 'dense', units: CLASSES },
];

const STRIDED_NET: LayerSpec[] = [
  { kind: 'conv', filters: 4, kernel: [2, 3], stride: 2, padding: 'same' },
  { kind: 'avgpool', size: 2 },
  { kind: 'conv', filters: 3, kernel: 1, activation: 'linear' },
  { kind: 'globalavgpool' },
  { kind: 'dense', units: 5 },
  { kind: 'dense', units: CLASSES },
];

/** Kernels ~ U(-s, s), s = sqrt(3 / fan_in); biases U(-0.5, 0.5), so flat regions pass relu and tie. */
function explicitWeights(model: ConvModelSpec, seed: number): number[][] {
  const random = new Random(seed);
  const fanIns = convFanIns(model);
  return convTensorSizes(model).map((values, i) => {
    const scale = i % 2 === 0 ? Math.sqrt(3 / fanIns[i / 2]) : 0.5;
    return Array.from({ length: values }, () => random.uniform(-scale, scale));
  });
}

const smallModel: ConvModelSpec = { input: [8, 8, 2], network: SMALL_NET, activation: 'relu' };
const PROBLEMS: Problem[] = [
  {
    name: '8x8x2, conv 3x3x4 same, maxpool 2, conv 3x3x4 valid, flatten, dense 6, dense 3 (relu, given init)',
    model: smallModel,
    data: imageTask(8, 8, 1),
    initialWeights: explicitWeights(smallModel, 2),
    modelFaults: [{ flattenHwc: true }, { flippedKernels: true }, { gradientMaxPoolEveryTie: true }],
    seeds: 1,
  },
  {
    name: '7x7x2, conv 2x3x4 stride 2 same, avgpool 2, conv 1x1x3 linear, globalavgpool, dense 5, dense 3 (tanh, seeded init)',
    model: { input: [7, 7, 2], network: STRIDED_NET, activation: 'tanh' },
    data: imageTask(7, 7, 3),
    modelFaults: [{ samePadAtStart: true }, { flippedKernels: true }],
    seeds: 2,
  },
];

function sweepSpec(problem: Problem, kind: OptimizerKind, decayStyle: DecayStyle, decayBiases: boolean): SweepSpec {
  const adaptive = kind === 'adam' || kind === 'adamw';
  return {
    ...defaultSpec(),
    input: problem.model.input,
    network: problem.model.network,
    activation: problem.model.activation,
    task: { kind: 'synthetic', trainSamples: 64, validationSamples: 32, labelNoise: 0, teacherHidden: 4 },
    optimizer: { kind },
    decayStyle,
    decayBiases,
    learningRate: adaptive ? 0.01 : 0.1,
    decayValues: [0, 0.01, 0.1],
    steps: STEPS,
    batchSize: BATCH,
    seed: 5,
    seeds: problem.seeds,
    evaluateEvery: EVERY,
    initialWeights: problem.initialWeights,
    returnWeights: true,
  };
}

function assertClose(actual: number | null | undefined, expected: number, relative: number, what: string) {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

async function checkAgainstReference(t: TestContext, problem: Problem, spec: SweepSpec) {
  const { data } = problem;
  const model = convModelOf(spec);
  const outcome = await trainSweep(spec, data);
  const reference = { ...spec, ...model };
  let worstLoss = 0;
  let worstWeight = 0;
  let weakestCatch = Infinity;
  for (const run of outcome.runs) {
    assert.equal(run.divergedAt, undefined);
    assert.equal(run.seeds?.length, spec.seeds);
    for (const [index, seedRun] of run.seeds!.entries()) {
      const what = `decay ${run.decay}, seed ${seedRun.seed}`;
      const { expected, loss, weight } = checkSeed(problem, spec, reference, run.decay, seedRun, what);
      worstLoss = Math.max(worstLoss, loss);
      worstWeight = Math.max(worstWeight, weight);
      if (index > 0) continue;
      const batches = new BatchSchedule(spec, data.trainCount, seedRun.seed).next(spec.steps);
      // Deliberately wrong references fall outside the tolerance.
      const mustCatch = (what: string, faults: ReferenceFaults & ConvFaults, wrongSpec = reference) => {
        const wrong = referenceTrainConv(wrongSpec, data, seedRun.initialWeights!, batches, run.decay, faults);
        const caught = mismatch(wrong.losses, wrong.finalWeights, expected.losses, expected.finalWeights);
        assert.ok(caught.loss > 1 || caught.weight > 1, `decay ${run.decay}: ${what} is within tolerance of the right reference`);
        weakestCatch = Math.min(weakestCatch, Math.max(caught.loss, caught.weight));
      };
      for (const fault of problem.modelFaults) mustCatch(JSON.stringify(fault), fault);
      if (run.decay > 0) {
        mustCatch('decayBiases flipped', {}, { ...reference, decayBiases: !spec.decayBiases });
        if (spec.decayLayers) mustCatch('decay on every layer', {}, { ...reference, decayLayers: undefined });
      }
    }
  }
  t.diagnostic(`worst error / tolerance: losses ${worstLoss.toExponential(2)}, weights ${worstWeight.toExponential(2)}; weakest deliberate fault at ${weakestCatch.toPrecision(3)} tolerances`);
}

/** One seed's training against the reference from its own initial weights and batch order. */
function checkSeed(problem: Problem, spec: SweepSpec, reference: SweepSpec & ConvModelSpec, decay: number, run: SeedRun, what: string) {
  const { data } = problem;
  const model = convModelOf(spec);
  assert.equal(run.divergedAt, undefined);
  assert.ok(run.initialWeights && run.finalWeights);
  assert.deepEqual(
    run.initialWeights.map((tensor) => tensor.length),
    convTensorSizes(model),
  );
  if (problem.initialWeights) run.initialWeights.forEach((tensor, i) => assert.deepEqual(tensor, problem.initialWeights![i].map(Math.fround), `initial tensor ${i}`));
  const batches = new BatchSchedule(spec, data.trainCount, run.seed).next(spec.steps);
  const expected = referenceTrainConv(reference, data, run.initialWeights, batches, decay);
  const result = mismatch(run.trainLoss, run.finalWeights, expected.losses, expected.finalWeights);
  assert.ok(result.loss <= 1, `${what}: step ${result.lossStep} loss ${run.trainLoss[result.lossStep]} vs ${expected.losses[result.lossStep]}`);
  assert.ok(result.weight <= 1, `${what}: final weights, ${result.weightAt}`);

  // Every evaluation against the reference weights after that many steps.
  assert.deepEqual(
    run.evaluations.map((e) => e.step),
    [0, 15, 30, 40],
  );
  for (const evaluation of run.evaluations) {
    const weights = referenceTrainConv({ ...reference, steps: evaluation.step }, data, run.initialWeights, batches, decay).finalWeights;
    const output = convForward(model, weights, data.validationX, data.validationCount).values.at(-1)!;
    assertClose(evaluation.loss, lossOf(data.task, output, data.validationY, data.validationCount), LOSS_RTOL, `${what}: validation loss at step ${evaluation.step}`);
    weights
      .filter((_, i) => i % 2 === 0)
      .forEach((kernel, layer) => assertClose(evaluation.weightNorms[layer], norm(kernel), LOSS_RTOL, `${what}: kernel norm ${layer} at step ${evaluation.step}`));
    // An arg-max tie broken differently in float32 could move one sample.
    const accuracy = accuracyOf(output, data.validationY, data.validationCount);
    assert.ok(Math.abs((evaluation.accuracy ?? NaN) - accuracy) <= 1 / data.validationCount + 1e-7, `accuracy ${evaluation.accuracy} vs ${accuracy}`);
  }
  return { expected, loss: result.loss, weight: result.weight };
}

const COMBINATIONS: [OptimizerKind, DecayStyle, boolean][] = [
  ['sgd', 'l2-loss', false],
  ['sgd', 'keras-l2', true],
  ['momentum', 'l2-loss', true],
  ['nesterov', 'keras-l2', false],
  ['adam', 'l2-loss', false],
  ['adamw', 'decoupled', true],
];

for (const problem of PROBLEMS) {
  for (const [kind, decayStyle, decayBiases] of COMBINATIONS) {
    test(`conv trainSweep = reference, step by step: ${problem.name}, ${kind} ${decayStyle}, decayBiases ${decayBiases}`, (t) =>
      checkAgainstReference(t, problem, sweepSpec(problem, kind, decayStyle, decayBiases)),
    );
  }
}

test('conv trainSweep = reference with decay on the first conv and the output layer only', (t) =>
  checkAgainstReference(t, PROBLEMS[0], { ...sweepSpec(PROBLEMS[0], 'momentum', 'l2-loss', true), decayLayers: [0, 3] }),
);

test('the data really ties: flat regions give max-pool windows with equal non-zero maxima', () => {
  const problem = PROBLEMS[0];
  const trace = convForward(problem.model, problem.initialWeights!.map((w) => Float64Array.from(w)), problem.data.trainX, problem.data.trainCount);
  assert.ok(trace.tiedWindows > 100, `${trace.tiedWindows} tied windows`);
});

test('a network spec through executeSweepPart: synthetic data shaped to the input, the output fitted to the data', async () => {
  const spec = defaultSpec({
    input: [6, 6, 1],
    network: [{ kind: 'conv', filters: 2, kernel: 3 }, { kind: 'maxpool', size: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 4 }],
    decayValues: [0, 0.01],
    steps: 20,
    evaluateEvery: 10,
    batchSize: 8,
    task: { kind: 'synthetic', trainSamples: 32, validationSamples: 16, labelNoise: 0, teacherHidden: 4 },
  });
  const part = await executeSweepPart(spec);
  assert.equal(part.task, 'classification');
  assert.deepEqual(part.network, spec.network);
  assert.deepEqual(part.layers, spec.layers);
  for (const run of part.runs) {
    assert.equal(run.divergedAt, undefined);
    assert.equal(run.trainLoss.length, 20);
    assert.deepEqual(
      run.evaluations.map((e) => e.weightNorms.length),
      [2, 2, 2],
    );
  }
  // With fitLayersToData only the output layer follows the data (4 classes here come from the spec itself).
  const fitted = await executeSweepPart({ ...spec, fitLayersToData: true });
  assert.deepEqual(fitted.network, spec.network);
});

test('runSweep trains a network spec in its workers and reports the network', async () => {
  const spec = defaultSpec({
    input: [6, 6, 2],
    network: [{ kind: 'conv', filters: 3, kernel: 3, padding: 'same' }, { kind: 'globalavgpool' }, { kind: 'dense', units: 3 }],
    decayValues: [0, 0.001, 0.01, 0.1],
    steps: 30,
    evaluateEvery: 10,
    batchSize: 8,
    task: { kind: 'synthetic', trainSamples: 32, validationSamples: 16, labelNoise: 0, teacherHidden: 4 },
  });
  const result = await runSweep(spec, { workers: 2 });
  assert.deepEqual(result.spec.network, spec.network);
  assert.deepEqual(
    result.runs.map((run) => run.decay),
    spec.decayValues,
  );
  assert.ok(result.best);
  assert.ok(result.runs.every((run) => run.evaluations.at(-1)!.weightNorms.length === 2));
});
