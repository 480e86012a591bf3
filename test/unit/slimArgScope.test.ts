// slim.arg_scope defaults reach layer calls in the functions called inside the scope, however
// deep, unless the call has its own value or the scope does not list the function.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';

const program = [
  'import tensorflow as tf',
  'import tensorflow.contrib.slim as slim',
  '',
  'def tower(x):',
  "    a = slim.conv2d(x, 32, [3, 3], scope='a')",
  "    b = slim.conv2d(a, 32, [3, 3], weights_regularizer=None, scope='b')",
  "    c = slim.max_pool2d(b, [2, 2], scope='c')",
  "    return slim.fully_connected(slim.flatten(c), 64, scope='d')",
  '',
  'def model(x):',
  '    return tower(x)',
  '',
  'x = tf.placeholder(tf.float32, [None, 32, 32, 3])',
  'with slim.arg_scope([slim.conv2d], weights_regularizer=slim.l2_regularizer(1e-4)):',
  '    with slim.arg_scope([slim.max_pool2d], padding="SAME"):',
  '        logits = model(x)',
  'loss = tf.reduce_mean(logits)',
  'train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)',
];

test('an arg_scope regularizer reaches the listed layers of functions called inside it, two calls deep', async () => {
  const analyzer = await WorkspaceAnalyzer.create();
  const uri = 'file:///virtual/slim_tower.py';
  analyzer.setFile(uri, program.join('\n'));
  const result = analyzer.analyze();
  const line = (text: string) => program.findIndex((l) => l.includes(text));
  assert.deepEqual(result.findings.map((f) => [f.code, f.range.startLine]), [['WD102', line('weights_regularizer=slim.l2')]]);
  // Decay sources: the arg_scope's own keyword and the one conv2d that takes the default.
  const sourceLines = result
    .sweepPlaces()
    .filter((place) => place.kind === 'source')
    .map((place) => place.line)
    .sort((a, b) => a - b);
  assert.deepEqual(sourceLines, [line("scope='a'"), line('weights_regularizer=slim.l2')]);
  const hover = result.hovers().find((h) => h.range.startLine === line("scope='a'"));
  assert.ok(hover, 'the tower layer the scope decays has the flow hover');
  assert.match(hover.markdown(), /`a` \(wd=0\.0001\)/);
});

test('a layer in a nested function, and one reached along a million call paths, are each one layer', async () => {
  // Each level calls the next twice: 2^20 paths to the conv2d at the bottom.
  const chain = Array.from({ length: 20 }, (_, level) => [`def level${level}(x):`, `    return level${level + 1}(level${level + 1}(x))`]).flat();
  const lines = [
    'import tensorflow as tf',
    'import tensorflow.contrib.slim as slim',
    '',
    'def level20(x):',
    "    return slim.conv2d(x, 8, [3, 3], scope='bottom')",
    ...chain,
    '',
    'def with_block(x):',
    '    def block(y):',
    "        return slim.conv2d(y, 8, [3, 3], scope='nested')",
    '    return block(block(x))',
    '',
    'x = tf.placeholder(tf.float32, [None, 8, 8, 3])',
    'with slim.arg_scope([slim.conv2d], weights_regularizer=slim.l2_regularizer(1e-4)):',
    '    y = with_block(level0(x))',
    'train_op = tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_mean(y))',
  ];
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///virtual/chain.py', lines.join('\n'));
  const result = analyzer.analyze();
  const line = (text: string) => lines.findIndex((l) => l.includes(text));
  assert.deepEqual(result.findings.map((f) => [f.code, f.range.startLine]), [['WD102', line('weights_regularizer=')]]);
  const sourceLines = result
    .sweepPlaces()
    .filter((place) => place.kind === 'source')
    .map((place) => place.line)
    .sort((a, b) => a - b);
  assert.deepEqual(sourceLines, [line("scope='bottom'"), line("scope='nested'"), line('weights_regularizer=')]);
});
