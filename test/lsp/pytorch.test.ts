// PyTorch through the language server: the optimizer's weight_decay gets a hover with the
// framework's own semantics, a per-step hint, and a sweep lens whose proxy follows nn.Linear.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SweepOutcome } from '../../server/src/protocol';
import { TestLspClient } from '../support/lspClient';

const source = [
  'import torch',
  'from torch import nn',
  '',
  'model = nn.Sequential(nn.Linear(32, 48), nn.ReLU(), nn.Linear(48, 10))',
  'criterion = nn.CrossEntropyLoss()',
  'groups = [{"params": [p for p in model.parameters() if p.ndim > 1]}]',
  'optimizer = torch.optim.SGD(groups, lr=0.1, weight_decay=5e-4)',
  '',
  'for x, y in loader:',
  '    optimizer.zero_grad()',
  '    loss = criterion(model(x), y)',
  '    loss.backward()',
  '    optimizer.step()',
  '',
].join('\n');
const lines = source.split('\n');
const optimizerLine = lines.findIndex((line) => line.startsWith('optimizer = '));

test('weight_decay of a PyTorch optimizer: hover, per-step hint, and a sweep over nn.Linear widths', async () => {
  const client = await TestLspClient.start();
  try {
    client.configuration = { sweep: { steps: 40 } };
    const uri = 'file:///virtual/torch_train.py';
    await client.open(uri, source);
    assert.deepEqual(await client.waitForDiagnostics(uri), [], 'parameter groups, no penalty: nothing to report');
    const column = lines[optimizerLine].indexOf('weight_decay');
    const hover = await client.hover(uri, optimizerLine, column + 2);
    const factor = 1 - 0.1 * 5e-4;
    assert.match(hover?.contents.value ?? '', /Weight decay of SGD/);
    assert.ok(hover?.contents.value.includes(`w*${factor}`), hover?.contents.value);
    const hints = await client.request<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    assert.deepEqual(hints.map((hint) => [hint.position.line, hint.label]), [[optimizerLine, `×${factor}/step`]]);
    const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command.title]), [[optimizerLine, 'Run decay sweep']]);
    const outcome = await client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri, line: optimizerLine }] });
    assert.ok(outcome);
    assert.deepEqual(outcome.result.spec.layers, [32, 48, 10], 'the widths of the two nn.Linear layers');
    assert.equal(outcome.result.spec.learningRate, 0.1);
    assert.ok(outcome.result.runs.some((run) => run.decay === 5e-4));
  } finally {
    await client.stop();
  }
});

test('a Keras custom loop: the sweep lens on the regularizer trains the Dense widths, as written beside as intended', async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const file = path.resolve(__dirname, '..', 'fixtures', 'python', 'WD103_custom_loop.py');
  const text = readFileSync(file, 'utf8');
  const client = await TestLspClient.start();
  try {
    client.configuration = { sweep: { steps: 30 } };
    const uri = 'file:///virtual/keras_loop.py';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (d) => d.some((diagnostic) => diagnostic.code === 'WD103'));
    const line = text.split('\n').findIndex((candidate) => candidate.includes('kernel_regularizer='));
    const outcome = await client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri, line }] });
    assert.ok(outcome?.bugCost, 'model.losses never reach the loss: what that costs');
    const widths = [...text.matchAll(/Dense\((\d+)/g)].map((match) => Number(match[1]));
    assert.deepEqual(outcome.result.spec.layers, [64, ...widths], 'an unknown input width (64), then the Dense widths');
  } finally {
    await client.stop();
  }
});
