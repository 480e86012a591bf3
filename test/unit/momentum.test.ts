// Under momentum m, decay alone settles at 1 - lr*wd/(1-m) per step: the inlay hint and the hover
// give the same number, with the momentum the code states.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';

async function analyze(lines: string[]) {
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///virtual/momentum.py', lines.join('\n'));
  return analyzer.analyze();
}

/** The factor in a `×0.9/step` label. */
function labelFactor(label: string): number {
  return Number(/^×([\d.]+)\/step$/.exec(label)?.[1]);
}

test("a PyTorch optimizer's stated momentum sets the hint and the hover alike", async () => {
  const [lr, momentum, wd] = [0.1, 0.99, 0.01];
  const lines = ['import torch', 'from torch import nn', 'net = nn.Linear(4, 2)', `opt = torch.optim.SGD([net.weight], lr=${lr}, momentum=${momentum}, weight_decay=${wd})`];
  const result = await analyze(lines);
  const expected = 1 - (lr * wd) / (1 - momentum); // 0.9, not the 0.999 of plain SGD
  const [hint] = result.decayHints();
  assert.ok(Math.abs(labelFactor(hint.label) - expected) < 1e-9, hint.label);
  assert.match(hint.tooltip(), /momentum m=0\.99,/);
  const hover = result.hovers().find((h) => h.range.startLine === 3 && h.range.startColumn === lines[3].indexOf('weight_decay'));
  assert.ok(hover, 'a hover on weight_decay=');
  assert.match(hover.markdown(), /momentum m=0\.99, decay alone settles at `1 - lr\*wd\/\(1-m\)` = `0\.9` per step/);
});

test("TF's MomentumOptimizer states its momentum; without one, the typical 0.9 is named as such", async () => {
  const program = (momentumArg: string) => [
    'import tensorflow as tf',
    "w = tf.get_variable('w', [4, 4])",
    "tf.add_to_collection('losses', tf.multiply(tf.nn.l2_loss(w), 0.004))",
    "loss = tf.add_n(tf.get_collection('losses'))",
    `train_op = tf.train.MomentumOptimizer(0.1, ${momentumArg}).minimize(loss)`,
  ];
  const stated = (await analyze(program('0.5'))).decayHints();
  assert.ok(Math.abs(labelFactor(stated[0].label) - (1 - (0.1 * 0.004) / (1 - 0.5))) < 1e-9, stated[0].label);
  assert.match(stated[0].tooltip(), /with momentum m=0\.5 = /);
  const unknown = (await analyze(['m = float(input())', ...program('m')])).decayHints();
  assert.ok(Math.abs(labelFactor(unknown[0].label) - (1 - (0.1 * 0.004) / (1 - 0.9))) < 1e-9, unknown[0].label);
  assert.match(unknown[0].tooltip(), /with momentum m=0\.9 \(typical\) = /);
});
