// A deterministic multi-file Python workspace: packages of TF1, Keras and PyTorch code in the
// shapes of test/fixtures/python. Each package has a `layers.py` that every model module of the
// package imports (`from .layers import conv_block`) and training scripts that import the models;
// some scripts leave decay out of the loss, so the workspace has findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Random } from '../runtime/src/sweep/random';

export interface GeneratedWorkspace {
  /** Relative path -> text. */
  files: Map<string, string>;
  /** The shared module of package 0, imported (through its models) by most of that package. */
  editedModule: string;
  /** 0-based line of `editedModule` that `editedLine` rewrites. */
  editLine: number;
  /** The two versions of that line; switching between them changes the module's findings. */
  lineVersions: [string, string];
}

/** Files per package: `__init__.py`, `layers.py`, then models and scripts. */
const PACKAGE_SIZE = 50;
const MODELS_PER_PACKAGE = 12;

export function generateWorkspace(fileCount: number, seed = 7): GeneratedWorkspace {
  const random = new Random(seed);
  const files = new Map<string, string>();
  for (let pkg = 0; files.size < fileCount; pkg++) {
    const size = Math.min(PACKAGE_SIZE, fileCount - files.size);
    addPackage(files, `project_${pkg}`, size, random);
  }
  const editedModule = 'project_0/layers.py';
  const lines = files.get(editedModule)!.split('\n');
  const editLine = lines.findIndex((line) => line.includes("tf.add_to_collection('losses', weight_decay)"));
  const original = lines[editLine];
  return { files, editedModule, editLine, lineVersions: [original, original.replace("'losses'", "'weight_losses'")] };
}

export function writeWorkspace(folder: string, workspace: GeneratedWorkspace): void {
  for (const [relative, text] of workspace.files) {
    const file = path.join(folder, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

function addPackage(files: Map<string, string>, name: string, size: number, random: Random): void {
  const add = (file: string, text: string) => files.set(`${name}/${file}`, text);
  add('__init__.py', `"""Generated package ${name}."""\n`);
  if (size === 1) return;
  add('layers.py', layersModule(random));
  const models = Math.min(MODELS_PER_PACKAGE, Math.max(0, size - 3));
  for (let i = 0; i < models; i++) add(`model_${i}.py`, tfModelModule(i, random));
  for (let i = 0; i < size - 2 - models; i++) {
    const kind = random.integer(10);
    const model = random.integer(Math.max(models, 1));
    if (models === 0 || kind >= 8) add(`torch_train_${i}.py`, torchScript(i, random));
    else if (kind >= 6) add(`keras_train_${i}.py`, kerasScript(i, random));
    else add(`train_${i}.py`, tfScript(name, model, random));
  }
}

function decay(random: Random): string {
  return (random.integer(9) + 1).toFixed(0) + 'e-4';
}

function layersModule(random: Random): string {
  return `import tensorflow as tf


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)
    return var


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = _variable_on_cpu(name, shape, tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def conv_block(inputs, channels_in, channels_out, wd=${decay(random)}):
    kernel = _variable_with_weight_decay('weights', [3, 3, channels_in, channels_out], stddev=5e-2, wd=wd)
    conv = tf.nn.conv2d(inputs, kernel, [1, 1, 1, 1], padding='SAME')
    biases = _variable_on_cpu('biases', [channels_out], tf.constant_initializer(0.0))
    return tf.nn.relu(conv + biases)


def dense_block(inputs, width_in, width_out, wd=None):
    weights = _variable_with_weight_decay('weights', [width_in, width_out], stddev=0.04, wd=wd)
    biases = _variable_on_cpu('biases', [width_out], tf.constant_initializer(0.1))
    return tf.nn.relu(tf.matmul(inputs, weights) + biases)
`;
}

function tfModelModule(index: number, random: Random): string {
  const blocks = 2 + random.integer(4);
  const body: string[] = [];
  let channels = 3;
  for (let b = 0; b < blocks; b++) {
    const next = 16 << random.integer(3);
    body.push(`    with tf.variable_scope('conv${b}'):`, `        net = conv_block(net, ${channels}, ${next})`);
    channels = next;
  }
  return `"""Model ${index}: ${blocks} convolution blocks and a dense head."""
import tensorflow as tf

from .layers import conv_block, dense_block

NUM_CLASSES = 10


def inference(images):
    net = images
${body.join('\n')}
    flat = tf.reshape(net, [-1, ${channels} * 64])
    with tf.variable_scope('head'):
        hidden = dense_block(flat, ${channels} * 64, 192, wd=${decay(random)})
    with tf.variable_scope('logits'):
        logits = dense_block(hidden, 192, NUM_CLASSES)
    return logits


def loss(logits, labels):
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)
    return cross_entropy_mean
`;
}

/** A TF1 training script; a third of them minimise the data loss alone (decay never reaches it). */
function tfScript(pkg: string, model: number, random: Random): string {
  const broken = random.integer(3) === 0;
  const total = broken ? 'data_loss' : "tf.add_n(tf.get_collection('losses'), name='total_loss')";
  return `import tensorflow as tf

from ${pkg} import model_${model} as model

images = tf.placeholder(tf.float32, [64, 8, 8, 3])
labels = tf.placeholder(tf.int32, [64])
logits = model.inference(images)
data_loss = model.loss(logits, labels)
total_loss = ${total}
train_op = tf.train.MomentumOptimizer(${(0.01 * (1 + random.integer(10))).toFixed(2)}, 0.9).minimize(total_loss)
`;
}

/** A Keras script: fitted (regularizers counted) or a custom loop that leaves model.losses out. */
function kerasScript(index: number, random: Random): string {
  const width = 64 << random.integer(3);
  const header = `"""Keras script ${index}."""
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Dense(${width}, activation='relu', kernel_regularizer=tf.keras.regularizers.l2(${decay(random)})),
    tf.keras.layers.Dense(10),
])
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
x_train = tf.random.normal([1024, 784])
y_train = tf.random.uniform([1024], maxval=10, dtype=tf.int32)
`;
  if (random.integer(2) === 0) {
    return `${header}model.compile(optimizer='adam', loss=loss_fn)
model.fit(x_train, y_train, epochs=3)
`;
  }
  return `${header}optimizer = tf.keras.optimizers.Adam(1e-3)


def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x, training=True))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


for x, y in tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(64):
    train_step(x, y)
`;
}

/** A PyTorch script: AdamW (fine), Adam with weight_decay (coupled), or SGD plus an explicit penalty. */
function torchScript(index: number, random: Random): string {
  const hidden = 32 << random.integer(3);
  const optimizer = ['torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)', `torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=${decay(random)})`, `torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=${decay(random)})`][
    random.integer(3)
  ];
  const penalty = optimizer.includes('SGD') ? ' + 1e-4 * sum(p.pow(2).sum() for p in model.parameters())' : '';
  return `"""PyTorch script ${index}."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, ${hidden})
        self.out = nn.Linear(${hidden}, 1)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))


model = Net()
criterion = nn.MSELoss()
optimizer = ${optimizer}
features = torch.randn(1024, 20)
targets = torch.randn(1024, 1)

for epoch in range(10):
    optimizer.zero_grad()
    loss = criterion(model(features), targets)${penalty}
    loss.backward()
    optimizer.step()
`;
}
