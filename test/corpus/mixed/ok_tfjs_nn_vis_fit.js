// Idiom seen in: markovmagnifico/nn_vis model.js
// What it reproduces: LeNet-style tfjs-node Sequential with l2 kernelRegularizer on both conv layers, trained with
// model.compile + model.fit, which adds the regularization losses itself. Clean.
import * as tf from '@tensorflow/tfjs-node';
import { loadMnist } from './data.js';

const model = tf.sequential();

model.add(
  tf.layers.conv2d({
    inputShape: [28, 28, 1],
    filters: 6,
    kernelSize: 5,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }),
  })
);
model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
model.add(
  tf.layers.conv2d({
    filters: 8,
    kernelSize: 3,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }),
  })
);
model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
model.add(tf.layers.flatten());
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

model.compile({
  optimizer: tf.train.sgd(0.05),
  loss: 'categoricalCrossentropy',
  metrics: ['accuracy'],
});

async function train() {
  const { xs, ys } = await loadMnist();
  await model.fit(xs, ys, {
    epochs: 10,
    batchSize: 64,
    validationSplit: 0.1,
    callbacks: { onEpochEnd: (epoch, logs) => console.log(epoch, logs.loss, logs.val_acc) },
  });
  await model.save('file://./mnist-lenet');
}

train();
