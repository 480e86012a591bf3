// Incremental analysis (re-parse of the changed text, reused statement IR and function
// summaries) must give exactly what a fresh analysis of the same texts gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { WorkspaceAnalyzer, type AnalysisResult } from '../../server/src/workspaceAnalyzer';
import { fixtureWorkspaces } from '../support/fixtures';

/** A seeded generator, so a failure names the edit sequence that produced it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Edit {
  name: string;
  /** Indexes of the lines this edit changes; an edit is only tried where it has a target. */
  targets(lines: string[], modules: Set<string>): number[];
  apply(lines: string[], index: number): void;
}

function matching(pattern: RegExp): (lines: string[]) => number[] {
  return (lines) => lines.flatMap((text, index) => (pattern.test(text) ? [index] : []));
}

const anyLine = (lines: string[]) => lines.map((_, index) => index);
const decayValue = /0\.00\d/;
/** `tf.add_n` of a collection (`tf.get_collection('losses'), name=...`) or of a list variable (`model.losses`). */
const regularizationSum = /tf\.add_n\((?:\w+\.get_collection\([^)]*\)[^)]*|[\w.]+)\)/;
const addedSum = new RegExp(`\\s*\\+\\s*${regularizationSum.source}`);
const moduleConstant = /^[A-Z_]+ = [0-9.]+/;
const functionDefinition = /^(\s*def )(\w+)\(/;
/** A single-name import of a module; `as name` is optional. */
const importLine = /^(?:from\s+(\w+)\s+import\s+\w+|import\s+(\w+))(\s+as\s+\w+)?\s*$/;

const edits: Edit[] = [
  { name: 'delete a line', targets: anyLine, apply: (lines, index) => lines.splice(index, 1) },
  { name: 'insert a blank line', targets: anyLine, apply: (lines, index) => lines.splice(index, 0, '') },
  { name: 'duplicate a line', targets: anyLine, apply: (lines, index) => lines.splice(index, 0, lines[index]) },
  {
    name: 'truncate a line',
    targets: matching(/\S/),
    apply: (lines, index) => (lines[index] = lines[index].slice(0, Math.floor(lines[index].length / 2))),
  },
  {
    name: 'change a decay value',
    targets: matching(decayValue),
    apply: (lines, index) => (lines[index] = lines[index].replace(decayValue, (value) => (value === '0.009' ? '0.001' : '0.009'))),
  },
  {
    name: 'drop the sum of regularization terms',
    targets: matching(regularizationSum),
    apply: (lines, index) =>
      (lines[index] = addedSum.test(lines[index]) ? lines[index].replace(addedSum, '') : lines[index].replace(regularizationSum, 'cross_entropy_mean')),
  },
  {
    // a learning rate or decay read inside functions
    name: 'change a module-level constant',
    targets: matching(moduleConstant),
    apply: (lines, index) => (lines[index] = lines[index].replace(/= [0-9.]+/, lines[index].includes('= 30.0') ? '= 0.1' : '= 30.0')),
  },
  {
    // callers (often in another file) lose the definition; a second rename restores it
    name: 'rename a function',
    targets: matching(functionDefinition),
    apply: (lines, index) =>
      (lines[index] = lines[index].replace(functionDefinition, (_, head: string, name: string) =>
        `${head}${name.endsWith('_renamed') ? name.slice(0, -'_renamed'.length) : `${name}_renamed`}(`,
      )),
  },
  {
    // binds the imported workspace module or function under another name, or back
    name: 'change an import line',
    targets: (lines, modules) =>
      lines.flatMap((text, index) => {
        const match = importLine.exec(text);
        return match && modules.has(match[1] ?? match[2]) ? [index] : [];
      }),
    apply: (lines, index) => {
      const match = importLine.exec(lines[index])!;
      lines[index] = match[3] ? lines[index].replace(match[3], '') : `${lines[index].trimEnd()} as aliased_import`;
    },
  },
];

function normalize(result: AnalysisResult) {
  return {
    findings: result.findings,
    hovers: result.hovers().map((hover) => ({ uri: hover.uri, range: hover.range, markdown: hover.markdown() })),
    partial: result.partial,
  };
}

/** Fewest text-changing edits of each kind across all workspaces, so none silently stops being exercised. */
const minimumChangesPerEdit = 10;

test('incremental analysis equals a fresh analysis after random edits', async () => {
  const incremental = await WorkspaceAnalyzer.create();
  const next = random(20261125);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const changes = new Map(edits.map((edit) => [edit.name, 0]));
  for (const workspace of fixtureWorkspaces()) {
    const texts = new Map(workspace.files.map((file) => [pathToFileURL(file).href, readFileSync(file, 'utf8')]));
    const modules = new Set(workspace.files.map((file) => path.basename(file, path.extname(file))));
    for (const [uri, text] of texts) incremental.setFile(uri, text, { incremental: true });
    incremental.analyze();
    // multi-file workspaces get more steps: only they have cross-file imports to edit
    const steps = workspace.files.length > 1 ? 40 : 16;
    for (let step = 0; step < steps; step++) {
      const candidates = edits.flatMap((edit) => {
        const files = [...texts].flatMap(([uri, text]) => {
          const targets = edit.targets(text.split('\n'), modules);
          return targets.length > 0 ? [{ uri, targets }] : [];
        });
        return files.length > 0 ? [{ edit, files }] : [];
      });
      const { edit, files } = pick(candidates);
      const { uri, targets } = pick(files);
      const line = pick(targets);
      const before = texts.get(uri)!;
      const lines = before.split('\n');
      edit.apply(lines, line);
      texts.set(uri, lines.join('\n'));
      if (texts.get(uri) !== before) changes.set(edit.name, changes.get(edit.name)! + 1);
      incremental.setFile(uri, texts.get(uri)!, { incremental: true });
      const fresh = await WorkspaceAnalyzer.create();
      for (const [freshUri, text] of texts) fresh.setFile(freshUri, text);
      assert.deepEqual(normalize(incremental.analyze()), normalize(fresh.analyze()), `${workspace.name}, step ${step}: ${edit.name} at line ${line + 1} of ${uri}`);
    }
    for (const uri of texts.keys()) incremental.removeFile(uri);
  }
  for (const [name, count] of changes) {
    assert.ok(count >= minimumChangesPerEdit, `"${name}" changed the text ${count} times, fewer than ${minimumChangesPerEdit}: ${JSON.stringify([...changes])}`);
  }
});

test('an edit inside a model class in another module re-checks whether its optimizer decays biases (WD203)', async () => {
  const net = 'file:///virtual/models/net.py';
  const train = 'file:///virtual/train.py';
  const model = (bias: string) =>
    ['import torch.nn as nn', '', 'def conv3x3(a, b):', `    return nn.Conv2d(a, b, 3, padding=1, bias=${bias})`, '', 'class Net(nn.Module):', '    def __init__(self):', '        super().__init__()', '        self.body = nn.Sequential(conv3x3(3, 16), nn.ReLU(), conv3x3(16, 16))', ''].join('\n');
  // The optimizer is built in a function that never constructs the model: only the class body tells.
  const script = ['import torch', 'from models.net import Net', '', 'net = Net()', '', 'def make_optimizer():', '    return torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=5e-4)', '', 'optimizer = make_optimizer()', ''].join('\n');
  const incremental = await WorkspaceAnalyzer.create();
  incremental.setFile(net, model('False'), { incremental: true });
  incremental.setFile(train, script, { incremental: true });
  const wd203 = () => incremental.analyze().findings.filter((f) => f.code === 'WD203').length;
  assert.equal(wd203(), 0);
  incremental.setFile(net, model('True'), { incremental: true });
  assert.equal(wd203(), 1);
  const fresh = await WorkspaceAnalyzer.create();
  fresh.setFile(net, model('True'));
  fresh.setFile(train, script);
  assert.deepEqual(normalize(incremental.analyze()), normalize(fresh.analyze()));
});

/** Analyses `before`, applies `after` incrementally, and checks the result against a fresh analysis of the same files. */
async function assertEditMatchesFresh(before: Record<string, string>, after: Record<string, string>): Promise<AnalysisResult> {
  const uri = (name: string) => `file:///virtual/${name}`;
  const incremental = await WorkspaceAnalyzer.create();
  for (const [name, text] of Object.entries(before)) incremental.setFile(uri(name), text, { incremental: true });
  incremental.analyze();
  for (const [name, text] of Object.entries(after)) incremental.setFile(uri(name), text, { incremental: true });
  const fresh = await WorkspaceAnalyzer.create();
  for (const [name, text] of Object.entries({ ...before, ...after })) fresh.setFile(uri(name), text);
  const result = incremental.analyze();
  assert.deepEqual(normalize(result), normalize(fresh.analyze()));
  return result;
}

test('an edit of another function that stops differentiating a JAX loss with has_aux re-checks the loss (WD104)', async () => {
  const lossFn = ['import jax', 'import jax.numpy as jnp', '', 'def loss_fn(params, x, y):', '    nll = jnp.mean((x @ params - y) ** 2)', '    l2 = 1e-4 * jnp.sum(jnp.square(params))', "    return nll, {'l2': l2}", ''];
  const train = (step: string) => [...lossFn, 'def train(params, x, y):', step, '    return params', ''].join('\n');
  const differentiated = await assertEditMatchesFresh(
    { 'jax_train.py': train('    (loss, aux), grads = jax.value_and_grad(loss_fn, has_aux=True)(params, x, y)') },
    { 'jax_train.py': train('    loss, aux = loss_fn(params, x, y)') },
  );
  assert.equal(differentiated.findings.filter((finding) => finding.code === 'WD104').length, 0);
});

test('a flag first defined in a module that had none re-checks every reader of FLAGS', async () => {
  const train = ['import torch', 'from absl import flags', 'import config', 'FLAGS = flags.FLAGS', '', 'def make(model):', '    return torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=FLAGS.wd)', ''].join('\n');
  const result = await assertEditMatchesFresh(
    { 'config.py': 'from absl import flags\nX = 1\n', 'train.py': train },
    { 'config.py': "from absl import flags\nflags.DEFINE_float('wd', -0.5, 'decay')\n" },
  );
  assert.ok(result.findings.some((finding) => finding.code === 'WD302'));
});

test('a subclass written in another module that sets the guarded attribute re-checks the guard (WD303)', async () => {
  const layers = [
    'import torch.nn as nn',
    '',
    'class Penalized(nn.Linear):',
    '    def __init__(self, n_in, n_out):',
    '        super().__init__(n_in, n_out)',
    '        self.decay = 0.0',
    '',
    '    def penalty(self):',
    '        if self.decay:',
    '            return self.decay * self.weight.pow(2).sum()',
    '        return 0.0',
    '',
    'head = Penalized(8, 2)',
    '',
  ].join('\n');
  const before = await assertEditMatchesFresh({ 'layers.py': layers, 'tuned.py': 'X = 1\n' }, {});
  assert.ok(before.findings.some((finding) => finding.code === 'WD303'), 'the decay is 0');
  const tuned = ['from layers import Penalized', '', 'class Tuned(Penalized):', '    def __init__(self, n_in, n_out, strength=1e-4):', '        super().__init__(n_in, n_out)', '        self.decay = strength', ''].join('\n');
  const after = await assertEditMatchesFresh({ 'layers.py': layers, 'tuned.py': 'X = 1\n' }, { 'tuned.py': tuned });
  assert.ok(!after.findings.some((finding) => finding.code === 'WD303'), 'the subclass switches the decay on');
});

test('a module-level value read by two functions is re-checked for both when what it calls changes', async () => {
  const helper = (body: string) => ['import tensorflow as tf', '', 'def total(ce):', `    return ${body}`, ''].join('\n');
  const main = [
    'import tensorflow as tf',
    'from helpers import total',
    "w = tf.get_variable('w', [3, 3], regularizer=tf.contrib.layers.l2_regularizer(0.001))",
    'ce = tf.reduce_mean(w)',
    'loss = total(ce)',
    '',
    'def log():',
    "    tf.summary.scalar('loss', loss)",
    '',
    'def train():',
    '    return tf.train.GradientDescentOptimizer(0.1).minimize(loss)',
    '',
  ].join('\n');
  const result = await assertEditMatchesFresh(
    { 'helpers.py': helper('ce + tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))'), 'main.py': main },
    { 'helpers.py': helper('ce') },
  );
  assert.ok(result.findings.some((finding) => finding.code === 'WD102'));
});

test("an attribute a class's method sets, read by two methods, is re-checked for both when what it calls changes", async () => {
  const helper = (body: string) => ['import tensorflow as tf', '', 'def total(ce):', `    return ${body}`, ''].join('\n');
  const model = [
    'import tensorflow as tf',
    'from helpers import total',
    '',
    'class Model(object):',
    '    def build(self, images):',
    "        w = tf.get_variable('w', [3, 3], regularizer=tf.contrib.layers.l2_regularizer(0.001))",
    '        self.loss = total(tf.reduce_mean(tf.matmul(images, w)))',
    '',
    '    def log(self):',
    "        tf.summary.scalar('loss', self.loss)",
    '',
    '    def train(self):',
    '        return tf.train.GradientDescentOptimizer(0.1).minimize(self.loss)',
    '',
  ].join('\n');
  const result = await assertEditMatchesFresh(
    { 'helpers.py': helper('ce + tf.losses.get_regularization_loss()'), 'model.py': model },
    { 'helpers.py': helper('ce') },
  );
  assert.ok(result.findings.some((finding) => finding.code === 'WD102'));
});

test("a constructor's argument edited where the class is constructed (another module, inside a function) re-checks what the instance stores", async () => {
  const experiment = [
    'import torch.optim as optim',
    '',
    'class Experiment:',
    '    def __init__(self, model, wd):',
    '        self.model = model',
    '        self.wd = wd',
    '',
    '    def configure_optimizers(self):',
    '        return optim.Adam(self.model.parameters(), lr=1e-3, weight_decay=self.wd)',
    '',
  ].join('\n');
  const main = (wd: string) => ['import torch.nn as nn', 'from exp import Experiment', '', 'def main():', `    wd = ${wd}`, '    return Experiment(nn.Linear(8, 1), wd=wd)', ''].join('\n');
  const decayed = await assertEditMatchesFresh({ 'exp.py': experiment, 'main.py': main('0.0') }, { 'main.py': main('5e-4') });
  assert.ok(decayed.findings.some((finding) => finding.code === 'WD202'));
  const off = await assertEditMatchesFresh({ 'exp.py': experiment, 'main.py': main('5e-4') }, { 'main.py': main('0.0') });
  assert.ok(!off.findings.some((finding) => finding.code === 'WD202'));
});

test("an attribute of another module's class that reads its method's locals is re-checked when those locals change", async () => {
  const net = (total: string) =>
    [
      'import tensorflow as tf',
      '',
      'class Net(object):',
      '    def build(self, images):',
      "        w = tf.get_variable('w', [3, 3], regularizer=tf.contrib.layers.l2_regularizer(0.001))",
      '        xent = tf.reduce_mean(tf.matmul(images, w))',
      `        total = ${total}`,
      '        self.total_loss = total',
      '',
    ].join('\n');
  const solver = [
    'import tensorflow as tf',
    'from net import Net',
    '',
    'class Solver(object):',
    '    def __init__(self):',
    '        self.net = Net()',
    '',
    '    def train(self):',
    '        return tf.train.GradientDescentOptimizer(0.1).minimize(self.net.total_loss)',
    '',
  ].join('\n');
  const withTerms = 'xent + tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))';
  const missing = await assertEditMatchesFresh({ 'net.py': net(withTerms), 'solver.py': solver }, { 'net.py': net('xent') });
  assert.ok(missing.findings.some((finding) => finding.code === 'WD102'));
  const fixed = await assertEditMatchesFresh({ 'net.py': net('xent'), 'solver.py': solver }, { 'net.py': net(withTerms) });
  assert.ok(!fixed.findings.some((finding) => finding.code === 'WD102'));
});

test('a file with a syntax error reads the same after an edit as parsed afresh (tree-sitter recovers differently on a reparse)', async () => {
  const uri = 'file:///work/reparse/optim.py';
  const broken = [
    'import torch',
    '',
    '',
    'def make_optimizer_renamed(params, ',
    '    return torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)',
    '',
    '',
    'model = torch.nn.Linear(8, 2, bias=False)',
    'optimizer = make_optimizer(model.parameters(), lr=1.0, momentum=0.0, weight_decay=2.5)',
    '',
  ].join('\n');
  const renamed = broken.replace('make_optimizer_renamed(', 'make_optimizer(');
  const incremental = await WorkspaceAnalyzer.create();
  incremental.setFile(uri, broken, { incremental: true });
  incremental.analyze();
  incremental.setFile(uri, renamed, { incremental: true });
  const fresh = await WorkspaceAnalyzer.create();
  fresh.setFile(uri, renamed);
  const [edited, parsed] = [incremental.analyze(), fresh.analyze()];
  assert.equal(parsed.partial.length, 1, 'the broken definition is reported');
  assert.deepEqual(normalize(edited), normalize(parsed));
});
