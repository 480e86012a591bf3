// Optimizers built inside helper functions take the decay and learning rate each call passes:
// `make_optimizer(model, wd=0)` is no decay, the same helper called with 20 is a decay too large.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';

async function findings(lines: string[]) {
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///virtual/factories.py', lines.join('\n'));
  return analyzer.analyze().findings.map((f) => [f.code, f.range.startLine, f.data.weightDecay]);
}

test('a PyTorch optimizer from a helper gets the weight_decay of each call', async () => {
  const helper = [
    'import torch',
    'from torch import nn',
    '',
    'def make_adam(model, wd):',
    '    return torch.optim.Adam([p for p in model.parameters() if p.ndim > 1], lr=1e-3, weight_decay=wd)',
    '',
    'def make_sgd(model, lr, wd):',
    '    return torch.optim.SGD([p for p in model.parameters() if p.ndim > 1], lr=lr, weight_decay=wd)',
    '',
    'net = nn.Linear(4, 2)',
  ];
  const decayLine = helper.findIndex((line) => line.includes('torch.optim.Adam'));
  const sgdLine = helper.findIndex((line) => line.includes('torch.optim.SGD'));
  assert.deepEqual(await findings([...helper, 'opt = make_adam(net, 0)']), [], 'no decay: no coupled-Adam finding');
  assert.deepEqual(await findings([...helper, 'opt = make_adam(net, 0.01)']), [['WD202', decayLine, 0.01]]);
  // lr*wd = 0.1*20 = 2: every step flips the weights' sign (WD301); a negative decay is WD302.
  // Both are reported at the value the call passes. (make_adam is called with 0 so that, called
  // by nobody, its unknown decay is not reported.)
  const calls = (sgd: string) => [...helper, 'adam = make_adam(net, 0)', `opt = make_sgd(${sgd})`];
  const sgdCall = calls('').length - 1;
  assert.deepEqual(await findings(calls('net, 0.1, 20')), [['WD301', sgdCall, 20]]);
  assert.deepEqual(await findings(calls('net, 0.1, -0.01')), [['WD302', sgdCall, -0.01]]);
  assert.deepEqual(await findings(calls('net, 0.1, 5e-4')), [], `a sound decay: nothing at line ${sgdLine}`);
  // Two calls with different decays are two optimizers: the sound first one does not hide the second.
  const both = [...helper, 'adam = make_adam(net, 0)', 'fine = make_sgd(net, 0.1, 5e-4)', 'flips = make_sgd(net, 0.1, 20)'];
  assert.deepEqual(await findings(both), [['WD301', both.length - 1, 20]]);
});

test('an optax optimizer from a helper gets the weight_decay of each call', async () => {
  const helper = ['import optax', '', 'def make(wd):', '    return optax.adamw(1e-3, weight_decay=wd)', ''];
  assert.deepEqual(await findings([...helper, 'tx = make(0.0)']), [], 'optax.adamw with no decay: no mask needed');
  assert.deepEqual(await findings([...helper, 'tx = make(0.05)']), [['WD203', 3, 0.05]]);
});
