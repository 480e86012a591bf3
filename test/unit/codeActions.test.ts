// Quick fixes are checked by applying them: the edited code parses cleanly and the rule no longer
// reports, while the other findings stay.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyzeTexts as analyze, fixtureWorkspaces, pythonFixtures, textsOf } from '../support/fixtures';
import { applyCodeAction as apply, quickFixesFor } from '../support/quickFixes';

const wd101Workspaces = fixtureWorkspaces().filter((workspace) => workspace.files.some((file) => /# expect: .*WD101/.test(readFileSync(file, 'utf8'))));
const examples = path.resolve(pythonFixtures, '..', '..', '..', 'examples', 'cifar10_broken');

for (const workspace of [...wd101Workspaces, { name: 'examples/cifar10_broken', files: ['cifar10.py', 'cifar10_train.py'].map((f) => path.join(examples, f)) }]) {
  test(`WD101's fix sums the collection into the minimized loss: ${workspace.name}`, async () => {
    const texts = textsOf(workspace.files);
    const before = await analyze(texts);
    const finding = before.findings.find((f) => f.code === 'WD101')!;
    const actions = quickFixesFor(finding, texts);
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, `a preferred fix for ${finding.message}`);
    const after = await analyze(apply(texts, fix));
    assert.equal(after.partial.length, before.partial.length, 'the fix adds no syntax error');
    assert.deepEqual(after.findings.filter((f) => f.code === 'WD101' || f.code === 'WD105'), []);
  });
}

test("the fix adds the minimized loss when the collection holds only the decay", async () => {
  const file = path.join(pythonFixtures, 'WD101_direct_add.py');
  const texts = textsOf([file]);
  const finding = (await analyze(texts)).findings.find((f) => f.code === 'WD101')!;
  const fix = quickFixesFor(finding, texts).find((action) => action.isPreferred)!;
  assert.match(fix.title, /^Minimize \w+ \+ tf\.add_n\(tf\.get_collection\('losses'\)\)$/);
});

test('silencing a finding on its line: that finding goes, a second code joins the same comment', async () => {
  const file = path.join(pythonFixtures, 'WD104_discarded.py');
  let texts = textsOf([file]);
  const findings = (await analyze(texts)).findings;
  assert.equal(findings.length, 2);
  const silence = (finding: (typeof findings)[number]) =>
    quickFixesFor(finding, texts).find((action) => action.title === `Ignore ${finding.code} on this line`)!;
  texts = apply(texts, silence(findings[0]));
  const after = (await analyze(texts)).findings;
  assert.deepEqual(after.map((f) => f.range.startLine), [findings[1].range.startLine]);
  // A line that already has an ignore list gets the code added to it.
  const line = texts.get(findings[0].uri)!.split('\n')[findings[0].range.startLine];
  assert.match(line, /# decay-lens: ignore\[WD104\]$/);
  const again = quickFixesFor({ ...findings[0], code: 'WD302' }, texts);
  const edited = apply(texts, again.find((action) => action.title === 'Ignore WD302 on this line')!);
  assert.match(edited.get(findings[0].uri)!.split('\n')[findings[0].range.startLine], /# decay-lens: ignore\[WD104, WD302\]$/);
});

for (const [code, fixture, expectedTitle] of [
  ['WD202', 'WD202_adam_weight_decay.py', 'Switch to AdamW (decoupled weight decay)'],
  ['WD203', 'WD203_sgd_all_parameters.py', 'Exclude biases and normalization weights from weight decay'],
] as const) {
  test(`${code}'s fix: ${expectedTitle}`, async () => {
    const texts = textsOf([path.join(pythonFixtures, fixture)]);
    const before = await analyze(texts);
    const finding = before.findings.find((f) => f.code === code)!;
    const fix = quickFixesFor(finding, texts).find((action) => action.isPreferred);
    assert.equal(fix?.title, expectedTitle);
    const fixed = apply(texts, fix!);
    const after = await analyze(fixed);
    assert.equal(after.partial.length, 0, 'the fixed code parses');
    assert.deepEqual(after.findings.filter((f) => f.code === code), []);
    // Nothing new appears.
    const codes = (findings: typeof after.findings) => findings.map((f) => f.code).filter((c) => c !== code).sort();
    assert.deepEqual(codes(after.findings), codes(before.findings));
    // The decay is kept, now decoupled: not a fix that drops weight_decay=.
    if (code === 'WD202') assert.match([...fixed.values()][0], /^optimizer = torch\.optim\.AdamW\(model\.parameters\(\), lr=1e-3, weight_decay=1e-4\)/m);
    if (code === 'WD203') assert.match([...fixed.values()][0], /\[\{'params': decay_params\}, \{'params': no_decay_params, 'weight_decay': 0\.0\}\]/);
  });
}

test("WD103's fix adds tf.add_n(model.losses) to the loss the tape differentiates", async () => {
  const texts = textsOf([path.join(pythonFixtures, 'WD103_custom_loop.py')]);
  const before = await analyze(texts);
  const findings = before.findings.filter((f) => f.code === 'WD103');
  assert.equal(findings.length, 2);
  const fix = quickFixesFor(findings[1], texts).find((action) => action.isPreferred);
  assert.equal(fix?.title, 'Add tf.add_n(model.losses) to the loss');
  const fixed = apply(texts, fix!);
  assert.match([...fixed.values()][0], /^ {8}loss = loss_fn\(y, logits\) \+ tf\.add_n\(model\.losses\)$/m);
  const after = await analyze(fixed);
  assert.equal(after.partial.length, 0, 'the fixed code parses');
  assert.deepEqual(after.findings, []);
});

test("WD103's fix parenthesizes a loss that is not a single call", async () => {
  const file = path.join(pythonFixtures, 'WD103_custom_loop.py');
  const texts = new Map([[pathToFileURL(file).href, readFileSync(file, 'utf8').replace('loss = loss_fn(y, logits)', 'loss = 0.5 * loss_fn(y, logits)')]]);
  const finding = (await analyze(texts)).findings.find((f) => f.code === 'WD103')!;
  const fixed = apply(texts, quickFixesFor(finding, texts).find((action) => action.isPreferred)!);
  assert.match([...fixed.values()][0], /loss = \(0\.5 \* loss_fn\(y, logits\)\) \+ tf\.add_n\(model\.losses\)\n/);
  const after = await analyze(fixed);
  assert.equal(after.partial.length, 0);
  assert.deepEqual(after.findings.filter((f) => f.code === 'WD103'), []);
});

test("WD203's fix on an optax optimizer adds a mask that leaves out one-dimensional parameters", async () => {
  const file = path.join(pythonFixtures, 'WD203_optax_adamw_default_decay.py');
  for (const [written, expected] of [
    ['optax.adamw(learning_rate=1e-3)', 'optax.adamw(learning_rate=1e-3, mask=lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params))'],
    ['optax.adamw(\n    learning_rate=1e-3,\n)', 'optax.adamw(\n    learning_rate=1e-3,\nmask=lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params), )'],
    // A comment after the trailing comma: still no second comma.
    ['optax.adamw(\n    learning_rate=1e-3,  # warmed up elsewhere\n)', 'optax.adamw(\n    learning_rate=1e-3,  # warmed up elsewhere\nmask=lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params), )'],
  ]) {
    const texts = new Map([[pathToFileURL(file).href, readFileSync(file, 'utf8').replace('optax.adamw(learning_rate=1e-3)', written)]]);
    const before = await analyze(texts);
    const finding = before.findings.find((f) => f.code === 'WD203')!;
    const fix = quickFixesFor(finding, texts).find((action) => action.isPreferred);
    assert.equal(fix?.title, 'Exclude biases and normalization scales from weight decay (mask=)');
    const fixed = apply(texts, fix!);
    assert.ok([...fixed.values()][0].includes(`optimizer = ${expected}`), [...fixed.values()][0]);
    const after = await analyze(fixed);
    assert.equal(after.partial.length, 0, 'the fixed code parses');
    assert.deepEqual(after.findings, []);
  }
});

test("WD203's fix on optax.lion's default decay adds the same mask", async () => {
  const file = path.join(pythonFixtures, 'WD203_optax_lion_default_decay.py');
  const texts = new Map([[pathToFileURL(file).href, readFileSync(file, 'utf8')]]);
  const before = await analyze(texts);
  const finding = before.findings.find((f) => f.code === 'WD203')!;
  const fix = quickFixesFor(finding, texts).find((action) => action.isPreferred);
  const fixed = apply(texts, fix!);
  assert.ok([...fixed.values()][0].includes('tx = optax.lion(learning_rate=3e-5, mask=lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params))'), [...fixed.values()][0]);
  assert.deepEqual((await analyze(fixed)).findings, []);
});
