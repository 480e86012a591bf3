// Seeds and spread: the trainings of one decay value on several seeds combined into the run the
// results show (mean curves, the final figures' mean and standard deviation), and the rule that
// calls a difference between two decay values "within noise". Pure, no onnxruntime: the server and
// the CLI use it too.
import type { Evaluation, SeedRun, SweepRun } from '../train/trainer';

/** A figure over seeds: mean, sample standard deviation (n - 1; null for one seed), min and max. */
export interface Spread {
  mean: number;
  sd: number | null;
  min: number;
  max: number;
  /** How many seeds it is over. */
  seeds: number;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('a spread of no values');
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return {
    mean,
    sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : null,
    min: Math.min(...values),
    max: Math.max(...values),
    seeds: values.length,
  };
}

/** The mean of values that are all numbers, else null (a seed diverged there). */
function meanOrNull(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return sum / values.length;
}

/**
 * One decay value's run from its seeds' runs: every curve the mean over the seeds, `divergedAt`
 * the first seed's divergence (the value counts as diverged when any seed did, and its means end
 * there), `final` the spread of the final validation loss and accuracy, the weights those of the
 * first seed. With one seed the curves are that seed's, unchanged.
 */
export function combineSeeds(decay: number, seeds: readonly SeedRun[]): SweepRun {
  const [first] = seeds;
  const diverged = seeds.map((seed) => seed.divergedAt).filter((step): step is number => step !== undefined);
  const divergedAt = diverged.length > 0 ? Math.min(...diverged) : undefined;
  const trainLoss = first.trainLoss.map((_, step) => meanOrNull(seeds.map((seed) => seed.trainLoss[step])));
  const evaluations = first.evaluations.map((evaluation, index): Evaluation => {
    const at = seeds.map((seed) => seed.evaluations[index]);
    const combined: Evaluation = {
      step: evaluation.step,
      loss: meanOrNull(at.map((e) => e.loss)),
      weightNorms: evaluation.weightNorms.map((_, layer) => meanOrNull(at.map((e) => e.weightNorms[layer]))),
    };
    if ('accuracy' in evaluation) combined.accuracy = meanOrNull(at.map((e) => e.accuracy));
    return combined;
  });
  const run: SweepRun = { decay, trainLoss, evaluations, seeds: [...seeds] };
  if (divergedAt !== undefined) run.divergedAt = divergedAt;
  else {
    const finals = seeds.map((seed) => seed.evaluations[seed.evaluations.length - 1]);
    if (finals.every((e) => e && e.loss !== null)) {
      run.final = { validationLoss: spreadOf(finals.map((e) => e.loss as number)) };
      if (finals.every((e) => typeof e.accuracy === 'number')) run.final.accuracy = spreadOf(finals.map((e) => e.accuracy as number));
    }
  }
  if (first.initialWeights) run.initialWeights = first.initialWeights;
  if (first.finalWeights && divergedAt === undefined) run.finalWeights = first.finalWeights;
  return run;
}

/**
 * The noise of a difference between two decay values' mean figures: sqrt(sd_a^2 + sd_b^2), the
 * standard deviation of the difference between one seed of each. Null when either has one seed.
 */
export function differenceNoise(a: Spread, b: Spread): number | null {
  return a.sd === null || b.sd === null ? null : Math.sqrt(a.sd ** 2 + b.sd ** 2);
}

/** Whether the means of `a` and `b` differ by less than the noise of their difference (false without a spread). */
export function withinNoise(a: Spread | undefined, b: Spread | undefined): boolean {
  if (!a || !b) return false;
  const noise = differenceNoise(a, b);
  return noise !== null && Math.abs(a.mean - b.mean) < noise;
}

/** The spread of a run's final validation loss, or undefined (diverged, or a result without seeds). */
export function finalLossSpread(run: SweepRun | undefined): Spread | undefined {
  return run?.final?.validationLoss;
}
