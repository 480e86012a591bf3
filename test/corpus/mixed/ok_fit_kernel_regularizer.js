// Idiom seen in: qcgm1978/machine_learning __tests__/fit.js
// What it reproduces: a tfjs-node regression model with an L2 kernel regularizer on its hidden layer, compiled and
//   trained with model.fit, exported as a function taking the onTrainEnd callback. Clean: fit adds the layers'
//   regularization losses to the loss it minimizes.
const tf = require('@tensorflow/tfjs');

// Optional Load the binding:
// Use '@tensorflow/tfjs-node-gpu' if running with GPU.
require('@tensorflow/tfjs-node');

// Train a simple model:
const model = tf.sequential();
model.add(tf.layers.dense({
  units: 100,
  activation: 'relu',
  inputShape: [10],
  kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }),
}));
model.add(tf.layers.dense({ units: 1, activation: 'linear' }));
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });

const xs = tf.randomNormal([100, 10]);
const ys = tf.randomNormal([100, 1]);

function fit(onTrainEnd) {
  return model.fit(xs, ys, {
    epochs: 20,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch, log) => console.log(`Epoch ${epoch}: loss = ${log.loss}`),
      onTrainEnd: onTrainEnd,
    },
  });
}

module.exports = fit;
