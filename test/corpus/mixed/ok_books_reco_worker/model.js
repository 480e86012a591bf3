// Idiom seen in: josenelsoncultri/books-recommendations-with-ml-tensorflowjs src/workers/modelTrainingWorker.js
// What it reproduces: the recommendation scorer (dense 128-64-32 -> sigmoid) over concatenated user and book
// vectors, here with l2 kernel regularizers on the hidden layers; it is compiled and trained with fit.
import * as tf from '@tensorflow/tfjs';

export function buildModel(inputDimension, l2 = 1e-4) {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [inputDimension],
    units: 128,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2 }),
  }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2 }) }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2 }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({
    optimizer: tf.train.adam(0.01),
    loss: 'binaryCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}
