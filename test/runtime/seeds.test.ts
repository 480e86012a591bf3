// Seeds as one more leading axis of the batched graph: every seed of a sweep is, bit for bit, the
// one-seed sweep of that seed (the graph mixes nothing between seeds), for MLPs and convolutional
// networks; seeds differ in initial weights and batch order, not in data; the combined run's mean
// curves and final spread equal a computation made here from the per-seed trainings; divergence
// of one seed; runSweep and its workers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSweep } from '../../runtime/src';
import { loadDataset, syntheticTask } from '../../runtime/src/sweep/dataset';
import { combineSeeds, differenceNoise, spreadOf, withinNoise } from '../../runtime/src/sweep/seedStats';
import { defaultSpec, MAX_SEEDS, trainingSeed, validateSpec, type LayerSpec, type SweepSpec } from '../../runtime/src/sweep/spec';
import { BatchSchedule, trainSweep, type SeedRun, type SweepRun } from '../../runtime/src/train/trainer';

const mlpData = syntheticTask(6, 3, 64, 32, 0.1, 8, 3);

function mlpSpec(overrides: Partial<SweepSpec> = {}): SweepSpec {
  return defaultSpec({
    layers: [6, 10, 3],
    task: { kind: 'synthetic', trainSamples: 64, validationSamples: 32, labelNoise: 0.1, teacherHidden: 8 },
    decayValues: [0, 0.01, 0.1],
    steps: 30,
    batchSize: 8,
    seed: 5,
    seeds: 3,
    evaluateEvery: 12,
    returnWeights: true,
    ...overrides,
  });
}

const CONV_NET: LayerSpec[] = [
  { kind: 'conv', filters: 3, kernel: 3, padding: 'same' },
  { kind: 'maxpool', size: 2 },
  { kind: 'conv', filters: 4, kernel: 3 },
  { kind: 'flatten' },
  { kind: 'dense', units: 5 },
  { kind: 'dense', units: 3 },
];

function convSpec(overrides: Partial<SweepSpec> = {}): SweepSpec {
  return defaultSpec({
    input: [8, 8, 2],
    network: CONV_NET,
    task: { kind: 'synthetic-images', trainSamples: 48, validationSamples: 24, noise: 0.3, labelNoise: 0.1 },
    decayValues: [0, 0.01, 0.1],
    steps: 30,
    batchSize: 8,
    seed: 9,
    seeds: 3,
    evaluateEvery: 12,
    returnWeights: true,
    ...overrides,
  });
}

/** The seed's part of a run, in the shape a one-seed sweep returns for it. */
const ownFields = (run: SeedRun) => ({ trainLoss: run.trainLoss, evaluations: run.evaluations, divergedAt: run.divergedAt, initialWeights: run.initialWeights, finalWeights: run.finalWeights });

const CASES: [string, () => SweepSpec][] = [
  ['MLP, sgd', () => mlpSpec()],
  ['MLP, adam', () => mlpSpec({ optimizer: { kind: 'adam' }, learningRate: 0.01 })],
  ['MLP, nesterov, biases decaying', () => mlpSpec({ optimizer: { kind: 'nesterov' }, decayBiases: true })],
  ['conv net, momentum', () => convSpec({ optimizer: { kind: 'momentum' } })],
  ['conv net, adamw', () => convSpec({ optimizer: { kind: 'adamw' }, decayStyle: 'decoupled', learningRate: 0.01 })],
  ['conv net with pooling before the first conv, globalavgpool', () =>
    convSpec({ network: [{ kind: 'avgpool', size: 2 }, { kind: 'conv', filters: 3, kernel: 3 }, { kind: 'globalavgpool' }, { kind: 'dense', units: 3 }] })],
  ['conv net without a conv (flatten, dense)', () => convSpec({ network: [{ kind: 'maxpool', size: 2 }, { kind: 'flatten' }, { kind: 'dense', units: 4 }, { kind: 'dense', units: 3 }] })],
];

for (const [name, makeSpec] of CASES) {
  test(`every seed of a sweep is the one-seed sweep of that seed, bit for bit: ${name}`, async () => {
    const spec = makeSpec();
    const data = spec.network ? await loadDataset(spec) : mlpData;
    const many = await trainSweep(spec, data);
    for (let i = 0; i < spec.seeds!; i++) {
      // The same data: a one-seed sweep whose seed is the i-th training seed.
      const single = await trainSweep({ ...spec, seeds: 1, seed: trainingSeed(spec, i) }, data);
      many.runs.forEach((run, d) => {
        const own = run.seeds![i];
        assert.equal(own.seed, trainingSeed(spec, i));
        assert.deepEqual(ownFields(own), ownFields(single.runs[d].seeds![0]), `decay ${run.decay}, seed ${own.seed}`);
        // A one-seed run's curves are its seed's, unchanged.
        assert.deepEqual(single.runs[d].trainLoss, single.runs[d].seeds![0].trainLoss);
      });
    }
    // The seeds really differ: their training losses are not the same.
    const first = many.runs[0].seeds!;
    assert.notDeepEqual(first[0].trainLoss, first[1].trainLoss);
  });
}

test('seeds differ in initial weights and batch order; given initial weights are every seed\'s', async () => {
  const spec = mlpSpec();
  const outcome = await trainSweep(spec, mlpData);
  const [a, b, c] = outcome.runs[1].seeds!;
  assert.notDeepEqual(a.initialWeights, b.initialWeights);
  assert.notDeepEqual(b.initialWeights, c.initialWeights);
  // Every decay value of one seed starts from that seed's weights.
  assert.deepEqual(outcome.runs[0].seeds![1].initialWeights, b.initialWeights);
  const batches = (seed: number) => Array.from(new BatchSchedule(spec, mlpData.trainCount, seed).next(spec.steps));
  assert.notDeepEqual(batches(a.seed), batches(b.seed));
  // The batch order of seed s is seeded with s + 1, the weights of the next seed with s + 1000: no shared stream.
  assert.deepEqual([a.seed, b.seed, c.seed], [5, 1005, 2005]);

  const given = outcome.runs[0].seeds![0].initialWeights!;
  const fixed = await trainSweep({ ...spec, initialWeights: given }, mlpData);
  for (const seed of fixed.runs[0].seeds!) assert.deepEqual(seed.initialWeights, given);
  assert.notDeepEqual(fixed.runs[0].seeds![0].trainLoss, fixed.runs[0].seeds![1].trainLoss, 'the batch orders still differ');
});

/** Sample standard deviation by the textbook formula, computed here with sums of squares (not seedStats.ts's two-pass mean). */
function independentSd(values: number[]): number {
  const n = values.length;
  const sum = values.reduce((s, v) => s + v, 0);
  const squares = values.reduce((s, v) => s + v * v, 0);
  return Math.sqrt(Math.max(0, (squares - (sum * sum) / n) / (n - 1)));
}

function assertNear(actual: number | null | undefined, expected: number, what: string) {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

test('the combined run: mean curves and the final mean and standard deviation, as computed here from the seeds', async () => {
  const spec = convSpec({ seeds: 4 });
  const outcome = await trainSweep(spec, await loadDataset(spec));
  for (const run of outcome.runs) {
    const seeds = run.seeds!;
    assert.equal(seeds.length, 4);
    run.trainLoss.forEach((mean, step) => {
      assertNear(mean, seeds.map((s) => s.trainLoss[step]!).reduce((a, b) => a + b) / 4, `decay ${run.decay} train loss ${step}`);
    });
    run.evaluations.forEach((evaluation, k) => {
      const at = seeds.map((s) => s.evaluations[k]);
      assert.ok(at.every((e) => e.step === evaluation.step));
      assertNear(evaluation.loss, at.map((e) => e.loss!).reduce((a, b) => a + b) / 4, `decay ${run.decay} loss at ${evaluation.step}`);
      assertNear(evaluation.accuracy, at.map((e) => e.accuracy!).reduce((a, b) => a + b) / 4, `decay ${run.decay} accuracy at ${evaluation.step}`);
      evaluation.weightNorms.forEach((norm, layer) => assertNear(norm, at.map((e) => e.weightNorms[layer]!).reduce((a, b) => a + b) / 4, `norm ${layer}`));
    });
    const finalLosses = seeds.map((s) => s.evaluations.at(-1)!.loss!);
    const finalAccuracies = seeds.map((s) => s.evaluations.at(-1)!.accuracy!);
    const spread = run.final!.validationLoss;
    assertNear(spread.mean, finalLosses.reduce((a, b) => a + b) / 4, 'final mean');
    assertNear(spread.sd, independentSd(finalLosses), 'final standard deviation');
    assert.equal(spread.min, Math.min(...finalLosses));
    assert.equal(spread.max, Math.max(...finalLosses));
    assert.equal(spread.seeds, 4);
    assertNear(run.final!.accuracy!.sd, independentSd(finalAccuracies), 'accuracy standard deviation');
    assert.ok(spread.sd! > 0, 'different seeds end at different losses');
    // The run's own weights are the first seed's.
    assert.deepEqual(run.initialWeights, seeds[0].initialWeights);
    assert.deepEqual(run.finalWeights, seeds[0].finalWeights);
  }
});

test('one seed diverging: the decay value counts as diverged from there, its means end there, no spread', () => {
  const seed = (seedValue: number, losses: (number | null)[], finalLoss: number | null, divergedAt?: number): SeedRun => ({
    seed: seedValue,
    trainLoss: losses,
    evaluations: [
      { step: 0, loss: 2, accuracy: 0.1, weightNorms: [1] },
      { step: 4, loss: finalLoss, accuracy: finalLoss === null ? null : 0.5, weightNorms: [finalLoss === null ? null : 2] },
    ],
    ...(divergedAt !== undefined ? { divergedAt } : {}),
  });
  const run: SweepRun = combineSeeds(0.1, [seed(1, [1, 2, 3, 4], 1.5), seed(1001, [1, 2, null, null], null, 2), seed(2001, [3, 2, 1, 0], 0.5)]);
  assert.equal(run.divergedAt, 2);
  assert.deepEqual(run.trainLoss, [5 / 3, 2, null, null]);
  assert.deepEqual(run.evaluations[1], { step: 4, loss: null, accuracy: null, weightNorms: [null] });
  assert.equal(run.final, undefined);
  // A seed that diverges later than another still leaves the earliest step.
  assert.equal(combineSeeds(0, [seed(1, [1, null, null, null], null, 1), seed(2, [1, 1, 1, null], null, 3)]).divergedAt, 1);
});

test('spreads and the noise rule: one seed has no spread and is never within noise', () => {
  assert.deepEqual(spreadOf([2]), { mean: 2, sd: null, min: 2, max: 2, seeds: 1 });
  const a = spreadOf([1, 2, 3]);
  assert.equal(a.sd, 1);
  const b = spreadOf([2, 2.5, 3]);
  assert.equal(b.sd, 0.5);
  assert.equal(differenceNoise(a, b), Math.sqrt(1.25));
  assert.ok(withinNoise(a, b), '|2 - 2.5| < 1.118');
  assert.ok(!withinNoise(spreadOf([1, 1.1, 1.2]), spreadOf([2, 2.1, 2.2])));
  assert.ok(!withinNoise(spreadOf([1]), spreadOf([1.0001])));
  assert.ok(!withinNoise(undefined, b));
});

test('seeds in the spec: an integer from 1 to MAX_SEEDS; the default is 3, a spec without it trains one', () => {
  assert.equal(defaultSpec().seeds, 3);
  for (const seeds of [0, 1.5, MAX_SEEDS + 1, -2]) {
    assert.deepEqual(validateSpec(mlpSpec({ seeds })), [`seeds must be an integer from 1 to ${MAX_SEEDS} (got ${seeds})`]);
  }
  assert.deepEqual(validateSpec(mlpSpec({ seeds: MAX_SEEDS })), []);
});

test('runSweep: seeds travel to the workers, each decay value comes back with its seeds, the best by mean', async () => {
  const spec = mlpSpec({ decayValues: [0, 0.001, 0.01, 0.1], seeds: 2 });
  const result = await runSweep({ ...spec, task: { kind: 'synthetic', trainSamples: 64, validationSamples: 32, labelNoise: 0.1, teacherHidden: 8 } }, { workers: 2 });
  assert.deepEqual(
    result.runs.map((run) => run.decay),
    spec.decayValues,
  );
  for (const run of result.runs) {
    assert.deepEqual(
      run.seeds!.map((seed) => seed.seed),
      [5, 1005],
    );
    assert.equal(run.final!.validationLoss.seeds, 2);
  }
  const means = result.runs.map((run) => run.final!.validationLoss.mean);
  const best = result.runs[means.indexOf(Math.min(...means))];
  assert.deepEqual(result.best, { decay: best.decay, validationLoss: best.final!.validationLoss.mean });
  assert.equal(result.noDecay?.validationLoss, result.runs[0].final!.validationLoss.mean);
  // The result survives JSON unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(result.runs)), result.runs);
});
