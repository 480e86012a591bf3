// The built-in image task: deterministic from the seed, the documented noise, classes that a small
// convolutional network learns, and the lesson it exists for: without decay the network
// memorises its small training set, and some decay beats none (by the mean over seeds).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDataset } from '../../runtime/src/sweep/dataset';
import { defaultImageTask, defaultSpec, type LayerSpec } from '../../runtime/src/sweep/spec';
import { syntheticImageTask } from '../../runtime/src/sweep/syntheticImages';
import { trainSweep } from '../../runtime/src/train/trainer';

const SHAPE = { height: 12, width: 10, channels: 3, classes: 7 };
const OPTIONS = { trainSamples: 40, validationSamples: 20, noise: 0.3, labelNoise: 0.2 };

const labelsOf = (y: Float32Array, classes: number) => Array.from({ length: y.length / classes }, (_, n) => y.subarray(n * classes, (n + 1) * classes).indexOf(1));

test('the same seed gives the same images and labels, another seed others; shapes and one-hot labels', () => {
  const a = syntheticImageTask(SHAPE, OPTIONS, 4);
  assert.deepEqual(a, syntheticImageTask(SHAPE, OPTIONS, 4));
  assert.notDeepEqual(a.trainX, syntheticImageTask(SHAPE, OPTIONS, 5).trainX);
  assert.equal(a.trainX.length, 40 * 12 * 10 * 3);
  assert.equal(a.validationX.length, 20 * 12 * 10 * 3);
  assert.equal(a.inputs, 360);
  assert.equal(a.outputs, 7);
  for (const y of [a.trainY, a.validationY]) {
    for (let n = 0; n < y.length / 7; n++) assert.deepEqual([...y.subarray(n * 7, n * 7 + 7)].sort(), [0, 0, 0, 0, 0, 0, 1]);
  }
});

test('the noise levels change only the noise: pixel noise of the given deviation, the given fraction of labels replaced', () => {
  const big = { ...OPTIONS, trainSamples: 400, validationSamples: 1 };
  const clean = syntheticImageTask(SHAPE, { ...big, noise: 0, labelNoise: 0 }, 8);
  const noisy = syntheticImageTask(SHAPE, { ...big, noise: 0.3, labelNoise: 0 }, 8);
  // Clean pixels: background (0..0.2) plus pattern strength x colour (at most 1).
  assert.ok(clean.trainX.every((v) => v >= 0 && v <= 1.2 + 1e-6));
  const differences = Array.from(noisy.trainX, (v, i) => v - clean.trainX[i]);
  const mean = differences.reduce((s, v) => s + v, 0) / differences.length;
  const sd = Math.sqrt(differences.reduce((s, v) => s + (v - mean) ** 2, 0) / (differences.length - 1));
  assert.ok(Math.abs(mean) < 0.01 && Math.abs(sd - 0.3) < 0.01, `noise mean ${mean}, sd ${sd}`);
  assert.deepEqual(noisy.trainY, clean.trainY);
  // Label noise: a replacement drawn uniformly, so 1/7 of the replaced labels stay right.
  const relabelled = syntheticImageTask(SHAPE, { ...big, noise: 0, labelNoise: 0.5 }, 8);
  assert.deepEqual(relabelled.trainX, clean.trainX);
  const truth = labelsOf(clean.trainY, 7);
  const changed = labelsOf(relabelled.trainY, 7).filter((label, n) => label !== truth[n]).length / truth.length;
  assert.ok(Math.abs(changed - 0.5 * (6 / 7)) < 0.07, `${changed} of the labels changed`);
  // Every class occurs.
  assert.deepEqual([...new Set(truth)].sort(), [0, 1, 2, 3, 4, 5, 6]);
});

const NETWORK: LayerSpec[] = [
  { kind: 'conv', filters: 8, kernel: 3, padding: 'same' },
  { kind: 'maxpool', size: 2 },
  { kind: 'conv', filters: 16, kernel: 3, padding: 'same' },
  { kind: 'maxpool', size: 2 },
  { kind: 'flatten' },
  { kind: 'dense', units: 32 },
  { kind: 'dense', units: 10 },
];

test('a network spec trains on the synthetic images by default; without decay it memorises them, and decay beats none', async (t) => {
  const spec = defaultSpec({
    input: [12, 12, 3],
    network: NETWORK,
    task: { ...defaultImageTask(), trainSamples: 128, validationSamples: 256 },
    decayValues: [0, 0.003, 0.03, 0.1],
    learningRate: 0.05,
    steps: 400,
    seeds: 2,
    evaluateEvery: 100,
  });
  assert.equal(defaultSpec({ input: [12, 12, 3], network: NETWORK }).task.kind, 'synthetic-images');
  const data = await loadDataset(spec);
  assert.deepEqual(data.imageShape, [12, 12, 3]);
  const outcome = await trainSweep(spec, data);
  const [none, ...decayed] = outcome.runs;
  for (const run of outcome.runs) assert.equal(run.divergedAt, undefined);
  const final = (run: (typeof outcome.runs)[number]) => run.final!.validationLoss.mean;
  // Memorised: the last batches' loss is near 0, the validation loss far above it.
  assert.ok(none.trainLoss.at(-1)! < 0.1 && final(none) > 10 * none.trainLoss.at(-1)!, `train ${none.trainLoss.at(-1)}, validation ${final(none)}`);
  // Learnt: well above the 10% of guessing.
  assert.ok(none.final!.accuracy!.mean > 0.35, `accuracy ${none.final!.accuracy!.mean}`);
  const best = decayed.reduce((a, b) => (final(a) <= final(b) ? a : b));
  assert.ok(final(best) < final(none), `no decay beats wd=0 (${final(none)})`);
  t.diagnostic(`validation loss: wd=0 ${final(none).toFixed(3)} ± ${none.final!.validationLoss.sd!.toFixed(3)}, best wd=${best.decay} ${final(best).toFixed(3)} ± ${best.final!.validationLoss.sd!.toFixed(3)}`);
});
