// The real language server over stdio: diagnostics appear and disappear with edits, hovers
// explain the flow with the file's numbers, other workspace files are indexed, bad input is survived.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pythonFixtures } from '../support/fixtures';
import { TestLspClient, toUri } from '../support/lspClient';
import { lineOf } from '../support/text';
import { tempFolder } from '../support/tempFolder';

const seedPath = path.join(pythonFixtures, 'ok_seed_pattern.py');
const seedText = readFileSync(seedPath, 'utf8');
const lines = seedText.split('\n');
/** 0-based, as LSP positions. */
const seedLine = (needle: string) => lineOf(seedText, needle) - 1;
const sumLine = seedLine("return tf.add_n(tf.get_collection('losses')");
const writeLine = seedLine("tf.add_to_collection('losses', weight_decay)");
const sinkLine = seedLine('opt.compute_gradients(total_loss)');
const decayedLine = seedLine('wd=0.004');
const brokenSum = "    return cross_entropy_mean";

describe('language server over stdio', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('a WD101 appears when the sum is removed and disappears when it is restored', async () => {
    const uri = 'file:///virtual/seed.py';
    await client.open(uri, seedText);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);

    await client.replaceLine(uri, 2, sumLine, lines[sumLine].length, brokenSum);
    const [diagnostic, ...rest] = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.code, 'WD101');
    assert.equal(diagnostic.source, 'decay-lens');
    assert.equal(diagnostic.severity, 2);
    assert.equal(diagnostic.range.start.line, writeLine);
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/rules\/WD101\.md$/);
    assert.match(String(diagnostic.message), /'losses'.*weights.*wd=0\.004/);
    const sink = diagnostic.relatedInformation?.find((info) => info.location.range.start.line === sinkLine);
    assert.ok(sink, 'the optimizer call is related information');
    assert.equal(sink.location.uri, uri);
    assert.deepEqual((diagnostic.data as { collectionKey: string }).collectionKey, 'losses');
    const actions = await client.request<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, unknown[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      ["Minimize tf.add_n(tf.get_collection('losses'))", 'Ignore WD101 on this line'],
    );
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].edit.changes[uri].length, 2, 'insert the sum, minimize it');

    await client.replaceLine(uri, 3, sumLine, brokenSum.length, lines[sumLine]);
    assert.deepEqual(await client.waitForDiagnostics(uri, (d) => d.length === 0), []);
  });

  test('hover on the decay argument explains the flow and the per-step arithmetic', async () => {
    const uri = 'file:///virtual/hover.py';
    await client.open(uri, seedText);
    await client.waitForDiagnostics(uri);
    const hover = await client.hover(uri, decayedLine, lines[decayedLine].indexOf('0.004') + 1);
    assert.ok(hover, 'a hover on wd=0.004');
    const text = hover.contents.value;
    assert.match(text, /Weight decay flow/);
    assert.match(text, new RegExp(`hover\\.py:${sinkLine + 1}`));
    assert.match(text, /reaches the loss/);
    // Independent arithmetic: lr=0.1 (INITIAL_LEARNING_RATE), wd=0.004.
    const factor = 1 - 0.1 * 0.004;
    assert.ok(text.includes(`w*${factor}`), `factor ${factor} in ${text}`);
    assert.ok(text.includes(`≈${Math.round(Math.log(0.5) / Math.log(factor))} steps`));
    assert.ok(text.includes('l2(0.002)'), 'Keras equivalent is wd/2');

    for (const [line, needle] of [
      [writeLine, 'add_to_collection'],
      [sumLine, 'add_n'],
      [sumLine, 'get_collection'],
      [sinkLine, 'compute_gradients'],
    ] as const) {
      const found = await client.hover(uri, line, lines[line].indexOf(needle) + 1);
      assert.match(found?.contents.value ?? '', /Weight decay flow/, `hover on ${needle}`);
    }
    assert.equal(await client.hover(uri, 0, 0), null);
  });

  test('an inlay hint after each decay value: the per-step factor of plain SGD', async () => {
    const uri = 'file:///virtual/hints.py';
    await client.open(uri, seedText);
    await client.waitForDiagnostics(uri);
    const hints = await client.request<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    const hint = hints.find((candidate) => candidate.position.line === decayedLine);
    assert.ok(hint, `a hint on line ${decayedLine + 1}`);
    // lr = INITIAL_LEARNING_RATE = 0.1, wd = 0.004: 1 - 0.1 * 0.004.
    assert.equal(hint.label, `×${1 - 0.1 * 0.004}/step`);
    assert.equal(hint.position.character, lines[decayedLine].indexOf('0.004') + '0.004'.length);
    // Decay values that are None or 0 get none.
    assert.equal(hints.filter((candidate) => candidate.label.includes('/step')).length, 1);
  });

  test('bad documents are answered, not fatal', async () => {
    const nul = 'file:///virtual/nul.py';
    await client.open(nul, 'x = 1\0\0\ny = 2\n');
    await client.waitForLog(/nul\.py: binary file/);
    const huge = 'file:///virtual/huge.py';
    await client.open(huge, '# padding\n'.repeat(210_000));
    await client.waitForLog(/huge\.py: larger than/);
    const broken = 'file:///virtual/broken.py';
    await client.open(broken, seedText.replace(brokenSum, '').replace(lines[sumLine], brokenSum) + '\ndef f(:\n  (((\n');
    const diagnostics = await client.waitForDiagnostics(broken, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['WD101']);
    await client.open('file:///virtual/empty.py', '');
    assert.deepEqual(await client.waitForDiagnostics('file:///virtual/empty.py'), []);
    assert.equal(client.process.exitCode, null, 'server still running');
  });
});

describe('workspace indexing', () => {
  test('a finding in a file that is not open, caused by the file that is', async () => {
    const folder = path.join(pythonFixtures, 'cifar_split_broken');
    const client = await TestLspClient.start({ workspaceFolder: folder });
    try {
      const trainUri = toUri(path.join(folder, 'train.py'));
      await client.open(trainUri, readFileSync(path.join(folder, 'train.py'), 'utf8'));
      const modelDiagnostics = await client.waitForDiagnostics(toUri(path.join(folder, 'model.py')), (d) => d.length > 0);
      assert.deepEqual(modelDiagnostics.map((d) => d.code), ['WD101']);
      assert.ok(modelDiagnostics[0].relatedInformation?.some((info) => info.location.uri === trainUri), 'the optimizer in train.py is related');
    } finally {
      await client.stop();
    }
  });
});

describe('settings', () => {
  test('per-rule severity and off apply without a restart, and enable=false clears everything', async () => {
    const folder = path.join(pythonFixtures, 'cifar_split_broken');
    const client = await TestLspClient.start();
    try {
      const uri = toUri(path.join(folder, 'model.py'));
      await client.open(uri, readFileSync(path.join(folder, 'model.py'), 'utf8'));
      await client.open(toUri(path.join(folder, 'train.py')), readFileSync(path.join(folder, 'train.py'), 'utf8'));
      assert.equal((await client.waitForDiagnostics(uri, (d) => d.length > 0))[0].severity, 2);
      const change = (configuration: unknown) => {
        client.configuration = configuration;
        return client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      };
      await change({ rules: { wd101: 'error' } });
      await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === 1);
      await change({ rules: { WD101: 'off' } });
      await client.waitForDiagnostics(uri, (d) => d.length === 0);
      await change({});
      await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === 2);
      await change({ enable: false });
      await client.waitForDiagnostics(uri, (d) => d.length === 0);
      assert.equal(await client.hover(uri, 0, 0), null);
    } finally {
      await client.stop();
    }
  });
});

describe('project config files', () => {
  test('pyproject.toml ignores apply, a change to it is picked up, a broken one is reported on its line', async (t) => {
    const folder = tempFolder(t, 'decay-lens-lsp-config-');
    cpSync(path.resolve(pythonFixtures, '..', '..', '..', 'examples', 'cifar10_broken'), folder, { recursive: true });
    cpSync(path.join(pythonFixtures, '..', 'config', 'pyproject_ignore'), folder, { recursive: true });
    const client = await TestLspClient.start({ workspaceFolder: folder });
    try {
      const model = path.join(folder, 'cifar10.py');
      const uri = toUri(model);
      const pyproject = path.join(folder, 'pyproject.toml');
      await client.open(uri, readFileSync(model, 'utf8'));
      assert.deepEqual(await client.waitForDiagnostics(uri), [], 'WD101 is ignored by [tool.decay-lens]');

      writeFileSync(pyproject, readFileSync(pyproject, 'utf8').replace('ignore = ["WD101"]', 'severity = { WD101 = "error" }'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: toUri(pyproject), type: 2 }] });
      const [diagnostic] = await client.waitForDiagnostics(uri, (d) => d.length === 1);
      assert.equal(diagnostic.code, 'WD101');
      assert.equal(diagnostic.severity, 1, 'the severity from the config');

      writeFileSync(pyproject, '[tool.decay-lens]\nignore = ["WD999"]\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: toUri(pyproject), type: 2 }] });
      const problems = await client.waitForDiagnostics(toUri(pyproject), (d) => d.length > 0);
      assert.equal(problems[0].range.start.line, 1);
      assert.match(String(problems[0].message), /WD999/);
      await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === 2);
    } finally {
      await client.stop();
    }
  });
});
