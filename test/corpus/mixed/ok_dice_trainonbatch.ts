// Idiom seen in: GantMan/learn-tfjs chapter12/node/node-train-dice/src/index.js
// What it reproduces: the book's dice classifier (flatten + dense stack, Adam, categorical cross-entropy) with L2 on
// the hidden layers, trained batch by batch with model.trainOnBatch so the UI can report progress; trainOnBatch
// minimizes the compiled loss plus the regularization losses, so the decay acts: clean.

import * as tf from '@tensorflow/tfjs-node';
import {shuffleCombo} from './helper';

const inputShape = [12, 12, 1];
const epochs = 10;
const batchSize = 32;
const learningRate = 0.005;
const weightDecay = 5e-4;

function makeModel(numOptions: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.flatten({inputShape}));
  model.add(tf.layers.dense({
    units: 64,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: weightDecay}),
  }));
  model.add(tf.layers.dense({
    units: 8,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: weightDecay}),
  }));
  model.add(tf.layers.dense({units: numOptions, kernelInitializer: 'varianceScaling', activation: 'softmax'}));
  model.compile({
    optimizer: tf.train.adam(learningRate),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

export async function trainModel(images: number[][][], answers: number[], numOptions: number) {
  shuffleCombo(images, answers);
  const xs = tf.tensor(images).expandDims(3) as tf.Tensor4D;
  const ys = tf.oneHot(answers, numOptions) as tf.Tensor2D;
  const model = makeModel(numOptions);

  const n = xs.shape[0];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let lastLoss = 0;
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      const xBatch = xs.slice([start, 0, 0, 0], [size, -1, -1, -1]);
      const yBatch = ys.slice([start, 0], [size, -1]);
      const out = await model.trainOnBatch(xBatch, yBatch);
      lastLoss = Array.isArray(out) ? out[0] : out;
      tf.dispose([xBatch, yBatch]);
    }
    console.log(`epoch ${epoch + 1}/${epochs} loss ${lastLoss.toFixed(4)}`);
    await tf.nextFrame();
  }
  tf.dispose([xs, ys]);
  return model;
}
