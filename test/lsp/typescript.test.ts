// TF.js through the language server: a TypeScript document gets WD103, a hover with TF.js's own
// arithmetic, a quick fix that silences with a `//` comment, a sweep lens and the sweep's inlay hint;
// the workspace index and the file watcher read TypeScript modules that are not open.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { SweepOutcome } from '../../server/src/protocol';
import { TestLspClient, toUri } from '../support/lspClient';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'typescript', 'WD103_minimize_custom_loop.ts');
const text = readFileSync(fixture, 'utf8');
const lines = text.split('\n');
const regularizerLine = lines.findIndex((line) => line.includes('kernelRegularizer'));

test('a TF.js custom loop in a .ts document: WD103, its hover, its quick fix', async () => {
  const client = await TestLspClient.start();
  try {
    client.configuration = { sweep: { steps: 30 } };
    const uri = 'file:///virtual/tfjs/train.ts';
    await client.open(uri, text, 1, 'typescript');
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['WD103', regularizerLine]]);
    const [diagnostic] = diagnostics;
    assert.match(String(diagnostic.message), /TF\.js regularizer \(l2 0\.0005\)/);
    assert.match(String(diagnostic.message), /tf\.addN\(model\.calculateLosses\(\)\)/);

    const hover = await client.hover(uri, regularizerLine, lines[regularizerLine].indexOf('l2:') + 1);
    const markdown = hover?.contents.value ?? '';
    assert.match(markdown, /TF\.js layer regularizers/);
    assert.ok(markdown.includes('adds `0.0005*sum(w^2)` to the loss, with no 1/2'), markdown);
    assert.match(markdown, /\(WD103\)/);

    const actions = await client.request<{ title: string; edit?: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const ignore = actions.find((action) => action.title === 'Ignore WD103 on this line');
    assert.deepEqual(ignore?.edit?.changes[uri].map((edit) => edit.newText), ['  // decay-lens: ignore[WD103]']);

    const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(lenses.some((lens) => lens.range.start.line === regularizerLine && lens.command.title === 'Run decay sweep'));
    const inlayHints = () =>
      client.request<{ position: { line: number; character: number }; label: string }[] | null>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
      });
    // No per-step factor (adam, and the decay never reaches the loss), and no sweep has run yet.
    assert.deepEqual(await inlayHints(), []);

    // The sweep's proxy takes the layer widths from the config objects: inputShape [64], units 32 and 4.
    const outcome = await client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri, line: regularizerLine }] });
    assert.deepEqual(outcome?.result.spec.layers, [64, 32, 4]);
    assert.ok(outcome?.bugCost, 'the regularizer never reaches the loss: what that costs');
    // The sweep's figures at the end of the regularizer's line.
    const hints = (await inlayHints()) ?? [];
    assert.deepEqual(hints.map((hint) => hint.position), [{ line: regularizerLine, character: lines[regularizerLine].length }]);
    assert.match(hints[0].label, /^ wd=0\.0005: val \d/);
  } finally {
    await client.stop();
  }
});

test('a TF.js workspace: the model module is indexed from disk, and a fix on disk clears WD103', async (t) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-lsp-tfjs-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(path.resolve(__dirname, '..', 'fixtures', 'typescript', 'split_modules'), folder, { recursive: true });
  const client = await TestLspClient.start({ workspaceFolder: folder });
  try {
    const modelUri = toUri(path.join(folder, 'model.ts'));
    const [diagnostic] = await client.waitForDiagnostics(modelUri, (d) => d.length > 0);
    assert.equal(diagnostic.code, 'WD103');

    const train = path.join(folder, 'train.ts');
    const fixed = readFileSync(train, 'utf8').replace(
      'tf.losses.softmaxCrossEntropy(ys, model.predict(xs) as tf.Tensor) as tf.Scalar',
      'tf.addN([tf.losses.softmaxCrossEntropy(ys, model.predict(xs) as tf.Tensor), ...model.calculateLosses()]) as tf.Scalar',
    );
    assert.notEqual(fixed, readFileSync(train, 'utf8'));
    writeFileSync(train, fixed);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: toUri(train), type: 2 }] });
    assert.deepEqual(await client.waitForDiagnostics(modelUri, (d) => d.length === 0), []);
  } finally {
    await client.stop();
  }
});
