// `decay-lens check --fix` and `--diff` on real files: the fixes the editor offers, applied to disk
// (a fix in one file for a finding in another), then a second check; overlapping fixes left for
// the next run; the diff applied by patch gives what --fix wrote.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import { assertExit, cli, ROOT } from '../support/cli';
import { unprivileged } from '../support/permissions';
import { tempFolder } from '../support/tempFolder';

/** A model module that adds decay to the 'losses' collection, and a train script that leaves the collection out. */
const WD101_WORKSPACE = {
  'model.py': `import tensorflow as tf


def weight_variable(name, shape, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=0.05))
    if wd is not None:
        tf.add_to_collection('losses', tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss'))
    return var


def inference(images):
    weights = weight_variable('weights', [784, 10], wd=0.004)
    return tf.matmul(images, weights)
`,
  'train.py': `import tensorflow as tf

import model

images = tf.placeholder(tf.float32, [None, 784])
labels = tf.placeholder(tf.int64, [None])
logits = model.inference(images)
cross_entropy = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
train_op = tf.train.GradientDescentOptimizer(0.1).minimize(cross_entropy)
`,
};

/** Two optimizers in one statement: both WD203 fixes insert their groups before it. */
const TWO_OPTIMIZERS = `import torch
import torch.nn as nn

encoder = nn.Linear(8, 4)
decoder = nn.Linear(4, 8)
optimizers = [torch.optim.SGD(encoder.parameters(), lr=0.1, weight_decay=1e-4), torch.optim.SGD(decoder.parameters(), lr=0.1, weight_decay=1e-4)]

for step in range(10):
    x = torch.randn(16, 8)
    loss = ((decoder(encoder(x)) - x) ** 2).mean()
    loss.backward()
    for optimizer in optimizers:
        optimizer.step()
`;

function workspace(t: TestContext, files: Record<string, string>): string {
  const folder = tempFolder(t, 'decay-lens-fix-');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

function read(folder: string, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Python's own parser accepts the file, where python3 is installed; the analysis reads all of it in any case. */
function assertParses(folder: string, file: string): void {
  const check = cli(['check', file], folder);
  assert.doesNotMatch(check.stderr, /partly analysed|skipped/, check.stderr);
  if (!hasPython) return;
  const parsed = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', path.join(folder, file)], { encoding: 'utf8' });
  assert.equal(parsed.status, 0, `${file} parses:\n${parsed.stderr}`);
}

test('--fix repairs WD101 across two files: the sum goes into the train script; a second check is clean', (t) => {
  const folder = workspace(t, WD101_WORKSPACE);
  assertExit(cli(['check', '.'], folder), 1);
  const fixed = cli(['check', '--fix', '.'], folder);
  assertExit(fixed, 0);
  assert.equal(fixed.stdout, 'No findings in 2 files.\n');
  assert.equal(fixed.stderr, 'Fixed 1 finding in 1 file.\n');
  const files = read(folder, ['model.py', 'train.py']);
  assert.equal(files['model.py'], WD101_WORKSPACE['model.py'], 'the module with the decay is unchanged');
  assert.equal(
    files['train.py'],
    WD101_WORKSPACE['train.py'].replace(
      'train_op = tf.train.GradientDescentOptimizer(0.1).minimize(cross_entropy)',
      "total_loss = cross_entropy + tf.add_n(tf.get_collection('losses'))\ntrain_op = tf.train.GradientDescentOptimizer(0.1).minimize(total_loss)",
    ),
  );
  const again = cli(['check', '.'], folder);
  assertExit(again, 0);
  assert.equal(again.stdout, 'No findings in 2 files.\n');
  for (const file of ['model.py', 'train.py']) assertParses(folder, file);
});

test('--diff prints the edits --fix makes and writes nothing; patch -p0 applies it', (t) => {
  const names = Object.keys(WD101_WORKSPACE);
  const diffed = workspace(t, WD101_WORKSPACE);
  const fixed = workspace(t, WD101_WORKSPACE);
  const diff = cli(['check', '--diff', '.'], diffed);
  assertExit(diff, 1);
  assert.equal(diff.stderr, 'Would fix 1 finding in 1 file.\n');
  assert.deepEqual(read(diffed, names), WD101_WORKSPACE, 'nothing written');
  assert.equal(
    diff.stdout,
    [
      '--- train.py',
      '+++ train.py',
      '@@ -6,4 +6,5 @@',
      ' labels = tf.placeholder(tf.int64, [None])',
      ' logits = model.inference(images)',
      ' cross_entropy = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))',
      '-train_op = tf.train.GradientDescentOptimizer(0.1).minimize(cross_entropy)',
      "+total_loss = cross_entropy + tf.add_n(tf.get_collection('losses'))",
      '+train_op = tf.train.GradientDescentOptimizer(0.1).minimize(total_loss)',
      '',
    ].join('\n'),
  );
  assertExit(cli(['check', '--fix', '.'], fixed), 0);
  if (spawnSync('patch', ['--version']).status !== 0) return t.diagnostic('patch is not installed: the diff was not applied');
  const patched = spawnSync('patch', ['-p0', '--quiet'], { cwd: diffed, input: diff.stdout, encoding: 'utf8' });
  assert.equal(patched.status, 0, patched.stderr);
  assert.deepEqual(read(diffed, names), read(fixed, names));
});

test('--diff of a file without a final line end, with CRLF lines and an edit in its first lines', (t) => {
  const text = 'import torch\r\nmodel = torch.nn.Linear(4, 2)\r\noptimizer = torch.optim.Adam(model.parameters(), weight_decay=1e-4)';
  const folder = workspace(t, { 'train.py': text });
  const diff = cli(['check', '--diff', 'train.py'], folder);
  assertExit(diff, 1);
  assert.match(diff.stdout, /^@@ -1,3 \+1,5 @@\r?$/m);
  assert.match(diff.stdout, /\n\\ No newline at end of file\n/);
  if (spawnSync('patch', ['--version']).status !== 0) return;
  const fixed = workspace(t, { 'train.py': text });
  assertExit(cli(['check', '--fix', 'train.py'], fixed), 0);
  assert.equal(spawnSync('patch', ['-p0', '--quiet'], { cwd: folder, input: diff.stdout }).status, 0);
  assert.equal(readFileSync(path.join(folder, 'train.py'), 'utf8'), readFileSync(path.join(fixed, 'train.py'), 'utf8'));
});

test('two WD203 fixes on one statement: the second waits for the next run, which picks other names', (t) => {
  const folder = workspace(t, { 'train.py': TWO_OPTIMIZERS });
  const first = cli(['check', '--fix', 'train.py'], folder);
  assertExit(first, 1);
  assert.equal(first.stderr, 'Fixed 1 finding in 1 file.\n1 fix overlapping another left for the next run.\n');
  assert.match(first.stdout, /^train\.py:8:\d+: info WD203 /);
  assertParses(folder, 'train.py');
  const second = cli(['check', '--fix', 'train.py'], folder);
  assertExit(second, 0);
  assert.equal(second.stderr, 'Fixed 1 finding in 1 file.\n');
  const fixed = readFileSync(path.join(folder, 'train.py'), 'utf8');
  assert.ok(
    fixed.includes(
      [
        'decay_params = [p for p in encoder.parameters() if p.ndim > 1]',
        'no_decay_params = [p for p in encoder.parameters() if p.ndim <= 1]',
        'decayed_params = [p for p in decoder.parameters() if p.ndim > 1]',
        'undecayed_params = [p for p in decoder.parameters() if p.ndim <= 1]',
        "optimizers = [torch.optim.SGD([{'params': decay_params}, {'params': no_decay_params, 'weight_decay': 0.0}], lr=0.1, weight_decay=1e-4), " +
          "torch.optim.SGD([{'params': decayed_params}, {'params': undecayed_params, 'weight_decay': 0.0}], lr=0.1, weight_decay=1e-4)]",
      ].join('\n'),
    ),
    fixed,
  );
  assertParses(folder, 'train.py');
});

/** `check --fix` on a copy of a fixture: all its findings are fixed, with what stderr said; the fixed text, which parses. */
function fixAll(t: TestContext, fixture: string): { stderr: string; text: string } {
  const folder = tempFolder(t, 'decay-lens-fix-');
  copyFileSync(path.join(ROOT, 'test', 'fixtures', 'python', fixture), path.join(folder, 'train.py'));
  const fixed = cli(['check', '--fix', 'train.py'], folder);
  assertExit(fixed, 0);
  assertParses(folder, 'train.py');
  return { stderr: fixed.stderr, text: readFileSync(path.join(folder, 'train.py'), 'utf8') };
}

test('--fix on WD202 with WD203 on the same call: Adam becomes AdamW and the biases leave the decay', (t) => {
  const { stderr, text } = fixAll(t, 'WD202_adam_weight_decay.py');
  assert.equal(stderr, 'Fixed 2 findings in 1 file.\n');
  assert.match(text, /^optimizer = torch\.optim\.AdamW\(\[\{'params': decay_params\}, \{'params': no_decay_params, 'weight_decay': 0\.0\}\], lr=1e-3, weight_decay=1e-4\)/m);
});

test('--fix on WD103: the two regularizers share one fix, applied once', (t) => {
  const { stderr, text } = fixAll(t, 'WD103_custom_loop.py');
  assert.equal(stderr, 'Fixed 2 findings in 1 file.\n');
  assert.equal(text.match(/tf\.add_n\(model\.losses\)/g)?.length, 1, text);
  assert.match(text, /^ {8}loss = loss_fn\(y, logits\) \+ tf\.add_n\(model\.losses\)$/m);
});

test('--diff takes no --format', (t) => {
  assertExit(cli(['check', '--diff', '--format', 'json', '.'], workspace(t, WD101_WORKSPACE)), 2);
});

test('--fix reports a file it cannot write and leaves it and its finding as they were', (t) => {
  // Root writes a read-only file anyway: the CLI runs as nobody then (see unprivileged()).
  const runAs = unprivileged();
  if (typeof runAs === 'string') return t.skip(runAs);
  const folder = workspace(t, WD101_WORKSPACE);
  chmodSync(folder, 0o755);
  const train = path.join(folder, 'train.py');
  chmodSync(train, 0o444);
  const fixed = cli(['check', '--fix', '.'], folder, runAs);
  assertExit(fixed, 1);
  assert.equal(fixed.stderr, 'not written train.py: permission denied\nFixed 0 findings in 0 files.\n');
  assert.match(fixed.stdout, /^model\.py:7:9: warning WD101 /);
  assert.equal(readFileSync(train, 'utf8'), WD101_WORKSPACE['train.py']);
});
