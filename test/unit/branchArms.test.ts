// Code in branches chosen by one name's strings never runs together; the same test on two
// functions' own `name` parameters says nothing, since each call may pass its own string.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';

async function codes(lines: string[]): Promise<string[]> {
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///virtual/branches.py', lines.join('\n'));
  return analyzer.analyze().findings.map((finding) => `${finding.code}@${finding.range.startLine}`);
}

const model = ['import torch', 'from torch import nn', 'from data import batches', 'net = nn.Linear(4, 2, bias=False)'];
const penalty = '        loss = loss + 1e-4 * sum(p.pow(2).sum() for p in net.parameters())';

test('a penalty and a decaying optimizer under tests of one config field that no value passes both', async () => {
  const program = (penaltyTest: string) => [
    ...model,
    'class Cfg:',
    "    optim = 'sgd'",
    'cfg = Cfg()',
    "if cfg.optim == 'sgd':",
    '    opt = torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=5e-4)',
    'else:',
    '    opt = torch.optim.Adam(net.parameters(), lr=1e-3)',
    'for x, y in batches():',
    '    loss = (net(x) - y).pow(2).mean()',
    `    if ${penaltyTest}:`,
    penalty,
    '    loss.backward()',
    '    opt.step()',
  ];
  const penaltyLine = program('x').indexOf(penalty);
  assert.deepEqual(await codes(program("cfg.optim == 'adam'")), [], 'two values: exclusive');
  assert.deepEqual(await codes(program("cfg.optim != 'sgd'")), [], "all but the SGD's value: exclusive");
  assert.deepEqual(await codes(program("cfg.optim in ('sgd', 'adam')")), [`WD201@${penaltyLine}`], 'sgd passes both tests');
  assert.deepEqual(await codes(program("cfg.optim != 'adam'")), [`WD201@${penaltyLine}`], 'sgd is not adam');
});

test("two functions' own parameters of one name are two variables", async () => {
  const program = [
    ...model,
    'def make(kind):',
    "    if kind == 'sgd':",
    '        return torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=5e-4)',
    '    return torch.optim.SGD(net.parameters(), lr=0.1)',
    'def step(kind, opt, x, y):',
    '    loss = (net(x) - y).pow(2).mean()',
    "    if kind == 'adam':",
    penalty,
    '    loss.backward()',
    '    opt.step()',
    "opt = make('sgd')",
    'for x, y in batches():',
    "    step('adam', opt, x, y)",
  ];
  assert.deepEqual(await codes(program), [`WD201@${program.indexOf(penalty)}`]);
});

test("two functions' own config parameters are two configs, whatever their fields are named", async () => {
  const twoConfigs = [
    ...model,
    'def build_optimizer(cfg):',
    "    if cfg.type == 'SGD':",
    '        return torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=5e-4)',
    '    return torch.optim.Adam(net.parameters(), lr=1e-3)',
    'def regularize(loss, cfg):',
    "    if cfg.type == 'l2':",
    penalty,
    '    return loss',
    "opt = build_optimizer(OPT_CFG)",
    'for x, y in batches():',
    "    loss = regularize((net(x) - y).pow(2).mean(), REG_CFG)",
    '    loss.backward()',
    '    opt.step()',
  ];
  assert.deepEqual(await codes(twoConfigs), [`WD201@${twoConfigs.indexOf(penalty)}`]);
});

test('an optimizer built in one pass of a loop serves the passes that take the other arm', async () => {
  const program = [
    ...model,
    'opt = None',
    "for phase in ['warmup', 'train']:",
    '    for x, y in batches():',
    "        if phase == 'warmup':",
    '            opt = torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=5e-4)',
    '        loss = (net(x) - y).pow(2).mean()',
    "        if phase == 'train':",
    '    ' + penalty,
    '        loss.backward()',
    '        opt.step()',
  ];
  assert.deepEqual(await codes(program), [`WD201@${program.indexOf('    ' + penalty)}`]);
});
