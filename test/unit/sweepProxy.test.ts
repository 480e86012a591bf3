// The sweep's proxy follows the user's model: the layer sequence read from TF1 variable helpers,
// Keras, PyTorch and TF.js, scaled down by the documented rule, decaying where the code decays.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { describeModel, validateSpec, type SweepSpec } from '@decay-lens/runtime/spec';
import type { ProxyLayer } from '../../server/src/analysis/effects';
import { proxyNetwork } from '../../server/src/features/proxyNetwork';
import { planSweep } from '../../server/src/features/sweepPlanner';
import { analyzeTexts } from '../support/fixtures';

const examples = path.resolve(__dirname, '..', '..', 'examples');

async function plannedSpecs(files: Record<string, string>): Promise<{ line: number; spec: SweepSpec }[]> {
  const texts = new Map(Object.entries(files).map(([name, text]) => [pathToFileURL(path.join('/proxy', name)).href, text]));
  const result = await analyzeTexts(texts);
  return result.sweepPlaces().map((place) => ({ line: place.line, spec: planSweep(place).spec }));
}

function exampleFiles(folder: string): Record<string, string> {
  const dir = path.join(examples, folder);
  return Object.fromEntries(readdirSync(dir).filter((name) => name.endsWith('.py')).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

test("the CIFAR-10 example's proxy: its two 5x5 convolutions and poolings, every width divided by 8, decay on the dense kernels only", async () => {
  const specs = await plannedSpecs(exampleFiles('cifar10_broken'));
  assert.ok(specs.length >= 3, 'lenses on the decayed variables and the optimizer');
  for (const { spec } of specs) {
    assert.deepEqual(spec.input, [16, 16, 3]);
    assert.deepEqual(spec.network, [
      { kind: 'conv', filters: 8, kernel: 5, stride: 1, padding: 'same' },
      { kind: 'maxpool', size: 3, stride: 2 },
      { kind: 'conv', filters: 8, kernel: 5, stride: 1, padding: 'same' },
      { kind: 'maxpool', size: 3, stride: 2 },
      { kind: 'flatten' },
      { kind: 'dense', units: 48 },
      { kind: 'dense', units: 24 },
      { kind: 'dense', units: 10 },
    ]);
    // conv1 (wd=None), conv2 (wd=0.0) and softmax_linear (wd=None) do not decay; local3 and local4 do.
    assert.deepEqual(spec.decayLayers, [2, 3]);
    assert.equal(spec.task.kind, 'synthetic-images');
    assert.equal(spec.optimizer.kind, 'sgd');
    assert.equal(spec.learningRate, 0.1);
    assert.equal(spec.steps, 300, 'a convolutional proxy trains fewer steps than an MLP');
    assert.deepEqual(validateSpec(spec), []);
  }
  assert.equal(
    describeModel(specs[0].spec),
    '16x16x3 -> conv 5x5x8 same -> maxpool 3x3 stride 2x2 -> conv 5x5x8 same -> maxpool 3x3 stride 2x2 -> flatten -> dense 48 (decay) -> dense 24 (decay) -> dense 10, relu',
  );
});

test('Keras: Conv2D, MaxPooling2D, Flatten and Dense in order; decay on the layers with a kernel_regularizer', async () => {
  const specs = await plannedSpecs({
    'model.py': [
      'import tensorflow as tf',
      'from tensorflow.keras import layers, regularizers',
      'model = tf.keras.Sequential([',
      "    layers.Conv2D(32, (3, 3), padding='same', activation='relu', kernel_regularizer=regularizers.l2(1e-4)),",
      '    layers.MaxPooling2D((2, 2)),',
      "    layers.Conv2D(64, 3, activation='relu', kernel_regularizer=regularizers.l2(1e-4)),",
      '    layers.GlobalAveragePooling2D(),',
      "    layers.Dense(128, activation='relu'),",
      '    layers.Dense(5),',
      '])',
      'optimizer = tf.keras.optimizers.SGD(0.01)',
      'def step(x, y):',
      '    with tf.GradientTape() as tape:',
      '        loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(y, model(x), from_logits=True))',
      '    grads = tape.gradient(loss, model.trainable_variables)',
      '    optimizer.apply_gradients(zip(grads, model.trainable_variables))',
      'step(tf.zeros((1, 32, 32, 3)), tf.zeros((1,)))',
      '',
    ].join('\n'),
  });
  const regularized = specs.find(({ line }) => line === 3);
  assert.ok(regularized, 'a lens on the first regularized layer');
  // Widest convolution 64 filters: every width divided by 8.
  assert.deepEqual(regularized.spec.network, [
    { kind: 'conv', filters: 4, kernel: 3, stride: 1, padding: 'same' },
    { kind: 'maxpool', size: 2, stride: 2 },
    { kind: 'conv', filters: 8, kernel: 3, stride: 1, padding: 'valid' },
    { kind: 'globalavgpool' },
    { kind: 'dense', units: 16 },
    { kind: 'dense', units: 5 },
  ]);
  assert.deepEqual(regularized.spec.decayLayers, [0, 1]);
});

test("PyTorch: nn.Conv2d, nn.MaxPool2d and nn.Linear of a LeNet; the optimizer's weight_decay decays every layer, with its learning rate and momentum", async () => {
  const specs = await plannedSpecs({
    'lenet.py': [
      'import torch',
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      'class LeNet(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.conv1 = nn.Conv2d(3, 6, 5)',
      '        self.pool = nn.MaxPool2d(2, 2)',
      '        self.conv2 = nn.Conv2d(6, 16, kernel_size=3, padding=1)',
      '        self.fc1 = nn.Linear(16 * 5 * 5, 120)',
      '        self.fc2 = nn.Linear(120, 10)',
      '    def forward(self, x):',
      '        x = self.pool(F.relu(self.conv1(x)))',
      '        x = self.pool(F.relu(self.conv2(x)))',
      '        return self.fc2(F.relu(self.fc1(torch.flatten(x, 1))))',
      'net = LeNet()',
      'optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)',
      '',
    ].join('\n'),
  });
  const [{ spec }] = specs;
  // Widest convolution 16 filters: every width halved (6 filters become the minimum of 4).
  assert.deepEqual(spec.network, [
    { kind: 'conv', filters: 4, kernel: 5, stride: 1, padding: 'valid' },
    { kind: 'maxpool', size: 2, stride: 2 },
    { kind: 'conv', filters: 8, kernel: 3, stride: 1, padding: 'same' },
    { kind: 'flatten' },
    { kind: 'dense', units: 60 },
    { kind: 'dense', units: 10 },
  ]);
  assert.deepEqual(spec.decayLayers, [0, 1, 2, 3]);
  assert.equal(spec.optimizer.kind, 'momentum');
  assert.equal(spec.learningRate, 0.01);
});

test('TF.js: tf.layers.conv2d and maxPooling2d configured by one object', async () => {
  const specs = await plannedSpecs({
    'model.ts': [
      "import * as tf from '@tensorflow/tfjs';",
      'const model = tf.sequential();',
      "model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], kernelSize: 5, filters: 8, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }) }));",
      'model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }));',
      'model.add(tf.layers.flatten());',
      "model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));",
      'const optimizer = tf.train.sgd(0.1);',
      'optimizer.minimize(() => tf.losses.softmaxCrossEntropy(tf.zeros([1, 10]), model.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor) as tf.Scalar);',
      '',
    ].join('\n'),
  });
  const [{ spec }] = specs;
  assert.deepEqual(spec.network, [
    { kind: 'conv', filters: 8, kernel: 5, stride: 1, padding: 'valid' },
    { kind: 'maxpool', size: 2, stride: 2 },
    { kind: 'flatten' },
    { kind: 'dense', units: 10 },
  ]);
  assert.deepEqual(spec.decayLayers, [0]);
});

test('the scale rule: at most 4 convolutions, evenly chosen, every width divided by one factor, unknown classes 10', () => {
  const convs: ProxyLayer[] = [64, 64, 128, 128, 256, 256, 512, 512].map((filters) => ({ kind: 'conv', filters, kernel: 3, padding: 'same' }));
  const layers: ProxyLayer[] = [...convs, { kind: 'globalavgpool' }, { kind: 'dense', units: 1024 }, { kind: 'dense', inputs: 1024 }];
  const proxy = proxyNetwork(layers, layers.map((layer) => layer.kind === 'conv'));
  assert.ok(proxy);
  // Factor max(512 / 8, 1024 / 128) = 64; the first, third, sixth and last convolutions.
  assert.deepEqual(proxy.network, [
    { kind: 'conv', filters: 4, kernel: 3, stride: 1, padding: 'same' },
    { kind: 'conv', filters: 4, kernel: 3, stride: 1, padding: 'same' },
    { kind: 'conv', filters: 4, kernel: 3, stride: 1, padding: 'same' },
    { kind: 'conv', filters: 8, kernel: 3, stride: 1, padding: 'same' },
    { kind: 'globalavgpool' },
    { kind: 'dense', units: 16 },
    { kind: 'dense', units: 10 },
  ]);
  assert.deepEqual(proxy.decayLayers, [0, 1, 2, 3]);
});

test('shapes that do not fit 16x16 inputs: valid paddings become same, then poolings go, last first', () => {
  const layers: ProxyLayer[] = [
    { kind: 'conv', filters: 8, kernel: 5, padding: 'valid' },
    { kind: 'maxpool', size: 2 },
    { kind: 'conv', filters: 8, kernel: 5, padding: 'valid' },
    { kind: 'maxpool', size: 2 },
    { kind: 'conv', filters: 8, kernel: 5, padding: 'valid' },
    { kind: 'maxpool', size: 2 },
    { kind: 'maxpool', size: 2 },
    { kind: 'maxpool', size: 2 },
    { kind: 'maxpool', size: 2 },
    { kind: 'dense', units: 10 },
  ];
  const proxy = proxyNetwork(layers, layers.map(() => false));
  assert.ok(proxy);
  assert.ok(proxy.network.every((layer) => layer.kind !== 'conv' || layer.padding === 'same'));
  // 16 -> 8 -> 4 -> 2 -> 1: four poolings fit, the fifth and sixth are dropped.
  assert.equal(proxy.network.filter((layer) => layer.kind === 'maxpool').length, 4);
  assert.deepEqual(proxy.decayLayers, []);
});

test('a model without convolutions keeps the MLP proxy', async () => {
  const specs = await plannedSpecs({
    'mlp.py': [
      'import torch',
      'import torch.nn as nn',
      'model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3))',
      'optimizer = torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=1e-3)',
      '',
    ].join('\n'),
  });
  const [{ spec }] = specs;
  assert.equal(spec.network, undefined);
  assert.deepEqual(spec.layers, [20, 64, 3]);
});
