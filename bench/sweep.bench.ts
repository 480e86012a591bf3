// Decay sweeps, each against baselines measured in the same run:
// - the standard MLP sweep (MLP 64-256-128-10, batch 64, 8 decay values x 300 steps, SGD with
//   coupled L2) against onnxruntime's own single-thread GEMM and the same training in TF.js;
// - the standard convolutional sweep (issue 13: 16x16x3 images, conv 3x3x8 -> maxpool 2 ->
//   conv 3x3x16 -> maxpool 2 -> dense 32 -> 10, batch 32, 8 decay values x 3 seeds x 200 steps)
//   against onnxruntime's own Conv and MatMul ops at the same shapes (onnxBaseline.ts) and TF.js;
// - the CIFAR-10 example's lens sweep as the editor plans it (sweepPlanner.ts planSweep), timed.
// Every sweep runs through runSweep: child processes and session creation included.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSweep } from '../runtime/src/sweep/runSweep';
import { defaultSpec, describeModel, seedCount, type SweepSpec } from '../runtime/src/sweep/spec';
import { planSweep } from '../server/src/features/sweepPlanner';
import { WorkspaceAnalyzer } from '../server/src/workspaceAnalyzer';
import { convGemmGflops, gemmGflops, trainingStepFlops } from './onnxBaseline';
import { tfjsSecondsPerStep, type TfjsBackend } from './tfjsTraining';

const TARGET_MLP_WALL_S = 1.0;
const TARGET_MLP_OF_GEMM = 0.5;
const TARGET_CONV_OF_BASELINE = 0.4;
const TARGET_TIMES_TFJS = 10;
const DECAYS = [0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1];

const mlpSpec: SweepSpec = {
  layers: [64, 256, 128, 10],
  activation: 'relu',
  task: { kind: 'synthetic', trainSamples: 2048, validationSamples: 512, labelNoise: 0.2, teacherHidden: 16 },
  optimizer: { kind: 'sgd' },
  decayStyle: 'l2-loss',
  decayBiases: false,
  learningRate: 0.05,
  decayValues: DECAYS,
  steps: 300,
  batchSize: 64,
  seed: 3,
  evaluateEvery: 300,
};

// On the synthetic images (defaultSpec's task for a network), evaluated once at the end.
const convSpec: SweepSpec = defaultSpec({
  input: [16, 16, 3],
  network: [
    { kind: 'conv', filters: 8, kernel: 3, padding: 'same' },
    { kind: 'maxpool', size: 2 },
    { kind: 'conv', filters: 16, kernel: 3, padding: 'same' },
    { kind: 'maxpool', size: 2 },
    { kind: 'flatten' },
    { kind: 'dense', units: 32 },
    { kind: 'dense', units: 10 },
  ],
  learningRate: 0.05,
  decayValues: DECAYS,
  seeds: 3,
  steps: 200,
  batchSize: 32,
  seed: 3,
  evaluateEvery: 200,
});

interface SweepTime {
  wallS: number;
  sessionS: number;
  trainS: number;
}

/** `workers` undefined: runSweep's default, one per core (at most one per two decay values). */
async function timeSweep(spec: SweepSpec, workers?: number): Promise<SweepTime> {
  const started = performance.now();
  const result = await runSweep(spec, { workers });
  return { wallS: (performance.now() - started) / 1000, sessionS: result.timings.sessionMs / 1000, trainS: result.timings.trainMs / 1000 };
}

async function medianOf3(spec: SweepSpec): Promise<SweepTime> {
  const runs = [await timeSweep(spec), await timeSweep(spec), await timeSweep(spec)];
  return runs.sort((a, b) => a.wallS - b.wallS)[1];
}

/** Model-steps of a sweep: every decay value on every seed. */
const modelSteps = (spec: SweepSpec) => spec.decayValues.length * seedCount(spec) * spec.steps;

/** The spec's trainings in TF.js, timed on `steps` steps of one and scaled to all of them: seconds, or why not measured. */
async function tfjsSweepSeconds(backend: TfjsBackend, steps: number, spec: SweepSpec): Promise<number | { error: string }> {
  const perStep = await tfjsSecondsPerStep(backend, steps, spec);
  return typeof perStep === 'number' ? perStep * modelSteps(spec) : perStep;
}

/** TF.js rows for a sweep of `wallS` seconds: each backend, then ours against the fastest. */
async function tfjsRows(spec: SweepSpec, wallS: number, stepsTimed: Record<TfjsBackend, number>): Promise<Row[]> {
  const rows: Row[] = [];
  const times: number[] = [];
  const trainings = spec.decayValues.length * seedCount(spec);
  for (const backend of ['wasm', 'cpu'] as const) {
    const seconds = await tfjsSweepSeconds(backend, stepsTimed[backend], spec);
    const name = `TF.js ${backend}, ${trainings} trainings (timed ${stepsTimed[backend]} steps of one, scaled)`;
    if (typeof seconds === 'number') {
      times.push(seconds);
      rows.push([name, `${seconds.toFixed(1)} s`, `ours is ${(seconds / wallS).toFixed(1)}x faster`]);
    } else rows.push([name, 'not measured', seconds.error]);
  }
  const fastest = times.length > 0 ? Math.min(...times) / wallS : undefined;
  const verdict = fastest === undefined ? 'no backend trained it' : fastest >= TARGET_TIMES_TFJS ? 'yes' : 'NO';
  rows.push(['ours against the fastest TF.js backend', fastest === undefined ? 'not measured' : `${fastest.toFixed(1)}x`, `target >= ${TARGET_TIMES_TFJS}x: ${verdict}`]);
  return rows;
}

type Row = [name: string, value: string, note: string];

function print(title: string, rows: Row[]): void {
  console.log(title);
  for (const [name, value, note] of rows) console.log(`${name.padEnd(70)} ${value.padStart(16)}   ${note}`);
  console.log('');
}

/** `45% of the GEMM peak (target >= 50%: NO, 5 points or 1.1x short)`, or `... : yes)`. */
function againstTarget(ratio: number, target: number, baseline: string): string {
  const percent = (value: number) => `${(100 * value).toFixed(0)}%`;
  const verdict = ratio >= target ? 'yes' : `NO, ${(100 * (target - ratio)).toFixed(0)} points or ${(target / ratio).toFixed(1)}x short`;
  return `${percent(ratio)} of ${baseline} (target >= ${percent(target)}: ${verdict})`;
}

async function mlpSweep(): Promise<void> {
  const totalGflop = (trainingStepFlops(mlpSpec) * modelSteps(mlpSpec)) / 1e9;
  await timeSweep(mlpSpec); // warm the file cache and the worker bundle
  const ours = await medianOf3(mlpSpec);
  const gemm = await gemmGflops();
  const tfjs = await tfjsRows(mlpSpec, ours.wallS, { wasm: 60, cpu: 10 });
  const gflops = totalGflop / ours.wallS;
  print(`Standard sweep: MLP ${mlpSpec.layers.join('-')}, batch ${mlpSpec.batchSize}, ${DECAYS.length} decay values x ${mlpSpec.steps} steps, SGD + L2: ${totalGflop.toFixed(1)} GFLOP`, [
    ['standard sweep, wall (median of 3, child processes + sessions)', `${ours.wallS.toFixed(3)} s`, `target < ${TARGET_MLP_WALL_S} s: ${ours.wallS < TARGET_MLP_WALL_S ? 'yes' : 'NO'}`],
    ['  of which session creation / training', `${ours.sessionS.toFixed(3)} / ${ours.trainS.toFixed(3)} s`, ''],
    ['  model-steps per second', `${Math.round(modelSteps(mlpSpec) / ours.wallS)}`, ''],
    ['  GFLOP/s (wall)', gflops.toFixed(1), `${againstTarget(gflops / gemm, TARGET_MLP_OF_GEMM, 'the GEMM peak')}; the sweep's worker processes vs one thread`],
    ['onnxruntime GEMM 1024x1024, one thread', `${gemm.toFixed(1)} GFLOP/s`, 'baseline'],
    ...tfjs,
  ]);
}

async function convolutionalSweep(): Promise<void> {
  const totalGflop = (trainingStepFlops(convSpec) * modelSteps(convSpec)) / 1e9;
  const ours = await medianOf3(convSpec);
  const baseline = await convGemmGflops(convSpec, 'training');
  const forwardOnly = await convGemmGflops(convSpec, 'forward');
  // The baseline runs on one thread: one worker process is the like-for-like comparison.
  const oneWorker = await timeSweep(convSpec, 1);
  const tfjs = await tfjsRows(convSpec, ours.wallS, { wasm: 10, cpu: 5 });
  const gflops = totalGflop / ours.wallS;
  const trainings = `${DECAYS.length} decay values x ${seedCount(convSpec)} seeds x ${convSpec.steps} steps`;
  print(`Standard convolutional sweep: ${describeModel(convSpec)}, batch ${convSpec.batchSize}, ${trainings}, SGD + L2: ${totalGflop.toFixed(1)} GFLOP in its convolutions and matrix products`, [
    ['convolutional sweep, wall (median of 3, child processes + sessions)', `${ours.wallS.toFixed(2)} s`, ''],
    ['  of which session creation / training', `${ours.sessionS.toFixed(2)} / ${ours.trainS.toFixed(2)} s`, ''],
    ['  model-steps per second', `${Math.round(modelSteps(convSpec) / ours.wallS)}`, ''],
    ['  GFLOP/s (wall)', gflops.toFixed(1), `${againstTarget(gflops / baseline, TARGET_CONV_OF_BASELINE, 'the baseline')}; the sweep's worker processes vs one thread`],
    ['  with one worker process, wall (one run) / GFLOP/s', `${oneWorker.wallS.toFixed(2)} s / ${(totalGflop / oneWorker.wallS).toFixed(1)}`, againstTarget(totalGflop / oneWorker.wallS / baseline, TARGET_CONV_OF_BASELINE, 'the baseline')],
    ["onnxruntime's Conv/MatMul of one model-step, same shapes, one thread", `${baseline.toFixed(1)} GFLOP/s`, 'baseline: forward, kernel and input gradients, nothing else'],
    ['  the forward Conv/MatMul alone', `${forwardOnly.toFixed(1)} GFLOP/s`, 'what the gradient formulations cost beside it'],
    ...tfjs,
  ]);
}

/** What the lens sweep of the CIFAR-10 example trains: planSweep on its first sweep place, with the default settings. */
async function cifarLensSpecs(): Promise<SweepSpec[]> {
  const folder = path.resolve(__dirname, '..', 'examples', 'cifar10_broken');
  const analyzer = await WorkspaceAnalyzer.create();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.py'))) analyzer.setFile(pathToFileURL(path.join(folder, name)).href, readFileSync(path.join(folder, name), 'utf8'));
  const [place] = analyzer.analyze().sweepPlaces();
  const planned = planSweep(place);
  return planned.decoupledSpec ? [planned.spec, planned.decoupledSpec] : [planned.spec];
}

async function cifarLensSweep(): Promise<void> {
  const specs = await cifarLensSpecs();
  const [spec] = specs;
  let wallS = 0;
  for (const planned of specs) wallS += (await timeSweep(planned)).wallS;
  const trainings = `${spec.decayValues.length} decay values x ${seedCount(spec)} seeds x ${spec.steps} steps${specs.length > 1 ? ', coupled and decoupled' : ''}`;
  print(`The CIFAR-10 example's lens sweep as the editor plans it: ${describeModel(spec)}, batch ${spec.batchSize}, ${trainings}`, [
    ["CIFAR-10 example's lens sweep, wall (one run, child processes + sessions)", `${wallS.toFixed(2)} s`, `${Math.round((specs.length * modelSteps(spec)) / wallS)} model-steps per second`],
  ]);
}

async function main(): Promise<void> {
  await mlpSweep();
  await convolutionalSweep();
  await cifarLensSweep();
}

void main();
