// Comparing a float32 training (the runtime) with the float64 reference, step by step: the
// tolerances and the error measure shared by the MLP and the convolutional training tests. Why
// these tolerances: the header of test/runtime/training.test.ts.
import assert from 'node:assert/strict';
import type { Weights } from './referenceOptimizer';

/** Losses: |runtime - reference| <= LOSS_RTOL |reference| + LOSS_ATOL at every step. */
export const LOSS_RTOL = 1e-4;
export const LOSS_ATOL = 1e-6;
/** Weights: |runtime - reference| <= WEIGHT_TOL max|reference tensor| for every entry. */
export const WEIGHT_TOL = 1e-4;

/** error / tolerance, worst over every step's loss and over every weight; <= 1 passes. */
export function mismatch(lossesA: readonly (number | null)[], weightsA: readonly ArrayLike<number>[], lossesB: readonly number[], weightsB: Weights) {
  assert.equal(lossesA.length, lossesB.length);
  let loss = 0;
  let lossStep = -1;
  lossesA.forEach((a, i) => {
    const ratio = a === null ? Infinity : Math.abs(a - lossesB[i]) / (LOSS_RTOL * Math.abs(lossesB[i]) + LOSS_ATOL);
    if (!(ratio <= loss)) [loss, lossStep] = [ratio, i];
  });
  let weight = 0;
  let weightAt = '';
  weightsB.forEach((b, i) => {
    const a = weightsA[i];
    assert.equal(a.length, b.length);
    let scale = 1e-8;
    for (let k = 0; k < b.length; k++) scale = Math.max(scale, Math.abs(b[k]));
    for (let k = 0; k < b.length; k++) {
      const ratio = Math.abs(a[k] - b[k]) / (WEIGHT_TOL * scale);
      if (!(ratio <= weight)) [weight, weightAt] = [ratio, `tensor ${i} entry ${k}: ${a[k]} vs ${b[k]}`];
    }
  });
  return { loss, lossStep, weight, weightAt };
}
