// optax optimizers modelled as chains of transformations: where add_decayed_weights sits decides
// the kind of decay, the hover explains it, and the per-step hint uses the chain's learning rate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';

async function analyze(lines: string[]) {
  const analyzer = await WorkspaceAnalyzer.create();
  const uri = 'file:///virtual/optax_train.py';
  analyzer.setFile(uri, lines.join('\n'));
  return { result: analyzer.analyze(), uri };
}

const header = ['import jax', 'import jax.numpy as jnp', 'import optax', ''];

test('optax.adamw: decoupled decay in the hover and lr*wd in the hint', async () => {
  const lines = [...header, "tx = optax.adamw(learning_rate=0.01, weight_decay=0.05, mask=lambda p: jax.tree_util.tree_map(lambda x: x.ndim > 1, p))"];
  const { result } = await analyze(lines);
  assert.deepEqual(result.findings, []);
  const line = lines.length - 1;
  const hover = result.hovers().find((h) => h.range.startLine === line && h.range.startColumn === lines[line].indexOf('weight_decay'));
  assert.ok(hover, 'a hover on weight_decay=');
  assert.match(hover.markdown(), /Decoupled: each step `w -= lr\*wd\*w`/);
  assert.ok(hover.markdown().includes(`w*${1 - 0.01 * 0.05}`), hover.markdown());
  assert.deepEqual(result.decayHints().map((hint) => [hint.range.startLine, hint.label]), [[line, `×${1 - 0.01 * 0.05}/step`]]);
});

test('add_decayed_weights before optax.sgd: plain L2 with the chain learning rate; after it: the weights grow', async () => {
  const lines = [
    ...header,
    'def kernels(params):',
    "    return {'w': True}",
    'coupled = optax.chain(optax.add_decayed_weights(0.001, mask=kernels), optax.sgd(0.1))',
    'grows = optax.chain(optax.sgd(0.1), optax.add_decayed_weights(0.001, mask=kernels))',
  ];
  const { result } = await analyze(lines);
  assert.deepEqual(result.findings.map((f) => [f.range.startLine, f.code]), [[lines.length - 1, 'WD302']]);
  const hints = result.decayHints().map((hint) => [hint.range.startLine, hint.label]);
  assert.deepEqual(hints, [
    [lines.length - 2, `×${1 - 0.1 * 0.001}/step`],
    [lines.length - 1, '×1.001/step'],
  ]);
  const growing = result.hovers().find((h) => h.range.startLine === lines.length - 1)!;
  assert.match(growing.markdown(), /multiplies the weights by `1 \+ wd` = `1\.001`, so they grow/);
});

test('an optax transformation chained into a larger one is one optimizer, not two', async () => {
  const lines = [...header, 'base = optax.adamw(1e-3)', 'tx = optax.chain(optax.clip_by_global_norm(1.0), base)', 'nested = optax.chain(optax.clip(1.0), optax.chain(optax.add_decayed_weights(1e-4), optax.adam(1e-3)))'];
  const { result } = await analyze(lines);
  const [base, nested] = ['base =', 'nested ='].map((start) => lines.findIndex((line) => line.startsWith(start)));
  assert.deepEqual(
    result.findings.map((f) => [f.range.startLine, f.code]),
    [
      [base, 'WD203'],
      [nested, 'WD202'],
      [nested, 'WD203'],
    ],
  );
  // The coupled chain's hover says what Adam does to the decay.
  const coupled = result.hovers().find((h) => h.range.startLine === nested)!;
  assert.match(coupled.markdown(), /Coupled L2/);
});

test('optax names are only optax through an import', async () => {
  const { result } = await analyze(['class optax:', '    pass', 'tx = optax.adamw(1e-3, weight_decay=-1.0)']);
  assert.deepEqual(result.findings, []);
});

test("optax.adamw's default decay is on: 1e-4, and a factor that rounds to 1 keeps its difference in the hint", async () => {
  const lines = [...header, 'tx = optax.adamw(1e-3)'];
  const { result } = await analyze(lines);
  assert.deepEqual(result.findings.map((f) => [f.code, f.data.weightDecay]), [['WD203', 1e-4]]);
  assert.deepEqual(result.decayHints().map((hint) => hint.label), ['×(1-1e-7)/step']);
});

test("optax.lion decays by 1e-3 unless told otherwise, decoupled like adamw; decay before its sign update is not called Adam's", async () => {
  const lines = [
    ...header,
    'def kernels(params):',
    "    return {'w': True}",
    'default = optax.lion(1e-4)',
    'masked = optax.lion(learning_rate=3e-4, weight_decay=0.1, mask=kernels)',
    'by_hand = optax.chain(optax.scale_by_lion(), optax.add_decayed_weights(0.01, mask=kernels), optax.scale(-1e-4))',
    'before = optax.chain(optax.add_decayed_weights(1e-4, mask=kernels), optax.lion(1e-4, weight_decay=0.0))',
  ];
  const { result } = await analyze(lines);
  const at = (name: string) => lines.findIndex((line) => line.startsWith(`${name} =`));
  assert.deepEqual(result.findings.map((f) => [f.range.startLine, f.code, f.data.weightDecay]), [[at('default'), 'WD203', 1e-3]]);
  assert.deepEqual(
    result.decayHints().map((hint) => [hint.range.startLine, hint.label]),
    [
      [at('default'), '×(1-1e-7)/step'],
      [at('masked'), `×${1 - 3e-4 * 0.1}/step`],
      [at('by_hand'), `×${1 - 1e-4 * 0.01}/step`],
    ],
  );
  const masked = result.hovers().find((h) => h.range.startLine === at('masked') && h.range.startColumn === lines[at('masked')].indexOf('weight_decay'));
  assert.ok(masked, 'a hover on weight_decay=');
  assert.match(masked.markdown(), /Decoupled: each step `w -= lr\*wd\*w`/);
  const before = result.hovers().find((h) => h.range.startLine === at('before'));
  assert.ok(before, 'a hover on the decay before lion');
  assert.match(before.markdown(), /Before a sign update \(Lion\): `wd\*w` joins the momentum whose sign is the step/);
  assert.doesNotMatch(before.markdown(), /sqrt\(v\)|plain SGD/);
  const defaultHover = result.hovers().find((h) => h.range.startLine === at('default'))!;
  assert.ok(defaultHover.markdown().includes('`w*(1-1e-7)`'), 'a factor that rounds to 1 keeps its difference in the hover too');
  // The sweep runtime has no Lion: no sweep lens that would train AdamW in its place.
  assert.deepEqual(result.sweepPlaces(), []);
  const adamw = await analyze([...header, 'tx = optax.adamw(1e-3, weight_decay=0.01)']);
  assert.deepEqual(adamw.result.sweepPlaces().map((place) => place.line), [header.length], 'an adamw chain is swept');
});
