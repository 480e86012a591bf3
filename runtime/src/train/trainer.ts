// Runs a sweep's trainings in this process with onnxruntime-node: chunks of steps per
// session.run (progress and cancellation between chunks), an evaluation after each chunk.
// session.run blocks the thread, so callers outside tests use runSweep (a child process).
import * as ort from 'onnxruntime-node';
import type { Dataset } from '../sweep/dataset';
import { Random } from '../sweep/random';
import { combineSeeds, type Spread } from '../sweep/seedStats';
import { inputWidth, outputWidth, seedCount, trainingSeed, type SweepSpec } from '../sweep/spec';
import { size } from '../graph/tape';
import {
  biasCorrections,
  buildEvaluationModel,
  buildTrainingModel,
  modelLayout,
  paramName,
  sampleShape,
  stateCount,
  stateName,
  usesBiasCorrections,
  type TensorLayout,
} from './trainingGraph';

export interface Evaluation {
  step: number;
  loss: number | null;
  accuracy?: number | null;
  /** Kernel norm of each layer. */
  weightNorms: (number | null)[];
}

/** One training: one decay value on one seed. */
export interface SeedRun {
  /** The seed of its initial weights (and seed + 1 of its batch order): trainingSeed(spec, i). */
  seed: number;
  /** Training loss of each step's batch; null from the step the run diverged on. */
  trainLoss: (number | null)[];
  evaluations: Evaluation[];
  /**
   * Steps after which the weights first were (or produced) NaN or infinity: training losses of
   * later steps and later evaluations are null, and no final weights are returned.
   */
  divergedAt?: number;
  initialWeights?: number[][];
  finalWeights?: number[][];
}

/**
 * One decay value: its curves are the mean over its seeds (seedStats.ts combineSeeds), so with one
 * seed they are that seed's training. `divergedAt` is the first seed's divergence.
 */
export interface SweepRun extends Omit<SeedRun, 'seed'> {
  decay: number;
  /** Every seed's own training, in seed order (absent in results made before seeds existed). */
  seeds?: SeedRun[];
  /** Spread over the seeds of the final validation loss and accuracy; absent when the value diverged. */
  final?: { validationLoss: Spread; accuracy?: Spread };
}

export interface SweepProgress {
  step: number;
  steps: number;
}

export interface TrainOptions {
  onProgress?: (progress: SweepProgress) => void;
  /** Checked between chunks; true stops the sweep with a CancelledError. */
  shouldStop?: () => boolean;
}

export class CancelledError extends Error {
  constructor(step: number) {
    super(`sweep cancelled at step ${step}`);
    this.name = 'CancelledError';
  }
}

export interface TrainingOutcome {
  runs: SweepRun[];
  timings: { sessionMs: number; trainMs: number };
}

const sessionOptions: ort.InferenceSession.SessionOptions = {
  // One thread per session was faster than two at these sizes (ENVIRONMENT.md).
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
};

export async function trainSweep(spec: SweepSpec, data: Dataset, options: TrainOptions = {}): Promise<TrainingOutcome> {
  const started = performance.now();
  const layout = modelLayout(spec);
  // Images arrive as rows of H*W*C values in NHWC order; the graphs read them as [N, H, W, C].
  const sample = sampleShape(spec);
  if (data.inputs !== inputWidth(spec)) throw new Error(`the data has ${data.inputs} features per sample, the model's input is ${sample.join('x')}`);
  if (data.outputs !== outputWidth(spec)) throw new Error(`the data has ${data.outputs} outputs per sample, the model's output width is ${outputWidth(spec)}`);
  const decays = spec.decayValues.length;
  const seeds = seedCount(spec);
  // Seed-major copies: copy s*decays + d trains decay value d on seed s.
  const copies = seeds * decays;
  const classification = data.task === 'classification';
  const chunk = Math.min(spec.steps, spec.evaluateEvery);
  const [trainSession, evaluateSession] = await Promise.all([
    ort.InferenceSession.create(buildTrainingModel(spec, classification, { decays, seeds, batch: spec.batchSize, trainCount: data.trainCount, chunk }), sessionOptions),
    ort.InferenceSession.create(buildEvaluationModel(spec, classification, copies, data.validationCount), sessionOptions),
  ]);
  const sessionMs = performance.now() - started;
  try {
    const seedValues = Array.from({ length: seeds }, (_, s) => trainingSeed(spec, s));
    const initial = seedValues.map((seed) => initialWeights(spec, layout, seed));
    let params: ort.Tensor[] = layout.map((tensor, i) => {
      const perCopy = size(tensor.shape);
      const values = new Float32Array(copies * perCopy);
      initial.forEach((weights, s) => values.set(tile(weights[i], decays), s * decays * perCopy));
      return new ort.Tensor('float32', values, [copies, ...tensor.shape]);
    });
    let states: ort.Tensor[] = layout.flatMap((tensor) =>
      Array.from({ length: stateCount(spec) }, () => new ort.Tensor('float32', new Float32Array(copies * size(tensor.shape)), [copies, ...tensor.shape])),
    );
    const runs: SeedRun[] = Array.from({ length: copies }, (_, n) => ({ seed: seedValues[Math.floor(n / decays)], trainLoss: [], evaluations: [] }));
    const schedules = seedValues.map((seed) => new BatchSchedule(spec, data.trainCount, seed));
    const fixed = {
      cond: new ort.Tensor('bool', [true], []),
      x_train: new ort.Tensor('float32', data.trainX, [data.trainCount, ...sample]),
      y_train: new ort.Tensor('float32', data.trainY, [data.trainCount, data.outputs]),
      wd: new ort.Tensor('float32', Float32Array.from({ length: copies }, (_, n) => spec.decayValues[n % decays]), [copies, 1, 1]),
      lr: new ort.Tensor('float32', [spec.learningRate], []),
    };
    const evaluate = async (step: number) => {
      const feeds: Record<string, ort.Tensor> = {
        x: new ort.Tensor('float32', data.validationX, [data.validationCount, ...sample]),
        y: new ort.Tensor('float32', data.validationY, [data.validationCount, data.outputs]),
      };
      params.forEach((tensor, i) => (feeds[paramName('', i)] = tensor));
      const out = await evaluateSession.run(feeds);
      const kernels = layout.filter((tensor) => tensor.kind === 'kernel');
      runs.forEach((run, n) => {
        const loss = out.loss.data[n] as number;
        const norms = kernels.map((tensor) => out[`norm${tensor.layer}`].data[n] as number);
        const accuracy = classification ? (out.accuracy.data[n] as number) : undefined;
        if (run.divergedAt === undefined && ![loss, ...norms].every(Number.isFinite)) run.divergedAt = step;
        // From the step a run diverged on, every figure is null: never a NaN, never half a row.
        const valid = run.divergedAt === undefined;
        const evaluation: Evaluation = { step, loss: valid ? loss : null, weightNorms: norms.map((norm) => (valid ? norm : null)) };
        if (accuracy !== undefined) evaluation.accuracy = valid ? accuracy : null;
        run.evaluations.push(evaluation);
      });
    };

    await evaluate(0);
    for (let step = 0; step < spec.steps; step += chunk) {
      if (options.shouldStop?.()) throw new CancelledError(step);
      const count = Math.min(chunk, spec.steps - step);
      // [chunk, seeds, batch]: each seed's schedule fills its own slot of every step.
      const batch = spec.batchSize;
      const rows = new BigInt64Array(chunk * seeds * batch);
      schedules.forEach((schedule, s) => {
        const own = schedule.next(count);
        for (let t = 0; t < count; t++) rows.set(own.subarray(t * batch, (t + 1) * batch), (t * seeds + s) * batch);
      });
      const feeds: Record<string, ort.Tensor> = {
        ...fixed,
        trip: new ort.Tensor('int64', BigInt64Array.of(BigInt(count)), []),
        batches: new ort.Tensor('int64', rows, [chunk, seeds, batch]),
      };
      if (usesBiasCorrections(spec)) {
        // t counts over the whole run, so each chunk's corrections start after the steps taken.
        const [first, second] = biasCorrections(spec, step, chunk);
        feeds.bias_correction1 = new ort.Tensor('float32', first, [chunk]);
        feeds.bias_correction2 = new ort.Tensor('float32', second, [chunk]);
      }
      params.forEach((tensor, i) => (feeds[paramName('', i)] = tensor));
      states.forEach((tensor, j) => (feeds[stateFeedName(j, spec)] = tensor));
      const out = await trainSession.run(feeds);
      params = params.map((_, i) => out[`${paramName('', i)}_out`]);
      states = states.map((_, j) => out[`${stateFeedName(j, spec)}_out`]);
      const losses = out.losses.data as Float32Array;
      runs.forEach((run, n) => {
        for (let s = 0; s < count; s++) {
          // Step step+s+1 computes its loss from the weights after step+s steps.
          const value = losses[s * copies + n];
          if (run.divergedAt === undefined && !Number.isFinite(value)) run.divergedAt = step + s;
          run.trainLoss.push(run.divergedAt === undefined || step + s < run.divergedAt ? value : null);
        }
      });
      await evaluate(step + count);
      options.onProgress?.({ step: step + count, steps: spec.steps });
    }
    if (spec.returnWeights) {
      runs.forEach((run, n) => {
        run.initialWeights = initial[Math.floor(n / decays)].map((values) => Array.from(values));
        if (run.divergedAt !== undefined) return;
        run.finalWeights = params.map((tensor) => {
          const all = tensor.data as Float32Array;
          const per = all.length / copies;
          return Array.from(all.subarray(n * per, (n + 1) * per));
        });
      });
    }
    const combined = spec.decayValues.map((decay, d) => combineSeeds(decay, seedValues.map((_, s) => runs[s * decays + d])));
    return { runs: combined, timings: { sessionMs, trainMs: performance.now() - started - sessionMs } };
  } finally {
    await Promise.all([trainSession.release(), evaluateSession.release()]);
  }
}

function stateFeedName(index: number, spec: SweepSpec): string {
  const perTensor = stateCount(spec);
  return stateName('', Math.floor(index / perTensor), index % perTensor);
}

/**
 * Given weights (the same for every seed), or Glorot (tanh) / He (relu) uniform kernels and zero
 * biases from `seed`; the spec's `activation` chooses for every layer. A conv kernel's fans are
 * channels x kernel area.
 */
export function initialWeights(spec: SweepSpec, layout: readonly TensorLayout[], seed = spec.seed): Float32Array[] {
  if (spec.initialWeights) {
    if (spec.initialWeights.length !== layout.length) throw new Error(`initialWeights has ${spec.initialWeights.length} tensors, the model ${layout.length}`);
    return spec.initialWeights.map((values, i) => {
      const expected = size(layout[i].shape);
      if (values.length !== expected) throw new Error(`initialWeights[${i}] has ${values.length} values, expected ${expected}`);
      return Float32Array.from(values);
    });
  }
  const random = new Random(seed);
  return layout.map((tensor) => {
    const { fanIn, fanOut } = tensor;
    const values = new Float32Array(size(tensor.shape));
    if (tensor.kind === 'bias') return values;
    const limit = spec.activation === 'relu' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < values.length; i++) values[i] = random.uniform(-limit, limit);
    return values;
  });
}

/**
 * Row indices of each step's batch: epochs of permutations seeded with `seed` + 1, partial
 * batches dropped. Made a chunk at a time, so long sweeps never hold every step's indices.
 */
export class BatchSchedule {
  private readonly random: Random;
  private readonly perEpoch: number;
  private order: number[] = [];
  private step = 0;

  constructor(
    private readonly spec: SweepSpec,
    private readonly trainCount: number,
    seed = spec.seed,
  ) {
    if (spec.batchSize > trainCount) throw new Error(`the batch size ${spec.batchSize} is larger than the ${trainCount} training rows`);
    this.random = new Random(seed + 1);
    this.perEpoch = Math.floor(trainCount / spec.batchSize);
  }

  /** The indices of the next `count` steps, [count, batchSize] row-major. */
  next(count: number): BigInt64Array {
    const batch = this.spec.batchSize;
    const out = new BigInt64Array(count * batch);
    for (let s = 0; s < count; s++, this.step++) {
      const position = this.step % this.perEpoch;
      if (position === 0) this.order = this.random.permutation(this.trainCount);
      for (let b = 0; b < batch; b++) out[s * batch + b] = BigInt(this.order[position * batch + b]);
    }
    return out;
  }
}

function tile(values: Float32Array, copies: number): Float32Array {
  const out = new Float32Array(values.length * copies);
  for (let d = 0; d < copies; d++) out.set(values, d * values.length);
  return out;
}
