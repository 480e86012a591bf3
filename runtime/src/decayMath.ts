// Closed forms of what weight decay does to a weight on its own, used by hovers, inlay hints and
// as the reference the sweeps are checked against.

/**
 * Per-step multiplier of a weight under plain SGD when the loss has a decay term whose gradient is
 * `coefficient * w` (`wd * tf.nn.l2_loss(w)` has coefficient `wd`; `wd * sum(w**2)` has `2 * wd`).
 */
export function sgdShrinkFactor(learningRate: number, coefficient: number): number {
  return 1 - learningRate * coefficient;
}

/**
 * With momentum `m`, decay alone settles to a per-step multiplier of `1 - lr*c/(1-m)`
 * (the velocity converges to the geometric sum of past gradients).
 */
export function momentumSteadyStateFactor(learningRate: number, coefficient: number, momentum: number): number {
  return 1 - (learningRate * coefficient) / (1 - momentum);
}

/**
 * With heavy-ball momentum `m` (`v := m*v + (1-d)*g; w -= lr*v`, dampening `d`), decay alone is
 * stable only while `lr*c < 2*(1 + m)/(1 - d)`: a root of `z^2 - (1 + m - lr*(1-d)*c) z + m` reaches
 * -1 there, and beyond it the weights oscillate with growing amplitude. Nesterov's update
 * (`w -= lr*(g + m*v)`) moves the limit down to `2*(1 + m)/(1 + 2m)`.
 */
export function momentumStabilityLimit(momentum: number, variant: { nesterov?: boolean; dampening?: number } = {}): number {
  if (variant.nesterov) return (2 * (1 + momentum)) / (1 + 2 * momentum);
  return (2 * (1 + momentum)) / (1 - (variant.dampening ?? 0));
}

/** Steps for decay alone to halve a weight, `ln 0.5 / ln(factor)`; undefined when it never halves cleanly. */
export function halvingSteps(factor: number): number | undefined {
  if (!(factor > 0 && factor < 1)) return undefined;
  return Math.log(0.5) / Math.log(factor);
}

/**
 * The same decay written in other frameworks, given the gradient coefficient of the term:
 * PyTorch `SGD(weight_decay=c)` adds `c*w` to the gradient; Keras `l2(x)` adds `x*sum(w**2)`,
 * whose gradient is `2x*w`, so `x = c/2`.
 */
export function frameworkEquivalents(coefficient: number): { pytorchWeightDecay: number; kerasL2: number } {
  return { pytorchWeightDecay: coefficient, kerasL2: coefficient / 2 };
}
