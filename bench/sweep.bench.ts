// The standard decay sweep (MLP 64-256-128-10, batch 64, 8 decay values x 300 steps, SGD with
// coupled L2), measured three ways in one run: (a) our runtime through runSweep (child process,
// session creation included), (b) onnxruntime's own single-thread GEMM on a large matrix
// product (the practical ceiling), (c) the same training in TF.js (cpu and wasm backends).
import * as path from 'node:path';
import * as ort from 'onnxruntime-node';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { encodeModel, FLOAT } from '../runtime/src/graph/onnxModel';
import { runSweep } from '../runtime/src/sweep/runSweep';
import { syntheticTask } from '../runtime/src/sweep/dataset';
import type { SweepSpec } from '../runtime/src/sweep/spec';

const LAYERS = [64, 256, 128, 10];
const BATCH = 64;
const STEPS = 300;
const DECAYS = [0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1];
const TARGET_WALL_S = 1.0;

/** Multiply-adds x 2 of one training step of one model: forward, and backward without the input gradient. */
function stepFlops(layers: number[], batch: number): number {
  let forward = 0;
  let backward = 0;
  for (let l = 1; l < layers.length; l++) {
    const product = 2 * batch * layers[l - 1] * layers[l];
    forward += product;
    backward += l === 1 ? product : 2 * product; // weight gradient, plus the input gradient past layer 1
  }
  return forward + backward;
}

const standardSpec: SweepSpec = {
  layers: LAYERS,
  activation: 'relu',
  task: { kind: 'synthetic', trainSamples: 2048, validationSamples: 512, labelNoise: 0.2, teacherHidden: 16 },
  optimizer: { kind: 'sgd' },
  decayStyle: 'l2-loss',
  decayBiases: false,
  learningRate: 0.05,
  decayValues: DECAYS,
  steps: STEPS,
  batchSize: BATCH,
  seed: 3,
  evaluateEvery: STEPS,
};

async function ourSweep(): Promise<{ wallS: number; sessionS: number; trainS: number }> {
  const started = performance.now();
  const result = await runSweep(standardSpec);
  return { wallS: (performance.now() - started) / 1000, sessionS: result.timings.sessionMs / 1000, trainS: result.timings.trainMs / 1000 };
}

async function gemmGflops(size = 1024, runs = 20): Promise<number> {
  const model = encodeModel({
    name: 'gemm',
    inputs: [
      { name: 'a', type: FLOAT, dims: [size, size] },
      { name: 'b', type: FLOAT, dims: [size, size] },
    ],
    outputs: [{ name: 'c', type: FLOAT, dims: [size, size] }],
    nodes: [{ op: 'MatMul', inputs: ['a', 'b'], outputs: ['c'] }],
  });
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const values = Float32Array.from({ length: size * size }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const feeds = { a: new ort.Tensor('float32', values, [size, size]), b: new ort.Tensor('float32', values, [size, size]) };
  await session.run(feeds);
  const started = performance.now();
  for (let i = 0; i < runs; i++) await session.run(feeds);
  const seconds = (performance.now() - started) / 1000;
  await session.release();
  return (2 * size ** 3 * runs) / seconds / 1e9;
}

/** One of the eight trainings in TF.js, `steps` steps, after a short warm-up; seconds per step. */
async function tfjsSecondsPerStep(backend: 'cpu' | 'wasm', steps: number): Promise<number> {
  await tf.setBackend(backend);
  await tf.ready();
  const data = syntheticTask(LAYERS[0], LAYERS[LAYERS.length - 1], 2048, 16, 0.2, 16, 3);
  const x = tf.tensor2d(data.trainX, [data.trainCount, LAYERS[0]]);
  const y = tf.tensor2d(data.trainY, [data.trainCount, LAYERS[LAYERS.length - 1]]);
  const weights = LAYERS.slice(1).flatMap((width, l) => [
    tf.variable(tf.randomUniform([LAYERS[l], width], -Math.sqrt(6 / LAYERS[l]), Math.sqrt(6 / LAYERS[l]))),
    tf.variable(tf.zeros([1, width])),
  ]);
  const wd = 1e-3;
  const lr = 0.05;
  const step = (i: number) =>
    tf.tidy(() => {
      const start = (i * BATCH) % (data.trainCount - BATCH);
      const xb = x.slice([start, 0], [BATCH, -1]);
      const yb = y.slice([start, 0], [BATCH, -1]);
      const { grads } = tf.variableGrads(() => {
        let h: tf.Tensor = xb;
        for (let l = 0; l < LAYERS.length - 1; l++) {
          h = tf.add(tf.matMul(h as tf.Tensor2D, weights[2 * l] as tf.Tensor2D), weights[2 * l + 1]);
          if (l < LAYERS.length - 2) h = tf.relu(h);
        }
        return tf.losses.softmaxCrossEntropy(yb, h) as tf.Scalar;
      }, weights);
      weights.forEach((w, k) => {
        const g = grads[w.name];
        const decayed = k % 2 === 0 ? tf.add(g, tf.mul(w, wd)) : g;
        w.assign(tf.sub(w, tf.mul(decayed, lr)));
      });
    });
  for (let i = 0; i < 3; i++) step(i);
  const started = performance.now();
  for (let i = 0; i < steps; i++) step(i);
  const perStep = (performance.now() - started) / 1000 / steps;
  tf.dispose([x, y, ...weights]);
  return perStep;
}

async function main(): Promise<void> {
  const totalGflop = (stepFlops(LAYERS, BATCH) * DECAYS.length * STEPS) / 1e9;
  await ourSweep(); // warm the file cache and the worker bundle
  const runs = [await ourSweep(), await ourSweep(), await ourSweep()];
  const ours = runs.sort((a, b) => a.wallS - b.wallS)[1];
  const gemm = await gemmGflops();
  setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep));
  const tfjs: Record<string, number> = {};
  for (const [backend, steps] of [['wasm', 60], ['cpu', 10]] as const) {
    tfjs[backend] = (await tfjsSecondsPerStep(backend, steps)) * STEPS * DECAYS.length;
  }
  const fastestTfjs = Math.min(...Object.values(tfjs));
  const ourGflops = totalGflop / ours.wallS;
  const rows: [string, string, string][] = [
    ['standard sweep, wall (median of 3, child process + sessions)', `${ours.wallS.toFixed(3)} s`, `target < ${TARGET_WALL_S} s: ${ours.wallS < TARGET_WALL_S ? 'yes' : 'NO'}`],
    ['  of which session creation / training', `${ours.sessionS.toFixed(3)} / ${ours.trainS.toFixed(3)} s`, ''],
    ['  model-steps per second', `${Math.round((DECAYS.length * STEPS) / ours.wallS)}`, ''],
    ['  GFLOP/s (wall)', ourGflops.toFixed(1), `${((100 * ourGflops) / gemm).toFixed(0)}% of GEMM peak (target >= 50%; two worker processes vs one GEMM thread)`],
    ['onnxruntime GEMM 1024x1024, one thread', `${gemm.toFixed(1)} GFLOP/s`, 'baseline (b)'],
    ['TF.js wasm, 8 trainings (timed 60 steps of one, x 5 x 8)', `${tfjs.wasm.toFixed(1)} s`, `ours is ${(tfjs.wasm / ours.wallS).toFixed(1)}x faster`],
    ['TF.js cpu, 8 trainings (timed 10 steps of one, x 30 x 8)', `${tfjs.cpu.toFixed(1)} s`, `ours is ${(tfjs.cpu / ours.wallS).toFixed(1)}x faster`],
  ];
  console.log(`Standard sweep: MLP ${LAYERS.join('-')}, batch ${BATCH}, ${DECAYS.length} decay values x ${STEPS} steps, SGD + L2: ${totalGflop.toFixed(1)} GFLOP`);
  for (const [name, value, note] of rows) console.log(`${name.padEnd(62)} ${value.padStart(16)}   ${note}`);
  console.log(`Against the fastest TF.js backend: ${(fastestTfjs / ours.wallS).toFixed(1)}x (target >= 10x)`);
}

void main();
