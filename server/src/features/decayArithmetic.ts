// What decay alone does to the weights per step, shared by the inlay hints and the hovers so both
// say the same number for the same code.
import { momentumSteadyStateFactor, sgdShrinkFactor } from '@decay-lens/runtime/decayMath';
import type { OptimizerKind, OptimizerTag } from '../analysis/values';
import { formatNumber } from '../rules/describe';

/** Momentum of TF's MomentumOptimizer examples, for the steady-state figure when the code states none. */
const TYPICAL_MOMENTUM = 0.9;

/** The momentum to compute with, and whether the code states it. */
export function momentumOf(optimizer: OptimizerTag | undefined): { value: number; stated: boolean } {
  return optimizer?.momentum !== undefined ? { value: optimizer.momentum, stated: true } : { value: TYPICAL_MOMENTUM, stated: false };
}

/** `1 - lr*c`, or under momentum `m` its steady state `1 - lr*c/(1-m)`. */
export function decayPerStep(kind: OptimizerKind | undefined, learningRate: number, coefficient: number, momentum: number): number {
  return kind === 'momentum' ? momentumSteadyStateFactor(learningRate, coefficient, momentum) : sgdShrinkFactor(learningRate, coefficient);
}

/** `0.9996`; a factor that rounds to 1 (AdamW's 1e-3*1e-4) keeps its difference: `(1-1e-7)`. */
export function formatFactor(factor: number): string {
  const rounded = formatNumber(factor);
  if (rounded !== '1' || factor === 1) return rounded;
  return factor < 1 ? `(1-${formatNumber(1 - factor)})` : `(1+${formatNumber(factor - 1)})`;
}

/** `momentum m=0.99`, or `momentum m=0.9 (typical)` when the code states none. */
export function momentumText(momentum: { value: number; stated: boolean }): string {
  return `momentum m=${formatNumber(momentum.value)}${momentum.stated ? '' : ' (typical)'}`;
}
