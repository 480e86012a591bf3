// The closed forms against a step-by-step simulation of gradient descent on the decay term alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameworkEquivalents, halvingSteps, momentumStabilityLimit, momentumSteadyStateFactor, sgdShrinkFactor } from '../../runtime/src';

/** Plain SGD on loss = wd * sum(w^2)/2 (tf.nn.l2_loss), gradient wd*w, for `steps` steps. */
function simulateSgd(w0: number, lr: number, wd: number, steps: number): number {
  let w = w0;
  for (let t = 0; t < steps; t++) w -= lr * wd * w;
  return w;
}

/**
 * Momentum on the same loss as PyTorch's SGD runs it: v := m*v + (1 - d)*grad (the first step
 * v := grad); w := w - lr*v, or w := w - lr*(grad + m*v) with Nesterov.
 */
function simulateMomentum(w0: number, lr: number, wd: number, m: number, steps: number, variant: { nesterov?: boolean; dampening?: number } = {}): number[] {
  let w = w0;
  let v = 0;
  const ws = [w];
  for (let t = 0; t < steps; t++) {
    const grad = wd * w;
    v = t === 0 ? grad : m * v + (1 - (variant.dampening ?? 0)) * grad;
    w -= lr * (variant.nesterov ? grad + m * v : v);
    ws.push(w);
  }
  return ws;
}

test('the SGD shrink factor, applied t times, matches the simulation', () => {
  for (const [lr, wd] of [[0.1, 0.004], [0.5, 0.01], [0.01, 5e-4]]) {
    const factor = sgdShrinkFactor(lr, wd);
    for (const steps of [1, 10, 1000]) {
      const simulated = simulateSgd(2.5, lr, wd, steps);
      assert.ok(Math.abs(2.5 * Math.pow(factor, steps) - simulated) <= 1e-12 * Math.max(1, Math.abs(simulated)), `${lr} ${wd} ${steps}`);
    }
  }
});

test('halving steps: the simulated weight crosses one half at that step', () => {
  const lr = 0.1;
  const wd = 0.004;
  const steps = halvingSteps(sgdShrinkFactor(lr, wd))!;
  assert.ok(simulateSgd(1, lr, wd, Math.floor(steps)) > 0.5);
  assert.ok(simulateSgd(1, lr, wd, Math.ceil(steps)) <= 0.5);
  assert.equal(halvingSteps(sgdShrinkFactor(0.5, 4)), undefined, 'a factor <= 0 never halves smoothly');
  assert.equal(halvingSteps(1), undefined);
});

test('momentum: the per-step ratio settles at the steady-state factor', () => {
  const [lr, wd, m] = [0.01, 0.05, 0.9];
  const ws = simulateMomentum(1, lr, wd, m, 400);
  const late = ws[400] / ws[399];
  // The ratio converges to the dominant root of z^2 - (1 + m - lr*wd) z + m; for small lr*wd the
  // steady-state factor 1 - lr*wd/(1-m) is its first-order approximation.
  assert.ok(Math.abs(late - momentumSteadyStateFactor(lr, wd, m)) < 2e-3, `${late}`);
});

test('momentum: decay alone grows the weights from the stability limit on, and shrinks them below it', () => {
  const variants = [{}, { nesterov: true }, { dampening: 0.5 }, { dampening: 0.9 }];
  for (const m of [0, 0.5, 0.9, 0.99]) {
    for (const variant of variants) {
      const limit = momentumStabilityLimit(m, variant);
      // Over the last 200 of 1,500 steps (long enough for m = 0.99 to settle, short of overflowing).
      const peak = (lrWd: number) => Math.max(...simulateMomentum(1, lrWd, 1, m, 1500, variant).slice(1300).map(Math.abs));
      assert.ok(peak(limit * 1.01) > 1, `m=${m} ${JSON.stringify(variant)}: above the limit the weights grow`);
      assert.ok(peak(limit * 0.99) < 1, `m=${m} ${JSON.stringify(variant)}: below the limit they decay`);
    }
  }
});

test('framework equivalences: each spelling of the penalty has the same gradient', () => {
  const wd = 0.004;
  const w = [1.7, -0.3, 2.2];
  const { pytorchWeightDecay, kerasL2 } = frameworkEquivalents(wd);
  // The penalties as each framework writes them, differentiated numerically.
  const tfPenalty = (v: number[]) => wd * v.reduce((sum, x) => sum + x * x, 0) / 2; // wd * tf.nn.l2_loss: the coefficient itself
  const kerasPenalty = (v: number[]) => kerasL2 * v.reduce((sum, x) => sum + x * x, 0); // regularizers.l2(x)
  const h = 1e-6;
  w.forEach((_, i) => {
    const derivative = (penalty: (v: number[]) => number) =>
      (penalty(w.map((x, j) => (j === i ? x + h : x))) - penalty(w.map((x, j) => (j === i ? x - h : x)))) / (2 * h);
    // PyTorch SGD(weight_decay) adds weight_decay * w to the gradient.
    assert.ok(Math.abs(derivative(tfPenalty) - pytorchWeightDecay * w[i]) < 1e-9);
    assert.ok(Math.abs(derivative(kerasPenalty) - pytorchWeightDecay * w[i]) < 1e-9);
  });
});
