// Runs a sweep's trainings in this process with onnxruntime-node: chunks of steps per
// session.run (progress and cancellation between chunks), an evaluation after each chunk.
// session.run blocks the thread, so callers outside tests use runSweep (a child process).
import * as ort from 'onnxruntime-node';
import type { Dataset } from '../sweep/dataset';
import { Random } from '../sweep/random';
import { inputWidth, outputWidth, type SweepSpec } from '../sweep/spec';
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

export interface SweepRun {
  decay: number;
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
  const classification = data.task === 'classification';
  const chunk = Math.min(spec.steps, spec.evaluateEvery);
  const [trainSession, evaluateSession] = await Promise.all([
    ort.InferenceSession.create(buildTrainingModel(spec, classification, { decays, batch: spec.batchSize, trainCount: data.trainCount, chunk }), sessionOptions),
    ort.InferenceSession.create(buildEvaluationModel(spec, classification, decays, data.validationCount), sessionOptions),
  ]);
  const sessionMs = performance.now() - started;
  try {
    const initial = initialWeights(spec, layout);
    let params: ort.Tensor[] = initial.map((values, i) => new ort.Tensor('float32', tile(values, decays), [decays, ...layout[i].shape]));
    let states: ort.Tensor[] = layout.flatMap((tensor) =>
      Array.from({ length: stateCount(spec) }, () => new ort.Tensor('float32', new Float32Array(decays * size(tensor.shape)), [decays, ...tensor.shape])),
    );
    const runs: SweepRun[] = spec.decayValues.map((decay) => ({ decay, trainLoss: [], evaluations: [] }));
    const batches = new BatchSchedule(spec, data.trainCount);
    const fixed = {
      cond: new ort.Tensor('bool', [true], []),
      x_train: new ort.Tensor('float32', data.trainX, [data.trainCount, ...sample]),
      y_train: new ort.Tensor('float32', data.trainY, [data.trainCount, data.outputs]),
      wd: new ort.Tensor('float32', Float32Array.from(spec.decayValues), [decays, 1, 1]),
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
      runs.forEach((run, d) => {
        const loss = out.loss.data[d] as number;
        const norms = kernels.map((tensor) => out[`norm${tensor.layer}`].data[d] as number);
        const accuracy = classification ? (out.accuracy.data[d] as number) : undefined;
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
      const rows = new BigInt64Array(chunk * spec.batchSize);
      rows.set(batches.next(count));
      const feeds: Record<string, ort.Tensor> = {
        ...fixed,
        trip: new ort.Tensor('int64', BigInt64Array.of(BigInt(count)), []),
        batches: new ort.Tensor('int64', rows, [chunk, spec.batchSize]),
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
      runs.forEach((run, d) => {
        for (let s = 0; s < count; s++) {
          // Step step+s+1 computes its loss from the weights after step+s steps.
          const value = losses[s * decays + d];
          if (run.divergedAt === undefined && !Number.isFinite(value)) run.divergedAt = step + s;
          run.trainLoss.push(run.divergedAt === undefined || step + s < run.divergedAt ? value : null);
        }
      });
      await evaluate(step + count);
      options.onProgress?.({ step: step + count, steps: spec.steps });
    }
    if (spec.returnWeights) {
      runs.forEach((run, d) => {
        run.initialWeights = initial.map((values) => Array.from(values));
        if (run.divergedAt !== undefined) return;
        run.finalWeights = params.map((tensor) => {
          const all = tensor.data as Float32Array;
          const per = all.length / decays;
          return Array.from(all.subarray(d * per, (d + 1) * per));
        });
      });
    }
    return { runs, timings: { sessionMs, trainMs: performance.now() - started - sessionMs } };
  } finally {
    await Promise.all([trainSession.release(), evaluateSession.release()]);
  }
}

function stateFeedName(index: number, spec: SweepSpec): string {
  const perTensor = stateCount(spec);
  return stateName('', Math.floor(index / perTensor), index % perTensor);
}

/**
 * Given weights, or Glorot (tanh) / He (relu) uniform kernels and zero biases from the seed; the
 * spec's `activation` chooses for every layer. A conv kernel's fans are channels x kernel area.
 */
export function initialWeights(spec: SweepSpec, layout: readonly TensorLayout[]): Float32Array[] {
  if (spec.initialWeights) {
    if (spec.initialWeights.length !== layout.length) throw new Error(`initialWeights has ${spec.initialWeights.length} tensors, the model ${layout.length}`);
    return spec.initialWeights.map((values, i) => {
      const expected = size(layout[i].shape);
      if (values.length !== expected) throw new Error(`initialWeights[${i}] has ${values.length} values, expected ${expected}`);
      return Float32Array.from(values);
    });
  }
  const random = new Random(spec.seed);
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
 * Row indices of each step's batch: epochs of seeded permutations, partial batches dropped.
 * Made a chunk at a time, so long sweeps never hold every step's indices.
 */
export class BatchSchedule {
  private readonly random: Random;
  private readonly perEpoch: number;
  private order: number[] = [];
  private step = 0;

  constructor(private readonly spec: SweepSpec, private readonly trainCount: number) {
    if (spec.batchSize > trainCount) throw new Error(`the batch size ${spec.batchSize} is larger than the ${trainCount} training rows`);
    this.random = new Random(spec.seed + 1);
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
