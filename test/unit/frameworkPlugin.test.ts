// A library is added by one module implementing `Framework` and one line in the registry: this test
// plays that module (a toy "gluonish" library, defined here) and hands it to the analysis beside
// the registered frameworks. Its optimizer and its training call reach the real rules without any
// change to the evaluator: WD301 from the optimizer's own decay, WD101 from a collection that its
// training call leaves out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameworks } from '../../server/src/analysis/frameworks';
import type { Framework } from '../../server/src/analysis/frameworks/framework';
import { EMPTY, factorOf } from '../../server/src/analysis/values';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';
import { analyzeTexts } from '../support/fixtures';

/** `gluonish.Trainer(params, lr, wd)` decays by `wd` (plain SGD); `trainer.step(loss)` trains on the loss. */
const gluonish: Framework = {
  name: 'gluonish',
  memberOf: ({ qualified, imported }) => (imported && qualified.startsWith('gluonish.') ? qualified.slice('gluonish.'.length) : undefined),
  call({ member, args, context, at }) {
    if (member !== 'Trainer') return EMPTY;
    const tag = { k: 'optimizer' as const, name: 'Trainer', kind: 'sgd' as const, learningRate: factorOf(args[1] ?? EMPTY), site: at, weightDecay: { factor: factorOf(args[2] ?? EMPTY), site: at } };
    context?.effects.push({ k: 'optimizer', tag, site: at });
    return [tag];
  },
  methodCall({ method, receiver, args, context, at }) {
    if (method !== 'step' || !receiver.some((tag) => tag.k === 'optimizer' && tag.name === 'Trainer')) return undefined;
    context?.effects.push({ k: 'sink', loss: args[0] ?? EMPTY, optimizer: receiver.filter((tag) => tag.k === 'optimizer'), site: at, method: 'step' });
    return EMPTY;
  },
};

const program = [
  'import gluonish',
  'import tensorflow as tf',
  'from data import batches',
  '',
  'w = tf.get_variable("w", [10, 10])',
  'tf.add_to_collection("losses", tf.multiply(tf.nn.l2_loss(w), 5e-4))',
  'x, y = batches()',
  'loss = tf.reduce_mean(tf.square(tf.matmul(x, w) - y))',
  'trainer = gluonish.Trainer([w], 0.5, 4.0)',
  'trainer.step(loss)',
  '',
].join('\n');

async function codesWith(extra: Framework[]): Promise<string[]> {
  const result = await analyzeTexts(new Map([['file:///toy/train.py', program]]), await WorkspaceAnalyzer.create([...frameworks, ...extra]));
  return result.findings.map((finding) => `${finding.code}@${finding.range.startLine + 1}`).sort();
}

test('a framework given to the analysis adds its optimizers and training calls, with no change to the evaluator', async () => {
  assert.deepEqual(await codesWith([gluonish]), ['WD101@6', 'WD301@9']);
});

test('without that framework the same program is unknown library code: the analysis stays silent', async () => {
  assert.deepEqual(await codesWith([]), []);
});
