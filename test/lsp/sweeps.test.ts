// Decay sweeps through the real language server: code lenses where decay and optimizers are,
// workspace/executeCommand runs a real sweep with progress, and the result comes back as the lens
// title and inlay hints, marked stale after an edit there. The example's decay never reaches the
// loss, so the sweep reports what that costs.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SweepOutcome } from '../../server/src/protocol';
import { TestLspClient, toUri } from '../support/lspClient';
import { tempFolder } from '../support/tempFolder';

interface Lens {
  range: { start: { line: number } };
  command: { title: string; command: string; arguments: { uri: string; line: number }[] };
}

describe('decay sweeps over LSP', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-lsp-sweep-'));
  cpSync(path.resolve(__dirname, '..', '..', 'examples', 'cifar10_broken'), folder, { recursive: true });
  const file = path.join(folder, 'cifar10.py');
  const uri = toUri(file);
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  let client: TestLspClient;

  before(async () => {
    client = await TestLspClient.start({ workspaceFolder: folder });
    // Short sweeps keep the test quick; the settings reach the server through workspace/configuration.
    client.configuration = { sweep: { steps: 200 } };
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const lenses = () => client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });

  test('a Run decay sweep lens above each decayed variable and the optimizer', async () => {
    const found = await lenses();
    const decayed = lines.flatMap((line, index) => (/_variable_with_weight_decay\(/.test(line) && /wd=0\.004|0\.004\)/.test(line + lines[index + 1]) && !line.includes('def ') ? [index] : []));
    const optimizer = lines.findIndex((line) => line.includes('compute_gradients('));
    assert.ok(decayed.length >= 2);
    for (const line of [...decayed, optimizer]) {
      const lens = found.find((candidate) => candidate.range.start.line === line);
      assert.ok(lens, `a lens on line ${line + 1}: ${lines[line]}`);
      assert.equal(lens.command.title, 'Run decay sweep');
      assert.equal(lens.command.command, 'decayLens.runSweep');
      assert.deepEqual(lens.command.arguments, [{ uri, line }]);
    }
  });

  test('running the lens trains for real: progress, the bug cost headline, lens and inlay hints with the figures', async () => {
    const lens = (await lenses()).find((candidate) => lines[candidate.range.start.line].includes('_variable_with_weight_decay('))!;
    const outcome = await client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: lens.command.arguments });
    assert.ok(outcome, `a sweep outcome; messages: ${client.messages.join(' | ')}`);
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.includes('report'));
    assert.equal(client.finishedSweeps.length, 1);
    // The decay never reaches the loss: as written is wd=0, as intended the code's 0.004.
    assert.ok(outcome.bugCost);
    assert.equal(outcome.bugCost.decay, 0.004);
    const finalLoss = (decay: number) => outcome.result.runs.find((run) => run.decay === decay)!.evaluations.at(-1)!.loss;
    assert.equal(outcome.bugCost.asWritten, finalLoss(0));
    assert.equal(outcome.bugCost.asIntended, finalLoss(0.004));
    assert.match(outcome.headline, /^Decay sweep: as written \(no decay reaches the loss\) val [\d.]+ ± [\d.]+ · as intended \(wd=0\.004\) val [\d.]+ ± [\d.]+/);
    assert.equal(outcome.result.spec.steps, 200);
    assert.equal(outcome.result.spec.learningRate, 0.1, "the example's INITIAL_LEARNING_RATE");
    // The proxy follows the code: its convolutions and poolings, decay on local3 and local4 only.
    assert.deepEqual(outcome.result.spec.network?.map((layer) => layer.kind), ['conv', 'maxpool', 'conv', 'maxpool', 'flatten', 'dense', 'dense', 'dense']);
    assert.deepEqual(outcome.result.spec.decayLayers, [2, 3]);
    assert.equal(outcome.result.spec.task.kind, 'synthetic-images');

    const titled = (await lenses()).find((candidate) => candidate.range.start.line === lens.range.start.line)!;
    assert.equal(titled.command.title, outcome.headline);
    const hints = await client.request<{ position: { line: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    const hint = hints.find((candidate) => candidate.position.line === lens.range.start.line);
    assert.ok(hint, 'an inlay hint on the decayed line');
    assert.match(hint.label, new RegExp(`wd=0\\.004: val ${finalLoss(0.004)!.toFixed(2)}, \\|W\\| [\\d.]+ \\(wd=0: val ${finalLoss(0)!.toFixed(2)}`));

    // Editing the line the sweep was about marks its result stale.
    const line = lens.range.start.line;
    await client.replaceLine(uri, 2, line, lines[line].length, `${lines[line]}  # edited`);
    // Messages are handled in order: the lens request sees the edit.
    const stale = (await lenses()).find((candidate) => candidate.range.start.line === line)!;
    assert.match(stale.command.title, /\(stale: code changed; run again\)$/);
  });
});

describe('a sweep under Adam with the decay in the loss', () => {
  test('trains coupled L2 (as written) beside decoupled AdamW with the same decay values', async (t) => {
    const folder = tempFolder(t, 'decay-lens-lsp-adam-');
    const file = path.join(folder, 'adam_model.py');
    const source = [
      'import tensorflow as tf',
      '',
      'images = tf.placeholder(tf.float32, [32, 48])',
      'labels = tf.placeholder(tf.int32, [32])',
      "weights = tf.get_variable('weights', [48, 10])",
      "tf.add_to_collection('losses', tf.multiply(tf.nn.l2_loss(weights), 0.01))",
      'logits = tf.matmul(images, weights)',
      "tf.add_to_collection('losses', tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)))",
      "total_loss = tf.add_n(tf.get_collection('losses'))",
      'train_op = tf.train.AdamOptimizer(0.001).minimize(total_loss)',
      '',
    ].join('\n');
    const client = await TestLspClient.start({ workspaceFolder: folder });
    try {
      client.configuration = { sweep: { steps: 60, decayValues: [0, 0.01, 0.1] } };
      const uri = toUri(file);
      await client.open(uri, source);
      await client.waitForDiagnostics(uri);
      const sinkLine = source.split('\n').findIndex((line) => line.includes('minimize('));
      const outcome = await client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri, line: sinkLine }] });
      assert.ok(outcome?.decoupled, `a decoupled comparison; messages: ${client.messages.join(' | ')}`);
      assert.equal(outcome.result.spec.optimizer.kind, 'adam');
      assert.equal(outcome.result.spec.decayStyle, 'l2-loss');
      assert.equal(outcome.decoupled.spec.optimizer.kind, 'adamw');
      assert.equal(outcome.decoupled.spec.decayStyle, 'decoupled');
      assert.deepEqual(outcome.decoupled.runs.map((run) => run.decay), outcome.result.runs.map((run) => run.decay));
      assert.equal(outcome.result.spec.learningRate, 0.001);
      assert.match(outcome.headline, /^Decay sweep: Adam \+ L2 \(coupled, as written\) best val [\d.]+ ± [\d.]+ at wd=[\d.]+ · AdamW \(decoupled\) best val [\d.]+ ± [\d.]+ at wd=[\d.]+(?: · within noise)?$/);
      // Same data, weights and batches: with no decay the two optimizers are the same Adam.
      const noDecay = (sweep: typeof outcome.result) => sweep.runs.find((run) => run.decay === 0)!.trainLoss;
      assert.deepEqual(noDecay(outcome.decoupled), noDecay(outcome.result));
    } finally {
      await client.stop();
    }
  });
});

describe('a sweep at a discarded decay term (WD104)', () => {
  test('trains it as written (no decay) beside as intended, and says what dropping it costs', async () => {
    const file = path.resolve(__dirname, '..', 'fixtures', 'python', 'WD104_discarded.py');
    const source = readFileSync(file, 'utf8');
    const line = source.split('\n').findIndex((text) => text.includes('weight_decay = tf.multiply('));
    const client = await TestLspClient.start();
    try {
      client.configuration = { sweep: { steps: 60 } };
      const uri = toUri(file);
      await client.open(uri, source);
      await client.waitForDiagnostics(uri, (d) => d.some((diagnostic) => diagnostic.code === 'WD104'));
      const found = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.ok(found.some((lens) => lens.range.start.line === line), 'a lens on the discarded term');
      const outcome = await client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri, line }] });
      assert.ok(outcome?.bugCost, `a bug cost; messages: ${client.messages.join(' | ')}`);
      assert.equal(outcome.bugCost.decay, 0.004);
      assert.equal(outcome.result.spec.learningRate, 0.1);
      assert.match(outcome.headline, /as written \(no decay reaches the loss\)/);
    } finally {
      await client.stop();
    }
  });
});

describe('sweeps over time: one at a time, cancellation, moving lines, other files', () => {
  test('a second sweep while one runs is refused; cancelling through progress stops the first', async (t) => {
    const folder = tempFolder(t, 'decay-lens-lsp-cancel-');
    cpSync(path.resolve(__dirname, '..', '..', 'examples', 'cifar10_broken'), folder, { recursive: true });
    const uri = toUri(path.join(folder, 'cifar10.py'));
    const text = readFileSync(path.join(folder, 'cifar10.py'), 'utf8');
    const client = await TestLspClient.start({ workspaceFolder: folder });
    try {
      client.configuration = { sweep: { steps: 100_000 } };
      await client.open(uri, text);
      await client.waitForDiagnostics(uri, (d) => d.length > 0);
      const line = text.split('\n').findIndex((candidate) => candidate.includes('compute_gradients('));
      const run = () => client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri, line }] });
      const first = run();
      await client.waitUntil(() => client.progress.find((p) => p.value.kind === 'report'), 'the first sweep training');
      assert.equal(await run(), null);
      assert.ok(client.messages.some((message) => /already running/.test(message)));
      await client.connection.sendNotification('window/workDoneProgress/cancel', { token: client.progressTokens[0] });
      assert.equal(await first, null);
      await client.waitUntil(() => client.messages.find((message) => message === 'Decay sweep cancelled.'), 'the cancellation message');
      assert.equal(client.process.exitCode, null, 'the server is still running');
    } finally {
      await client.stop();
    }
  });

  test('results follow their place when lines move, and show on decay lines in other files', async (t) => {
    const folder = tempFolder(t, 'decay-lens-lsp-split-');
    cpSync(path.resolve(__dirname, '..', 'fixtures', 'python', 'cifar_split_broken'), folder, { recursive: true });
    const train = path.join(folder, 'train.py');
    const model = path.join(folder, 'model.py');
    const trainUri = toUri(train);
    const modelUri = toUri(model);
    const trainText = readFileSync(train, 'utf8');
    const client = await TestLspClient.start({ workspaceFolder: folder });
    try {
      client.configuration = { sweep: { steps: 50 } };
      await client.open(trainUri, trainText);
      await client.open(modelUri, readFileSync(model, 'utf8'));
      await client.waitForDiagnostics(modelUri, (d) => d.length > 0);
      const sinkLine = trainText.split('\n').findIndex((candidate) => candidate.includes('minimize('));
      const outcome = await client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri: trainUri, line: sinkLine }] });
      assert.ok(outcome);
      const hintsIn = (uri: string, lineCount: number) =>
        client.request<{ position: { line: number }; label: string }[]>('textDocument/inlayHint', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } },
        });
      const modelLines = readFileSync(model, 'utf8').split('\n');
      const modelHints = (await hintsIn(modelUri, modelLines.length)).filter((hint) => hint.label.includes('val'));
      assert.ok(modelHints.length > 0, 'the decay lines in model.py show the figures of a sweep run from train.py');

      // A line inserted above the optimizer: the lens moves down and keeps its (fresh) headline.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: trainUri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' }],
      });
      const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: trainUri } });
      const moved = lenses.find((lens) => lens.range.start.line === sinkLine + 1);
      assert.equal(moved?.command.title, outcome.headline);
    } finally {
      await client.stop();
    }
  });
});
